import { describe, expect, it } from "vitest";
import { daysFromCivil, formatEdtf, MAX_MINUTE, MIN_MINUTE, parseEdtf } from "./edtf";

const minute = (iso: string) => Date.parse(iso) / 60000;

describe("daysFromCivil", () => {
  it("counts from the epoch, across leap years and before it", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2024, 2, 29) * 1440).toBe(minute("2024-02-29T00:00Z"));
  });
});

describe("parseEdtf", () => {
  it("reads every precision as the interval it stands for", () => {
    expect(parseEdtf("2021")).toMatchObject({
      start: minute("2021-01-01T00:00Z"),
      end: minute("2022-01-01T00:00Z"),
      precision: "year",
    });
    expect(parseEdtf("2023-41")).toMatchObject({ start: minute("2023-07-01T00:00Z"), precision: "half" });
    expect(parseEdtf("2024-33")).toMatchObject({
      start: minute("2024-01-01T00:00Z"),
      end: minute("2024-04-01T00:00Z"),
      precision: "quarter",
    });
    expect(parseEdtf("2019-12")).toMatchObject({ end: minute("2020-01-01T00:00Z"), precision: "month" });
    expect(parseEdtf("2019-07-22")).toMatchObject({ start: minute("2019-07-22T00:00Z"), precision: "day" });
    expect(parseEdtf("2019-07-22T14:30+01:00")).toMatchObject({
      start: minute("2019-07-22T13:30Z"),
      end: minute("2019-07-22T13:31Z"),
      precision: "minute",
    });
  });

  it("reads the qualifiers", () => {
    expect(parseEdtf("2021~")).toMatchObject({ approximate: true, uncertain: false });
    expect(parseEdtf("2019-07?")).toMatchObject({ approximate: false, uncertain: true });
    expect(parseEdtf("2019%")).toMatchObject({ approximate: true, uncertain: true });
  });

  it("handles years before the common era", () => {
    expect(parseEdtf("-0043")?.start).toBe(daysFromCivil(-43, 1, 1) * 1440);
    expect(MIN_MINUTE).toBeLessThan(0);
    expect(MAX_MINUTE).toBe(daysFromCivil(10000, 1, 1) * 1440);
  });

  it("rejects what the engine never writes", () => {
    for (const text of ["", "21", "2021-13", "2021-02-30", "2021-37", "2021-07-22T25:00Z", "2021 ", "c. 2021"]) {
      expect(parseEdtf(text)).toBeNull();
    }
  });
});

describe("formatEdtf", () => {
  it("writes the human form", () => {
    expect(formatEdtf("2021~")).toBe("c. 2021");
    expect(formatEdtf("2024-33")).toBe("Q1 2024");
    expect(formatEdtf("2023-41")).toBe("H2 2023");
    expect(formatEdtf("2019-07-22")).toBe("22 Jul 2019");
    expect(formatEdtf("2019-07?")).toBe("Jul 2019?");
    expect(formatEdtf("-0043")).toBe("44 BCE");
    expect(formatEdtf("not a date")).toBe("not a date");
  });
});
