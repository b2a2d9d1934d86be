import type { EventKind } from "../bindings/EventKind";
import { KINDS, kindVars } from "../lib/vocabulary";

export function KindChip({ kind, long = false }: { kind: EventKind; long?: boolean }) {
  const { label, short } = KINDS[kind];
  return (
    <span class="kind-chip" style={kindVars(kind)} title={label}>
      {long ? label : short}
    </span>
  );
}
