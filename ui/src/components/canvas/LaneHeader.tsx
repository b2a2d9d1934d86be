import { useEffect, useRef, useState } from "preact/hooks";
import type { LaneView } from "../../bindings/LaneView";
import { useEdit } from "../../hooks/useEdit";
import { usePointerDrag } from "../../hooks/usePointerDrag";
import * as api from "../../ipc";
import { laneAt } from "../../lib/dom";
import { PALETTE } from "../../lib/vocabulary";
import { Popover } from "../common/Popover";
import { Swatches } from "../common/Swatches";
import { ArrowIcon, ChevronIcon, TrashIcon } from "../icons";

interface Props {
  lane: LaneView;
  index: number;
  /** How many lanes the timeline has. */
  count: number;
}

/**
 * A lane's name and tools, over the top-left of the lane: collapse, rename
 * (double-click or Enter on the name), reorder (drag the name onto another
 * lane of the timeline, or move up or down), recolour, delete.
 */
export function LaneHeader({ lane, index, count }: Props) {
  const edit = useEdit();
  const track = usePointerDrag();
  const [renaming, setRenaming] = useState(false);
  const [palette, setPalette] = useState<HTMLElement | null>(null);
  /** How far the name is being dragged, in px down. */
  const [lift, setLift] = useState<number | null>(null);
  const change = (action: () => Promise<unknown>) => {
    void edit.run(action);
  };

  /** Dragging the name onto another lane of its timeline puts the lane in that one's place. */
  const grab = (press: PointerEvent) => {
    const timeline = press.currentTarget instanceof Element ? press.currentTarget.closest<HTMLElement>('[data-testid="timeline"]') : null;
    if (press.button !== 0 || !timeline) return;
    track(press, {
      move: (point) => {
        setLift(point.dy);
      },
      drop: (point) => {
        setLift(null);
        const hit = laneAt(point.x, point.y);
        if (hit?.timelineId !== Number(timeline.dataset.timelineId)) return;
        const order = [...timeline.querySelectorAll<HTMLElement>('[data-testid="lane"]')].map((element) => Number(element.dataset.laneId));
        const target = order.indexOf(hit.laneId);
        if (target >= 0 && target !== index) change(() => api.moveLane(lane.id, target));
      },
      cancel: () => {
        setLift(null);
      },
    });
  };

  return (
    <div
      class={`lane-head${lift === null ? "" : " is-lifted"}`}
      style={lift === null ? undefined : { transform: `translateY(${lift}px)` }}
    >
      <button
        type="button"
        class="lane-tool lane-chevron"
        data-testid="lane-collapse"
        aria-expanded={!lane.collapsed}
        aria-label={`${lane.collapsed ? "Expand" : "Collapse"} ${lane.name}`}
        title={lane.collapsed ? "Expand" : "Collapse"}
        onClick={() => {
          change(() => api.setLaneCollapsed(lane.id, !lane.collapsed));
        }}
      >
        <ChevronIcon open={!lane.collapsed} />
      </button>
      {renaming ? (
        <LaneRename
          lane={lane}
          onDone={() => {
            setRenaming(false);
          }}
        />
      ) : (
        <span
          class="lane-name"
          data-testid="lane-name"
          tabIndex={0}
          role="button"
          title="Double-click to rename; drag onto another lane to move it there"
          aria-label={`Lane ${lane.name}; press Enter to rename`}
          onPointerDown={grab}
          onDblClick={() => {
            setRenaming(true);
          }}
          onKeyDown={(key) => {
            if (key.key === "Enter" || key.key === "F2") {
              key.preventDefault();
              setRenaming(true);
            }
          }}
        >
          {lane.name}
        </span>
      )}
      <span class="lane-tools">
        <button
          type="button"
          class="lane-tool"
          data-testid="lane-up"
          aria-label={`Move ${lane.name} up`}
          title="Move up"
          disabled={index === 0}
          onClick={() => {
            change(() => api.moveLane(lane.id, index - 1));
          }}
        >
          <ArrowIcon direction="up" />
        </button>
        <button
          type="button"
          class="lane-tool"
          data-testid="lane-down"
          aria-label={`Move ${lane.name} down`}
          title="Move down"
          disabled={index === count - 1}
          onClick={() => {
            change(() => api.moveLane(lane.id, index + 1));
          }}
        >
          <ArrowIcon direction="down" />
        </button>
        <button
          type="button"
          class="lane-tool"
          data-testid="lane-colour"
          aria-label={`Colour of ${lane.name}`}
          title="Colour"
          aria-haspopup="dialog"
          onClick={(click) => {
            const anchor = click.currentTarget;
            setPalette((current) => (current ? null : anchor));
          }}
        >
          <span class="lane-colour-dot" />
        </button>
        <button
          type="button"
          class="lane-tool"
          data-testid="lane-delete"
          aria-label={`Delete lane ${lane.name}`}
          title={count === 1 ? "A timeline keeps at least one lane" : "Delete lane (its events move to the first lane)"}
          disabled={count === 1}
          onClick={() => {
            change(() => api.deleteLane(lane.id));
          }}
        >
          <TrashIcon />
        </button>
      </span>
      {palette && (
        <Popover
          anchor={palette}
          label={`Colour of ${lane.name}`}
          testid="lane-colour-popover"
          onClose={() => {
            setPalette(null);
          }}
        >
          <Swatches
            label={`Colour of ${lane.name}`}
            value={lane.colour}
            options={PALETTE}
            defaultName="Timeline colour"
            onPick={(colour) => {
              setPalette(null);
              change(() => api.setLaneColour(lane.id, colour));
            }}
          />
        </Popover>
      )}
    </div>
  );
}

/** The lane's name as a field: Enter or leaving it saves, Escape cancels. */
function LaneRename({ lane, onDone }: { lane: LaneView; onDone: () => void }) {
  const edit = useEdit();
  const field = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(lane.name);
  const [error, setError] = useState<string | null>(null);
  /** Saving or cancelled: a blur then must not save again. */
  const settled = useRef(false);

  useEffect(() => {
    field.current?.select();
  }, []);

  const save = (text: string) => {
    if (settled.current) return;
    settled.current = true;
    if (text === lane.name) {
      onDone();
      return;
    }
    edit.attempt(() => api.renameLane(lane.id, text)).then(onDone, (failure: unknown) => {
      settled.current = false;
      setError(api.errorMessage(failure));
    });
  };

  return (
    <span class="lane-rename-wrap">
      <input
        ref={field}
        class="lane-rename"
        data-testid="lane-rename-input"
        aria-label="Lane name"
        aria-invalid={error !== null}
        value={name}
        onInput={(input) => {
          setName(input.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(key) => {
          if (key.key === "Enter") {
            key.preventDefault();
            save(key.currentTarget.value);
          } else if (key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            settled.current = true;
            onDone();
          }
        }}
        onBlur={(blur) => {
          save(blur.currentTarget.value);
        }}
      />
      {error !== null && (
        <span class="lane-rename-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
