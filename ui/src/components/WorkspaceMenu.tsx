import { useEffect, useRef, useState } from "preact/hooks";
import type { Workspaces } from "../hooks/useWorkspaces";
import * as api from "../ipc";
import { moveInMenu } from "../lib/dom";
import { fileName } from "../lib/format";
import { Popover } from "./common/Popover";
import { ChevronIcon } from "./icons";

interface Props {
  path: string;
  workspaces: Workspaces;
  onError: (error: unknown) => void;
}

/** The open workspace's name, opening a menu to start, open or copy a workspace. */
export function WorkspaceMenu({ path, workspaces, onError }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);

  useEffect(() => {
    if (open) api.recentWorkspaces().then(setRecent, onError);
  }, [open, onError]);

  /** Closes the menu, then acts. */
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const others = recent.filter((other) => other !== path);

  return (
    <>
      <button
        ref={button}
        type="button"
        class="workspace-name"
        title={path}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="workspace-name"
        onClick={() => {
          setOpen((shown) => !shown);
        }}
      >
        <span class="workspace-file">{fileName(path)}</span>
        <ChevronIcon open={open} />
      </button>
      {open && button.current && (
        <Popover
          anchor={button.current}
          label="Workspace"
          testid="workspace-menu"
          onClose={() => {
            setOpen(false);
          }}
        >
          <div class="menu" role="menu" onKeyDown={moveInMenu}>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="workspace-new"
              onClick={choose(workspaces.create)}
            >
              New workspace…
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="workspace-open"
              onClick={choose(workspaces.open)}
            >
              Open…
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="workspace-save-as"
              onClick={choose(workspaces.saveAs)}
            >
              Save as…
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              data-testid="workspace-restore"
              title="Backups are taken on opening and every ten minutes of editing; the content replaced is kept beside the workspace"
              onClick={choose(workspaces.restore)}
            >
              Restore from backup…
            </button>
            {others.length > 0 && <div class="menu-heading">Recent</div>}
            {others.map((other) => (
              <button
                key={other}
                type="button"
                role="menuitem"
                class="menu-item"
                title={other}
                data-testid="recent-workspace"
                data-path={other}
                onClick={choose(() => {
                  workspaces.openPath(other);
                })}
              >
                {fileName(other)}
              </button>
            ))}
            <p class="menu-note">Or drop a workspace file on the window; a timeline file dropped there is imported.</p>
          </div>
        </Popover>
      )}
    </>
  );
}
