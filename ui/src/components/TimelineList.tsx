import { memo } from "preact/compat";
import type { TimelineSummary } from "../bindings/TimelineSummary";
import { plural } from "../lib/format";
import { WarningIcon } from "./icons";

interface Props {
  timelines: TimelineSummary[];
  shown: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

export const TimelineList = memo(function TimelineList({ timelines, shown, onToggle }: Props) {
  return (
    <section class="sidebar-section" aria-labelledby="timelines-heading">
      <h2 class="section-title" id="timelines-heading">
        Timelines
      </h2>
      <ul class="timeline-list">
        {timelines.map((timeline) => {
          const on = shown.has(timeline.id);
          return (
            <li key={timeline.id}>
              <button
                type="button"
                class={`timeline-row${on ? " is-on" : ""}`}
                aria-pressed={on}
                data-testid="timeline-toggle"
                data-timeline-id={timeline.id}
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
    </section>
  );
});
