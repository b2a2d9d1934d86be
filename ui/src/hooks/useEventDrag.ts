import type { RefObject } from "preact";
import { useCallback, useRef, useState } from "preact/hooks";
import type { Edge } from "../bindings/Edge";
import type { EventChange } from "../bindings/EventChange";
import type { EventOutline } from "../bindings/EventOutline";
import type { Layout } from "../bindings/Layout";
import type { PlacedItem } from "../bindings/PlacedItem";
import type { Ghost } from "../components/common/DragGhost";
import * as api from "../ipc";
import { laneAt, type LaneHit, isOver } from "../lib/dom";
import { type AxisLock, axisLock, axisTravel, edgeMinute, lockedMove, moveDelta } from "../lib/drag";
import type { LanePlace } from "../lib/events";
import type { Selection } from "../lib/selection";
import { useEdit } from "./useEdit";
import { type DragPoint, usePointerDrag } from "./usePointerDrag";
import { usePreviewDate } from "./usePreviewDate";

/** A press on an event on the canvas. */
export interface Grab {
  event: EventOutline;
  item: PlacedItem;
  laneId: number;
  timelineId: number;
  /** The whole event, or one end of its bar. */
  part: "move" | Edge;
  /** The pressed element's box, in client px. */
  box: DOMRect;
}

/** A drag in progress, as the canvas draws it. */
export interface CanvasDrag {
  /** The events dragged, drawn faded in place. */
  ids: ReadonlySet<number>;
  /** The lane letting go would move them to. */
  targetLane: number | null;
  /** A bar end being dragged, drawn stretched by `dx` px. */
  stretch: { id: number; edge: Edge; dx: number } | null;
  ghost: Ghost;
}

/** What letting go at a point would do. */
interface Plan {
  /** Minutes to move each event by (a move), or the minute a bar end goes to (a resize). */
  deltas: ReadonlyMap<number, number>;
  minute: number | null;
  lane: LaneHit | null;
  onCanvas: boolean;
  dx: number;
}

interface Options {
  layout: Layout | null;
  events: ReadonlyMap<number, EventOutline>;
  lanes: ReadonlyMap<number, LanePlace>;
  selection: Selection;
  /** The scrolling canvas: dropping outside it cancels. */
  canvas: RefObject<HTMLElement>;
  /** Selects the grabbed event when it was not selected. */
  onPick: (id: number, timeline: number, additive: boolean) => void;
}

/**
 * Dragging events on the canvas: along the axis re-dates them (every
 * selected event by the same px), across lanes moves them, both as one
 * `change_events` step. A drag that starts mostly vertical changes lanes
 * only and keeps the dates; Shift keeps one along time in its lane; a bar's end handle resizes (`resize_event`). The
 * engine snaps; the ghost shows the date it will give.
 */
export function useEventDrag({ layout, events, lanes, selection, canvas, onPick }: Options): {
  drag: CanvasDrag | null;
  grab: (press: PointerEvent, grab: Grab) => void;
} {
  const edit = useEdit();
  const track = usePointerDrag();
  const { preview, request } = usePreviewDate(edit.report);
  const [drag, setDrag] = useState<CanvasDrag | null>(null);
  const latest = useRef({ layout, events, lanes, selection, onPick });
  latest.current = { layout, events, lanes, selection, onPick };

  const grab = useCallback(
    (press: PointerEvent, grab: Grab) => {
      const { layout, events, lanes, selection, onPick } = latest.current;
      if (!layout) return;
      const viewport = layout.viewport;
      const { event, item, part } = grab;
      // Where every event on the canvas was laid out, for moving a selection together.
      const items = new Map<number, PlacedItem>();
      for (const placed of layout.timelines.flatMap((box) => box.lanes.flatMap((lane) => lane.items))) {
        if (!items.has(placed.id)) items.set(placed.id, placed);
      }
      const together = part === "move" && selection.picked.has(event.id);
      const ids = together ? [...selection.picked.keys()].filter((id) => items.has(id) && events.has(id)) : [event.id];
      /** A move's axis, decided once it has travelled a little (see `axisLock`). */
      let lock: AxisLock = null;

      const plan = (point: DragPoint): Plan => {
        const onCanvas = isOver(canvas.current, point.x, point.y);
        const hit = onCanvas ? laneAt(point.x, point.y) : null;
        if (part !== "move") {
          const dx = axisTravel(point.dx);
          const x = part === "start" ? item.x : (item.x_end ?? item.x);
          return { deltas: new Map(), minute: edgeMinute(part, x + dx, viewport), lane: null, onCanvas, dx };
        }
        lock = axisLock(lock, point.dx, point.dy);
        const { dx, lanes: acrossLanes } = lockedMove(lock, point.dx, point.shift);
        const deltas = new Map(
          ids.map((id) => {
            const placed = items.get(id);
            const moved = events.get(id);
            return [id, placed && moved ? moveDelta(moved.start_minute, placed.x, dx, viewport) : 0];
          }),
        );
        const lane = acrossLanes && hit && hit.laneId !== grab.laneId ? hit : null;
        return { deltas, minute: null, lane, onCanvas, dx };
      };

      const describe = (point: DragPoint, next: Plan): CanvasDrag => {
        const delta = next.deltas.get(event.id) ?? 0;
        const target = next.lane ? lanes.get(next.lane.laneId) : undefined;
        const resizing = part !== "move";
        let action: string;
        if (!next.onCanvas) action = "Release to cancel";
        else if (resizing) action = part === "start" ? "New start" : "New end";
        else if (target)
          action =
            target.timelineId === grab.timelineId ? `Lane: ${target.name}` : `Add to ${target.timelineTitle} · ${target.name}`;
        else action = ids.length > 1 ? `Move ${ids.length} events` : delta === 0 ? "Unchanged" : "Re-date";
        const changes = resizing ? next.dx !== 0 : delta !== 0;
        return {
          ids: new Set(ids),
          targetLane: next.lane?.laneId ?? null,
          stretch: resizing ? { id: event.id, edge: part, dx: next.dx } : null,
          ghost: {
            x: point.x,
            y: point.y,
            offset: resizing ? null : { x: press.clientX - grab.box.left, y: press.clientY - grab.box.top },
            title: event.title,
            kind: event.kind,
            count: ids.length,
            // Null until the engine answers; the preview below fills it in.
            date: changes ? null : target && !resizing ? "date unchanged" : event.start_label,
            action,
            valid: next.onCanvas && (changes || next.lane !== null),
          },
        };
      };

      const ask = (next: Plan) => {
        if (part === "move") {
          const delta = next.deltas.get(event.id) ?? 0;
          if (delta !== 0)
            request({
              minute: event.start_minute + delta,
              precision: event.precision,
              approximate: event.approximate,
              uncertain: event.uncertain,
            });
        } else if (next.minute !== null && next.dx !== 0) {
          // The end's own precision is not on the wire; the start's is the usual one.
          const start = part === "start";
          request({
            minute: next.minute,
            precision: event.precision,
            approximate: start && event.approximate,
            uncertain: start && event.uncertain,
          });
        }
      };

      track(press, {
        start: () => {
          request(null);
          if (!selection.picked.has(event.id)) onPick(event.id, grab.timelineId, false);
        },
        move: (point) => {
          const next = plan(point);
          ask(next);
          setDrag(describe(point, next));
        },
        drop: (point) => {
          const next = plan(point);
          setDrag(null);
          request(null);
          if (!next.onCanvas) return;
          const { minute, lane } = next;
          if (part !== "move") {
            if (next.dx !== 0 && minute !== null) void edit.run(() => api.resizeEvent(event.id, part, minute));
            return;
          }
          const changes: EventChange[] = [
            ...[...next.deltas]
              .filter(([, delta]) => delta !== 0)
              .map(([id, delta]): EventChange => ({ change: "move", id, delta_minutes: delta })),
            ...(lane ? ids.map((id): EventChange => ({ change: "place", event: id, lane: lane.laneId })) : []),
          ];
          if (changes.length > 0) void edit.run(() => api.changeEvents(changes));
        },
        cancel: () => {
          setDrag(null);
          request(null);
        },
      });
    },
    [canvas, edit, request, track],
  );

  const shown = drag && drag.ghost.date === null ? { ...drag, ghost: { ...drag.ghost, date: preview?.label ?? "…" } } : drag;
  return { drag: shown, grab };
}
