import { useState } from "preact/hooks";
import type { EventKind } from "../../bindings/EventKind";
import type { EventView } from "../../bindings/EventView";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import type { LanePlace } from "../../lib/events";
import { KIND_VALUES, KINDS } from "../../lib/vocabulary";
import { FormActions, FormError, FormField } from "../common/Form";

interface Props {
  /** The lane a new event goes in, or null to keep it in the library. */
  lane: LanePlace | null;
  onCreated: (event: EventView) => void;
  onCancel: () => void;
}

/** A new event from its title, start (as typed) and kind; the rest is edited in the inspector. */
export function NewEventForm({ lane, onCreated, onCancel }: Props) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [title, setTitle] = useState("");
  const [start, setStart] = useState("");
  const [kind, setKind] = useState<EventKind>("announcement");
  return (
    <form
      class="form"
      data-testid="new-event-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(() => edit.attempt(() => api.createEvent({ title, start, kind, lane_id: lane?.id ?? null })), onCreated);
      }}
    >
      <FormField label="Title">
        <input
          class="input"
          data-testid="new-event-title"
          placeholder="What happened"
          value={title}
          onInput={(input) => {
            setTitle(input.currentTarget.value);
          }}
        />
      </FormField>
      <div class="form-pair">
        <FormField label="Date">
          <input
            class="input"
            data-testid="new-event-start"
            placeholder="e.g. Q1 2024"
            value={start}
            onInput={(input) => {
              setStart(input.currentTarget.value);
            }}
          />
        </FormField>
        <FormField label="Kind">
          <select
            class="input select"
            data-testid="new-event-kind"
            value={kind}
            onChange={(change) => {
              setKind(change.currentTarget.value as EventKind);
            }}
          >
            {KIND_VALUES.map((value) => (
              <option key={value} value={value}>
                {KINDS[value].label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <p class="form-note">
        {lane ? (
          <>
            Placed on <strong>{lane.timelineTitle}</strong> · {lane.name}
          </>
        ) : (
          "Kept in the library: no timeline is shown."
        )}
      </p>
      <FormError error={error} />
      <FormActions submit="Create event" testid="new-event-submit" busy={busy} onCancel={onCancel} />
    </form>
  );
}
