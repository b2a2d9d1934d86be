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
 * saved value back. `commit` gets the text as typed and resolves to the
 * text to show once saved (the engine's words for it); when it rejects, the
 * typed text stays, with the engine's message, for correcting.
 */
export function useCommitField(value: string, commit: (text: string) => Promise<string>, options: Options = {}): CommitField {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const leaving = useRef<"enter" | "escape" | null>(null);

  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const save = (text: string) => {
    if (text === value) {
      setError(null);
      setDraft(value);
      return;
    }
    commit(text).then(
      (shown) => {
        setError(null);
        setDraft(shown);
      },
      (failure: unknown) => {
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
        if (saves || key.key === "Escape") {
          key.preventDefault();
          key.stopPropagation();
          leaving.current = saves ? "enter" : "escape";
          key.currentTarget.blur();
        }
      },
      onBlur: (blur) => {
        const how = leaving.current;
        leaving.current = null;
        if (how === "escape") {
          setDraft(value);
          setError(null);
        } else {
          // Read the field itself: scripted edits need not fire input events.
          const text = blur.currentTarget.value;
          save(options.clean ? options.clean(text) : text);
        }
      },
    },
  };
}
