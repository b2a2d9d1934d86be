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

/** Focuses what `region` last held, else its first item in the Tab order; false when it has none. */
export function focusRegion(region: HTMLElement): boolean {
  const last = lastIn.get(region);
  const target =
    last?.isConnected && region.contains(last) && last.tabIndex >= 0
      ? last
      : [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find((element) => element.getClientRects().length > 0);
  (target ?? region).focus();
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
 * puts focus back in its region instead of on the page. WebKit sends no
 * blur for a removed element, so removals are watched instead. Returns
 * the function that stops it.
 */
export function keepFocusInRegions(): () => void {
  let focused: { element: HTMLElement; region: HTMLElement | null } | null = null;
  const onFocusIn = (focus: FocusEvent) => {
    const target = focus.target;
    if (!(target instanceof HTMLElement)) return;
    const region = target.closest<HTMLElement>(REGION);
    if (region) lastIn.set(region, target);
    focused = { element: target, region };
  };
  const watcher = new MutationObserver(() => {
    const active = document.activeElement;
    if (!focused || focused.element.isConnected || (active !== null && active !== document.body)) return;
    const home = focused.region?.isConnected ? focused.region : regions()[0];
    focused = null;
    if (home) focusRegion(home);
  });
  document.addEventListener("focusin", onFocusIn);
  watcher.observe(document.body, { childList: true, subtree: true });
  return () => {
    document.removeEventListener("focusin", onFocusIn);
    watcher.disconnect();
  };
}
