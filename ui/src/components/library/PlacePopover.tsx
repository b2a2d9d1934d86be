import type { EventOutline } from "../../bindings/EventOutline";
import type { TimelineView } from "../../bindings/TimelineView";
import { moveInMenu } from "../../lib/dom";
import { Popover } from "../common/Popover";

interface Props {
  title: string;
  anchor: HTMLElement;
  /** The shown timelines, whose lanes are offered. */
  views: readonly TimelineView<EventOutline>[];
  onPlace: (laneId: number) => void;
  onClose: () => void;
}

/** The lanes of the shown timelines, as buttons: placing an event without a mouse. */
export function PlacePopover({ title, anchor, views, onPlace, onClose }: Props) {
  return (
    <Popover anchor={anchor} label={`Place “${title}” on a lane`} testid="place-popover" onClose={onClose}>
      <div class="menu" role="menu" onKeyDown={moveInMenu}>
        <div class="menu-heading">Place on lane</div>
        {views.length === 0 && <p class="menu-note">Show a timeline to place events on it.</p>}
        {views.map((view) => (
          <div key={view.id} role="group" aria-label={view.title}>
            <div class="menu-group" style={{ "--dot": view.colour }}>
              {view.title}
            </div>
            {view.lanes.map((lane) => (
              <button
                key={lane.id}
                type="button"
                role="menuitem"
                class="menu-item"
                data-testid="place-lane"
                data-lane-id={lane.id}
                onClick={() => {
                  onPlace(lane.id);
                }}
              >
                {lane.name}
              </button>
            ))}
          </div>
        ))}
      </div>
    </Popover>
  );
}
