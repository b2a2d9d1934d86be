import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";
import { plural } from "../lib/format";

interface Props {
  info: WorkspaceInfo | null;
  /** Events on the shown timelines, and how many of them are in view. */
  events: number;
  inView: number;
  timelines: number;
  selected: number;
}

export function StatusBar({ info, events, inView, timelines, selected }: Props) {
  return (
    <footer class="statusbar">
      <span class="status-path" data-testid="status-path" title={info?.path}>
        {info?.path}
      </span>
      <span class="status-spacer" />
      {selected > 1 && <span data-testid="status-selected">{selected} selected</span>}
      <span data-testid="status-events">
        {plural(events, "event")} on {plural(timelines, "timeline")} · {inView} in view
      </span>
      {info && <span data-testid="status-schema">Schema v{info.schema_version}</span>}
    </footer>
  );
}
