import { createContext } from "preact";
import { useContext } from "preact/hooks";

/** Import and export, opened from wherever a user looks for them: the top bar, a timeline's menu, a drop. */
export interface Transfer {
  /** The native open dialog, then the import preview. */
  chooseImport: () => void;
  /** The import preview of the file at `path` (dropped on the window). */
  importPath: (path: string) => void;
  /** The export dialog, with timeline `initial` chosen (null: the whole workspace). */
  openExport: (initial: number | null) => void;
}

export const TransferContext = createContext<Transfer | null>(null);

export function useTransfer(): Transfer {
  const transfer = useContext(TransferContext);
  if (!transfer) throw new Error("useTransfer outside TransferContext");
  return transfer;
}
