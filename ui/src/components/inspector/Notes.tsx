import { useState } from "preact/hooks";
import type { AnnotationView } from "../../bindings/AnnotationView";
import { useAutofocus } from "../../hooks/useAutofocus";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { FormActions, FormError } from "../common/Form";
import { NoteIcon, PencilIcon, PlusIcon, TrashIcon } from "../icons";

interface Props {
  eventId: number;
  notes: readonly AnnotationView[];
  /** The shown timeline a new note goes on, or null when the event is on none. */
  timeline: { id: number; title: string } | null;
}

/** Callout notes on the event, as the canvas shows them beside it. */
export function Notes({ eventId, notes, timeline }: Props) {
  const edit = useEdit();
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const done = () => {
    setEditing(null);
  };
  return (
    <section class="inspector-section" data-testid="inspector-notes">
      <h3 class="section-title">
        Notes <span class="count">{notes.length}</span>
      </h3>
      {notes.map((note) =>
        editing === note.id ? (
          <NoteEditor
            key={note.id}
            initial={note.text}
            save={(text) => api.updateAnnotation(note.id, text)}
            onDone={done}
          />
        ) : (
          <div key={note.id} class="note" data-testid="inspector-note">
            <NoteIcon />
            <span class="note-text">{note.text}</span>
            <span class="note-actions">
              <button
                type="button"
                class="icon-button is-small"
                data-testid="note-edit"
                aria-label="Edit note"
                title="Edit note"
                onClick={() => {
                  setEditing(note.id);
                }}
              >
                <PencilIcon />
              </button>
              <button
                type="button"
                class="icon-button is-small"
                data-testid="note-delete"
                aria-label="Delete note"
                title="Delete note"
                onClick={() => {
                  void edit.run(() => api.deleteAnnotation(note.id));
                }}
              >
                <TrashIcon />
              </button>
            </span>
          </div>
        ),
      )}
      {editing === "new" && timeline ? (
        <NoteEditor
          initial=""
          save={(text) =>
            api.createAnnotation({ timeline_id: timeline.id, text, event_id: eventId, start: null, end: null })
          }
          onDone={done}
        />
      ) : (
        <button
          type="button"
          class="button is-quiet add-button"
          data-testid="add-note"
          disabled={timeline === null}
          title={timeline ? `A callout beside the event on ${timeline.title}` : "Show a timeline this event is on to note it there"}
          onClick={() => {
            setEditing("new");
          }}
        >
          <PlusIcon size={12} />
          Add note
        </button>
      )}
    </section>
  );
}

function NoteEditor({ initial, save, onDone }: { initial: string; save: (text: string) => Promise<unknown>; onDone: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [text, setText] = useState(initial);
  const field = useAutofocus<HTMLTextAreaElement>();
  const commit = () => {
    submit(() => edit.attempt(() => save(text)), onDone);
  };
  return (
    <form
      class="form note-form"
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <textarea
        ref={field}
        class="input"
        rows={2}
        data-testid="note-input"
        aria-label="Note"
        placeholder="A note shown beside the event"
        value={text}
        onInput={(input) => {
          setText(input.currentTarget.value);
        }}
        onKeyDown={(key) => {
          if (key.key === "Enter" && !key.shiftKey) {
            key.preventDefault();
            commit();
          } else if (key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            onDone();
          }
        }}
      />
      <FormError error={error} />
      <FormActions submit="Save note" testid="note-save" busy={busy} onCancel={onDone} />
    </form>
  );
}
