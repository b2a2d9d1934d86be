import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { EventPatch } from "../../bindings/EventPatch";
import type { EventView } from "../../bindings/EventView";
import { useCommitField } from "../../hooks/useCommitField";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { PRECISION } from "../../lib/vocabulary";

interface DateInputProps {
  id: string;
  label: string;
  /** The saved date in the engine's words, put in the field to edit. */
  value: string;
  placeholder: string;
  disabled?: boolean;
  commit: (text: string) => Promise<string>;
  /** The saved date as the engine reads it, under the field. */
  children: ComponentChildren;
}

/**
 * A date as typed ("Q1 2024", "c. 2021", "2019-07-22"): the engine parses it
 * on Enter or blur and says what it understood, or what is wrong, below.
 */
function DateInput({ id, label, value, placeholder, disabled = false, commit, children }: DateInputProps) {
  const { error, props } = useCommitField(value, commit);
  return (
    <>
      <dt>
        <label for={id}>{label}</label>
      </dt>
      <dd>
        <input
          id={id}
          class="input date-input"
          data-testid={id}
          placeholder={placeholder}
          autoComplete="off"
          spellcheck={false}
          disabled={disabled}
          aria-describedby={`${id}-note`}
          {...props}
        />
        <div class="date-note" id={`${id}-note`}>
          {error === null ? (
            children
          ) : (
            <span class="field-error" data-testid={`${id}-error`} role="alert">
              {error}
            </span>
          )}
        </div>
      </dd>
    </>
  );
}

/**
 * Start, end and "ongoing", each saved by the engine as typed; an end that
 * lies inside its start's own year or month is flagged under it.
 */
export function DateFields({ event }: { event: EventView }) {
  const edit = useEdit();
  const warning = useEndWarning(event.start, event.end);
  const update = (patch: EventPatch) => edit.attempt(() => api.updateEvent(event.id, patch));
  const qualifiers = [event.approximate && "approximate", event.uncertain && "uncertain"].filter(Boolean).join(", ");
  return (
    <>
      <DateInput
        id="inspector-start"
        label="Start"
        value={event.start_label}
        placeholder="e.g. Q1 2024, Jul 2019, c. 2021"
        commit={async (start) => (await update({ start })).start_label}
      >
        <span data-testid="inspector-start-label">{event.start_label}</span>
        <code class="edtf" data-testid="inspector-start-edtf" title="EDTF">
          {event.start}
        </code>
        <span class="muted">
          {PRECISION[event.precision]}
          {qualifiers !== "" && `, ${qualifiers}`}
        </span>
      </DateInput>
      <DateInput
        id="inspector-end"
        label="End"
        value={event.end_label ?? ""}
        placeholder={event.ongoing ? "Ongoing" : "None: a point in time"}
        disabled={event.ongoing}
        commit={async (end) => (await update({ end })).end_label ?? ""}
      >
        {event.end !== null && event.end_label !== null ? (
          <>
            <span data-testid="inspector-end-label">{event.end_label}</span>
            <code class="edtf" data-testid="inspector-end-edtf" title="EDTF">
              {event.end}
            </code>
          </>
        ) : (
          <span class="muted">{event.ongoing ? "Still going on" : "Empty for a point in time"}</span>
        )}
        <label class="check">
          <input
            type="checkbox"
            data-testid="inspector-ongoing"
            checked={event.ongoing}
            onChange={(change) => {
              const ongoing = change.currentTarget.checked;
              void edit.run(() => api.updateEvent(event.id, { ongoing }));
            }}
          />
          Ongoing
        </label>
        {warning !== null && (
          <span class="date-hint-warning" data-testid="inspector-end-warning" role="status">
            {warning}
          </span>
        )}
      </DateInput>
    </>
  );
}

/** The engine's warning about a saved range's end, or null. */
function useEndWarning(start: string, end: string | null): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    if (end === null) {
      setWarning(null);
      return;
    }
    let live = true;
    api.readDates(start, end).then(
      (reading) => {
        if (live) setWarning(reading.warning);
      },
      () => {
        if (live) setWarning(null);
      },
    );
    return () => {
      live = false;
    };
  }, [start, end]);
  return warning;
}
