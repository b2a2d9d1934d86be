// The window's regions (top bar, timelines, library, canvas, inspector):
// F6 and Shift+F6 go from one to the next, and focus never falls to the
// page itself when what held it goes away.

/** What marks a region: `data-region` names it. */
const REGION = "[data-region]";
const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where focus last was in each region, to come back to. */
const lastIn = new WeakMap<Element, HTMLElement>();

function regions(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(REGION)].filter((region) => region.getClientRects().length > 0);
}

/** A list's one item in the Tab order (see `useRovingFocus`, the canvas's events). */
const ROVING = '[data-roving][tabindex="0"]';

/** Where focus lands in `region`: what it last held, else its list's item, else its first control. */
function landing(region: HTMLElement): HTMLElement | null {
  const last = lastIn.get(region);
  if (last?.isConnected && region.contains(last) && last.tabIndex >= 0) return last;
  const visible = (element: HTMLElement) => element.getClientRects().length > 0;
  return (
    [...region.querySelectorAll<HTMLElement>(ROVING)].find(visible) ??
    [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible) ??
    null
  );
}

/** Focuses where `region` lands (see `landing`); false when it has nothing to focus. */
export function focusRegion(region: HTMLElement, options?: FocusOptions): boolean {
  (landing(region) ?? region).focus(options);
  return region.contains(document.activeElement);
}

/**
 * Moves focus to the next region (`step` 1) or the one before (-1),
 * wrapping round, past any with nothing to focus (no comparisons yet).
 */
export function cycleRegion(step: 1 | -1): void {
  const all = regions();
  const active = document.activeElement;
  const at = all.findIndex((region) => region.contains(active));
  for (let offset = 1; offset <= all.length; offset++) {
    const index = at === -1 ? (step === 1 ? offset - 1 : all.length - offset) : at + step * offset;
    const next = all[((index % all.length) + all.length) % all.length];
    if (next && focusRegion(next)) return;
  }
}

/** Focuses the region named `name` ("canvas"), if it is shown. */
export function focusNamedRegion(name: string): void {
  const region = regions().find((candidate) => candidate.dataset.region === name);
  if (region) focusRegion(region);
}

/**
 * Remembers where focus is in each region and, when the focused element
 * goes away (a form that closed on its commit, a row that was deleted),
 * puts focus back in its dialog or region instead of on the page, without
 * scrolling. WebKit sends no blur for a removed element, so removals are
 * watched; a real blur (a click on the page) forgets the element, so a
 * later removal takes nothing from the user. A control that lost focus by
 * turning disabled (a busy form's submit button) is kept, so the form
 * closing after it still brings focus back. Returns the function that
 * stops it.
 */
export function keepFocusInRegions(): () => void {
  let focused: { element: HTMLElement; home: HTMLElement | null } | null = null;
  // Only the focused element's home is watched: a pan's changes to the
  // canvas cost nothing while focus is elsewhere.
  const watcher = new MutationObserver(() => {
    const active = document.activeElement;
    if (!focused || focused.element.isConnected || (active !== null && active !== document.body)) return;
    const home = focused.home?.isConnected ? focused.home : regions()[0];
    forget();
    if (home) focusRegion(home, { preventScroll: true });
  });
  const forget = () => {
    focused = null;
    watcher.disconnect();
  };
  const onFocusIn = (focus: FocusEvent) => {
    const target = focus.target;
    if (!(target instanceof HTMLElement)) return;
    const region = target.closest<HTMLElement>(REGION);
    if (region) lastIn.set(region, target);
    const home = target.closest<HTMLElement>('[role="dialog"]') ?? region;
    watcher.disconnect();
    focused = { element: target, home };
    // A dialog or region can go with the element (a popover closing): watch from the page.
    watcher.observe(home?.parentElement ?? document.body, { childList: true, subtree: true });
  };
  const onFocusOut = (focus: FocusEvent) => {
    const left = focus.target;
    if (!(left instanceof HTMLElement)) return;
    requestAnimationFrame(() => {
      if (focused?.element === left && left.isConnected && !left.matches(":disabled")) forget();
    });
  };
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  return () => {
    document.removeEventListener("focusin", onFocusIn);
    document.removeEventListener("focusout", onFocusOut);
    forget();
  };
}
