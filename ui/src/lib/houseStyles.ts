// House styles and languages in the app: the languages exports are written
// in, the colours a style sets itself (as the engine reports them), the style editor's
// fields and the edit they make, and the canvas's kind colours from the
// workspace's style.

import type { EventKind } from "../bindings/EventKind";
import type { HouseStyleEdit } from "../bindings/HouseStyleEdit";
import type { HouseStyleSummary } from "../bindings/HouseStyleSummary";
import { KIND_VALUES, withAlpha } from "./vocabulary";

/** Tideline's own style, which every workspace has and no one can change. */
export const DEFAULT_STYLE = "tideline";

/** The workspace settings the Export dialog remembers its choices in. */
export const STYLE_SETTING = "export.style";
export const LOCALE_SETTING = "export.locale";
/** The graphic's size: a named size's name, "custom:WxH", or "" for free width. */
export const SIZE_SETTING = "export.size";

/** The languages exports are written in, each named in itself; the first is the default. */
export const LOCALES: readonly { tag: string; label: string }[] = [
  { tag: "en-GB", label: "English (UK)" },
  { tag: "en-US", label: "English (US)" },
  { tag: "de", label: "Deutsch" },
  { tag: "fr", label: "Français" },
  { tag: "es", label: "Español" },
  { tag: "it", label: "Italiano" },
  { tag: "pt", label: "Português" },
  { tag: "nl", label: "Nederlands" },
  { tag: "ja", label: "日本語" },
  { tag: "zh-Hans", label: "简体中文" },
];

export const DEFAULT_LOCALE = "en-GB";

/** A remembered language, if it is one exports are written in; else the default. */
export function knownLocale(tag: string | null): string {
  return LOCALES.find((locale) => locale.tag === tag)?.tag ?? DEFAULT_LOCALE;
}

/** The style named `name` (case aside, as the engine looks it up), else Tideline's own; undefined with no styles. */
export function styleNamed(styles: readonly HouseStyleSummary[], name: string | null): HouseStyleSummary | undefined {
  const wanted = name?.trim().toLowerCase() ?? "";
  return styles.find((style) => style.name.toLowerCase() === wanted) ?? styles.find((style) => style.builtin);
}

/** A theme's page colours; an empty string is the theme's default. */
export interface Surface {
  background: string;
  text: string;
}

/** The colours a style sets itself: kinds by id, and each theme's page. */
export interface OwnColours {
  kinds: Partial<Record<EventKind, string>>;
  light: Surface;
  dark: Surface;
}

/** The colours `style` sets itself, as the engine reports them; what it leaves out is empty. */
export function ownColours(style: HouseStyleSummary): OwnColours {
  const kinds: Partial<Record<EventKind, string>> = {};
  for (const { kind, light, own } of style.kinds) {
    if (own) kinds[kind] = light;
  }
  const page = (colours: HouseStyleSummary["light"]): Surface => ({
    background: colours.ownBackground ? colours.background : "",
    text: colours.ownText ? colours.text : "",
  });
  return { kinds, light: page(style.light), dark: page(style.dark) };
}

/** What the style editor's fields hold: every colour is one the style sets, or "" for the default. */
export interface StyleDraft {
  name: string;
  credit: string;
  kinds: Record<EventKind, string>;
  light: Surface;
  dark: Surface;
}

/** The editor's fields for a style to start from: Tideline's own starts unnamed, as a new style. */
export function draftFrom(style: HouseStyleSummary): StyleDraft {
  const colours = ownColours(style);
  const kinds = Object.fromEntries(KIND_VALUES.map((kind) => [kind, colours.kinds[kind] ?? ""])) as Record<
    EventKind,
    string
  >;
  return {
    name: style.builtin ? "" : style.name,
    credit: style.credit,
    kinds,
    light: { ...colours.light },
    dark: { ...colours.dark },
  };
}

/**
 * The edit that turns the style the editor started from into `draft`:
 * every field given, so the result is the draft whatever the start set.
 */
export function styleEdit(draft: StyleDraft): HouseStyleEdit {
  return {
    name: draft.name.trim(),
    credit: draft.credit.trim(),
    kinds: { ...draft.kinds },
    lightBackground: draft.light.background,
    lightText: draft.light.text,
    darkBackground: draft.dark.background,
    darkText: draft.dark.text,
  };
}

/** Whether `typed` is a colour the engine takes: "#rrggbb". */
export function isHexColour(typed: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(typed.trim());
}

/** A colour as typed, made "#rrggbb" (lower case, "#" added, "#abc" widened); null when it is none. */
export function normaliseHex(typed: string): string | null {
  const text = typed.trim().replace(/^#?/, "#").toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return isHexColour(text) ? text : null;
}

/** The custom property that carries a kind's colour from the workspace's style to everything coloured by kind. */
export function kindColourProperty(kind: EventKind): string {
  return `--kind-colour-${kind}`;
}

/**
 * The custom properties that colour the canvas by `style`: each kind the
 * style's file sets, in `theme`, with the soft and faint tints drawn from
 * it; the kinds it leaves out keep the app's own colours. Tideline's own
 * style sets none.
 */
export function canvasKindColours(
  style: HouseStyleSummary | undefined,
  theme: "light" | "dark",
): Record<string, string> {
  if (!style || style.builtin) return {};
  const properties: Record<string, string> = {};
  for (const { kind, light, dark, own } of style.kinds) {
    if (!own) continue;
    const colour = theme === "dark" ? dark : light;
    const property = kindColourProperty(kind);
    properties[property] = colour;
    properties[`${property}-soft`] = withAlpha(colour, 0.16);
    properties[`${property}-faint`] = withAlpha(colour, 0.08);
  }
  return properties;
}
