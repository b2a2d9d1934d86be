import { describe, expect, it } from "vitest";
import { copyName, fileName } from "./format";

describe("fileName", () => {
  it("takes the last segment of either kind of path", () => {
    expect(fileName("/home/ana/deals.db")).toBe("deals.db");
    expect(fileName("C:\\Users\\ana\\deals.db")).toBe("deals.db");
  });
});

describe("copyName", () => {
  it("adds copy before the extension", () => {
    expect(copyName("deals.db")).toBe("deals copy.db");
    expect(copyName("q3.deals.tideline")).toBe("q3.deals copy.tideline");
  });

  it("adds copy to a name without one", () => {
    expect(copyName("deals")).toBe("deals copy");
    expect(copyName(".db")).toBe(".db copy");
  });
});
