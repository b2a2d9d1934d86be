import type { HistoryState } from "../bindings/HistoryState";
import type { Workspaces } from "../hooks/useWorkspaces";
import { LogoMark, TransferIcon, UndoIcon } from "./icons";
import { WorkspaceMenu } from "./WorkspaceMenu";

interface Props {
  path: string | null;
  /** Whether the workspace may not be changed: what would change it is disabled. */
  readOnly: boolean;
  workspaces: Workspaces;
  onError: (error: unknown) => void;
  /** The axis unit in words, once there is a layout. */
  zoomLabel: string | null;
  history: HistoryState;
  /** Whether events are selected, to zoom to. */
  canZoomToSelection: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onZoomToSelection: () => void;
  /** Import a file: the open dialog, then its preview. */
  onImport: () => void;
  /** The export dialog. */
  onExport: () => void;
}

export function TopBar(props: Props) {
  const { path, readOnly, workspaces, onError, zoomLabel, history, canZoomToSelection } = props;
  return (
    <header class="topbar" data-region="topbar" aria-label="Tideline">
      <div class="brand">
        <LogoMark />
        <h1 class="wordmark">Tideline</h1>
      </div>
      {path !== null && <WorkspaceMenu path={path} workspaces={workspaces} onError={onError} />}
      <div class="segmented" role="group" aria-label="Import and export">
        <button
          type="button"
          class="transfer-button"
          data-testid="import-button"
          disabled={readOnly}
          title="Import a TimelineJS, Markwhen, CSV or Tideline file (or drop it on the window)"
          onClick={props.onImport}
        >
          <TransferIcon />
          Import…
        </button>
        <button
          type="button"
          class="transfer-button"
          data-testid="export-button"
          title="Export a timeline or the whole workspace"
          onClick={props.onExport}
        >
          <TransferIcon out />
          Export…
        </button>
      </div>
      <div class="segmented" role="group" aria-label="History">
        <button
          type="button"
          data-testid="undo"
          disabled={readOnly || history.undo === null}
          title={history.undo === null ? "Nothing to undo" : `Undo ${history.undo}`}
          aria-label={history.undo === null ? "Undo" : `Undo ${history.undo}`}
          aria-keyshortcuts="Control+Z"
          onClick={props.onUndo}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          data-testid="redo"
          disabled={readOnly || history.redo === null}
          title={history.redo === null ? "Nothing to redo" : `Redo ${history.redo}`}
          aria-label={history.redo === null ? "Redo" : `Redo ${history.redo}`}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          onClick={props.onRedo}
        >
          <UndoIcon redo />
        </button>
      </div>
      <div class="topbar-spacer" />
      {zoomLabel !== null && (
        <span
          class="zoom-level"
          data-testid="zoom-level"
          title="Axis unit. Scroll to zoom; drag or shift+scroll to pan."
        >
          {zoomLabel}
        </span>
      )}
      <div class="segmented" role="group" aria-label="Zoom">
        <button type="button" data-testid="zoom-out" title="Zoom out (−)" aria-label="Zoom out" onClick={props.onZoomOut}>
          −
        </button>
        <button type="button" data-testid="zoom-in" title="Zoom in (+)" aria-label="Zoom in" onClick={props.onZoomIn}>
          +
        </button>
        <button
          type="button"
          data-testid="zoom-selection"
          title="Zoom to the selected events (Z)"
          disabled={!canZoomToSelection}
          onClick={props.onZoomToSelection}
        >
          Selection
        </button>
        <button type="button" data-testid="zoom-fit" title="Fit all events (F)" onClick={props.onFit}>
          Fit
        </button>
      </div>
    </header>
  );
}
