import { describe, expect, it } from "vitest";
import { webUrl } from "./links";

describe("webUrl", () => {
  it("keeps http(s) addresses, normalised", () => {
    expect(webUrl("https://example.org/deal?id=1#top")).toBe("https://example.org/deal?id=1#top");
    expect(webUrl(" HTTP://Example.ORG ")).toBe("http://example.org/");
    expect(webUrl('https://example.org/a b"c')).toBe("https://example.org/a%20b%22c");
  });

  it("refuses every other scheme and relative addresses", () => {
    for (const raw of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "file:///etc/passwd",
      "data:text/html,<script>alert(1)</script>",
      "tauri://localhost/index.html",
      "ftp://example.org/",
      "mailto:a@example.org",
      "/relative/path",
      "example.org",
      "https://",
      "",
    ]) {
      expect(webUrl(raw), raw).toBeNull();
    }
  });
});
