import { useEffect, useRef } from "preact/hooks";

/**
 * Calls `keys[name]` on a key press anywhere, where `name` is the key
 * ("z", "Delete") or, with ctrl or cmd held, "Mod+z" / "Mod+Shift+z". Keys
 * pressed while typing in a field, inside a dialog or with alt held belong to
 * them (the browser's own undo in a text field, say). Escape is delivered
 * even from fields; a field or dialog that handles it itself prevents it.
 */
export function useShortcuts(keys: Partial<Record<string, () => void>>): void {
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    const onKey = (key: KeyboardEvent) => {
      if (key.defaultPrevented || key.altKey) return;
      if (key.key !== "Escape" && (isTyping(key.target) || inDialog(key.target))) return;
      const mod = key.ctrlKey || key.metaKey;
      const name = mod ? `Mod+${key.shiftKey ? "Shift+" : ""}${key.key.toLowerCase()}` : key.key;
      const action = latest.current[name];
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
    (target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")
  );
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}
