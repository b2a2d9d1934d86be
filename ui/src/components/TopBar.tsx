import { fileName } from "../lib/format";
import { LogoMark } from "./icons";

interface Props {
  path: string | null;
  /** The axis unit in words, once there is a layout. */
  zoomLabel: string | null;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
}

export function TopBar({ path, zoomLabel, onZoomIn, onZoomOut, onFit }: Props) {
  return (
    <header class="topbar">
      <div class="brand">
        <LogoMark />
        <span class="wordmark">Tideline</span>
      </div>
      {path !== null && (
        <span class="workspace-name" title={path} data-testid="workspace-name">
          {fileName(path)}
        </span>
      )}
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
        <button type="button" data-testid="zoom-out" title="Zoom out (−)" aria-label="Zoom out" onClick={onZoomOut}>
          −
        </button>
        <button type="button" data-testid="zoom-in" title="Zoom in (+)" aria-label="Zoom in" onClick={onZoomIn}>
          +
        </button>
        <button type="button" data-testid="zoom-fit" title="Fit all events (F)" onClick={onFit}>
          Fit
        </button>
      </div>
    </header>
  );
}
