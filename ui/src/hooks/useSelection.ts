import { useCallback, useState } from "preact/hooks";
import { addAll, NO_SELECTION, type Selection, selectOne, toggle, without } from "../lib/selection";

export interface SelectionState {
  selection: Selection;
  /** A click on a canvas event; `additive` with shift or ctrl held. */
  pick: (id: number, timeline: number, additive: boolean) => void;
  /** A box drawn on the canvas: its events join the selection. */
  pickMany: (entries: [number, number][]) => void;
  /** An event picked in the library, on no timeline in particular. */
  pickAlone: (id: number) => void;
  /** Drops events from the selection (gone, or taken off the canvas). */
  forget: (ids: readonly number[]) => void;
  deselect: () => void;
}

/** The selected events, with stable handlers for the components that change them. */
export function useSelection(): SelectionState {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const pick = useCallback((id: number, timeline: number, additive: boolean) => {
    setSelection((current) => (additive ? toggle(current, id, timeline) : selectOne(id, timeline)));
  }, []);
  const pickMany = useCallback((entries: [number, number][]) => {
    setSelection((current) => addAll(current, entries));
  }, []);
  const pickAlone = useCallback((id: number) => {
    setSelection(selectOne(id, null));
  }, []);
  const forget = useCallback((ids: readonly number[]) => {
    setSelection((current) => ids.reduce(without, current));
  }, []);
  const deselect = useCallback(() => {
    setSelection(NO_SELECTION);
  }, []);
  return { selection, pick, pickMany, pickAlone, forget, deselect };
}
