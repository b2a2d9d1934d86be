import { describe, expect, it } from "vitest";
import { addAll, NO_SELECTION, selectOne, toggle, without } from "./selection";

describe("selection", () => {
  it("replaces the selection on a plain click", () => {
    const one = selectOne(4, 1);
    expect([...one.picked]).toEqual([[4, 1]]);
    expect(one.focus).toBe(4);
  });

  it("toggles with shift- or ctrl-click and keeps a focus", () => {
    const two = toggle(selectOne(4, 1), 9, 2);
    expect([...two.picked.keys()]).toEqual([4, 9]);
    expect(two.focus).toBe(9);
    const back = toggle(two, 9, 2);
    expect([...back.picked.keys()]).toEqual([4]);
    expect(back.focus).toBe(4);
    const none = toggle(back, 4, 1);
    expect(none.picked.size).toBe(0);
    expect(none.focus).toBeNull();
  });

  it("adds a box's events, keeping the first pick's timeline", () => {
    const boxed = addAll(selectOne(4, 1), [
      [4, 2],
      [5, 2],
    ]);
    expect([...boxed.picked]).toEqual([
      [4, 1],
      [5, 2],
    ]);
    expect(boxed.focus).toBe(4);
    expect(addAll(NO_SELECTION, [[7, 1]]).focus).toBe(7);
    expect(addAll(NO_SELECTION, [])).toBe(NO_SELECTION);
  });

  it("drops an event that is gone", () => {
    expect(without(selectOne(4, 1), 4).focus).toBeNull();
    const kept = selectOne(4, 1);
    expect(without(kept, 5)).toBe(kept);
  });
});
