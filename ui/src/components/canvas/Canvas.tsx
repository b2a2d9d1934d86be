import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { AnnotationView } from "../../bindings/AnnotationView";
import type { EventOutline } from "../../bindings/EventOutline";
import type { Layout } from "../../bindings/Layout";
import type { TimelineView } from "../../bindings/TimelineView";
import type { Viewport } from "../../bindings/Viewport";
import { useAnchoredLayout } from "../../hooks/useAnchoredLayout";
import { useEventDrag } from "../../hooks/useEventDrag";
import { usePointerDrag } from "../../hooks/usePointerDrag";
import { intersects, type Rect, rectFrom } from "../../lib/drag";
import { type Extent, onScreen } from "../../lib/geometry";
import type { Look } from "../../lib/paint";
import type { LanePlace } from "../../lib/events";
import { dateOrder, walk, type WalkKey } from "../../lib/order";
import * as api from "../../ipc";
import type { Selection } from "../../lib/selection";
import { stretchLaidOut } from "../../lib/stretch";
import { centreOn, minuteAt, panBy, planeMove, wheelPixels, zoomAt, type Band } from "../../lib/viewport";
import { DragGhost } from "../common/DragGhost";
import { Axis, Grid } from "./Axis";
import { EventLayer } from "./EventLayer";
import { HoverCard } from "./HoverCard";
import { TimelineBand } from "./TimelineBand";

/** Wheel zoom speed, per px of wheel travel; pinches (ctrl+wheel) report smaller deltas. */
const WHEEL_ZOOM = 0.002;
const PINCH_ZOOM = 0.01;
const EVENT_SELECTOR = '[data-testid="timeline-event"]';
/** The keys that walk the events (see `onKeyDown`). */
const WALK_KEYS = new Set<string>(["ArrowDown", "ArrowUp", "Home", "End"] satisfies WalkKey[]);
/** The overlay holds the events this far past the screen's edges, as the engine's visibility margin. */
const OVERLAY_MARGIN_PX = 64;
/** The overlay's extent across is widened to a multiple of this. */
const SCREEN_GRAIN_PX = 128;
const NONE: ReadonlySet<number> = new Set();
/** A row walked to by the keyboard is scrolled to when it is nearer the edge than this. */
const ROW_MARGIN_PX = 40;
/** Presses on these are theirs, not the canvas's (no pan, no box). */
const OWN_PRESS = ".event, button, input, select, textarea, [role='button'], .lane-head";

interface Props {
  layout: Layout | null;
  viewport: Viewport | null;
  timelines: readonly TimelineView<EventOutline>[];
  /** No timeline is picked: say how to show one. */
  empty: boolean;
  events: ReadonlyMap<number, EventOutline>;
  notes: ReadonlyMap<number, readonly AnnotationView[]>;
  lanes: ReadonlyMap<number, LanePlace>;
  /** The lane an event dragged from the library would be placed on. */
  dropLane: number | null;
  selection: Selection;
  /** The timeline new events go to, drawn as such. */
  current: number | null;
  /** A click on an event; `additive` with shift or ctrl held. */
  onPick: (id: number, timeline: number, additive: boolean) => void;
  /** A box drawn with shift-drag on empty canvas. */
  onPickMany: (entries: [number, number][]) => void;
  /** A click on empty canvas. */
  onDeselect: () => void;
  /** A new event in a lane: at the minute double-clicked, or with no date ("New event here"). */
  onCreateAt: (laneId: number, minute: number | null) => void;
  /** A press on a timeline's header: it becomes the current one. */
  onCurrent: (timeline: number) => void;
  onViewport: (update: (viewport: Viewport) => Viewport) => void;
  onWidth: (px: number) => void;
  /** The rows on screen changed: scrolled or resized. */
  onBand: (band: Band) => void;
}

interface Hover {
  id: number;
  anchor: { left: number; top: number; bottom: number };
}

/**
 * The time axis and the shown timelines. Wheel zooms around the pointer,
 * shift+wheel or a horizontal wheel pans, alt+wheel scrolls, a drag on empty
 * canvas pans and a shift-drag there selects the events in a box, and a
 * double-click on a lane starts a new event there at that date. Events
 * are dragged to re-date or move them; Down and Up walk them in date order.
 */
export function Canvas(props: Props) {
  const { viewport, timelines, empty, events, notes, lanes, dropLane, selection } = props;
  const anchored = useAnchoredLayout(props.layout);
  const layout = anchored?.layout ?? null;
  const { onPick, onPickMany, onDeselect, onCreateAt, onCurrent, onViewport, onWidth, onBand } = props;
  const root = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [box, setBox] = useState<Rect | null>(null);
  /** The rows on screen, for the overlay of event elements. */
  const [rows, setRows] = useState<Extent>({ left: 0, right: Infinity });
  /** An event the keyboard walked to, off screen: it takes focus once drawn. */
  const [walking, setWalking] = useState<number | null>(null);
  /** The order the keyboard walks the events in. */
  const order = useMemo(() => dateOrder(events.values()), [events]);
  /** The event last focused, kept in the tab order. */
  const [current, setCurrent] = useState<number | null>(null);
  /** The stretch the events were last drawn at (see lib/stretch.ts). */
  const stretchedBy = useRef(1);
  const track = usePointerDrag();
  const { drag, grab } = useEventDrag({ layout, events, lanes, selection, canvas: scroller, onPick });

  // A hover card is placed against the layout it was hovered in.
  useEffect(() => {
    setHover(null);
  }, [layout]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const band = () => {
      const top = element.scrollTop;
      const height = element.clientHeight;
      onBand({ top, height });
      setRows({ left: top - OVERLAY_MARGIN_PX, right: top + height + OVERLAY_MARGIN_PX });
    };
    const observer = new ResizeObserver(() => {
      onWidth(element.clientWidth);
      band();
    });
    observer.observe(element);
    element.addEventListener("scroll", band, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", band);
    };
  }, [onWidth, onBand]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onWheel = (wheel: WheelEvent) => {
      wheel.preventDefault();
      setHover(null);
      const rect = element.getBoundingClientRect();
      const dx = wheelPixels(wheel.deltaX, wheel.deltaMode, rect.width);
      const dy = wheelPixels(wheel.deltaY, wheel.deltaMode, rect.height);
      if (wheel.altKey) {
        element.scrollTop += dy;
      } else if (wheel.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        const distance = dx !== 0 ? dx : dy;
        onViewport((current) => panBy(current, distance));
      } else {
        const factor = Math.exp(-dy * (wheel.ctrlKey ? PINCH_ZOOM : WHEEL_ZOOM));
        onViewport((current) => zoomAt(current, factor, wheel.clientX - rect.left));
      }
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      element.removeEventListener("wheel", onWheel);
    };
  }, [onViewport]);

  const pan = (press: PointerEvent) => {
    let last = { dx: 0, dy: 0 };
    track(press, {
      start: () => {
        setHover(null);
      },
      move: (point) => {
        const dx = point.dx - last.dx;
        const dy = point.dy - last.dy;
        last = point;
        if (dx !== 0) onViewport((viewport) => panBy(viewport, -dx));
        if (scroller.current) scroller.current.scrollTop -= dy;
      },
      drop: () => undefined,
      cancel: () => undefined,
    });
  };

  const select = (press: PointerEvent) => {
    const frame = root.current?.getBoundingClientRect();
    if (!frame) return;
    const corner = { x: press.clientX, y: press.clientY };
    const local = (x: number, y: number) => rectFrom(corner.x - frame.left, corner.y - frame.top, x - frame.left, y - frame.top);
    track(press, {
      start: () => {
        setHover(null);
      },
      move: (point) => {
        setBox(local(point.x, point.y));
      },
      drop: (point) => {
        setBox(null);
        const area = rectFrom(corner.x, corner.y, point.x, point.y);
        const hits = [...(scroller.current?.querySelectorAll<HTMLElement>(EVENT_SELECTOR) ?? [])].flatMap((element) => {
          const timeline = element.closest<HTMLElement>('[data-testid="timeline"]');
          const entry: [number, number] = [Number(element.dataset.eventId), Number(timeline?.dataset.timelineId)];
          return intersects(area, element.getBoundingClientRect()) ? [entry] : [];
        });
        onPickMany(hits);
      },
      cancel: () => {
        setBox(null);
      },
    });
  };

  const onPointerDown = (press: PointerEvent) => {
    const target = press.target;
    if (press.button !== 0 || (target instanceof Element && target.closest(OWN_PRESS))) return;
    if (press.shiftKey) select(press);
    else pan(press);
  };

  const onClick = (click: MouseEvent) => {
    const target = click.target;
    if (click.shiftKey || (target instanceof Element && target.closest(OWN_PRESS))) return;
    onDeselect();
  };

  /** A double-click on a lane's empty part: a new event there, at the date under the pointer. */
  const onDblClick = (click: MouseEvent) => {
    const target = click.target;
    if (!(target instanceof Element) || target.closest(OWN_PRESS) || !layout) return;
    const lane = target.closest<HTMLElement>('[data-testid="lane"]');
    const frame = scroller.current?.getBoundingClientRect();
    if (!lane || !frame) return;
    // The viewport on screen, which a zoom still waiting for its layout has left.
    onCreateAt(Number(lane.dataset.laneId), minuteAt(viewport ?? layout.viewport, click.clientX - frame.left));
  };

  /**
   * The events are one Tab stop: Down and Up walk them in date order, Home
   * and End go to the first and the last (Left and Right re-date them),
   * across the whole of the shown timelines: the canvas pans and scrolls
   * to an event off screen, and focus goes to it once it is drawn.
   */
  const onKeyDown = (key: KeyboardEvent) => {
    const target = key.target;
    if (!WALK_KEYS.has(key.key) || key.altKey || key.ctrlKey || key.metaKey || key.shiftKey) return;
    if (!(target instanceof HTMLElement) || !target.matches(EVENT_SELECTOR)) return;
    key.preventDefault();
    key.stopPropagation();
    const next = walk(order, Number(target.dataset.eventId), key.key as WalkKey);
    if (next !== null) walkTo(next);
  };

  const eventElement = (id: number) => scroller.current?.querySelector<HTMLElement>(`${EVENT_SELECTOR}[data-event-id="${id}"]`);

  const walkTo = (id: number) => {
    const element = scroller.current;
    const frame = element?.getBoundingClientRect();
    const box = eventElement(id)?.getBoundingClientRect();
    // Whether the event's element is cut by an edge across, and down.
    const cut = box && frame && { across: box.left < frame.left || box.right > frame.right, down: box.top < frame.top || box.bottom > frame.bottom };
    if (cut && !cut.across && !cut.down) {
      eventElement(id)?.focus({ preventScroll: true });
      return;
    }
    if (!layout || !viewport || !element) return;
    setWalking(id);
    api.locateEvent(
      layout.timelines.map((band) => band.id),
      viewport,
      id,
    ).then(
      (place) => {
        if (!place) return;
        const [x, y] = place;
        // Cut by an edge, or not drawn at all (then by where its row is): brought to the middle.
        const top = element.scrollTop + ROW_MARGIN_PX;
        const bottom = element.scrollTop + element.clientHeight - ROW_MARGIN_PX;
        if (cut ? cut.across : x < 0 || x > viewport.width_px) onViewport((current) => centreOn(current, minuteAt(viewport, x)));
        if (cut ? cut.down : y < top || y > bottom) element.scrollTop = y - element.clientHeight / 2;
      },
      () => {
        setWalking(null);
      },
    );
  };

  // An event walked to off screen takes focus once its element is drawn.
  useLayoutEffect(() => {
    if (walking === null) return;
    const shown = eventElement(walking);
    if (!shown) return;
    setWalking(null);
    shown.focus({ preventScroll: true });
  });

  const onFocusIn = (focus: FocusEvent) => {
    const target = focus.target;
    if (target instanceof HTMLElement && target.matches(EVENT_SELECTOR)) setCurrent(Number(target.dataset.eventId));
  };

  // Stable, so that memoised event items are not rendered again on every pan.
  const onHover = useCallback((id: number | null, element?: HTMLElement) => {
    const frame = root.current?.getBoundingClientRect();
    if (id === null || !element || !frame) {
      setHover(null);
      return;
    }
    const rect = element.getBoundingClientRect();
    setHover({ id, anchor: { left: rect.left - frame.left, top: rect.top - frame.top, bottom: rect.bottom - frame.top } });
  }, []);

  // Until the next layout arrives, move the last one by the pan since, and
  // stretch it by the zoom since (see lib/stretch.ts). The planes are moved
  // here, so that a pan renders nothing beneath the canvas: the overlay of
  // event elements, which paints nothing, is stretched whole.
  const move = layout && viewport ? planeMove(layout.viewport, viewport) : { shift: 0, stretch: 1 };
  useLayoutEffect(() => {
    const pan = `translateX(${move.shift}px)`;
    const stretched = move.stretch === 1 ? pan : `${pan} scaleX(${move.stretch})`;
    for (const element of root.current?.querySelectorAll<HTMLElement>(".plane") ?? []) {
      element.style.transform = element.classList.contains("lane-plane") ? stretched : pan;
    }
    if (move.stretch === 1 && stretchedBy.current === 1) return;
    stretchedBy.current = move.stretch;
    if (root.current) stretchLaidOut(root.current, move.stretch);
  });

  // The overlay of event elements covers what is on screen (and the
  // engine's margin) as the plane now stands, widened to a grain so that
  // it changes only every few frames of a pan.
  const across = viewport
    ? {
        left: Math.floor((-move.shift - OVERLAY_MARGIN_PX) / move.stretch / SCREEN_GRAIN_PX) * SCREEN_GRAIN_PX,
        right: Math.ceil((viewport.width_px - move.shift + OVERLAY_MARGIN_PX) / move.stretch / SCREEN_GRAIN_PX) * SCREEN_GRAIN_PX,
      }
    : null;
  const screenLeft = across?.left ?? anchored?.window.left ?? 0;
  const screenRight = across?.right ?? anchored?.window.right ?? 0;
  const screen = useMemo<Extent>(() => ({ left: screenLeft, right: screenRight }), [screenLeft, screenRight]);

  // One event is in the tab order: the one last focused, else the one
  // selected, else the earliest on screen.
  const shownIds = useMemo(
    () =>
      new Set(
        (layout?.timelines ?? []).flatMap((band) =>
          band.lanes.flatMap((lane) => lane.items.filter((item) => onScreen(item, screen, rows)).map((item) => item.id)),
        ),
      ),
    [layout, screen, rows],
  );
  const earliest = [...shownIds].reduce<number | null>((best, id) => {
    const minute = events.get(id)?.start_minute ?? Infinity;
    return best === null || minute < (events.get(best)?.start_minute ?? Infinity) ? id : best;
  }, null);
  const tabbable = [current, selection.focus].find((id) => id !== null && shownIds.has(id)) ?? earliest;

  const views = new Map(timelines.map((view) => [view.id, view]));
  const hovered = hover && !drag ? events.get(hover.id) : undefined;
  const hoveredId = hovered ? (hover?.id ?? null) : null;
  const look = useMemo<Look>(
    () => ({
      events,
      notes,
      selected: selection.picked,
      hovered: hoveredId,
      dragging: drag?.ids ?? NONE,
      stretch: drag?.stretch ?? null,
    }),
    [events, notes, selection.picked, hoveredId, drag?.ids, drag?.stretch],
  );
  const data = useMemo(
    () => ({ events, notes, selection, tabbable, drag, dropLane, onPick, onGrab: grab, onHover, onCreateAt, onCurrent }),
    [events, notes, selection, tabbable, drag, dropLane, onPick, grab, onHover, onCreateAt, onCurrent],
  );

  return (
    <main
      class={`canvas${drag ? " is-dragging" : ""}${move.stretch === 1 ? "" : " is-stretched"}`}
      ref={root}
      aria-label="Timeline canvas"
      data-region="canvas"
      tabIndex={-1}
    >
      <Axis layout={layout} />
      <div
        class="canvas-scroll"
        ref={scroller}
        onPointerDown={onPointerDown}
        onClick={onClick}
        onDblClick={onDblClick}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        {anchored && layout && (
          <div class="canvas-content" style={{ height: layout.height_px + 48 }}>
            <Grid layout={layout} />
            <EventLayer anchored={anchored} move={move} look={look} />
            {layout.timelines.map((band) => {
              const view = views.get(band.id);
              return (
                view && (
                  <TimelineBand
                    key={band.id}
                    box={band}
                    view={view}
                    laidOut={layout.viewport}
                    screen={screen}
                    rows={rows}
                    current={band.id === props.current}
                    data={data}
                  />
                )
              );
            })}
          </div>
        )}
        {empty && (
          <div class="canvas-empty">
            <p>No timeline is shown.</p>
            <p class="muted">Pick one or more in the sidebar to lay them out here, or create one.</p>
          </div>
        )}
      </div>
      {box && (
        <div
          class="select-box"
          data-testid="select-box"
          style={{ left: box.left, top: box.top, width: box.right - box.left, height: box.bottom - box.top }}
        />
      )}
      {hover && hovered && (
        <HoverCard
          event={hovered}
          notes={notes.get(hover.id) ?? []}
          anchor={hover.anchor}
          canvas={{ width: root.current?.clientWidth ?? 0, height: root.current?.clientHeight ?? 0 }}
        />
      )}
      {drag && <DragGhost ghost={drag.ghost} />}
    </main>
  );
}
