import { type RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/** A ref for a field that takes the focus when it appears. */
export function useAutofocus<T extends HTMLElement>(): RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
