import { useState } from "preact/hooks";
import type { AnnotationView } from "../../bindings/AnnotationView";
import type { EventPatch } from "../../bindings/EventPatch";
import type { EventView } from "../../bindings/EventView";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { isUnsourced, type Placed } from "../../lib/events";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { CloseIcon, WarningIcon } from "../icons";
import { ChipsField } from "./ChipsField";
import { Choices } from "./Choices";
import { DateFields } from "./DateFields";
import { DescriptionField } from "./DescriptionField";
import { Notes } from "./Notes";
import { Sources } from "./Sources";
import { TitleField } from "./TitleField";

interface Props {
  event: EventView;
  notes: readonly AnnotationView[];
  /** The shown timelines the event is on. */
  placed: readonly Placed[];
  onClose: () => void;
}

/** Everything about the selected event, editable, with its sources and notes. */
export function Inspector({ event, notes, placed, onClose }: Props) {
  const edit = useEdit();
  const [deleting, setDeleting] = useState(false);
  const unsourced = isUnsourced(event);
  const update = (patch: EventPatch) => edit.attempt(() => api.updateEvent(event.id, patch));
  return (
    <aside class="inspector" data-testid="inspector" aria-label="Event details" data-region="inspector">
      <header class="inspector-header">
        <span class="section-title">Event</span>
        <button
          type="button"
          class="icon-button"
          data-testid="inspector-close"
          aria-label="Close the inspector"
          title="Close (Esc)"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      {/* Keyed by event: drafts and open editors belong to one event. */}
      <div class="inspector-body" key={event.id}>
        <TitleField event={event} />
        {unsourced && (
          <div class="warning-box" data-testid="inspector-unsourced" role="note">
            <WarningIcon size={14} />
            <div>
              <strong>Unsourced</strong>
              <p>No source supports this event yet. Cite one before relying on it.</p>
            </div>
          </div>
        )}
        <dl class="fields">
          <DateFields event={event} />
          <Choices event={event} />
          <ChipsField
            id="inspector-parties"
            label="Parties"
            values={event.parties}
            placeholder="e.g. Microsoft, OpenAI"
            commit={(parties) => update({ parties })}
          />
          <ChipsField
            id="inspector-tags"
            label="Tags"
            values={event.tags}
            placeholder="e.g. antitrust"
            commit={(tags) => update({ tags })}
          />
          {placed.map((timeline, index) => (
            <LaneField key={timeline.id} eventId={event.id} timeline={timeline} named={placed.length > 1} first={index === 0} />
          ))}
          <dt>Timelines</dt>
          <dd>
            {event.timelines.length === 0 ? (
              <span class="muted">On no timeline</span>
            ) : (
              <span class="chips">
                {event.timelines.map((title) => (
                  <span key={title} class="chip">
                    {title}
                  </span>
                ))}
              </span>
            )}
          </dd>
        </dl>
        <DescriptionField event={event} />
        <Sources event={event} />
        <Notes eventId={event.id} notes={notes} timeline={placed[0] ?? null} />
      </div>
      <footer class="inspector-footer">
        {placed.map((timeline) => (
          <button
            key={timeline.id}
            type="button"
            class="button"
            data-testid="unplace-event"
            data-timeline-id={timeline.id}
            title={`Take the event off ${timeline.title}; it stays in the library (Delete)`}
            onClick={() => {
              void edit.run(() => api.unplaceEvent(event.id, timeline.id));
            }}
          >
            {placed.length === 1 ? "Remove from timeline" : `Remove from ${timeline.title}`}
          </button>
        ))}
        <span class="form-actions-spacer" />
        <button
          type="button"
          class="button is-quiet-danger"
          data-testid="delete-event"
          onClick={() => {
            setDeleting(true);
          }}
        >
          Delete from workspace…
        </button>
      </footer>
      {deleting && (
        <ConfirmDialog
          title="Delete this event?"
          confirm="Delete event"
          onCancel={() => {
            setDeleting(false);
          }}
          onConfirm={() => {
            setDeleting(false);
            void edit.run(() => api.deleteEvent(event.id));
          }}
        >
          <p>
            “{event.title}” goes from the workspace: from every timeline, with its citations and notes. The sources stay.
            You can undo this.
          </p>
        </ConfirmDialog>
      )}
    </aside>
  );
}

/** The lane the event is in on one timeline; another lane moves it there, keeping its dates. */
function LaneField({ eventId, timeline, named, first }: { eventId: number; timeline: Placed; named: boolean; first: boolean }) {
  const edit = useEdit();
  const id = `inspector-lane-${timeline.id}`;
  return (
    <>
      <dt>
        <label for={id}>{named ? `Lane on ${timeline.title}` : "Lane"}</label>
      </dt>
      <dd>
        <select
          id={id}
          class="input select"
          data-testid={first ? "inspector-lane" : "inspector-lane-other"}
          data-timeline-id={timeline.id}
          value={String(timeline.laneId)}
          onChange={(change) => {
            const lane = Number(change.currentTarget.value);
            void edit.run(() => api.placeEvent(eventId, lane));
          }}
        >
          {timeline.lanes.map((lane) => (
            <option key={lane.id} value={String(lane.id)}>
              {lane.name}
            </option>
          ))}
        </select>
      </dd>
    </>
  );
}
