// Which addresses may leave the app: only absolute http(s) ones with a host,
// opened in the system browser after the user confirms. Anything else
// (`javascript:`, `file:`, `data:`, relative paths) is shown as text.

/** `raw` as the full, normalised http(s) address the browser would get, or null. */
export function webUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.hostname === "") return null;
  return url.href;
}
