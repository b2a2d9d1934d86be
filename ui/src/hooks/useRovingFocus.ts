import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { findTyped, rovingStep } from "../lib/roving";

/** How long type-to-find keeps adding letters to one search. */
const TYPED_RESET_MS = 700;

/**
 * Makes the items matching `selector` inside `container` one Tab stop:
 * the last one focused (else the current one, else the first) keeps
 * tabindex 0 and the others -1; arrows, Home and End move between them
 * and typing finds one by its `data-find` text (else its own text). Keys
 * an item handles itself (it prevents them) stay its own.
 */
export function useRovingFocus(
  container: RefObject<HTMLElement>,
  selector: string,
): { onKeyDown: (key: KeyboardEvent) => void; onFocusIn: (focus: FocusEvent) => void } {
  const last = useRef<HTMLElement | null>(null);
  const typed = useRef({ text: "", at: 0 });

  useLayoutEffect(() => {
    const items = itemsIn(container.current, selector);
    const kept = last.current && items.includes(last.current) ? last.current : null;
    const active = kept ?? items.find((item) => item.matches('[aria-current="true"]')) ?? items[0];
    for (const item of items) {
      item.tabIndex = item === active ? 0 : -1;
      // Where F6 and a lost focus land in the region (lib/regions.ts).
      item.dataset.roving = "";
    }
  });

  const onFocusIn = (focus: FocusEvent) => {
    const target = focus.target;
    if (!(target instanceof HTMLElement) || !target.matches(selector)) return;
    last.current = target;
    for (const item of itemsIn(container.current, selector)) item.tabIndex = item === target ? 0 : -1;
  };

  const onKeyDown = (key: KeyboardEvent) => {
    if (key.defaultPrevented || key.altKey || key.ctrlKey || key.metaKey) return;
    const target = key.target;
    const items = itemsIn(container.current, selector);
    if (!(target instanceof HTMLElement) || !items.includes(target)) return;
    const current = items.indexOf(target);
    let next = rovingStep(key.key, current, items.length);
    if (next === null && key.key.length === 1 && key.key !== " ") {
      const now = key.timeStamp;
      const text = now - typed.current.at < TYPED_RESET_MS ? typed.current.text + key.key : key.key;
      typed.current = { text, at: now };
      const texts = items.map((item) => item.dataset.find ?? item.textContent);
      // A letter that finds nothing is still the list's, not a shortcut's.
      next = findTyped(texts, current, text) ?? current;
    }
    if (next === null) return;
    key.preventDefault();
    key.stopPropagation();
    const item = items[next];
    if (!item) return;
    for (const other of items) other.tabIndex = other === item ? 0 : -1;
    last.current = item;
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  };
  return { onKeyDown, onFocusIn };
}

function itemsIn(container: HTMLElement | null, selector: string): HTMLElement[] {
  return container ? [...container.querySelectorAll<HTMLElement>(selector)] : [];
}
