import { useMemo, useRef } from "preact/hooks";
import type { Layout } from "../bindings/Layout";
import { type AnchoredLayout, anchorLayout } from "../lib/anchor";

/** `layout` counted from an origin kept across pans (see lib/anchor.ts). */
export function useAnchoredLayout(layout: Layout | null): AnchoredLayout | null {
  const previous = useRef<AnchoredLayout | null>(null);
  return useMemo(() => {
    previous.current = layout && anchorLayout(layout, previous.current);
    return previous.current;
  }, [layout]);
}
