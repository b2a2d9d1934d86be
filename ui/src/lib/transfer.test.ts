import { describe, expect, it } from "vitest";
import type { ImportReport } from "../bindings/ImportReport";
import { exportFileName, extension, importSummary, isImportable, spanLabel } from "./transfer";

describe("isImportable", () => {
  it("imports timeline files and opens everything else as a workspace", () => {
    expect(isImportable("/home/ana/Women in computing.JSON")).toBe(true);
    expect(isImportable("C:\\data\\deals.csv")).toBe(true);
    expect(isImportable("/tmp/plan.mw")).toBe(true);
    expect(isImportable("/tmp/sheet.tsv")).toBe(true);
    expect(isImportable("/tmp/deals.db")).toBe(false);
    expect(isImportable("/tmp/.json")).toBe(false);
    expect(isImportable("/tmp/json")).toBe(false);
  });

  it("reads the extension of the file name only", () => {
    expect(extension("/tmp/a.folder/notes")).toBe("");
    expect(extension("/tmp/archive.tar.GZ")).toBe("gz");
  });
});

describe("spanLabel", () => {
  it("joins two ends and keeps one when they match", () => {
    expect(spanLabel("Jul 2019", "Mar 2024")).toBe("Jul 2019 – Mar 2024");
    expect(spanLabel("2019", "2019")).toBe("2019");
    expect(spanLabel(null, null)).toBeNull();
  });
});

describe("exportFileName", () => {
  it("keeps the title and replaces what a file system refuses", () => {
    expect(exportFileName("Microsoft–OpenAI", ".json")).toBe("Microsoft–OpenAI.json");
    expect(exportFileName("Deals: 2023/24?", ".csv")).toBe("Deals- 2023-24-.csv");
    expect(exportFileName("  ..hidden  ", ".csv")).toBe("hidden.csv");
    expect(exportFileName("///", " (TimelineJS).json")).toBe("Timeline (TimelineJS).json");
    expect(exportFileName("   ", ".json")).toBe("Timeline.json");
    expect(exportFileName("Line\nbreak\ttab", ".csv")).toBe("Line break tab.csv");
  });
});

describe("importSummary", () => {
  const report: ImportReport = { timeline: 4, title: "Eras", events: 12, skipped: [], warnings: [] };

  it("says how many events went where", () => {
    expect(importSummary(report)).toBe("Imported 12 events into “Eras”.");
  });

  it("names the first skipped entry and counts the warnings", () => {
    const summary = importSummary({
      ...report,
      skipped: [
        { place: "line 3", message: "month 13 is not a month" },
        { place: "line 9", message: "no start" },
      ],
      warnings: [{ place: "line 2", message: "seconds dropped" }],
    });
    expect(summary).toBe(
      "Imported 12 events into “Eras”. Skipped 2 invalid entries (line 3: month 13 is not a month; …). 1 warning: some details were kept differently or left out.",
    );
  });
});
