import type { ComponentChildren } from "preact";
import { createPortal } from "preact/compat";
import { useEffect, useId, useRef } from "preact/hooks";

interface Props {
  title: string;
  testid?: string;
  /** Extra class, for width. */
  class?: string;
  onClose: () => void;
  children: ComponentChildren;
}

const FOCUSABLE = "input, textarea, select, button, [tabindex]:not([tabindex='-1'])";

/**
 * A modal dialog: the rest of the app waits behind a veil. Focus starts on
 * the first field (or the element marked data-autofocus), stays inside, and
 * returns where it was when the dialog closes; Escape closes it.
 */
export function Dialog({ title, testid, class: extra, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Unique, as a dialog may open over another (the style editor over Export).
  const titleId = `modal-title-${useId()}`;

  useEffect(() => {
    const before = document.activeElement;
    const element = box.current;
    (element?.querySelector<HTMLElement>("[data-autofocus]") ?? element?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (key: KeyboardEvent) => {
    if (key.key === "Escape") {
      key.preventDefault();
      key.stopPropagation();
      onClose();
    } else if (key.key === "Tab") {
      const focusable = [...(box.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
        (element) => !element.hasAttribute("disabled"),
      );
      const first = focusable[0];
      const last = focusable.at(-1);
      if (key.shiftKey && document.activeElement === first) {
        key.preventDefault();
        last?.focus();
      } else if (!key.shiftKey && document.activeElement === last) {
        key.preventDefault();
        first?.focus();
      }
    }
  };

  return createPortal(
    <div class="modal-veil">
      <div
        ref={box}
        class={`modal${extra ? ` ${extra}` : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testid}
        onKeyDown={onKeyDown}
      >
        <h2 class="modal-title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
