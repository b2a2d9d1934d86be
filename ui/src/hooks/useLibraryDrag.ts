import { useState } from "preact/hooks";
import type { EventView } from "../bindings/EventView";
import type { Ghost } from "../components/common/DragGhost";
import { laneAt } from "../lib/dom";
import type { LanePlace } from "../lib/events";
import { usePointerDrag } from "./usePointerDrag";

/** Where the ghost's copy hangs from the pointer: its marker just left of it. */
const GRAB_OFFSET = { x: 14, y: 13 };

/**
 * Dragging an event from the library onto a lane of the canvas. The lane
 * under the pointer is reported as it changes (for the canvas to light it);
 * letting go on one calls `onPlace`, anywhere else does nothing.
 */
export function useLibraryDrag(
  lanes: ReadonlyMap<number, LanePlace>,
  onPlace: (event: EventView, laneId: number) => void,
  onDropLane: (laneId: number | null) => void,
): { ghost: (Ghost & { id: number }) | null; grab: (press: PointerEvent, event: EventView) => void } {
  const track = usePointerDrag();
  const [ghost, setGhost] = useState<(Ghost & { id: number }) | null>(null);

  const grab = (press: PointerEvent, event: EventView) => {
    const follow = (x: number, y: number) => {
      const hit = laneAt(x, y);
      const lane = hit ? lanes.get(hit.laneId) : undefined;
      onDropLane(lane?.id ?? null);
      setGhost({
        id: event.id,
        x,
        y,
        offset: GRAB_OFFSET,
        title: event.title,
        kind: event.kind,
        count: 1,
        date: event.start_label,
        action: lane ? `Place on ${lane.timelineTitle} · ${lane.name}` : "Drop on a lane",
        valid: lane !== undefined,
      });
    };
    const stop = () => {
      setGhost(null);
      onDropLane(null);
    };
    track(press, {
      move: (point) => {
        follow(point.x, point.y);
      },
      drop: (point) => {
        stop();
        const hit = laneAt(point.x, point.y);
        if (hit) onPlace(event, hit.laneId);
      },
      cancel: stop,
    });
  };

  return { ghost, grab };
}
