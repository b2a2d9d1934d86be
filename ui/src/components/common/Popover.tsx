import type { ComponentChildren } from "preact";
import { createPortal } from "preact/compat";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";

/** Room kept between a popover and the window's edges. */
const EDGE_PX = 8;

interface Props {
  /** The element the popover hangs from; focus returns to it on Escape. */
  anchor: HTMLElement;
  label: string;
  testid?: string;
  /** Extra class, for width. */
  class?: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A small non-modal panel under its anchor, over everything: rendered into
 * the body, so no transformed or clipped ancestor cuts it. It closes on
 * Escape and on a press outside it, and focuses its first field.
 */
export function Popover({ anchor, label, testid, class: extra, onClose, children }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Placed before the first paint, under the anchor or above it when there is no room below.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const at = anchor.getBoundingClientRect();
    const { width, height } = element.getBoundingClientRect();
    const left = Math.max(EDGE_PX, Math.min(at.left, window.innerWidth - width - EDGE_PX));
    const below = at.bottom + 4;
    const top = below + height <= window.innerHeight - EDGE_PX ? below : Math.max(EDGE_PX, at.top - height - 4);
    element.style.left = `${left}px`;
    element.style.top = `${top}px`;
  }, [anchor]);

  useEffect(() => {
    const element = panel.current;
    element?.querySelector<HTMLElement>("[data-autofocus], input, textarea, select, button")?.focus();
    const onPress = (press: PointerEvent) => {
      const target = press.target;
      if (target instanceof Node && (element?.contains(target) || anchor.contains(target))) return;
      close.current();
    };
    document.addEventListener("pointerdown", onPress, true);
    return () => {
      document.removeEventListener("pointerdown", onPress, true);
    };
  }, [anchor]);

  return createPortal(
    <div
      ref={panel}
      class={`popover${extra ? ` ${extra}` : ""}`}
      role="dialog"
      aria-label={label}
      data-testid={testid}
      onKeyDown={(key) => {
        if (key.key === "Escape") {
          key.preventDefault();
          key.stopPropagation();
          close.current();
          anchor.focus();
        }
      }}
    >
      {children}
    </div>,
    document.body,
  );
}
