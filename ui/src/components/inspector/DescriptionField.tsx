import { useState } from "preact/hooks";
import type { EventView } from "../../bindings/EventView";
import { useCommitField } from "../../hooks/useCommitField";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { Markdown } from "../common/Markdown";

/**
 * The description in Markdown: written in a text area (saved on blur or
 * ctrl+Enter) and previewed with the safe renderer.
 */
export function DescriptionField({ event }: { event: EventView }) {
  const edit = useEdit();
  const [mode, setMode] = useState<"write" | "preview">(event.description === "" ? "write" : "preview");
  const { error, props } = useCommitField(
    event.description,
    async (description) => (await edit.attempt(() => api.updateEvent(event.id, { description }))).description,
    { multiline: true },
  );
  return (
    <section class="inspector-section">
      <div class="section-row">
        <h3 class="section-title" id="description-heading">
          Description
        </h3>
        <div class="segmented is-small" role="group" aria-label="Description view">
          <button
            type="button"
            aria-pressed={mode === "write"}
            data-testid="description-write"
            onClick={() => {
              setMode("write");
            }}
          >
            Write
          </button>
          <button
            type="button"
            aria-pressed={mode === "preview"}
            data-testid="description-preview-toggle"
            onClick={() => {
              setMode("preview");
            }}
          >
            Preview
          </button>
        </div>
      </div>
      {mode === "write" ? (
        <>
          <textarea
            class="input description-input"
            data-testid="inspector-description"
            aria-labelledby="description-heading"
            rows={5}
            placeholder="What happened, in Markdown: *emphasis*, **strong**, `code`, - lists, [links](https://…). Ctrl+Enter saves."
            {...props}
          />
          {error !== null && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      ) : props.value.trim() === "" ? (
        <p class="muted">No description.</p>
      ) : (
        <Markdown source={props.value} />
      )}
    </section>
  );
}
