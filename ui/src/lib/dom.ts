// Finding the canvas's parts under the pointer: drops land on the lane
// element there, whatever is drawn over it.

export interface LaneHit {
  laneId: number;
  timelineId: number;
}

/** The lane under the client point (`x`, `y`), if any. Drag ghosts must not take pointer events. */
export function laneAt(x: number, y: number): LaneHit | null {
  const lane = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-testid="lane"]');
  const timeline = lane?.closest<HTMLElement>('[data-testid="timeline"]');
  const laneId = Number(lane?.dataset.laneId);
  const timelineId = Number(timeline?.dataset.timelineId);
  return Number.isFinite(laneId) && Number.isFinite(timelineId) ? { laneId, timelineId } : null;
}

/** Whether the client point is over the element. */
export function isOver(element: Element | null, x: number, y: number): boolean {
  const hit = document.elementFromPoint(x, y);
  return element !== null && hit !== null && element.contains(hit);
}

/** The canvas event that has the keyboard focus, with the timeline it is drawn on. */
export function focusedEvent(): { eventId: number; timelineId: number } | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches('[data-testid="timeline-event"]')) return null;
  const timeline = active.closest<HTMLElement>('[data-testid="timeline"]');
  const eventId = Number(active.dataset.eventId);
  const timelineId = Number(timeline?.dataset.timelineId);
  return Number.isFinite(eventId) && Number.isFinite(timelineId) ? { eventId, timelineId } : null;
}

/** Up and down arrows move the focus between the items of the menu the key was pressed in. */
export function moveInMenu(key: KeyboardEvent): void {
  const step = key.key === "ArrowDown" ? 1 : key.key === "ArrowUp" ? -1 : 0;
  if (step === 0 || !(key.target instanceof HTMLElement)) return;
  const menu = key.target.closest('[role="menu"]');
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const at = items.indexOf(key.target);
  key.preventDefault();
  items[(at + step + items.length) % items.length]?.focus();
}
