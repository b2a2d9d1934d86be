import { describe, expect, it } from "vitest";
import { neighbour } from "./order";

describe("neighbour", () => {
  const items = [
    { id: "c", minute: 30 },
    { id: "a", minute: 10 },
    { id: "b1", minute: 20 },
    { id: "b2", minute: 20 },
  ];
  const key = (item: { minute: number }) => item.minute;
  const id = (name: string) => {
    const found = items.find((item) => item.id === name);
    if (!found) throw new Error(name);
    return found;
  };

  it("steps through in date order, ties in given order", () => {
    expect(neighbour(items, key, id("a"), 1)?.id).toBe("b1");
    expect(neighbour(items, key, id("b1"), 1)?.id).toBe("b2");
    expect(neighbour(items, key, id("b2"), 1)?.id).toBe("c");
    expect(neighbour(items, key, id("c"), -1)?.id).toBe("b2");
  });

  it("stops at either end", () => {
    expect(neighbour(items, key, id("c"), 1)).toBeNull();
    expect(neighbour(items, key, id("a"), -1)).toBeNull();
  });
});
