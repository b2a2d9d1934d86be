import { useEffect, useMemo, useState } from "preact/hooks";
import type { DatePreview } from "../bindings/DatePreview";
import type { Precision } from "../bindings/Precision";
import * as api from "../ipc";
import { oneInFlight } from "../lib/throttle";

export interface PreviewQuery {
  minute: number;
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
}

/**
 * The date a drag would give, asked of the engine with one request in
 * flight at a time. `request(null)` forgets it (the drag ended).
 */
export function usePreviewDate(onError: (error: unknown) => void): {
  preview: DatePreview | null;
  request: (query: PreviewQuery | null) => void;
} {
  const [preview, setPreview] = useState<DatePreview | null>(null);
  const queue = useMemo(
    () =>
      oneInFlight(
        (query: PreviewQuery) => api.previewDate(query.minute, query.precision, query.approximate, query.uncertain),
        setPreview,
        onError,
      ),
    [onError],
  );
  useEffect(() => queue.reset, [queue]);

  const request = useMemo(
    () => (query: PreviewQuery | null) => {
      if (query) {
        queue.push(query);
      } else {
        queue.reset();
        setPreview(null);
      }
    },
    [queue],
  );
  return { preview, request };
}
