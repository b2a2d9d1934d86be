import { memo } from "preact/compat";
import { useRef, useState } from "preact/hooks";
import type { TimelineSummary } from "../bindings/TimelineSummary";
import { useAutofocus } from "../hooks/useAutofocus";
import { useEdit } from "../hooks/useEdit";
import { useRovingFocus } from "../hooks/useRovingFocus";
import { useSubmit } from "../hooks/useSubmit";
import * as api from "../ipc";
import { plural } from "../lib/format";
import { FormError } from "./common/Form";
import { PlusIcon, WarningIcon } from "./icons";

interface Props {
  timelines: TimelineSummary[];
  shown: ReadonlySet<number>;
  /** The timeline new events go to, or null when none is shown. */
  current: number | null;
  /** The New timeline form is open (the start panel opens it too). */
  creating: boolean;
  onCreating: (open: boolean) => void;
  /** Shows or hides a timeline; one shown becomes the current one. */
  onToggle: (id: number) => void;
  /** A timeline was created: show it, as the current one. */
  onCreated: (id: number) => void;
}

/** The workspace's timelines: which are shown, and which is current (where new events go). */
export const TimelineList = memo(function TimelineList(props: Props) {
  const { timelines, shown, current, creating, onCreating, onToggle, onCreated } = props;
  const currentTitle = timelines.find((timeline) => timeline.id === current)?.title;
  const list = useRef<HTMLUListElement>(null);
  const roving = useRovingFocus(list, '[data-testid="timeline-toggle"]');
  return (
    <section class="sidebar-section" aria-labelledby="timelines-heading" data-region="timelines">
      <div class="section-header">
        <h2 class="section-title" id="timelines-heading">
          Timelines
        </h2>
        <span class="section-spacer" />
        <button
          type="button"
          class="header-button"
          data-testid="new-timeline"
          aria-expanded={creating}
          onClick={() => {
            onCreating(!creating);
          }}
        >
          <PlusIcon size={12} />
          New timeline
        </button>
      </div>
      {creating && (
        <NewTimeline
          onDone={(id) => {
            onCreating(false);
            if (id !== null) onCreated(id);
          }}
        />
      )}
      <ul class="timeline-list" ref={list} {...roving}>
        {timelines.map((timeline) => {
          const on = shown.has(timeline.id);
          const isCurrent = timeline.id === current;
          return (
            <li key={timeline.id}>
              <button
                type="button"
                class={`timeline-row${on ? " is-on" : ""}${isCurrent ? " is-current" : ""}`}
                aria-pressed={on}
                aria-current={isCurrent ? "true" : undefined}
                data-testid="timeline-toggle"
                data-timeline-id={timeline.id}
                data-find={timeline.title}
                title={timeline.subtitle}
                onClick={() => {
                  onToggle(timeline.id);
                }}
              >
                <span class="timeline-dot" style={{ "--dot": timeline.colour }} />
                <span class="timeline-row-title">{timeline.title}</span>
                {timeline.unsourced > 0 && (
                  <span
                    class="unsourced-badge"
                    data-testid="unsourced-count"
                    title={`${plural(timeline.unsourced, "event")} without a source`}
                  >
                    <WarningIcon size={11} />
                    {timeline.unsourced}
                  </span>
                )}
                <span class="count" title={plural(timeline.events, "event")}>
                  {timeline.events}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {currentTitle !== undefined && (
        <p class="current-timeline" data-testid="current-timeline" data-timeline-id={current ?? undefined}>
          New events go to <strong>{currentTitle}</strong>
        </p>
      )}
    </section>
  );
});

/** A title for a new timeline; Enter creates it (with one lane), Escape gives up. */
function NewTimeline({ onDone }: { onDone: (id: number | null) => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [title, setTitle] = useState("");
  const field = useAutofocus<HTMLInputElement>();
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(
          () => edit.attempt(() => api.createTimeline(title)),
          (created) => {
            onDone(created.id);
          },
        );
      }}
    >
      <input
        ref={field}
        class="input"
        data-testid="new-timeline-title"
        aria-label="New timeline title"
        placeholder="Title, e.g. Nvidia–Arm"
        value={title}
        disabled={busy}
        onInput={(input) => {
          setTitle(input.currentTarget.value);
        }}
        onKeyDown={(key) => {
          if (key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            onDone(null);
          }
        }}
      />
      <FormError error={error} />
    </form>
  );
}
