import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { EventOutline } from "./bindings/EventOutline";
import type { ImportReport } from "./bindings/ImportReport";
import type { TimelineSummary } from "./bindings/TimelineSummary";
import type { TimelineView } from "./bindings/TimelineView";
import type { ReadOnly } from "./bindings/ReadOnly";
import type { Viewport } from "./bindings/Viewport";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import { Canvas } from "./components/canvas/Canvas";
import { CompareView } from "./components/compare/CompareView";
import { ComparisonList } from "./components/compare/ComparisonList";
import { Inspector } from "./components/inspector/Inspector";
import { Library } from "./components/library/Library";
import type { NewEventDraft } from "./components/library/NewEventForm";
import { ReadOnlyNotice } from "./components/ReadOnlyNotice";
import { SampleNotice, StartPanel } from "./components/StartPanel";
import { StatusBar } from "./components/StatusBar";
import { TimelineList } from "./components/TimelineList";
import { Toasts } from "./components/Toasts";
import { TopBar } from "./components/TopBar";
import { ExportDialog } from "./components/transfer/ExportDialog";
import { ImportDialog } from "./components/transfer/ImportDialog";
import { EditContext, makeEdit } from "./hooks/useEdit";
import { useEvent } from "./hooks/useEvent";
import { useHistory } from "./hooks/useHistory";
import { useLayout } from "./hooks/useLayout";
import { useReveal } from "./hooks/useReveal";
import { useSelection } from "./hooks/useSelection";
import { useShortcuts } from "./hooks/useShortcuts";
import { useTimelines } from "./hooks/useTimelines";
import { useToasts } from "./hooks/useToasts";
import { TransferContext, type Transfer } from "./hooks/useTransfer";
import { useHouseStyles } from "./hooks/useHouseStyles";
import { useWorkspaces } from "./hooks/useWorkspaces";
import * as api from "./ipc";
import { focusedEvent } from "./lib/dom";
import { cycleRegion, focusNamedRegion, keepFocusInRegions } from "./lib/regions";
import { eventMarks, indexLanes, indexViews, placedOn, placementsOf } from "./lib/events";
import { LABEL_FONT } from "./lib/geometry";
import { textWidth } from "./lib/measure";
import { IMPORT_FILTERS, importSummary } from "./lib/transfer";
import { fitMarks, panBy, pxAt, resize, zoomAt, type Band } from "./lib/viewport";
import { onScreen } from "./lib/geometry";
import { precisionAt, tickUnitLabel } from "./lib/vocabulary";

const ZOOM_STEP = 1.5;
/** Share of the width an arrow key pans by. */
const PAN_STEP = 0.15;
/** Margins around the events when fitting. */
const FIT_LEFT_PX = 40;
const FIT_RIGHT_PX = 24;
/** What a workspace without events shows: ten years to today. */
const EMPTY_SPAN = 10 * 365.25 * 1440;
const NONE: ReadonlySet<number> = new Set();
const NO_VIEWS: readonly TimelineView<EventOutline>[] = [];

/** Whether keys act on the canvas: its element has the focus, or nothing has. */
function canvasHasFocus(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.closest(".canvas") !== null;
}

/** The open workspace; a switch to another one starts the screen afresh, so nothing of the old one lingers. */
export function App() {
  const [opened, setOpened] = useState(0);
  const switched = useCallback(() => {
    setOpened((count) => count + 1);
  }, []);
  return <Workbench key={opened} onSwitched={switched} />;
}

function Workbench({ onSwitched }: { onSwitched: () => void }) {
  const { toasts, report, notify, dismiss } = useToasts();
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  /** Why this window may not change the workspace, or null. */
  const [readOnly, setReadOnly] = useState<ReadOnly | null>(null);
  const [summaries, setSummaries] = useState<TimelineSummary[]>([]);
  /** Ids of the timelines on the canvas; null until the list first loads. */
  const [shown, setShown] = useState<ReadonlySet<number> | null>(null);
  /** Bumped after every change, so everything on screen is read afresh. */
  const [revision, setRevision] = useState(0);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [width, setWidth] = useState(0);
  const { selection, pick, pickMany, pickAlone, forget, deselect } = useSelection();
  /** The open New event form's starting point, or null when it is closed. */
  const [creating, setCreating] = useState<NewEventDraft | null>(null);
  const [creatingTimeline, setCreatingTimeline] = useState(false);
  /** The timeline picked last: new events go to it while it is shown. */
  const [picked, setPicked] = useState<number | null>(null);
  /** The lane an event dragged from the library would be placed on. */
  const [dropLane, setDropLane] = useState<number | null>(null);
  /** The file whose import preview is open. */
  const [importing, setImporting] = useState<string | null>(null);
  /** The export dialog, with the timeline it opened on (null: the whole workspace). */
  const [exporting, setExporting] = useState<{ initial: number | null } | null>(null);
  /** The saved comparison shown in place of the canvas, or null. */
  const [comparing, setComparing] = useState<number | null>(null);
  const transfer = useMemo<Transfer>(
    () => ({
      chooseImport: () => {
        api.importFileDialog(IMPORT_FILTERS).then((path) => {
          if (path !== null) setImporting(path);
        }, report);
      },
      importPath: setImporting,
      openExport: (initial) => {
        setExporting({ initial });
      },
    }),
    [report],
  );

  const changed = useCallback(() => {
    setRevision((value) => value + 1);
  }, []);
  const edit = useMemo(() => makeEdit(changed, report), [changed, report]);
  const history = useHistory(revision, report);
  const onMissing = useCallback(
    (id: number) => {
      forget([id]);
    },
    [forget],
  );
  const selected = useEvent(selection.focus, revision, report, onMissing);

  useEffect(() => {
    api.workspaceReadOnly().then(setReadOnly, report);
    api.startupProblem().then((problem) => {
      if (problem) report(problem);
    }, report);
  }, [report]);
  const workspaces = useWorkspaces(info?.path ?? null, onSwitched, transfer.importPath, report);
  /** The workspace's house style colours the canvas's kinds. */
  const houseStyles = useHouseStyles(readOnly !== null, report);

  // After every change too: whether the workspace holds the sample.
  useEffect(() => {
    api.workspaceInfo().then(setInfo, report);
  }, [revision, report]);
  const sample = info?.sample ?? false;

  // F6 and Shift+F6 go from region to region, from a field too; focus
  // that loses its element goes back to its region, never to the page.
  useEffect(() => {
    const onKey = (key: KeyboardEvent) => {
      if (key.key !== "F6" || key.altKey || key.ctrlKey || key.metaKey) return;
      key.preventDefault();
      // A modal dialog keeps the focus until it closes.
      if (document.querySelector('[aria-modal="true"]')) return;
      cycleRegion(key.shiftKey ? -1 : 1);
    };
    window.addEventListener("keydown", onKey);
    const stop = keepFocusInRegions();
    return () => {
      window.removeEventListener("keydown", onKey);
      stop();
    };
  }, []);

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
  const views = useTimelines(shownIds, revision, report) ?? NO_VIEWS;
  const current = picked !== null && shownIds.includes(picked) ? picked : (shownIds[0] ?? null);
  /** The shown timelines, the current one first: where new events and keyboard placements go. */
  const placing = useMemo(
    () => [...views].sort((a, b) => Number(b.id === current) - Number(a.id === current)),
    [views, current],
  );
  const { events, notes } = useMemo(() => indexViews(views), [views]);
  const lanes = useMemo(() => indexLanes(views), [views]);
  const layoutIds = useMemo(() => views.map((view) => view.id), [views]);
  const today = info?.today_minute ?? null;
  /** The canvas rows on screen: the layout returns only the events there. */
  const [band, setBand] = useState<Band | null>(null);
  const layout = useLayout(layoutIds, viewport, band, today, report);

  /** The view showing `shownEvents` with their labels, or null for none. */
  const fitting = useCallback(
    (shownEvents: readonly EventOutline[], widthPx: number): Viewport | null => {
      const marks = shownEvents.flatMap((event) => eventMarks(event, () => textWidth(event.title, LABEL_FONT), today));
      return fitMarks(marks, widthPx, FIT_LEFT_PX, FIT_RIGHT_PX);
    },
    [today],
  );
  /** The view showing every event on the canvas. */
  const fitted = useCallback(
    (widthPx: number): Viewport => {
      const end = today ?? Date.now() / 60000;
      return (
        fitting([...events.values()], widthPx) ?? { start_minute: end - EMPTY_SPAN, end_minute: end, width_px: widthPx }
      );
    },
    [events, today, fitting],
  );

  // The first view fits the first timeline once it and the canvas width are known.
  const loaded = shown !== null && views.length === shownIds.length;
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
  const selectedOnCanvas = [...selection.picked.keys()].flatMap((id) => events.get(id) ?? []);
  const zoomToSelection = () => {
    const next = width > 0 ? fitting(selectedOnCanvas, width) : null;
    if (next) setViewport(next);
  };

  const reveal = useReveal(events, selection.focus, setViewport);
  const selectFromLibrary = useCallback(
    (id: number) => {
      pickAlone(id);
      reveal(id);
    },
    [pickAlone, reveal],
  );

  const toggleShown = useCallback(
    (id: number) => {
      const showing = !shown?.has(id);
      setShown((before) => {
        const next = new Set(before);
        if (!next.delete(id)) next.add(id);
        return next;
      });
      if (showing) setPicked(id);
    },
    [shown],
  );
  const showCreated = useCallback((id: number) => {
    setShown((before) => new Set([...(before ?? []), id]));
    setPicked(id);
  }, []);
  /** A pick on the canvas makes the event's timeline the current one. */
  const pickOnCanvas = useCallback(
    (id: number, timeline: number, additive: boolean) => {
      setPicked(timeline);
      pick(id, timeline, additive);
    },
    [pick],
  );
  /** A double-click on a lane, or its "New event here": the New event form, at that lane and date. */
  const createAt = useCallback(
    (laneId: number, minute: number | null) => {
      const lane = lanes.get(laneId);
      if (lane) setPicked(lane.timelineId);
      if (minute === null || layout === null) {
        setCreating({ laneId, start: "" });
        return;
      }
      api.previewDate(Math.round(minute), precisionAt(layout.tick_unit), false, false).then((date) => {
        setCreating({ laneId, start: date.label });
      }, report);
    },
    [lanes, layout, report],
  );

  /** After an import: say what it did, and show the timeline it wrote, fitted. */
  const imported = (done: ImportReport) => {
    setImporting(null);
    notify(importSummary(done));
    const id = done.timeline;
    if (id === null) return;
    api.getTimeline(id).then((view) => {
      deselect();
      setShown(new Set([id]));
      setPicked(id);
      const next = width > 0 ? fitting(view.events, width) : null;
      if (next) setViewport(next);
    }, report);
  };

  const undo = () => {
    if (history.undo !== null) void edit.run(api.undo);
  };
  const redo = () => {
    if (history.redo !== null) void edit.run(api.redo);
  };

  /**
   * What keys act on: the focused event when it is not among the selected
   * ones (Down and Up move the focus), else the selected events on the canvas;
   * each with the timeline it was picked on.
   */
  const keyTargets = (): (readonly [EventOutline, number])[] => {
    if (!canvasHasFocus()) return [];
    const focused = focusedEvent();
    const event = focused && events.get(focused.eventId);
    if (focused && event && !selection.picked.has(focused.eventId)) return [[event, focused.timelineId]];
    return selectedOnCanvas.flatMap((chosen) => {
      const timeline = selection.picked.get(chosen.id) ?? placedOn(views, chosen.id)[0]?.id;
      return timeline === undefined ? [] : [[chosen, timeline] as const];
    });
  };
  /** Arrow keys: move the events by a unit of their precision, or pan when there are none. */
  const arrow = (steps: 1 | -1) => {
    const targets = keyTargets();
    if (targets.length > 0) {
      void edit.run(() => api.changeEvents(targets.map(([event]) => ({ change: "shift", id: event.id, steps }))));
    } else {
      onViewport((current) => panBy(current, steps * current.width_px * PAN_STEP));
    }
  };
  /** Delete: take the events off the timeline they were picked on. */
  const removeFromTimeline = () => {
    const targets = keyTargets();
    if (targets.length === 0) return;
    forget(targets.map(([event]) => event.id));
    void edit.run(() => api.changeEvents(targets.map(([event, timeline]) => ({ change: "unplace", event: event.id, timeline }))));
  };
  const newEvent = () => {
    setCreating({ laneId: null, start: "" });
  };
  const openComparison = useCallback(
    (id: number | null) => {
      deselect();
      setComparing(id);
    },
    [deselect],
  );

  useShortcuts({
    Escape: deselect,
    "+": zoomIn,
    "=": zoomIn,
    "-": zoomOut,
    "0": fit,
    f: fit,
    F: fit,
    z: zoomToSelection,
    Z: zoomToSelection,
    n: newEvent,
    N: newEvent,
    ArrowLeft: () => {
      arrow(-1);
    },
    ArrowRight: () => {
      arrow(1);
    },
    Delete: removeFromTimeline,
    Backspace: removeFromTimeline,
    "Mod+z": undo,
    "Mod+Shift+z": redo,
    "Mod+y": redo,
  });

  /** An empty workspace shows the ways to begin in place of the canvas. */
  const startPanel = shown !== null && summaries.length === 0;

  // The events on screen (the layout reaches past it); one on two shown timelines counts once.
  const across = layout && viewport ? { left: pxAt(layout.viewport, viewport.start_minute), right: pxAt(layout.viewport, viewport.end_minute) } : null;
  const down = band ? { left: band.top, right: band.top + band.height } : { left: -Infinity, right: Infinity };
  const inView = new Set(
    layout?.timelines.flatMap((box) =>
      box.lanes.flatMap((lane) => lane.items.filter((item) => across !== null && onScreen(item, across, down)).map((item) => item.id)),
    ),
  ).size;

  return (
    <EditContext.Provider value={edit}>
      <TransferContext.Provider value={transfer}>
        <div class={`app${readOnly === null ? "" : " is-read-only"}${sample ? " has-sample-notice" : ""}`}>
          <button
            type="button"
            class="skip-link"
            data-testid="skip-to-canvas"
            onClick={() => {
              focusNamedRegion(startPanel ? "start" : comparing === null ? "canvas" : "compare");
            }}
          >
            {startPanel ? "Skip to the start panel" : "Skip to the canvas"}
          </button>
          <TopBar
            path={info?.path ?? null}
            readOnly={readOnly !== null}
            workspaces={workspaces}
            onError={report}
            zoomLabel={layout ? tickUnitLabel(layout.tick_unit, layout.tick_step) : null}
            history={history}
            canZoomToSelection={selectedOnCanvas.length > 0}
            onUndo={undo}
            onRedo={redo}
            onZoomIn={zoomIn}
            onZoomOut={zoomOut}
            onFit={fit}
            onZoomToSelection={zoomToSelection}
            onImport={transfer.chooseImport}
            onExport={() => {
              transfer.openExport(current);
            }}
          />
          {readOnly !== null && info !== null && <ReadOnlyNotice path={info.path} reason={readOnly} />}
          {sample && (
            <SampleNotice
              readOnly={readOnly !== null}
              onRemove={() => {
                void edit.run(api.removeSample);
              }}
            />
          )}
          <div class="workbench">
            <aside class="sidebar">
              <TimelineList
                timelines={summaries}
                shown={shown ?? NONE}
                current={current}
                creating={creatingTimeline}
                onCreating={setCreatingTimeline}
                onToggle={toggleShown}
                onCreated={showCreated}
              />
              <ComparisonList
                timelines={summaries}
                picked={shownIds}
                open={comparing}
                revision={revision}
                onOpen={openComparison}
                onError={report}
              />
              <Library
                selectedId={selection.focus}
                revision={revision}
                views={placing}
                creating={creating}
                onCreating={setCreating}
                onSelect={selectFromLibrary}
                onDropLane={setDropLane}
                onError={report}
              />
            </aside>
            {comparing !== null && (
              <CompareView
                id={comparing}
                revision={revision}
                onClose={() => {
                  setComparing(null);
                }}
                onError={report}
              />
            )}
            {comparing === null && startPanel && (
              <main class="start-area" aria-label="Start" data-region="start">
                <StartPanel
                  readOnly={readOnly !== null}
                  onNewTimeline={() => {
                    setCreatingTimeline(true);
                  }}
                  onImport={transfer.chooseImport}
                  onOpenSample={() => {
                    api.openSample().then(onSwitched, report);
                  }}
                />
              </main>
            )}
            {comparing === null && !startPanel && (
              <Canvas
                layout={layout}
                viewport={viewport}
                timelines={views}
                empty={shown !== null && shownIds.length === 0}
                events={events}
                notes={notes}
                lanes={lanes}
                dropLane={dropLane}
                selection={selection}
                current={current}
                onPick={pickOnCanvas}
                onCreateAt={createAt}
                onCurrent={setPicked}
                onPickMany={pickMany}
                onDeselect={deselect}
                onViewport={onViewport}
                onWidth={onWidth}
                onBand={setBand}
              />
            )}
            {selected && (
              <Inspector
                event={selected}
                notes={notes.get(selected.id) ?? []}
                placed={placementsOf(views, selected.id)}
                onClose={deselect}
              />
            )}
          </div>
          <StatusBar
            info={info}
            events={events.size}
            inView={inView}
            timelines={shownIds.length}
            selected={selection.picked.size}
          />
          {workspaces.dragging && (
            <div class="drop-overlay" data-testid="drop-overlay">
              <span>
                {workspaces.draggingImport ? "Drop the file to preview its import" : "Drop a workspace file to open it"}
              </span>
            </div>
          )}
          {importing !== null && (
            <ImportDialog
              key={importing}
              path={importing}
              timelines={summaries}
              onClose={() => {
                setImporting(null);
              }}
              onImported={imported}
            />
          )}
          {exporting !== null && info !== null && (
            <ExportDialog
              timelines={summaries}
              initial={exporting.initial}
              workspacePath={info.path}
              houseStyles={houseStyles}
              onClose={() => {
                setExporting(null);
              }}
              onExported={notify}
            />
          )}
          <Toasts toasts={toasts} onDismiss={dismiss} />
        </div>
      </TransferContext.Provider>
    </EditContext.Provider>
  );
}
