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

/** Focuses what `region` last held, else its first item in the Tab order. */
export function focusRegion(region: HTMLElement): void {
  const last = lastIn.get(region);
  const target =
    last?.isConnected && region.contains(last) && last.tabIndex >= 0
      ? last
      : [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find((element) => element.getClientRects().length > 0);
  (target ?? region).focus();
}

/** Moves focus to the next region (`step` 1) or the one before (-1), wrapping round. */
export function cycleRegion(step: 1 | -1): void {
  const all = regions();
  if (all.length === 0) return;
  const active = document.activeElement;
  const at = all.findIndex((region) => region.contains(active));
  const next = all[at === -1 ? (step === 1 ? 0 : all.length - 1) : (at + step + all.length) % all.length];
  if (next) focusRegion(next);
}

/** Focuses the region named `name` ("canvas"), if it is shown. */
export function focusNamedRegion(name: string): void {
  const region = regions().find((candidate) => candidate.dataset.region === name);
  if (region) focusRegion(region);
}

/**
 * Remembers where focus is in each region and, when the focused element
 * goes away (a form that closed on its commit, a row that was deleted),
 * puts focus back in its region instead of on the page. Returns the
 * function that stops it.
 */
export function keepFocusInRegions(): () => void {
  const onFocusIn = (focus: FocusEvent) => {
    const target = focus.target;
    if (!(target instanceof HTMLElement)) return;
    const region = target.closest(REGION);
    if (region) lastIn.set(region, target);
  };
  const onFocusOut = (focus: FocusEvent) => {
    const left = focus.target;
    if (focus.relatedTarget !== null || !(left instanceof HTMLElement)) return;
    const region = left.closest<HTMLElement>(REGION);
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (left.isConnected || (active !== null && active !== document.body)) return;
      const home = region?.isConnected ? region : regions()[0];
      if (home) focusRegion(home);
    });
  };
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  return () => {
    document.removeEventListener("focusin", onFocusIn);
    document.removeEventListener("focusout", onFocusOut);
  };
}
