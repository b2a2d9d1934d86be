import { useLayoutEffect, useRef } from "preact/hooks";
import type { EventView } from "../../bindings/EventView";
import { useCommitField } from "../../hooks/useCommitField";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";

/** A title is one line: pasted line breaks become spaces. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

/** The title, saved on Enter and on blur; Escape undoes the edit. */
export function TitleField({ event }: { event: EventView }) {
  const edit = useEdit();
  const field = useRef<HTMLTextAreaElement>(null);
  const { error, props } = useCommitField(
    event.title,
    async (title) => (await edit.attempt(() => api.updateEvent(event.id, { title }))).title,
    { clean: oneLine },
  );

  // Grow with the title: it wraps instead of scrolling out of sight.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${element.scrollHeight}px`;
  }, [props.value]);

  return (
    <div class="title-field">
      <textarea
        ref={field}
        rows={1}
        class="title-input"
        data-testid="inspector-title"
        aria-label="Title"
        aria-describedby={error !== null ? "inspector-title-error" : undefined}
        placeholder="Title"
        {...props}
      />
      {error !== null && (
        <p class="field-error" id="inspector-title-error" data-testid="inspector-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
