import { useEffect, useRef } from "preact/hooks";

/**
 * Calls `keys[event.key]` on a key press anywhere, except while typing in a
 * field or with a modifier held (those belong to the webview). Escape is
 * delivered even from fields; a field that handles it itself stops it.
 */
export function useShortcuts(keys: Partial<Record<string, () => void>>): void {
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    const onKey = (key: KeyboardEvent) => {
      if (key.defaultPrevented || key.ctrlKey || key.metaKey || key.altKey) return;
      if (key.key !== "Escape" && isTyping(key.target)) return;
      const action = latest.current[key.key];
      if (action) {
        key.preventDefault();
        action();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, []);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA")
  );
}
