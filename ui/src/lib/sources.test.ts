import { describe, expect, it } from "vitest";
import type { SourceView } from "../bindings/SourceView";
import { findSources } from "./sources";

function source(id: number, title: string, publisher: string, url: string): SourceView {
  return {
    id,
    url,
    title,
    publisher,
    author: "",
    published: null,
    accessed: null,
    published_label: null,
    accessed_label: null,
    excerpt: "",
    notes: "",
    citations: 0,
  };
}

const sources = [
  source(1, "OpenAI forms exclusive computing partnership with Microsoft", "OpenAI", "https://openai.com/index/microsoft-invests"),
  source(2, "CMA clears Microsoft partnership with OpenAI", "GOV.UK", "https://www.gov.uk/government/news/cma"),
];

describe("findSources", () => {
  it("matches every word in title, publisher or URL, ignoring case", () => {
    expect(findSources(sources, "microsoft").map((found) => found.id)).toEqual([1, 2]);
    expect(findSources(sources, "gov.uk clears").map((found) => found.id)).toEqual([2]);
    expect(findSources(sources, "  ").map((found) => found.id)).toEqual([1, 2]);
    expect(findSources(sources, "reuters")).toEqual([]);
  });
});
