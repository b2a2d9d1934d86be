import { useRef, useState } from "preact/hooks";
import type { EventOutline } from "../../bindings/EventOutline";
import type { TimelineView } from "../../bindings/TimelineView";
import { useEdit } from "../../hooks/useEdit";
import { useTransfer } from "../../hooks/useTransfer";
import * as api from "../../ipc";
import { plural } from "../../lib/format";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { Popover } from "../common/Popover";
import { MoreIcon, PlusIcon } from "../icons";
import { TimelineDialog } from "./TimelineDialog";
import { LaneForm, SpanForm } from "./TimelineForms";

type Open =
  | { what: "lane" | "span" | "menu"; anchor: HTMLElement }
  | { what: "details" | "delete" };

/**
 * A timeline's name, with its actions: add a lane, shade a period, edit,
 * export or delete it. A press anywhere on it makes the timeline current.
 */
export function TimelineHeader({ view, onCurrent }: { view: TimelineView<EventOutline>; onCurrent: () => void }) {
  const edit = useEdit();
  const transfer = useTransfer();
  const [open, setOpen] = useState<Open | null>(null);
  const menu = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(null);
  };
  /** Closes a dialog opened from the menu, giving the focus back to the menu's button. */
  const closeDialog = () => {
    setOpen(null);
    menu.current?.focus();
  };
  const toggle = (what: "lane" | "span" | "menu") => (click: MouseEvent) => {
    const anchor = click.currentTarget as HTMLElement;
    setOpen((current) => (current?.what === what ? null : { what, anchor }));
  };

  return (
    <div class="timeline-header" onPointerDown={onCurrent} onFocusIn={onCurrent}>
      <span
        class="timeline-title"
        title="Double-click to edit the timeline's details"
        onDblClick={() => {
          setOpen({ what: "details" });
        }}
      >
        {view.title}
      </span>
      {view.subtitle !== "" && <span class="timeline-subtitle">{view.subtitle}</span>}
      <span class="timeline-actions">
        <button type="button" class="header-button" data-testid="add-lane" title="Add a lane" onClick={toggle("lane")}>
          <PlusIcon size={12} />
          Lane
        </button>
        <button
          type="button"
          class="header-button"
          data-testid="add-span"
          title="Shade a period of this timeline"
          onClick={toggle("span")}
        >
          <PlusIcon size={12} />
          Period
        </button>
        <button
          ref={menu}
          type="button"
          class="icon-button"
          data-testid="timeline-menu"
          aria-label={`More for ${view.title}`}
          aria-haspopup="menu"
          aria-expanded={open?.what === "menu"}
          onClick={toggle("menu")}
        >
          <MoreIcon />
        </button>
      </span>
      {open?.what === "lane" && (
        <Popover anchor={open.anchor} label="New lane" testid="lane-popover" onClose={close}>
          <LaneForm timelineId={view.id} onDone={close} />
        </Popover>
      )}
      {open?.what === "span" && (
        <Popover anchor={open.anchor} label="Shade a period" testid="span-popover-new" class="is-wide" onClose={close}>
          <SpanForm timelineId={view.id} onDone={close} />
        </Popover>
      )}
      {open?.what === "menu" && (
        <Popover anchor={open.anchor} label={`${view.title} actions`} testid="timeline-menu-popover" onClose={close}>
          <div class="menu" role="menu">
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="edit-timeline"
              onClick={() => {
                setOpen({ what: "details" });
              }}
            >
              Edit details…
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="export-timeline"
              onClick={() => {
                close();
                transfer.openExport(view.id);
              }}
            >
              Export…
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item is-danger"
              data-testid="delete-timeline"
              onClick={() => {
                setOpen({ what: "delete" });
              }}
            >
              Delete timeline…
            </button>
          </div>
        </Popover>
      )}
      {open?.what === "details" && <TimelineDialog view={view} onClose={closeDialog} />}
      {open?.what === "delete" && (
        <ConfirmDialog
          title={`Delete “${view.title}”?`}
          confirm="Delete timeline"
          onCancel={closeDialog}
          onConfirm={() => {
            close();
            void edit.run(() => api.deleteTimeline(view.id));
          }}
        >
          <p>
            The timeline, its lanes and its shaded periods go. Its {plural(view.events.length, "event")} stay in the
            library. You can undo this.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
