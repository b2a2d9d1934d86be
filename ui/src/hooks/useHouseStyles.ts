import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { HouseStyleSummary } from "../bindings/HouseStyleSummary";
import * as api from "../ipc";
import { DEFAULT_STYLE, STYLE_SETTING, canvasKindColours, styleNamed } from "../lib/houseStyles";

/** The workspace's house styles, the one it uses, and the settings it remembers. */
export interface HouseStyles {
  /** Tideline's own first; empty until read. */
  styles: readonly HouseStyleSummary[];
  /** The name of the style the workspace uses: the canvas's kind colours and the exports' look. */
  chosen: string;
  /** Bumped whenever the styles are read afresh: a style saved under its old name draws anew. */
  revision: number;
  /** Uses the style `name` from now on, and remembers it in the workspace. */
  choose: (name: string) => void;
  /** Reads the styles and the one the workspace uses afresh (another window, or the command line, may have changed them). */
  refresh: () => Promise<void>;
  /** Reads the styles afresh, after a save, an import or a delete. */
  reload: () => Promise<readonly HouseStyleSummary[]>;
  /** Keeps a setting in the workspace (nothing is kept in a read-only one); a failure is reported. */
  remember: (key: string, value: string) => void;
}

/** The app's canvas uses no dark theme yet: kinds take their light colours. */
const APP_THEME = "light";

/**
 * The house styles of the open workspace and the one it uses ("export.style"),
 * whose kind colours are set on the page for everything coloured by kind.
 */
export function useHouseStyles(readOnly: boolean, onError: (error: unknown) => void): HouseStyles {
  const [styles, setStyles] = useState<readonly HouseStyleSummary[]>([]);
  const [chosen, setChosen] = useState(DEFAULT_STYLE);
  const [revision, setRevision] = useState(0);

  /** Keeps `list`, and bumps the revision when a style's file changed. */
  const texts = useRef("");
  const keep = useCallback((list: readonly HouseStyleSummary[]) => {
    const now = JSON.stringify(list.map((style) => style.text));
    if (now !== texts.current) {
      texts.current = now;
      setRevision((value) => value + 1);
    }
    setStyles(list);
  }, []);

  const refresh = useCallback(async () => {
    const [list, remembered] = await Promise.all([api.listStyles(), api.workspaceSetting(STYLE_SETTING)]);
    keep(list);
    setChosen(styleNamed(list, remembered)?.name ?? DEFAULT_STYLE);
  }, [keep]);

  useEffect(() => {
    refresh().catch(onError);
  }, [refresh, onError]);

  const style = styleNamed(styles, chosen);
  useEffect(() => {
    const root = document.documentElement;
    const properties = Object.entries(canvasKindColours(style, APP_THEME));
    for (const [property, value] of properties) root.style.setProperty(property, value);
    return () => {
      for (const [property] of properties) root.style.removeProperty(property);
    };
  }, [style]);

  const remember = useCallback(
    (key: string, value: string) => {
      if (readOnly) return;
      api.setWorkspaceSetting(key, value).catch(onError);
    },
    [readOnly, onError],
  );

  const choose = useCallback(
    (name: string) => {
      setChosen(name);
      remember(STYLE_SETTING, name);
    },
    [remember],
  );

  const reload = useCallback(async () => {
    const list = await api.listStyles();
    keep(list);
    // A deleted style leaves Tideline's own in use.
    setChosen((name) => styleNamed(list, name)?.name ?? DEFAULT_STYLE);
    return list;
  }, [keep]);

  return useMemo(
    () => ({ styles, chosen: style?.name ?? chosen, revision, choose, refresh, reload, remember }),
    [styles, style, chosen, revision, choose, refresh, reload, remember],
  );
}
