import { describe, expect, it } from "vitest";
import { oneInFlight } from "./throttle";

function deferred() {
  const calls: { query: number; resolve: (reply: string) => void }[] = [];
  const send = (query: number) =>
    new Promise<string>((resolve) => {
      calls.push({ query, resolve });
    });
  return { calls, send };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("oneInFlight", () => {
  it("sends the first query at once and only the newest of those that waited", async () => {
    const { calls, send } = deferred();
    const replies: string[] = [];
    const queue = oneInFlight(send, (reply) => replies.push(reply), () => undefined);
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(calls.map((call) => call.query)).toEqual([1]);
    calls[0]?.resolve("one");
    await settle();
    expect(replies).toEqual(["one"]);
    expect(calls.map((call) => call.query)).toEqual([1, 3]);
    calls[1]?.resolve("three");
    await settle();
    expect(replies).toEqual(["one", "three"]);
  });

  it("drops replies and waiting queries after a reset", async () => {
    const { calls, send } = deferred();
    const replies: string[] = [];
    const queue = oneInFlight(send, (reply) => replies.push(reply), () => undefined);
    queue.push(1);
    queue.push(2);
    queue.reset();
    calls[0]?.resolve("stale");
    await settle();
    expect(replies).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("reports failures and carries on", async () => {
    const errors: unknown[] = [];
    const queue = oneInFlight(
      (query: number) => (query < 0 ? Promise.reject(new Error("bad")) : Promise.resolve(`ok ${query}`)),
      () => undefined,
      (error) => errors.push(error),
    );
    queue.push(-1);
    queue.push(1);
    await settle();
    await settle();
    expect(errors).toHaveLength(1);
  });
});
