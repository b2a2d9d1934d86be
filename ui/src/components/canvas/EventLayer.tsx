import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { EventOutline } from "../../bindings/EventOutline";
import type { AnchoredLayout } from "../../lib/anchor";
import type { Extent } from "../../lib/geometry";
import type { PlacedItem } from "../../bindings/PlacedItem";
import { type Look, paintItems, type Palette, type Placed, reaches, type Surface } from "../../lib/paint";
import { KINDS, withAlpha } from "../../lib/vocabulary";

/** Canvas px per CSS px at most: sharper than this costs memory for little. */
const MAX_PIXEL_RATIO = 2;
/** Rows this far above and below the layout's band are painted too (the engine's visibility margin). */
const BAND_MARGIN_PX = 64;

interface Props {
  anchored: AnchoredLayout;
  /** The pan and zoom since the layout (see `planeMove`). */
  move: { shift: number; stretch: number };
  look: Look;
}

/** What is on the canvas: the surface, and what it was painted from. */
interface Painted {
  surface: Surface;
  ratio: number;
  /** The layout's origin and scale: a layout sharing them may have only panned. */
  origin: number;
  scale: number;
  look: Look;
  /** The page's colours changed this many times before (see `usePageColours`). */
  colours: number;
  layout: AnchoredLayout["layout"];
  /** The items painted, by lane and id. */
  items: ReadonlyMap<string, PlacedItem>;
}

/**
 * The canvas's events, painted on one `<canvas>` that covers the layout's
 * window (wider than the screen, see `layoutWindow`) and the rows in its
 * band. A pan moves it and a zoom stretches it, by a transform: neither
 * paints. A layout that only panned shifts what is painted and paints
 * the columns it uncovers; any other change paints it all again.
 */
export function EventLayer({ anchored, move, look }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painted = useRef<Painted | null>(null);
  const colours = usePageColours();
  const { layout, window: plane } = anchored;
  const band = layout.viewport;
  const top = Math.max(0, (band.top_px ?? 0) - BAND_MARGIN_PX);
  const bottom = Math.min(layout.height_px, band.height_px === undefined ? layout.height_px : (band.top_px ?? 0) + band.height_px + BAND_MARGIN_PX);
  const surface: Surface = { left: plane.left, top, width: Math.max(0, plane.right - plane.left), height: Math.max(0, bottom - top) };

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext("2d");
    if (!element || !context) return;
    const ratio = Math.min(MAX_PIXEL_RATIO, Math.max(1, window.devicePixelRatio || 1));
    const origin = layout.viewport.start_minute;
    const scale = layout.viewport.width_px / (layout.viewport.end_minute - layout.viewport.start_minute);
    const before = painted.current;
    const size = { width: Math.ceil(surface.width * ratio), height: Math.ceil(surface.height * ratio) };
    const same =
      before !== null &&
      before.ratio === ratio &&
      before.origin === origin &&
      before.scale === scale &&
      before.look === look &&
      before.colours === colours &&
      before.surface.top === surface.top &&
      before.surface.height === surface.height &&
      before.surface.width === surface.width &&
      element.width === size.width &&
      element.height === size.height;
    if (same && before.layout === layout) return;
    const items = placedItems(anchored);
    painted.current = { surface, ratio, origin, scale, look, colours, layout, items: byPlace(items) };
    const shift = before ? before.surface.left - surface.left : 0;
    const dx = Math.round(shift * ratio);
    // A layout that only panned keeps every item it shares with the last
    // one, the very object (see lib/anchor.ts), and adds or drops only
    // items outside what both cover.
    const panned =
      same &&
      Math.abs(shift) < surface.width &&
      Math.abs(dx - shift * ratio) < 1e-6 &&
      onlyPanned(before.items, items, { left: Math.max(before.surface.left, surface.left), right: Math.min(before.surface.left, surface.left) + surface.width });
    const palette = readPalette(element);
    if (panned && dx === 0) return;
    if (panned) {
      // Shift what is painted by the pan, then paint the columns it uncovered.
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.globalCompositeOperation = "copy";
      context.drawImage(element, dx, 0);
      context.globalCompositeOperation = "source-over";
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const strip: Extent =
        shift > 0
          ? { left: surface.left, right: surface.left + shift }
          : { left: surface.left + surface.width + shift, right: surface.left + surface.width };
      paintItems(context, surface, items, look, palette, strip);
      return;
    }
    if (element.width !== size.width) element.width = size.width;
    if (element.height !== size.height) element.height = size.height;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintItems(context, surface, items, look, palette);
  });

  return (
    <div class="event-layer" aria-hidden="true">
      <canvas
        ref={canvas}
        style={{
          left: surface.left,
          top: surface.top,
          width: surface.width,
          height: surface.height,
          // Plane px 0 stays where the pan takes it; the rest stretches about it.
          transformOrigin: `${-surface.left}px 0`,
          transform: `translateX(${move.shift}px)${move.stretch === 1 ? "" : ` scaleX(${move.stretch})`}`,
        }}
      />
    </div>
  );
}

/**
 * A count of the changes to the page's colours: the theme, or a house
 * style's kind colours set on the root element.
 */
function usePageColours(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const bump = () => {
      setChanges((n) => n + 1);
    };
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["style", "class", "data-theme"] });
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", bump);
    return () => {
      observer.disconnect();
      scheme.removeEventListener("change", bump);
    };
  }, []);
  return changes;
}

function byPlace(items: readonly Placed[]): Map<string, PlacedItem> {
  return new Map(items.map(({ item, laneId }) => [`${laneId}:${item.id}`, item]));
}

/**
 * Whether `items` differ from the ones painted only outside `overlap` (the
 * columns both layouts cover): every item in it is the one painted.
 */
function onlyPanned(painted: ReadonlyMap<string, PlacedItem>, items: readonly Placed[], overlap: Extent): boolean {
  const now = byPlace(items);
  const kept = (place: string, item: PlacedItem, other: ReadonlyMap<string, PlacedItem>) =>
    other.get(place) === item || !reaches({ item, laneId: 0 }, overlap);
  return (
    [...now].every(([place, item]) => kept(place, item, painted)) &&
    [...painted].every(([place, item]) => kept(place, item, now))
  );
}

/** Every item the layout shows, with its lane. */
function placedItems({ layout }: AnchoredLayout): Placed[] {
  return layout.timelines.flatMap((box) =>
    box.lanes.flatMap((lane) => lane.items.filter((item) => item.visible).map((item) => ({ item, laneId: lane.id }))),
  );
}

/** The colours of the page's CSS, as the canvas is set in it. */
function readPalette(element: HTMLCanvasElement): Palette {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const kinds = new Map<EventOutline["kind"], { solid: string; soft: string }>();
  const lanes = new Map<number, string>();
  const content = element.closest(".canvas-content");
  const panel = value("--panel", "#ffffff");
  return {
    panel,
    text: value("--text", "#1b1c20"),
    text2: value("--text-2", "#50535c"),
    text3: value("--text-3", "#686b75"),
    accent: value("--accent", "#3b63d9"),
    accentSoft: value("--accent-soft", "rgba(59, 99, 217, 0.12)"),
    accentRing: value("--accent-ring", "rgba(59, 99, 217, 0.28)"),
    warn: value("--warn-strong", "#e58a0b"),
    kind: (kind) => {
      let colour = kinds.get(kind);
      if (!colour) {
        const own = KINDS[kind].colour;
        colour = {
          solid: value(`--kind-colour-${kind}`, own),
          soft: value(`--kind-colour-${kind}-soft`, withAlpha(own, 0.16)),
        };
        kinds.set(kind, colour);
      }
      return colour;
    },
    laneBg: (laneId) => {
      let colour = lanes.get(laneId);
      if (colour === undefined) {
        const lane = content?.querySelector(`[data-lane-id="${laneId}"]`);
        colour = lane ? getComputedStyle(lane).backgroundColor : panel;
        lanes.set(laneId, colour);
      }
      return colour;
    },
  };
}
