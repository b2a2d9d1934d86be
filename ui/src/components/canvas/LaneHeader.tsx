import { useEffect, useRef, useState } from "preact/hooks";
import type { LaneView } from "../../bindings/LaneView";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
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
 * (double-click or Enter on the name), move up or down, recolour, delete.
 */
export function LaneHeader({ lane, index, count }: Props) {
  const edit = useEdit();
  const [renaming, setRenaming] = useState(false);
  const [palette, setPalette] = useState<HTMLElement | null>(null);
  const change = (action: () => Promise<unknown>) => {
    void edit.run(action);
  };

  return (
    <div class="lane-head">
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
          title="Double-click to rename"
          aria-label={`Lane ${lane.name}; press Enter to rename`}
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
