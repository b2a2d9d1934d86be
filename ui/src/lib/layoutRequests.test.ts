import { describe, expect, it } from "vitest";
import { layoutRequests, type Timers, ZOOM_REST_MS } from "./layoutRequests";
import { oneInFlight } from "./throttle";

/** Timers run by hand: `frame()` runs the frame callbacks due, `pass(ms)` moves the clock. */
function manualTimers() {
  let now = 0;
  let frames: (() => void)[] = [];
  let timeouts: { at: number; run: () => void }[] = [];
  const timers: Timers = {
    frame: (run) => {
      frames.push(run);
      return () => {
        frames = frames.filter((f) => f !== run);
      };
    },
    after: (ms, run) => {
      const entry = { at: now + ms, run };
      timeouts.push(entry);
      return () => {
        timeouts = timeouts.filter((t) => t !== entry);
      };
    },
  };
  return {
    timers,
    frame: () => {
      const due = frames;
      frames = [];
      for (const run of due) run();
    },
    pass: (ms: number) => {
      now += ms;
      const due = timeouts.filter((t) => t.at <= now);
      timeouts = timeouts.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
  };
}

/** Requests made, each answered by hand. */
function engine() {
  const sent: { query: string; answer: () => void }[] = [];
  const delivered: string[] = [];
  const queue = oneInFlight(
    (query: string) =>
      new Promise<string>((resolve) => {
        sent.push({ query, answer: () => { resolve(query); } });
      }),
    (reply) => delivered.push(reply),
    () => undefined,
  );
  return { sent, delivered, queue, queries: () => sent.map((s) => s.query) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Requests whose first layout, "start" at scale 1, has come back. */
async function laidOutAtScaleOne() {
  const clock = manualTimers();
  const { sent, queue, queries } = engine();
  const requests = layoutRequests(queue, clock.timers);
  requests.update("start", 1);
  clock.frame();
  sent[0]?.answer();
  await settle();
  return { clock, queries, requests };
}

describe("layoutRequests", () => {
  it("asks for a pan at the next frame, once however often it moved", () => {
    const clock = manualTimers();
    const { queue, queries } = engine();
    const requests = layoutRequests(queue, clock.timers);
    requests.update("pan 1", 1);
    requests.update("pan 2", 1);
    expect(queries()).toEqual([]);
    clock.frame();
    expect(queries()).toEqual(["pan 2"]);
  });

  it("lays out a zoom once it rests, and none of the steps on its way", async () => {
    const { clock, queries, requests } = await laidOutAtScaleOne();
    for (const scale of [1.1, 1.2, 1.3]) {
      requests.update(`zoom ${scale}`, scale);
      clock.frame();
      clock.pass(16);
    }
    expect(queries()).toEqual(["start"]);
    clock.pass(ZOOM_REST_MS);
    clock.frame();
    expect(queries()).toEqual(["start", "zoom 1.3"]);
  });

  it("does not lay out a zoom's first step when a pan's frame comes after it began", async () => {
    const { clock, queries, requests } = await laidOutAtScaleOne();
    // A pan asks for the next frame; before that frame, a zoom begins.
    requests.update("pan", 1);
    requests.update("zoom step", 1.1);
    clock.frame();
    expect(queries()).toEqual(["start"]);
    clock.pass(ZOOM_REST_MS);
    clock.frame();
    expect(queries()).toEqual(["start", "zoom step"]);
  });

  it("sends what changed while a request was out once it returns, and drops replies once disposed", async () => {
    const clock = manualTimers();
    const { sent, delivered, queue, queries } = engine();
    const requests = layoutRequests(queue, clock.timers);
    requests.update("first", 1);
    clock.frame();
    requests.update("second", 1);
    clock.frame();
    expect(queries()).toEqual(["first"]);
    sent[0]?.answer();
    await settle();
    expect(queries()).toEqual(["first", "second"]);
    expect(delivered).toEqual(["first"]);
    requests.dispose();
    sent[1]?.answer();
    await settle();
    expect(delivered).toEqual(["first"]);
  });
});
