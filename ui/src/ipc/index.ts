// The one door to the Rust side: typed wrappers around Tauri's `invoke`.
// Every command rejects with a CommandError carrying the engine's ApiError.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { EventFilter } from "../bindings/EventFilter";
import type { EventView } from "../bindings/EventView";
import type { Layout } from "../bindings/Layout";
import type { TimelineSummary } from "../bindings/TimelineSummary";
import type { TimelineView } from "../bindings/TimelineView";
import type { Viewport } from "../bindings/Viewport";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";

export class CommandError extends Error {
  readonly code: ErrorCode;

  constructor(error: ApiError) {
    super(error.message);
    this.name = "CommandError";
    this.code = error.code;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string";
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isApiError(error)) throw new CommandError(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandError({ code: "internal", message });
  }
}

/** The message to show for whatever a command rejected with. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const workspaceInfo = (): Promise<WorkspaceInfo> => call("workspace_info");

export const listTimelines = (): Promise<TimelineSummary[]> => call("list_timelines");

export const getTimeline = (id: number): Promise<TimelineView> => call("get_timeline", { id });

export const listEvents = (filter: EventFilter): Promise<EventView[]> => call("list_events", { filter });

export const getEvent = (id: number): Promise<EventView> => call("get_event", { id });

export const renameEvent = (id: number, title: string): Promise<EventView> =>
  call("rename_event", { id, title });

export const layout = (timelines: number[], viewport: Viewport, todayMinute: number | null): Promise<Layout> =>
  call("layout", { timelines, viewport, todayMinute });
