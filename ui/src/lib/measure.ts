// Text widths as the webview sets them, for deciding what fits on the canvas.

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** Width in px of `text` in the CSS `font`; a rough estimate if canvas text is unavailable. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  context ??= document.createElement("canvas").getContext("2d");
  if (!context) return text.length * 7;
  context.font = font;
  const width = context.measureText(text).width;
  cache.set(key, width);
  return width;
}
