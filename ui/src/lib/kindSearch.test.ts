import { describe, expect, it } from "vitest";
import { kindNamed, searchKinds } from "./kindSearch";
import { KIND_VALUES } from "./vocabulary";

describe("searchKinds", () => {
  it("finds a kind by any word of its name", () => {
    expect(searchKinds("review")[0]).toBe("regulatory-review");
    expect(searchKinds("loi")[0]).toBe("mou");
    expect(searchKinds("term sheet")[0]).toBe("mou");
  });

  it("reads a typed phrase as a whole, not word by word", () => {
    // Typeahead on a select picked "filing" here: both labels start with "Regulatory".
    expect(searchKinds("Regulatory r")).toEqual(["regulatory-review"]);
    expect(searchKinds("regulatory")).toEqual(["regulatory-filing", "regulatory-review"]);
  });

  it("puts a label that starts with the text before one that contains it", () => {
    const found = searchKinds("de");
    expect(found[0]).toBe("definitive-agreement");
    expect(found).toContain("decision");
  });

  it("lists every kind for no text and none for text no kind has", () => {
    expect(searchKinds("  ")).toEqual(KIND_VALUES);
    expect(searchKinds("zebra")).toEqual([]);
  });
});

describe("kindNamed", () => {
  it("takes a label or an identifier in any case", () => {
    expect(kindNamed("Regulatory review")).toBe("regulatory-review");
    expect(kindNamed("regulatory-filing")).toBe("regulatory-filing");
    expect(kindNamed(" closing ")).toBe("closing");
    expect(kindNamed("review")).toBeNull();
  });
});
