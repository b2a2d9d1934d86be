import type { EventKind } from "../bindings/EventKind";
import { KINDS, kindVars } from "../lib/vocabulary";

/** A kind, named as everywhere else (the New event form, the inspector, exports). */
export function KindChip({ kind }: { kind: EventKind }) {
  return (
    <span class="kind-chip" style={kindVars(kind)}>
      {KINDS[kind].label}
    </span>
  );
}
