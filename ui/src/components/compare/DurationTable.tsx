import type { ComparisonView } from "../../bindings/ComparisonView";
import type { Days } from "../../bindings/Days";
import type { Stats } from "../../bindings/Stats";
import { KindChip } from "../KindChip";
import { daysLabel } from "./axis";

function Cell({ days, testid, timeline, kind }: { days: Days | null; testid: string; timeline: number; kind: string }) {
  return (
    <td class={`duration-value${days === null ? " is-missing" : ""}`} data-testid={testid} data-timeline-id={timeline} data-kind={kind}>
      {days === null ? "—" : daysLabel(days)}
    </td>
  );
}

function StatCells({ stats }: { stats: Stats }) {
  return (
    <>
      <td class="duration-stat">{daysLabel(stats.min)}</td>
      <td class="duration-stat">{daysLabel(stats.median)}</td>
      <td class="duration-stat">{daysLabel(stats.max)}</td>
    </>
  );
}

/** Offsets from T0 and the time between consecutive milestones, per timeline, with min, median and max. */
export function DurationTable({ view }: { view: ComparisonView }) {
  const { offsets, durations } = view.comparison;
  return (
    <div class="duration-wrap" tabIndex={0} role="region" aria-label="Milestones and durations">
      <table class="duration-table" data-testid="duration-table">
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            {view.timelines.map((timeline) => (
              <th scope="col" key={timeline.id}>
                {timeline.title}
              </th>
            ))}
            <th scope="col">Min</th>
            <th scope="col">Median</th>
            <th scope="col">Max</th>
          </tr>
        </thead>
        <tbody>
          <tr class="duration-group">
            <th colSpan={view.timelines.length + 4}>Offset from T0</th>
          </tr>
          {offsets.map((row) => (
            <tr key={`offset-${row.kind}`} data-testid="offset-row" data-kind={row.kind}>
              <th scope="row">
                <KindChip kind={row.kind} />
              </th>
              {row.cells.map((days, index) => (
                <Cell key={index} days={days} testid="offset-cell" timeline={view.timelines[index]?.id ?? 0} kind={row.kind} />
              ))}
              <StatCells stats={row.stats} />
            </tr>
          ))}
          <tr class="duration-group">
            <th colSpan={view.timelines.length + 4}>Between milestones</th>
          </tr>
          {durations.map((row) => {
            const kind = `${row.from}>${row.to}`;
            return (
              <tr key={`step-${kind}`} data-testid="duration-row" data-kind={kind}>
                <th scope="row">
                  <span class="duration-step">
                    <KindChip kind={row.from} />
                    <span aria-label="to">→</span>
                    <KindChip kind={row.to} />
                  </span>
                </th>
                {row.cells.map((days, index) => (
                  <Cell key={index} days={days} testid="duration-cell" timeline={view.timelines[index]?.id ?? 0} kind={kind} />
                ))}
                <StatCells stats={row.stats} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
