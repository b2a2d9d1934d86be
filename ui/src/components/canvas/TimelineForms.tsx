import { useState } from "preact/hooks";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { FormActions, FormError, FormField } from "../common/Form";

interface Props {
  timelineId: number;
  onDone: () => void;
}

/** Names a new lane at the bottom of the timeline. */
export function LaneForm({ timelineId, onDone }: Props) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [name, setName] = useState("");
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(() => edit.attempt(() => api.addLane(timelineId, name)), onDone);
      }}
    >
      <FormField label="Lane name">
        <input
          class="input"
          data-testid="new-lane-name"
          value={name}
          placeholder="e.g. Regulatory"
          onInput={(event) => {
            setName(event.currentTarget.value);
          }}
        />
      </FormField>
      <FormError error={error} />
      <FormActions submit="Add lane" testid="new-lane-submit" busy={busy} onCancel={onDone} />
    </form>
  );
}

/** Shades a period of the timeline, with a label: dates as the user writes them. */
export function SpanForm({ timelineId, onDone }: Props) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [text, setText] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(
          () =>
            edit.attempt(() =>
              api.createAnnotation({ timeline_id: timelineId, text, event_id: null, start, end }),
            ),
          onDone,
        );
      }}
    >
      <FormField label="Label">
        <input
          class="input"
          data-testid="span-text-input"
          value={text}
          placeholder="e.g. EU merger question open"
          onInput={(event) => {
            setText(event.currentTarget.value);
          }}
        />
      </FormField>
      <div class="form-pair">
        <FormField label="From">
          <input
            class="input"
            data-testid="span-start"
            value={start}
            placeholder="Jan 2024"
            onInput={(event) => {
              setStart(event.currentTarget.value);
            }}
          />
        </FormField>
        <FormField label="To">
          <input
            class="input"
            data-testid="span-end"
            value={end}
            placeholder="Jun 2024"
            onInput={(event) => {
              setEnd(event.currentTarget.value);
            }}
          />
        </FormField>
      </div>
      <FormError error={error} />
      <FormActions submit="Shade period" testid="span-submit" busy={busy} onCancel={onDone} />
    </form>
  );
}
