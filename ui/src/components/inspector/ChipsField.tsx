import { useEffect, useRef, useState } from "preact/hooks";
import { errorMessage } from "../../ipc";
import { splitList } from "../../lib/format";
import { CloseIcon } from "../icons";

interface Props {
  id: string;
  label: string;
  values: readonly string[];
  placeholder: string;
  /** Saves the whole new list; rejects with the engine's message. */
  commit: (values: string[]) => Promise<unknown>;
}

/**
 * Names as removable chips and a field that adds more: Enter, a comma or
 * leaving the field adds what was typed ("Microsoft, OpenAI" adds two).
 */
export function ChipsField({ id, label, values, placeholder, commit }: Props) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  /** The list as last sent: a second change before the first is shown builds on it. */
  const latest = useRef(values);
  /** Text being added: Enter then a blur must not add it twice. */
  const adding = useRef<string | null>(null);

  useEffect(() => {
    latest.current = values;
  }, [values]);

  const save = (next: string[], typed: string) => {
    latest.current = next;
    commit(next)
      .then(
        () => {
          setError(null);
          setDraft((current) => (current === typed ? "" : current));
        },
        (failure: unknown) => {
          latest.current = values;
          setError(errorMessage(failure));
        },
      )
      .finally(() => {
        if (adding.current === typed) adding.current = null;
      });
  };
  const add = (text: string) => {
    const added = splitList(text);
    if (added.length === 0 || adding.current === text) return;
    adding.current = text;
    save([...latest.current, ...added], text);
  };

  return (
    <>
      <dt>
        <label for={id}>{label}</label>
      </dt>
      <dd>
        <div class="chip-editor">
          {values.map((value) => (
            <span key={value} class="chip">
              {value}
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${value}`}
                onClick={() => {
                  save(
                    latest.current.filter((name) => name !== value),
                    draft,
                  );
                }}
              >
                <CloseIcon />
              </button>
            </span>
          ))}
          <input
            id={id}
            class="chip-input"
            data-testid={id}
            value={draft}
            placeholder={values.length === 0 ? placeholder : "Add…"}
            aria-invalid={error !== null}
            onInput={(input) => {
              const text = input.currentTarget.value;
              // A comma ends a name: add everything before the last one.
              const comma = text.lastIndexOf(",");
              if (comma === -1) setDraft(text);
              else {
                add(text.slice(0, comma));
                setDraft(text.slice(comma + 1));
              }
              setError(null);
            }}
            onKeyDown={(key) => {
              if (key.key === "Enter") {
                key.preventDefault();
                add(key.currentTarget.value);
              } else if (key.key === "Escape" && draft !== "") {
                key.preventDefault();
                key.stopPropagation();
                setDraft("");
              }
            }}
            onBlur={(blur) => {
              add(blur.currentTarget.value);
            }}
          />
        </div>
        {error !== null && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </dd>
    </>
  );
}
