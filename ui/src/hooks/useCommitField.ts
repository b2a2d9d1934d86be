import type { TargetedEvent, TargetedFocusEvent, TargetedKeyboardEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { errorMessage } from "../ipc";

type Field = HTMLInputElement | HTMLTextAreaElement;

interface Options {
  /** Tidies what is typed (a one-line field turns pasted line breaks into spaces). */
  clean?: (text: string) => string;
  /** Enter inserts a line break; ctrl+Enter saves. */
  multiline?: boolean;
}

export interface CommitField {
  error: string | null;
  props: {
    value: string;
    "aria-invalid": boolean;
    onInput: (event: TargetedEvent<Field>) => void;
    onKeyDown: (event: TargetedKeyboardEvent<Field>) => void;
    onBlur: (event: TargetedFocusEvent<Field>) => void;
  };
}

/**
 * A field saved on Enter and on blur, not on every key; Escape puts the
 * saved value back. Focus stays in the field either way, so a keyboard user
 * carries on from where they are. `commit` gets the text as typed and
 * resolves to the text to show once saved (the engine's words for it); when
 * it rejects, the typed text stays, with the engine's message, for correcting.
 */
export function useCommitField(value: string, commit: (text: string) => Promise<string>, options: Options = {}): CommitField {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** The text being saved: a blur right after Enter does not save it twice. */
  const saving = useRef<string | null>(null);

  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const save = (typed: string) => {
    const text = options.clean ? options.clean(typed) : typed;
    if (text === saving.current) return;
    if (text === value) {
      setError(null);
      setDraft(value);
      return;
    }
    saving.current = text;
    commit(text).then(
      (shown) => {
        saving.current = null;
        setError(null);
        setDraft(shown);
      },
      (failure: unknown) => {
        saving.current = null;
        setError(errorMessage(failure));
      },
    );
  };

  return {
    error,
    props: {
      value: draft,
      "aria-invalid": error !== null,
      onInput: (event) => {
        const text = event.currentTarget.value;
        setDraft(options.clean ? options.clean(text) : text);
        setError(null);
      },
      onKeyDown: (key) => {
        const saves = key.key === "Enter" && (!options.multiline || key.ctrlKey || key.metaKey);
        if (saves) {
          key.preventDefault();
          key.stopPropagation();
          // Read the field itself: scripted edits need not fire input events.
          save(key.currentTarget.value);
        } else if (key.key === "Escape" && (key.currentTarget.value !== value || error !== null)) {
          // A second Escape, with nothing left to put back, goes on to close the panel.
          key.preventDefault();
          key.stopPropagation();
          setDraft(value);
          setError(null);
        }
      },
      onBlur: (blur) => {
        save(blur.currentTarget.value);
      },
    },
  };
}
