import type { ReadOnly } from "../bindings/ReadOnly";
import { fileName } from "../lib/format";
import { WarningIcon } from "./icons";

/** The banner under the top bar of a workspace this window may not change, saying why and what to do. */
export function ReadOnlyNotice({ path, reason }: { path: string; reason: ReadOnly }) {
  const name = fileName(path);
  return (
    <section class="read-only-notice" aria-label="Read-only" data-testid="read-only-notice" data-reason={reason}>
      <WarningIcon size={14} />
      <span role="status">
        {reason === "in-use"
          ? `${name} is open for editing in another Tideline window, so this window shows it read-only. Close it there, then open it here again to edit it.`
          : `${name} is read-only: its file, folder or disk cannot be written, so Tideline shows it without changing it. Make it writable and open it again to edit it, or edit a copy made with Save as…`}
      </span>
    </section>
  );
}
