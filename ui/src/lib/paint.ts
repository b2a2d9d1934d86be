// The canvas's event layer: marks, bars and labels painted on a <canvas>
// from the engine's layout, at the places the transparent overlay of event
// elements (EventItem) takes for pointer, keyboard and screen reader.
// Sizes and colours follow the `.event` rules of styles.css.

import type { AnnotationView } from "../bindings/AnnotationView";
import type { EventOutline } from "../bindings/EventOutline";
import type { PlacedItem } from "../bindings/PlacedItem";
import { dateRangeLabel, isFuzzy, isUnsourced } from "./events";
import {
  type Clip,
  clipItem,
  DATE_FONT,
  dateTextX,
  type Extent,
  LABEL_FONT,
  MARKER_PX,
  MIN_BAR_PX,
  NOTE_PX,
  ROW_HEIGHT_PX,
  showsInterval,
} from "./geometry";
import { textWidth } from "./measure";

/** How far an ongoing bar fades out at its end. */
const ONGOING_FADE_PX = 64;

/** The page's colours, read from its CSS (they follow the theme and the house style). */
export interface Palette {
  panel: string;
  text: string;
  text2: string;
  text3: string;
  accent: string;
  accentSoft: string;
  accentRing: string;
  warn: string;
  /** A kind's colour, and its soft fill. */
  kind: (kind: EventOutline["kind"]) => { solid: string; soft: string };
  /** A lane's background, for the plate under its labels. */
  laneBg: (laneId: number) => string;
}

/** What each event is drawn as, beyond its place. */
export interface Look {
  events: ReadonlyMap<number, EventOutline>;
  notes: ReadonlyMap<number, readonly AnnotationView[]>;
  selected: ReadonlySet<number> | ReadonlyMap<number, unknown>;
  hovered: number | null;
  /** Events being dragged, drawn faded. */
  dragging: ReadonlySet<number>;
  /** A bar end being dragged by `dx` px. */
  stretch: { id: number; edge: "start" | "end"; dx: number } | null;
}

/** An item to paint, with the lane it sits in. */
export interface Placed {
  item: PlacedItem;
  laneId: number;
}

/** A box in the canvas's own px: `x` and `y` are where plane px `left` and content px `top` fall. */
export interface Surface {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether `placed` draws anything inside the plane columns `strip`. */
export function reaches(placed: Placed, strip: Extent): boolean {
  const { item } = placed;
  const left = Math.min(item.fuzzy_start_x, item.x - MARKER_PX - NOTE_PX);
  const right = Math.max(item.fuzzy_end_x, item.x_end ?? item.x + MARKER_PX, item.label_visible ? item.label_x + item.label_width + 4 : item.x);
  return right >= strip.left && left <= strip.right;
}

/**
 * Paints `items` onto `context`, whose px (0, 0) is plane px
 * (`surface.left`, `surface.top`), clipped to the columns `strip` (plane
 * px; the whole surface when absent). Date text is placed as if the screen
 * had no edge, so that strips painted apart join up.
 */
export function paintItems(
  context: CanvasRenderingContext2D,
  surface: Surface,
  items: readonly Placed[],
  look: Look,
  palette: Palette,
  strip?: Extent,
): void {
  const columns = strip ?? { left: surface.left, right: surface.left + surface.width };
  context.save();
  context.translate(-surface.left, -surface.top);
  context.beginPath();
  context.rect(columns.left, surface.top, columns.right - columns.left, surface.height);
  context.clip();
  context.clearRect(columns.left, surface.top, columns.right - columns.left, surface.height);
  const unbounded = { left: -Infinity, right: Infinity };
  // Spans, then marks, then text: a label is never under a neighbour's bar.
  const drawn = items.filter((placed) => look.events.has(placed.item.id) && reaches(placed, columns));
  for (const placed of drawn) paintSpans(context, placed, look, palette);
  for (const placed of drawn) paintMark(context, placed, look, palette);
  for (const placed of drawn) paintText(context, placed, clipItem(placed.item, unbounded), look, palette);
  context.restore();
}

function event(look: Look, placed: Placed): EventOutline {
  const found = look.events.get(placed.item.id);
  if (!found) throw new Error(`event ${placed.item.id} is not loaded`);
  return found;
}

function top(item: PlacedItem): number {
  return item.y - ROW_HEIGHT_PX / 2;
}

function roundRect(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  context.beginPath();
  context.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}

function faded(context: CanvasRenderingContext2D, look: Look, id: number): void {
  context.globalAlpha = look.dragging.has(id) && look.stretch === null ? 0.35 : 1;
}

/** A bar's extent, with a dragged end where the pointer has it. */
function barOf(item: PlacedItem, look: Look): { left: number; width: number } | null {
  if (item.x_end === null) return null;
  const stretch = look.stretch?.id === item.id ? look.stretch : null;
  const start = item.x + (stretch?.edge === "start" ? stretch.dx : 0);
  const end = item.x_end + (stretch?.edge === "end" ? stretch.dx : 0);
  return { left: Math.min(start, end - MIN_BAR_PX), width: Math.max(MIN_BAR_PX, end - start) };
}

/** The fuzz of a qualified date, or the bracket over a coarse date's interval. */
function paintSpans(context: CanvasRenderingContext2D, placed: Placed, look: Look, palette: Palette): void {
  const { item } = placed;
  const outline = event(look, placed);
  const fuzzy = isFuzzy(outline);
  if (!fuzzy && !showsInterval(item)) return;
  faded(context, look, item.id);
  const colour = palette.kind(outline.kind);
  const y = top(item);
  const left = item.fuzzy_start_x;
  const width = item.fuzzy_end_x - item.fuzzy_start_x;
  if (fuzzy) {
    const gradient = context.createLinearGradient(left, 0, left + width, 0);
    gradient.addColorStop(0, "rgba(0,0,0,0)");
    gradient.addColorStop(0.3, colour.soft);
    gradient.addColorStop(0.7, colour.soft);
    gradient.addColorStop(1, "rgba(0,0,0,0)");
    context.fillStyle = gradient;
    roundRect(context, left, y + 3, width, 20, 10);
    context.fill();
  } else {
    context.strokeStyle = colour.solid;
    context.globalAlpha *= 0.45;
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(left + 0.5, y + 7);
    context.lineTo(left + 0.5, y + 2.5);
    context.lineTo(left + width - 0.5, y + 2.5);
    context.lineTo(left + width - 0.5, y + 7);
    context.stroke();
  }
  context.globalAlpha = 1;
}

/** The marker of a point, or the bar of a range, with its badges and handles. */
function paintMark(context: CanvasRenderingContext2D, placed: Placed, look: Look, palette: Palette): void {
  const { item } = placed;
  const outline = event(look, placed);
  const colour = palette.kind(outline.kind);
  const selected = look.selected.has(item.id);
  const unsourced = isUnsourced(outline);
  const fuzzy = isFuzzy(outline);
  const y = top(item);
  faded(context, look, item.id);
  const bar = barOf(item, look);
  if (bar === null) {
    const cx = item.x;
    const cy = y + 8 + MARKER_PX / 2;
    const shape = () => {
      context.beginPath();
      if (outline.importance >= 4) {
        const r = (MARKER_PX / 2) * 0.84 * Math.SQRT2;
        context.moveTo(cx, cy - r);
        context.lineTo(cx + r, cy);
        context.lineTo(cx, cy + r);
        context.lineTo(cx - r, cy);
        context.closePath();
      } else {
        context.arc(cx, cy, MARKER_PX / 2, 0, Math.PI * 2);
      }
    };
    // The ring that sets it off from what lies beneath, then the mark.
    shape();
    context.lineWidth = selected ? 4 : 3;
    context.strokeStyle = palette.panel;
    context.stroke();
    if (selected) {
      context.beginPath();
      context.arc(cx, cy, MARKER_PX / 2 + 2.75, 0, Math.PI * 2);
      context.lineWidth = 1.5;
      context.strokeStyle = palette.accent;
      context.stroke();
    }
    shape();
    context.fillStyle = fuzzy ? palette.panel : colour.solid;
    context.fill();
    if (fuzzy) {
      context.save();
      context.clip();
      shape();
      context.lineWidth = 4;
      context.strokeStyle = colour.solid;
      context.stroke();
      context.restore();
    }
  } else {
    const ongoing = item.ongoing;
    const resizing = look.stretch?.id === item.id;
    if (selected || resizing) {
      roundRect(context, bar.left - 2, y + 17, bar.width + 4, 9, 5);
      context.fillStyle = palette.accentRing;
      context.fill();
    }
    // Solid in the kind's colour, so a range reads apart from the dashed
    // line under an unsourced label (its badge says it is unsourced).
    let fill: string | CanvasGradient = colour.soft;
    let stroke: string | CanvasGradient = colour.solid;
    if (ongoing) {
      const fadeFrom = Math.max(bar.left, bar.left + bar.width - ONGOING_FADE_PX);
      const fade = (solid: string) => {
        const gradient = context.createLinearGradient(fadeFrom, 0, bar.left + bar.width, 0);
        gradient.addColorStop(0, solid);
        gradient.addColorStop(1, "rgba(0,0,0,0)");
        return gradient;
      };
      fill = fade(colour.soft);
      stroke = fade(colour.solid);
    }
    roundRect(context, bar.left + 0.5, y + 19.5, bar.width - 1, 5, ongoing ? 0 : 3);
    context.fillStyle = fill;
    context.fill();
    context.setLineDash(fuzzy ? [3, 2] : []);
    context.lineWidth = 1;
    context.strokeStyle = stroke;
    context.stroke();
    context.setLineDash([]);
    // End handles show on the bar of a selected, hovered or resized event.
    if (selected || resizing || look.hovered === item.id) {
      context.globalAlpha *= 0.9;
      context.fillStyle = colour.solid;
      const handle = (x: number) => {
        roundRect(context, x - 1.5, y + 8, 3, 10, 2);
        context.fill();
      };
      handle(bar.left);
      if (!ongoing) handle(bar.left + bar.width);
    }
  }
  if (unsourced) {
    const cx = item.x;
    const cy = y - 2 + 5;
    faded(context, look, item.id);
    context.beginPath();
    context.arc(cx, cy, 5, 0, Math.PI * 2);
    context.lineWidth = 3;
    context.strokeStyle = palette.panel;
    context.stroke();
    context.fillStyle = palette.warn;
    context.fill();
    context.fillStyle = "#fff";
    context.font = '600 8px "Inter"';
    context.textAlign = "center";
    context.textBaseline = "middle";
    context.fillText("!", cx, cy + 0.5);
    context.textAlign = "start";
  }
  if ((look.notes.get(item.id)?.length ?? 0) > 0) paintNote(context, item, palette);
  context.globalAlpha = 1;
}

/** The note icon (icons.tsx's NoteIcon at 11 px): above left of a marker, below a bar's start. */
function paintNote(context: CanvasRenderingContext2D, item: PlacedItem, palette: Palette): void {
  const point = item.x_end === null;
  const x = item.x + (point ? -12 : -6);
  const y = point ? top(item) : top(item) + ROW_HEIGHT_PX - 11;
  const unit = 11 / 16;
  context.save();
  context.translate(x, y);
  context.scale(unit, unit);
  context.lineWidth = 1.5;
  context.lineJoin = "round";
  context.lineCap = "round";
  context.strokeStyle = palette.text2;
  context.stroke(new Path2D("M3 2.5h10v8l-3 3H3Z"));
  context.stroke(new Path2D("M10 13.5v-3h3M5.5 6h5M5.5 8.5h3"));
  context.restore();
}

/** The label on its plate, and the date text where it fits. */
function paintText(context: CanvasRenderingContext2D, placed: Placed, clip: Clip, look: Look, palette: Palette): void {
  const { item } = placed;
  const outline = event(look, placed);
  const y = top(item);
  const selected = look.selected.has(item.id);
  const stretching = look.stretch?.id === item.id;
  faded(context, look, item.id);
  context.textBaseline = "middle";
  if (item.label_visible) {
    const width = textWidth(outline.title, LABEL_FONT);
    const plateLeft = item.label_x - 2;
    const plateWidth = width + 4;
    if (selected) {
      roundRect(context, plateLeft - 3, y + 3, plateWidth + 6, 20, 4);
      context.fillStyle = palette.panel;
      context.fill();
      context.fillStyle = palette.accentSoft;
      context.fill();
    } else {
      context.fillStyle = palette.laneBg(placed.laneId);
      context.fillRect(plateLeft, y + 6, plateWidth, 14);
      if (look.hovered === item.id) {
        roundRect(context, plateLeft - 2, y + 4, plateWidth + 4, 18, 3);
        context.fillStyle = "rgba(0, 0, 0, 0.045)";
        context.fill();
      }
    }
    context.font = LABEL_FONT;
    const doubtful = outline.confidence === "rumoured" || outline.confidence === "disputed";
    context.fillStyle = doubtful && !selected ? palette.text2 : palette.text;
    context.fillText(outline.title, item.label_x, y + 13);
    // A range's rail runs under its label: the badge alone marks it unsourced.
    if (isUnsourced(outline) && item.x_end === null) {
      context.strokeStyle = palette.warn;
      context.lineWidth = 1;
      context.setLineDash([3, 2]);
      context.beginPath();
      context.moveTo(plateLeft, y + 20.5);
      context.lineTo(plateLeft + plateWidth, y + 20.5);
      context.stroke();
      context.setLineDash([]);
    }
  }
  if (!stretching) {
    const noteRoom = item.x_end === null && (look.notes.get(item.id)?.length ?? 0) > 0 ? NOTE_PX : 0;
    const date = [dateRangeLabel(outline), outline.start_label]
      .map((text) => ({ text, x: dateTextX(item, textWidth(text, DATE_FONT) + noteRoom, clip) }))
      .find((candidate): candidate is { text: string; x: number } => candidate.x !== null);
    if (date) {
      context.font = DATE_FONT;
      context.fillStyle = palette.text3;
      context.fillText(date.text, date.x, y + 13);
    }
  }
  context.globalAlpha = 1;
}
