import type { Confidence } from "../../bindings/Confidence";
import type { EventPatch } from "../../bindings/EventPatch";
import type { EventView } from "../../bindings/EventView";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { CONFIDENCE, CONFIDENCE_VALUES } from "../../lib/vocabulary";
import { KindPicker } from "../common/KindPicker";

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
        <label for="inspector-kind" id="inspector-kind-label">
          Kind
        </label>
      </dt>
      <dd>
        <KindPicker
          id="inspector-kind"
          testid="inspector-kind"
          labelledBy="inspector-kind-label"
          value={event.kind}
          onPick={(kind) => {
            update({ kind });
          }}
        />
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
