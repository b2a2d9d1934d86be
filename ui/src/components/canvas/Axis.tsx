import type { CSSProperties } from "preact";
import type { Layout } from "../../bindings/Layout";

interface Props {
  layout: Layout | null;
  /** The pan shift applied to everything laid out (a zoom moves its elements apart: lib/stretch.ts). */
  plane: CSSProperties;
}

/** Tick labels along the top of the canvas. */
export function Axis({ layout, plane }: Props) {
  return (
    <div class="axis" data-testid="axis">
      <div class="plane" style={plane}>
        {layout?.ticks.map((tick) => (
          <div
            key={tick.minute}
            class={`tick${tick.major ? " is-major" : ""}`}
            data-anchor={tick.x}
            style={{ left: tick.x }}
          >
            <span class="tick-label">{tick.label}</span>
          </div>
        ))}
        {layout?.today_x != null && (
          <div class="axis-today" data-anchor={layout.today_x} style={{ left: layout.today_x }}>
            <span>Today</span>
          </div>
        )}
      </div>
    </div>
  );
}

/** Vertical grid lines under the timelines, and the "today" line. */
export function Grid({ layout, plane }: Props) {
  return (
    <div class="grid plane" style={plane} aria-hidden="true">
      {layout?.ticks.map((tick) => (
        <div
          key={tick.minute}
          class={`grid-line${tick.major ? " is-major" : ""}`}
          data-anchor={tick.x}
          style={{ left: tick.x }}
        />
      ))}
      {layout?.today_x != null && (
        <div class="today-line" data-testid="today" data-anchor={layout.today_x} style={{ left: layout.today_x }} />
      )}
    </div>
  );
}
