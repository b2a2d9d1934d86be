import { memo } from "preact/compat";
import type { Layout } from "../../bindings/Layout";

/** The canvas moves the planes by the pan (a zoom moves their elements apart: lib/stretch.ts). */
interface Props {
  layout: Layout | null;
}

/** Tick labels along the top of the canvas. */
export const Axis = memo(function Axis({ layout }: Props) {
  return (
    <div class="axis" data-testid="axis">
      <div class="plane">
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
});

/** Vertical grid lines under the timelines, and the "today" line. */
export const Grid = memo(function Grid({ layout }: Props) {
  return (
    <div class="grid plane" aria-hidden="true">
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
});
