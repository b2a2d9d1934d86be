// Small text formatters.

/** The last segment of a path: the workspace's file name. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== "");
  return parts.at(-1) ?? path;
}

/** The name Save as suggests for a copy of the file `name`: "deals.db" gives "deals copy.db". */
export function copyName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} copy${name.slice(dot)}` : `${name} copy`;
}

/** "1 event", "12 events". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** The names in a comma-separated entry ("Microsoft, OpenAI"), trimmed, blanks left out. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
