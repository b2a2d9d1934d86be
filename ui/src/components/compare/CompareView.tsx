import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Alignment } from "../../bindings/Alignment";
import type { ComparisonView } from "../../bindings/ComparisonView";
import type { EventKind } from "../../bindings/EventKind";
import type { EventView } from "../../bindings/EventView";
import type { Milestone } from "../../bindings/Milestone";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { textWidth } from "../../lib/measure";
import { KINDS, kindVars } from "../../lib/vocabulary";
import { calendarAxis, daysLabel, fittingLabels, relativeAxis, xOf, type RelativeAxis } from "./axis";
import { DurationTable } from "./DurationTable";

/** The milestone kinds a T0 can be chosen by, in the table's order. */
const T0_KINDS: readonly EventKind[] = [
  "announcement",
  "mou",
  "definitive-agreement",
  "regulatory-filing",
  "regulatory-review",
  "decision",
  "closing",
  "termination",
];
const PAD_PX = 28;
/** The font of a milestone's label (.compare-label). */
const MILESTONE_FONT = '600 10px "Inter"';

interface Props {
  id: number;
  revision: number;
  onClose: () => void;
  onError: (error: unknown) => void;
}

interface Hover {
  event: EventView;
  timeline: number;
  x: number;
  y: number;
}

/** A saved comparison: one band per timeline on a shared T−/T+ axis, and the duration table. */
export function CompareView({ id, revision, onClose, onError }: Props) {
  const edit = useEdit();
  const [view, setView] = useState<ComparisonView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [alignment, setAlignment] = useState<Alignment | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  /** Undoing the comparison's creation (or deleting it elsewhere) closes it. */
  const [gone, setGone] = useState(false);
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);

  useEffect(() => {
    let live = true;
    api.listComparisons().then((list) => {
      if (!live) return;
      const saved = list.find((comparison) => comparison.id === id);
      setAlignment(saved?.alignment ?? null);
      setGone(saved === undefined);
    }, onError);
    api.comparisonView({ source: "saved", id }).then(
      (next) => {
        if (!live) return;
        setView(next);
        setProblem(null);
      },
      (error: unknown) => {
        if (!live) return;
        setView(null);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [id, revision, onError]);

  useLayoutEffect(() => {
    const element = plot.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setWidth(element.clientWidth);
    });
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => {
      observer.disconnect();
    };
  }, []);

  /** On calendar dates every band shares the earliest T0 as its origin. */
  const calendar = alignment?.mode === "calendar";
  const origins = useMemo((): number[] => {
    if (!view) return [];
    const earliest = Math.min(...view.t0_minutes);
    return view.t0_minutes.map((t0) => (calendar ? earliest : t0));
  }, [view, calendar]);

  const axis = useMemo((): RelativeAxis | null => {
    if (!view || width <= 0) return null;
    let from = 0;
    let to = 0;
    view.timelines.forEach((timeline, index) => {
      const t0 = origins[index] ?? 0;
      for (const event of timeline.events) {
        from = Math.min(from, event.start_minute - t0);
        to = Math.max(to, event.end_minute - t0);
      }
    });
    const inner = width - 2 * PAD_PX;
    const pad = ((to - from) / Math.max(inner, 1)) * PAD_PX;
    return calendar
      ? calendarAxis(from - pad, to + pad, width, origins[0] ?? 0)
      : relativeAxis(from - pad, to + pad, width);
  }, [view, width, origins, calendar]);

  const chooseKind = (value: string) => {
    if (value === "events") return;
    const next: Alignment = value === "calendar" ? { mode: "calendar" } : { mode: "kind", kind: value as EventKind };
    void edit.run(() => api.setComparisonAlignment(id, next));
  };
  const setT0 = (timeline: number, event: number) => {
    void edit.run(() => api.setComparisonT0(id, timeline, event));
  };

  const mode = alignment?.mode === "kind" ? alignment.kind : (alignment?.mode ?? "events");
  return (
    <main class="compare" data-testid="compare-view" data-comparison-id={id} data-region="compare" aria-labelledby="compare-title">
      <header class="compare-header">
        <h2 class="compare-title" id="compare-title">{view?.name ?? "Comparison"}</h2>
        <label class="compare-t0">
          <span>T0</span>
          <select
            data-testid="t0-kind"
            value={mode}
            onChange={(event) => {
              chooseKind(event.currentTarget.value);
            }}
          >
            <option value="events">Clicked events</option>
            <option value="calendar">Calendar dates</option>
            {T0_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                First {KINDS[kind].label.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <span class="compare-hint">Click an event to make it its timeline’s T0</span>
        <span class="section-spacer" />
        <button type="button" class="header-button" data-testid="compare-close" onClick={onClose}>
          Back to timelines
        </button>
      </header>
      {problem !== null && (
        <p class="compare-problem" data-testid="compare-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="compare-plot" ref={plot}>
        {view && axis && (
          <>
            <div class="compare-axis">
              {axis.ticks.map((tick) => (
                <span key={tick.label} class={`compare-tick${tick.label === "T0" ? " is-t0" : ""}`} style={{ left: `${tick.x}px` }}>
                  {tick.label}
                </span>
              ))}
            </div>
            {!calendar && <div class="compare-t0-line" style={{ left: `${xOf(axis, 0)}px` }} />}
            {view.timelines.map((timeline, index) => {
              const compared = view.comparison.timelines[index];
              const t0 = origins[index] ?? 0;
              const milestones = new Map<number, Milestone>((compared?.milestones ?? []).map((m) => [m.event, m]));
              // Of labels that would run into each other, T0's is kept, then the
              // deal's last milestone and its first, then the others by date.
              const dated = timeline.events.filter((event) => milestones.has(event.id));
              const rank = (event: EventView) =>
                event.id === compared?.t0.event ? 0 : event === dated.at(-1) ? 1 : event === dated[0] ? 2 : 3;
              const labelled = [...dated]
                .sort((a, b) => rank(a) - rank(b))
                .map((event) => ({
                  id: event.id,
                  x: xOf(axis, event.start_minute - t0),
                  width: textWidth(KINDS[event.kind].label, MILESTONE_FONT),
                }));
              const shown = fittingLabels(labelled);
              return (
                <div
                  key={timeline.id}
                  class="compare-band"
                  data-testid="compare-band"
                  data-timeline-id={timeline.id}
                  style={{ "--band": timeline.colour }}
                >
                  <div class="compare-band-title">
                    <span class="timeline-dot" style={{ "--dot": timeline.colour }} />
                    {timeline.title}
                    {compared && <span class="compare-band-t0">T0: {compared.t0.date}</span>}
                  </div>
                  <div class="compare-track">
                    {timeline.events.map((event) => {
                      const left = xOf(axis, event.start_minute - t0);
                      const right = xOf(axis, event.end_minute - t0);
                      const milestone = milestones.get(event.id);
                      const isT0 = compared?.t0.event === event.id;
                      const labelled = milestone && shown.has(event.id);
                      return (
                        <button
                          type="button"
                          key={event.id}
                          class={`compare-event${milestone ? " is-milestone" : ""}${isT0 ? " is-t0" : ""}`}
                          data-testid="compare-event"
                          data-event-id={event.id}
                          data-kind={event.kind}
                          aria-label={`${labelled ? `${KINDS[event.kind].label}: ` : ""}${event.title}, ${event.start_label}`}
                          style={{ ...kindVars(event.kind), left: `${left}px`, width: `${Math.max(right - left, 0)}px` }}
                          onClick={() => {
                            setT0(timeline.id, event.id);
                          }}
                          onMouseEnter={(hovered) => {
                            const box = hovered.currentTarget.getBoundingClientRect();
                            setHover({ event, timeline: index, x: box.left, y: box.bottom });
                          }}
                          onMouseLeave={() => {
                            setHover(null);
                          }}
                        >
                          <span class="compare-mark" />
                          {labelled && <span class="compare-label">{KINDS[event.kind].label}</span>}
                        </button>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </>
        )}
      </div>
      {hover && view && (
        <div class="compare-hover" data-testid="compare-hover" style={{ left: `${hover.x}px`, top: `${hover.y}px` }}>
          <strong>{hover.event.title}</strong>
          <span>{hover.event.start_label}</span>
          <span class="compare-hover-offset">
            {offsetLabel(hover.event, view.comparison.timelines[hover.timeline]?.events ?? [])}
          </span>
        </div>
      )}
      {view && <DurationTable view={view} />}
    </main>
  );
}

/** The engine's offset of `event` from its timeline's T0. */
function offsetLabel(event: EventView, placed: readonly Milestone[]): string {
  const offset = placed.find((m) => m.event === event.id);
  return offset ? `${offset.offset_label} (${daysLabel(offset.offset_days)})` : "";
}
