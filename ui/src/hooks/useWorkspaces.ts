import { useCallback, useEffect, useState } from "preact/hooks";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";
import * as api from "../ipc";
import { copyName, fileName } from "../lib/format";
import { isImportable } from "../lib/transfer";

export interface Workspaces {
  /** Whether a file is being dragged over the window. */
  dragging: boolean;
  /** Whether the file dragged over the window is one to import, not a workspace. */
  draggingImport: boolean;
  create: () => void;
  open: () => void;
  saveAs: () => void;
  /** Replaces the open workspace's content with a backup's; what it replaced is kept beside it. */
  restore: () => void;
  openPath: (path: string) => void;
}

/**
 * New, open and save-as through the native dialogs, and a file dropped on
 * the window opened, or handed to `onImport` when it is a timeline file
 * (JSON, CSV, Markwhen). `onSwitched` follows each switch; a failure is
 * reported and leaves the open workspace as it was.
 */
export function useWorkspaces(
  path: string | null,
  onSwitched: () => void,
  onImport: (path: string) => void,
  report: (error: unknown) => void,
): Workspaces {
  const [dragging, setDragging] = useState(false);
  const [draggingImport, setDraggingImport] = useState(false);

  /** Switches to the chosen path, if one is chosen (a dialog may be cancelled). */
  const switchTo = useCallback(
    (chosen: Promise<string | null>, change: (path: string) => Promise<WorkspaceInfo | string | null>) => {
      void (async () => {
        const target = await chosen;
        if (target === null) return;
        await change(target);
        onSwitched();
      })().catch(report);
    },
    [onSwitched, report],
  );
  const openPath = useCallback(
    (target: string) => {
      switchTo(Promise.resolve(target), api.openWorkspace);
    },
    [switchTo],
  );

  useEffect(() => {
    const listening = api
      .onFileDrop((drag) => {
        setDragging(drag.type === "over");
        if (drag.type === "over" && drag.paths !== null) setDraggingImport(drag.paths.some(isImportable));
        const [dropped] = drag.type === "drop" ? drag.paths : [];
        if (dropped === undefined) return;
        if (isImportable(dropped)) onImport(dropped);
        else openPath(dropped);
      })
      .catch((error: unknown) => {
        report(error);
        return () => undefined;
      });
    return () => {
      void listening.then((stop) => {
        stop();
      });
    };
  }, [openPath, onImport, report]);

  return {
    dragging,
    draggingImport,
    create: () => {
      switchTo(api.saveWorkspaceDialog("New workspace", "Untitled.db"), api.newWorkspace);
    },
    open: () => {
      switchTo(api.openWorkspaceDialog(), api.openWorkspace);
    },
    saveAs: () => {
      const name = path === null ? "Untitled.db" : copyName(fileName(path));
      switchTo(api.saveWorkspaceDialog("Save workspace as", name), api.saveWorkspaceAs);
    },
    restore: () => {
      switchTo(api.backupsFolder().then(api.restoreDialog), api.restoreWorkspace);
    },
    openPath,
  };
}
