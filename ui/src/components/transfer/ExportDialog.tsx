import { useState } from "preact/hooks";
import type { TimelineSummary } from "../../bindings/TimelineSummary";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { fileName, plural } from "../../lib/format";
import { exportFileName } from "../../lib/transfer";
import { Dialog } from "../common/Dialog";
import { FormError } from "../common/Form";
import { EXPORT_CHOICES, groupChoices, type ExportChoice, type ExportTarget } from "./exportChoices";

const WORKSPACE = "workspace";

interface Props {
  timelines: readonly TimelineSummary[];
  /** The timeline chosen at first; null: the whole workspace. */
  initial: number | null;
  /** The open workspace's path, which names a whole-workspace export. */
  workspacePath: string;
  onClose: () => void;
  /** After the file is written: what was written where. */
  onExported: (message: string) => void;
}

/**
 * Export a timeline, or the whole workspace, in a format chosen from
 * `EXPORT_CHOICES`; the file is named in the native save dialog and written
 * by the shell.
 */
export function ExportDialog({ timelines, initial, workspacePath, onClose, onExported }: Props) {
  const { busy, error, submit } = useSubmit();
  const [scope, setScope] = useState<number | typeof WORKSPACE>(initial ?? timelines[0]?.id ?? WORKSPACE);
  const [chosen, setChosen] = useState<string>(EXPORT_CHOICES[0]?.id ?? "");

  const timeline = scope === WORKSPACE ? undefined : timelines.find((item) => item.id === scope);
  const target: ExportTarget = timeline
    ? { kind: "timeline", id: timeline.id, title: timeline.title }
    : { kind: "workspace", name: fileName(workspacePath).replace(/\.[^.]+$/, "") };
  const fits = (choice: ExportChoice) => target.kind === "timeline" || choice.workspace;
  const choice = EXPORT_CHOICES.find((item) => item.id === chosen && fits(item)) ?? EXPORT_CHOICES.find(fits);

  const runExport = () => {
    if (!choice) return;
    const title = target.kind === "timeline" ? target.title : target.name;
    const name = exportFileName(title, choice.suffix);
    submit(
      async () => {
        const path = await api.exportFileDialog(`Export ${choice.label}`, name, [choice.filter]);
        if (path === null) return null;
        await choice.write(target, path);
        return path;
      },
      (path) => {
        if (path === null) return;
        const what = target.kind === "timeline" ? `“${target.title}”` : "the workspace";
        onExported(`Exported ${what} as ${choice.label} to ${path}.`);
        onClose();
      },
    );
  };

  return (
    <Dialog title="Export" testid="export-dialog" class="export-dialog" onClose={onClose}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          runExport();
        }}
      >
        <label class="form-field">
          <span class="form-label">What to export</span>
          <select
            class="input select"
            data-testid="export-scope"
            value={String(scope)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setScope(value === WORKSPACE ? WORKSPACE : Number(value));
            }}
          >
            {timelines.map((item) => (
              <option key={item.id} value={String(item.id)}>
                {item.title} ({plural(item.events, "event")})
              </option>
            ))}
            <option value={WORKSPACE}>The whole workspace (every timeline, event and source)</option>
          </select>
        </label>

        {groupChoices(EXPORT_CHOICES).map(([group, choices]) => (
          <fieldset key={group} class="export-group">
            <legend class="form-label">{group}</legend>
            {choices.map((item) => {
              const usable = fits(item);
              return (
                <label
                  key={item.id}
                  class={`export-choice${item === choice ? " is-chosen" : ""}`}
                  data-testid={`export-format-${item.id}`}
                  title={usable ? undefined : "Exports one timeline at a time"}
                >
                  <input
                    type="radio"
                    name="export-format"
                    value={item.id}
                    checked={item === choice}
                    disabled={!usable}
                    onChange={() => {
                      setChosen(item.id);
                    }}
                  />
                  <span class="export-choice-text">
                    <span class="export-choice-label">{item.label}</span>
                    <span class="export-choice-description">
                      {usable ? item.description : "One timeline at a time."}
                    </span>
                  </span>
                  <span class="export-choice-extension">.{item.filter.extensions[0]}</span>
                </label>
              );
            })}
          </fieldset>
        ))}

        <FormError error={error} />
        <div class="form-actions">
          <button type="button" class="button" data-testid="export-cancel" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button is-primary" data-testid="export-confirm" disabled={!choice || busy}>
            Export…
          </button>
        </div>
      </form>
    </Dialog>
  );
}
