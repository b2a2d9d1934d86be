import { useEffect, useRef, useState } from "preact/hooks";
import type { Confidence } from "../../bindings/Confidence";
import type { DateReading } from "../../bindings/DateReading";
import type { EventKind } from "../../bindings/EventKind";
import type { EventView } from "../../bindings/EventView";
import { useAutofocus } from "../../hooks/useAutofocus";
import { useDebounced } from "../../hooks/useDebounced";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import type { LanePlace } from "../../lib/events";
import { CONFIDENCE, CONFIDENCE_VALUES } from "../../lib/vocabulary";
import { FormActions, FormError, FormField } from "../common/Form";
import { KindPicker } from "../common/KindPicker";

/** How long typing rests before the dates are read back. */
const READ_DEBOUNCE_MS = 120;

/** What a new event starts from: the lane (null: the current timeline's first) and the date typed so far. */
export interface NewEventDraft {
  laneId: number | null;
  start: string;
}

interface Props {
  draft: NewEventDraft;
  /** The lanes it can go in: the current timeline's first, then the other shown timelines'. */
  lanes: readonly LanePlace[];
  onCreated: (event: EventView) => void;
  onCancel: () => void;
}

/**
 * A new event from its title, dates (a range in one field, or an End),
 * kind, confidence and lane; the rest is edited in the inspector. The
 * engine reads the dates back as they are typed, says what it did not
 * understand and marks it.
 */
export function NewEventForm({ draft, lanes, onCreated, onCancel }: Props) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [title, setTitle] = useState("");
  const [start, setStart] = useState(draft.start);
  const [end, setEnd] = useState("");
  const [kind, setKind] = useState<EventKind>("announcement");
  // An event with no source yet is at most reported: the user says otherwise.
  const [confidence, setConfidence] = useState<Confidence>("reported");
  const [laneId, setLaneId] = useState<number | null>(draft.laneId ?? lanes[0]?.id ?? null);
  const reading = useDateReading(start, end);
  const titleField = useAutofocus<HTMLInputElement>();
  const startField = useRef<HTMLInputElement>(null);
  const endField = useRef<HTMLInputElement>(null);

  const problem = reading?.error ?? null;
  /** Selects the part of a date field the engine did not understand. */
  const markProblem = () => {
    if (!problem) return;
    const field = problem.field === "end" ? endField.current : startField.current;
    field?.focus();
    field?.setSelectionRange(problem.from, Math.max(problem.to, problem.from + 1));
  };

  const timelines = [...new Set(lanes.map((lane) => lane.timelineId))];
  const lane = lanes.find((candidate) => candidate.id === laneId) ?? null;
  return (
    <form
      class="form"
      data-testid="new-event-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(
          () =>
            edit.attempt(() =>
              api.createEvent({ title, start, end: end.trim() === "" ? null : end, kind, confidence, lane_id: laneId }),
            ),
          onCreated,
        );
      }}
    >
      <FormField label="Title">
        <input
          ref={titleField}
          class="input"
          data-testid="new-event-title"
          placeholder="What happened"
          value={title}
          onInput={(input) => {
            setTitle(input.currentTarget.value);
          }}
        />
      </FormField>
      <div class="form-pair is-dates">
        <DateInput
          label="Date"
          field="start"
          testid="new-event-start"
          placeholder="e.g. Q1 2024"
          value={start}
          inputRef={startField}
          reading={reading}
          onInput={setStart}
        />
        <DateInput
          label="End (optional)"
          field="end"
          testid="new-event-end"
          placeholder="for a range"
          value={end}
          inputRef={endField}
          reading={reading}
          onInput={setEnd}
        />
      </div>
      <DateHint texts={{ start, end }} reading={reading} onMark={markProblem} />
      <div class="form-pair">
        <div class="form-field">
          <span class="form-label" id="new-event-kind-label">
            Kind
          </span>
          <KindPicker testid="new-event-kind" labelledBy="new-event-kind-label" value={kind} onPick={setKind} />
        </div>
        <FormField label="Confidence">
          <select
            class="input select"
            data-testid="new-event-confidence"
            value={confidence}
            onChange={(change) => {
              setConfidence(change.currentTarget.value as Confidence);
            }}
          >
            {CONFIDENCE_VALUES.map((value) => (
              <option key={value} value={value}>
                {CONFIDENCE[value]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField label="Lane">
        <select
          class="input select"
          data-testid="new-event-lane"
          value={laneId === null ? "" : String(laneId)}
          onChange={(change) => {
            const value = change.currentTarget.value;
            setLaneId(value === "" ? null : Number(value));
          }}
        >
          {timelines.map((timeline) => {
            const own = lanes.filter((candidate) => candidate.timelineId === timeline);
            return (
              <optgroup key={timeline} label={own[0]?.timelineTitle ?? ""}>
                {own.map((candidate) => (
                  <option key={candidate.id} value={String(candidate.id)}>
                    {candidate.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
          <option value="">Library only (on no timeline)</option>
        </select>
      </FormField>
      <p class="form-note">
        {lane ? (
          <>
            Placed on <strong>{lane.timelineTitle}</strong> · {lane.name}
          </>
        ) : (
          "Kept in the library, on no timeline."
        )}
      </p>
      <FormError error={error} />
      <FormActions submit="Create event" testid="new-event-submit" busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** The engine's reading of the dates typed, once typing rests; null while there is nothing to read. */
function useDateReading(start: string, end: string): DateReading | null {
  const settled = useDebounced({ start, end }, READ_DEBOUNCE_MS);
  const [reading, setReading] = useState<DateReading | null>(null);
  useEffect(() => {
    if (settled.start.trim() === "" && settled.end.trim() === "") {
      setReading(null);
      return;
    }
    let live = true;
    api.readDates(settled.start, settled.end.trim() === "" ? null : settled.end).then(
      (next) => {
        if (live) setReading(next);
      },
      () => {
        if (live) setReading(null);
      },
    );
    return () => {
      live = false;
    };
  }, [settled]);
  return reading;
}

interface DateInputProps {
  label: string;
  field: "start" | "end";
  testid: string;
  placeholder: string;
  value: string;
  inputRef: { current: HTMLInputElement | null };
  reading: DateReading | null;
  onInput: (text: string) => void;
}

function DateInput({ label, field, testid, placeholder, value, inputRef, reading, onInput }: DateInputProps) {
  const wrong = reading?.error?.field === field;
  return (
    <FormField label={label}>
      <input
        ref={inputRef}
        class="input"
        data-testid={testid}
        placeholder={placeholder}
        value={value}
        aria-invalid={wrong}
        aria-describedby="new-event-date-hint"
        onInput={(input) => {
          onInput(input.currentTarget.value);
        }}
      />
    </FormField>
  );
}

/**
 * Under the dates: how the engine reads them ("15 Dec 2022 – 12 Jul 2023"),
 * or what it did not understand with that part marked, or a warning; an
 * example of each form until something is typed.
 */
function DateHint({
  texts,
  reading,
  onMark,
}: {
  texts: { start: string; end: string };
  reading: DateReading | null;
  onMark: () => void;
}) {
  const problem = reading?.error ?? null;
  if (problem) {
    const text = problem.field === "end" ? texts.end : texts.start;
    return (
      <div class="date-hint is-error" id="new-event-date-hint" data-testid="new-event-date-error" role="alert">
        {problem.to > problem.from && (
          <button type="button" class="date-hint-text" title="Select this part in the field" onClick={onMark}>
            {text.slice(0, problem.from)}
            <mark>{text.slice(problem.from, problem.to)}</mark>
            {text.slice(problem.to)}
          </button>
        )}
        <span>{problem.message}</span>
      </div>
    );
  }
  if (reading?.start_label) {
    const range = reading.end_label ? `${reading.start_label} – ${reading.end_label}` : reading.start_label;
    return (
      <div class={`date-hint${reading.warning ? " is-warning" : ""}`} id="new-event-date-hint" data-testid="new-event-date-reading">
        <span>
          Reads as <strong>{range}</strong>
        </span>
        {reading.warning && (
          <span class="date-hint-warning" data-testid="new-event-date-warning" role="status">
            {reading.warning}
          </span>
        )}
      </div>
    );
  }
  return (
    <p class="date-hint" id="new-event-date-hint">
      e.g. 2019, Q1 2024, Jul 2019, 22 Jul 2019, c. 2021, or a range: 15 Dec 2022 – 12 Jul 2023, Jul–Sep 2022
    </p>
  );
}
