import type { Confidence } from "../../bindings/Confidence";
import type { EventKind } from "../../bindings/EventKind";
import type { EventPatch } from "../../bindings/EventPatch";
import type { EventView } from "../../bindings/EventView";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { CONFIDENCE, CONFIDENCE_VALUES, KIND_VALUES, KINDS } from "../../lib/vocabulary";

const IMPORTANCE = [1, 2, 3, 4, 5];

/** Kind, confidence and importance: each saved as soon as it is picked. */
export function Choices({ event }: { event: EventView }) {
  const edit = useEdit();
  const update = (patch: EventPatch) => {
    void edit.run(() => api.updateEvent(event.id, patch));
  };
  return (
    <>
      <dt>
        <label for="inspector-kind">Kind</label>
      </dt>
      <dd>
        <select
          id="inspector-kind"
          class="input select"
          data-testid="inspector-kind"
          value={event.kind}
          style={{ "--kind": KINDS[event.kind].colour }}
          onChange={(change) => {
            update({ kind: change.currentTarget.value as EventKind });
          }}
        >
          {KIND_VALUES.map((kind) => (
            <option key={kind} value={kind}>
              {KINDS[kind].label}
            </option>
          ))}
        </select>
      </dd>
      <dt>
        <label for="inspector-confidence">Confidence</label>
      </dt>
      <dd>
        <select
          id="inspector-confidence"
          class={`input select confidence-select is-${event.confidence}`}
          data-testid="inspector-confidence"
          value={event.confidence}
          onChange={(change) => {
            update({ confidence: change.currentTarget.value as Confidence });
          }}
        >
          {CONFIDENCE_VALUES.map((confidence) => (
            <option key={confidence} value={confidence}>
              {CONFIDENCE[confidence]}
            </option>
          ))}
        </select>
      </dd>
      <dt id="inspector-importance-label">Importance</dt>
      <dd>
        <span
          class="importance-picker"
          role="radiogroup"
          aria-labelledby="inspector-importance-label"
          data-testid="inspector-importance"
        >
          {IMPORTANCE.map((step) => (
            <button
              key={step}
              type="button"
              role="radio"
              class={step <= event.importance ? "pip-button is-on" : "pip-button"}
              aria-checked={step === event.importance}
              aria-label={`${step} of 5`}
              title={`${step} of 5`}
              data-testid="importance-option"
              data-value={step}
              onClick={() => {
                if (step !== event.importance) update({ importance: step });
              }}
            >
              <span class="pip" />
            </button>
          ))}
        </span>
      </dd>
    </>
  );
}
