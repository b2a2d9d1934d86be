import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { EventView } from "./bindings/EventView";
import type { TimelineSummary } from "./bindings/TimelineSummary";
import type { Viewport } from "./bindings/Viewport";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import { Canvas } from "./components/Canvas";
import { Inspector } from "./components/Inspector";
import { Library } from "./components/Library";
import { StatusBar } from "./components/StatusBar";
import { TimelineList } from "./components/TimelineList";
import { Toasts } from "./components/Toasts";
import { TopBar } from "./components/TopBar";
import { useEvent } from "./hooks/useEvent";
import { useLayout } from "./hooks/useLayout";
import { useShortcuts } from "./hooks/useShortcuts";
import { useTimelines } from "./hooks/useTimelines";
import { useToasts } from "./hooks/useToasts";
import * as api from "./ipc";
import { eventAnchor, eventMarks, indexViews } from "./lib/events";
import { LABEL_FONT } from "./lib/geometry";
import { textWidth } from "./lib/measure";
import { centreOn, fitMarks, panBy, resize, span, zoomAt } from "./lib/viewport";
import { tickUnitLabel } from "./lib/vocabulary";

const ZOOM_STEP = 1.5;
/** Share of the width an arrow key pans by. */
const PAN_STEP = 0.15;
/** Margins around the events when fitting. */
const FIT_LEFT_PX = 40;
const FIT_RIGHT_PX = 24;
/** What a workspace without events shows: ten years to today. */
const EMPTY_SPAN = 10 * 365.25 * 1440;
const NONE: ReadonlySet<number> = new Set();

export function App() {
  const { toasts, report, dismiss } = useToasts();
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [summaries, setSummaries] = useState<TimelineSummary[]>([]);
  /** Ids of the timelines on the canvas; null until the list first loads. */
  const [shown, setShown] = useState<ReadonlySet<number> | null>(null);
  /** Bumped after every change, so everything on screen is read afresh. */
  const [revision, setRevision] = useState(0);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [width, setWidth] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [selected, setSelected] = useEvent(selectedId, revision, report);

  useEffect(() => {
    api.workspaceInfo().then(setInfo, report);
  }, [report]);

  useEffect(() => {
    api.listTimelines().then((list) => {
      setSummaries(list);
      setShown((current) => current ?? new Set(list.slice(0, 1).map((timeline) => timeline.id)));
    }, report);
  }, [revision, report]);

  // Shown ids in sidebar order, memoised on their text so that refetching the list does not refetch the views.
  const shownKey = summaries
    .filter((timeline) => shown?.has(timeline.id))
    .map((timeline) => timeline.id)
    .join(",");
  const shownIds = useMemo(() => (shownKey === "" ? [] : shownKey.split(",").map(Number)), [shownKey]);
  const views = useTimelines(shownIds, revision, report);
  const { events, notes } = useMemo(() => indexViews(views ?? []), [views]);
  const layoutIds = useMemo(() => (views ?? []).map((view) => view.id), [views]);
  const today = info?.today_minute ?? null;
  const layout = useLayout(layoutIds, viewport, today, report);

  /** The view showing every event on the canvas, labels included. */
  const fitted = useCallback(
    (widthPx: number): Viewport => {
      const marks = [...events.values()].flatMap((event) =>
        eventMarks(event, textWidth(event.title, LABEL_FONT), today),
      );
      const end = today ?? Date.now() / 60000;
      return (
        fitMarks(marks, widthPx, FIT_LEFT_PX, FIT_RIGHT_PX) ?? {
          start_minute: end - EMPTY_SPAN,
          end_minute: end,
          width_px: widthPx,
        }
      );
    },
    [events, today],
  );

  // The first view fits the first timeline once it and the canvas width are known.
  const loaded = shown !== null && views?.length === shownIds.length;
  useEffect(() => {
    if (viewport === null && width > 0 && loaded) setViewport(fitted(width));
  }, [viewport, width, loaded, fitted]);

  const onWidth = useCallback((px: number) => {
    setWidth(px);
    setViewport((current) => current && resize(current, px));
  }, []);
  const onViewport = useCallback((update: (viewport: Viewport) => Viewport) => {
    setViewport((current) => current && update(current));
  }, []);
  const zoomIn = () => {
    onViewport((current) => zoomAt(current, ZOOM_STEP, current.width_px / 2));
  };
  const zoomOut = () => {
    onViewport((current) => zoomAt(current, 1 / ZOOM_STEP, current.width_px / 2));
  };
  const fit = () => {
    if (width > 0) setViewport(fitted(width));
  };
  const close = useCallback(() => {
    setSelectedId(null);
  }, []);

  useShortcuts({
    Escape: close,
    "+": zoomIn,
    "=": zoomIn,
    "-": zoomOut,
    "0": fit,
    f: fit,
    F: fit,
    ArrowLeft: () => {
      onViewport((current) => panBy(current, -current.width_px * PAN_STEP));
    },
    ArrowRight: () => {
      onViewport((current) => panBy(current, current.width_px * PAN_STEP));
    },
  });

  /** Selects an event from the library, panning to it if it is on the canvas but out of view. */
  const reveal = useCallback(
    (id: number) => {
      setSelectedId(id);
      const event = events.get(id);
      if (!event) return;
      const anchor = eventAnchor(event);
      setViewport((current) => {
        if (!current) return current;
        const margin = span(current) * 0.1;
        const inView = anchor > current.start_minute + margin && anchor < current.end_minute - 2 * margin;
        return inView ? current : centreOn(current, anchor);
      });
    },
    [events],
  );

  const toggle = useCallback((id: number) => {
    setShown((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const onRenamed = useCallback(
    (event: EventView) => {
      setSelected(event);
      setRevision((value) => value + 1);
    },
    [setSelected],
  );

  // An event on two shown timelines counts once.
  const inView = new Set(
    layout?.timelines.flatMap((box) =>
      box.lanes.flatMap((lane) => lane.items.filter((item) => item.visible).map((item) => item.id)),
    ),
  ).size;

  return (
    <div class="app">
      <TopBar
        path={info?.path ?? null}
        zoomLabel={layout ? tickUnitLabel(layout.tick_unit, layout.tick_step) : null}
        onZoomIn={zoomIn}
        onZoomOut={zoomOut}
        onFit={fit}
      />
      <div class="workbench">
        <aside class="sidebar">
          <TimelineList timelines={summaries} shown={shown ?? NONE} onToggle={toggle} />
          <Library selectedId={selectedId} revision={revision} onSelect={reveal} onError={report} />
        </aside>
        <Canvas
          layout={layout}
          viewport={viewport}
          timelines={views ?? []}
          empty={shown !== null && shownIds.length === 0}
          events={events}
          notes={notes}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onDeselect={close}
          onViewport={onViewport}
          onWidth={onWidth}
        />
        {selected && (
          <Inspector event={selected} notes={notes.get(selected.id) ?? []} onClose={close} onRenamed={onRenamed} />
        )}
      </div>
      <StatusBar info={info} events={events.size} inView={inView} timelines={shownIds.length} />
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
