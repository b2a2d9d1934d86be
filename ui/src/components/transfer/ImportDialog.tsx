import { useEffect, useState } from "preact/hooks";
import type { ImportFormat } from "../../bindings/ImportFormat";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportProblem } from "../../bindings/ImportProblem";
import type { ImportReport } from "../../bindings/ImportReport";
import type { TimelineSummary } from "../../bindings/TimelineSummary";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { fileName, plural } from "../../lib/format";
import { IMPORT_FORMATS, importFormatLabel, spanLabel } from "../../lib/transfer";
import { Dialog } from "../common/Dialog";
import { FormError } from "../common/Form";
import { FileIcon, WarningIcon } from "../icons";

interface Props {
  /** The file to import, as the open dialog or a drop gave it. */
  path: string;
  /** The workspace's timelines: a title naming one adds to it. */
  timelines: readonly TimelineSummary[];
  onClose: () => void;
  onImported: (report: ImportReport) => void;
}

/** The folder holding the file at `path`. */
function folder(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : path;
}

/** Lanes named before "and N more". */
const LANES_SHOWN = 8;

/**
 * What a file would import, read by the engine before anything is written:
 * its format (which the user may correct), the title, the events, lanes and
 * span, and every problem with its place. Import writes it as one undoable
 * step; a file with problems imports nothing unless the user skips the
 * invalid entries.
 */
export function ImportDialog({ path, timelines, onClose, onImported }: Props) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  /** Null: as detected from the file. */
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  /** Null until the user types a title of their own. */
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);

  useEffect(() => {
    let live = true;
    setReadError(null);
    api.previewImport(path, { format, skip_invalid: false }).then(
      (next) => {
        if (live) setPreview(next);
      },
      (failure: unknown) => {
        if (live) setReadError(api.errorMessage(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [path, format]);

  const name = fileName(path);
  const title = typedTitle ?? preview?.title ?? "";
  const several = (preview?.timelines ?? 0) > 1;
  const existing = typedTitle !== null && timelines.some((timeline) => timeline.title === title.trim());
  const refused =
    preview === null || preview.unreadable || (preview.problems.length > 0 && !skipInvalid) || title.trim() === "";
  const importable = preview === null ? 0 : preview.events;

  const runImport = () => {
    if (refused) return;
    const timeline = typedTitle !== null && !several ? typedTitle.trim() : null;
    submit(
      () => edit.attempt(() => api.importFile(path, { format, timeline, skip_invalid: skipInvalid })),
      onImported,
    );
  };

  return (
    <Dialog title="Import timeline" testid="import-preview" class="import-dialog" onClose={onClose}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          runImport();
        }}
      >
        <div class="import-file" title={path}>
          <FileIcon size={18} />
          <div class="import-file-text">
            <span class="import-file-name" data-testid="import-file">
              {name}
            </span>
            <span class="import-file-path">
              <bdi>{folder(path)}</bdi>
            </span>
          </div>
        </div>

        <div class="form-pair">
          <label class="form-field">
            <span class="form-label">Format</span>
            <select
              class="input select"
              data-testid="import-format"
              value={format ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFormat(IMPORT_FORMATS.find((info) => info.id === value)?.id ?? null);
              }}
            >
              <option value="">
                {preview?.format && format === null
                  ? `${importFormatLabel(preview.format)} (detected)`
                  : "Detect from the file"}
              </option>
              {IMPORT_FORMATS.map((info) => (
                <option key={info.id} value={info.id}>
                  {info.label}
                </option>
              ))}
            </select>
          </label>
          <label class="form-field">
            <span class="form-label">Timeline title</span>
            <input
              class="input"
              data-testid="import-title"
              value={several ? "" : title}
              placeholder={several ? "Titles from the file" : "Title"}
              disabled={several || preview === null}
              aria-invalid={!several && preview !== null && title.trim() === ""}
              onInput={(event) => {
                setTypedTitle(event.currentTarget.value);
              }}
            />
          </label>
        </div>
        <p class="form-note import-title-note">
          {several
            ? `The file holds ${plural(preview?.timelines ?? 0, "timeline")}; each keeps its own title.`
            : existing
              ? `Adds the events, and any lanes it lacks, to the existing timeline “${title.trim()}”.`
              : "Imported as a new timeline. Type an existing timeline’s exact title to add the events to it."}
        </p>

        {readError !== null ? (
          <div class="import-problems is-refused" role="alert">
            <p class="import-problems-lead">
              <WarningIcon size={14} />
              {readError}
            </p>
          </div>
        ) : preview === null ? (
          <div class="import-summary is-loading" aria-busy="true">
            Reading {name}…
          </div>
        ) : (
          <>
            <Summary preview={preview} />
            {preview.problems.length > 0 && (
              <Problems preview={preview} skipping={skipInvalid && !preview.unreadable} />
            )}
            {preview.invalid > 0 && !preview.unreadable && (
              <label class="check import-skip">
                <input
                  type="checkbox"
                  data-testid="import-skip-invalid"
                  checked={skipInvalid}
                  onChange={(event) => {
                    setSkipInvalid(event.currentTarget.checked);
                  }}
                />
                <span>
                  Skip {plural(preview.invalid, "invalid entry", "invalid entries")} and import the{" "}
                  {plural(preview.events, "valid event")}
                </span>
              </label>
            )}
            {preview.warnings.length > 0 && <Warnings warnings={preview.warnings} />}
          </>
        )}

        <FormError error={error} />
        <div class="form-actions import-actions">
          <span class="import-status" data-testid="import-status">
            {preview === null || readError !== null
              ? "Nothing has been imported."
              : preview.unreadable
                ? "This file cannot be imported."
                : refused && preview.problems.length > 0
                  ? "Nothing is imported while entries are invalid."
                  : "Nothing is written until you import; you can undo it."}
          </span>
          <button type="button" class="button" data-testid="import-cancel" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button is-primary" data-testid="import-confirm" disabled={refused || busy}>
            {importable > 0 ? `Import ${plural(importable, "event")}` : "Import"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Events, lanes and the span, at a glance. */
function Summary({ preview }: { preview: ImportPreview }) {
  const span = spanLabel(preview.start_label, preview.end_label);
  const lanes = preview.lanes.slice(0, LANES_SHOWN);
  const more = preview.lanes.length - lanes.length;
  return (
    <div class="import-summary" data-testid="import-summary">
      <dl class="import-stats">
        <div class="import-stat">
          <dt>Events</dt>
          <dd data-testid="import-events">{preview.events.toLocaleString("en-GB")}</dd>
          {preview.invalid > 0 && <span class="import-stat-note">+ {preview.invalid} invalid</span>}
        </div>
        <div class="import-stat">
          <dt>{preview.timelines > 1 ? "Timelines" : "Lanes"}</dt>
          <dd data-testid="import-lane-count">
            {(preview.timelines > 1 ? preview.timelines : preview.lanes.length).toLocaleString("en-GB")}
          </dd>
        </div>
        <div class="import-stat is-wide">
          <dt>Span</dt>
          <dd data-testid="import-span">{span ?? "—"}</dd>
        </div>
      </dl>
      {lanes.length > 0 && (
        <div class="import-lanes" aria-label="Lanes">
          {preview.timelines > 1 && <span class="import-lanes-label">Lanes of “{preview.title}”:</span>}
          {lanes.map((lane, index) => (
            <span key={index} class="import-lane" data-testid="import-lane">
              {lane}
            </span>
          ))}
          {more > 0 && <span class="import-lane is-more">and {more} more</span>}
        </div>
      )}
    </div>
  );
}

/** Every problem with its place; what happens to the file because of them. */
function Problems({ preview, skipping }: { preview: ImportPreview; skipping: boolean }) {
  const lead = preview.unreadable
    ? "The file cannot be imported:"
    : skipping
      ? `${plural(preview.problems.length, "entry", "entries")} will be left out:`
      : `Nothing will be imported: ${plural(preview.problems.length, "problem")} to fix in the file, or skip the invalid entries.`;
  return (
    <div class={`import-problems${skipping ? " is-skipping" : " is-refused"}`} role="alert">
      <p class="import-problems-lead">
        <WarningIcon size={14} />
        {lead}
      </p>
      <ProblemList problems={preview.problems} testid="import-problem" />
    </div>
  );
}

/** What is kept differently or dropped, folded away: it never stops an import. */
function Warnings({ warnings }: { warnings: readonly ImportProblem[] }) {
  return (
    <details class="import-warnings">
      <summary>
        {plural(warnings.length, "note")} on how the file is read{" "}
        <span class="import-warnings-hint">(does not stop the import)</span>
      </summary>
      <ProblemList problems={warnings} testid="import-warning" />
    </details>
  );
}

function ProblemList({ problems, testid }: { problems: readonly ImportProblem[]; testid: string }) {
  return (
    <ul class="import-problem-list">
      {problems.map((problem, index) => (
        <li key={index} class="import-problem" data-testid={testid}>
          {problem.place !== "" && <code class="import-place">{problem.place}</code>}
          <span class="import-message">{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
