import { useEffect, useState } from "preact/hooks";
import type { LaneView } from "../../bindings/LaneView";
import type { RenderFormat } from "../../bindings/RenderFormat";
import type { TimelineSummary } from "../../bindings/TimelineSummary";
import type { HouseStyles } from "../../hooks/useHouseStyles";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import {
  CUSTOM_SIZE,
  DEFAULT_SETTINGS,
  FREE_SIZE,
  exportOptions,
  renderSuffix,
  sizeFromSetting,
  sizeProblem,
  sizeSetting,
  type GraphicSettings,
} from "../../lib/exportOptions";
import { fileName, plural } from "../../lib/format";
import {
  DEFAULT_LOCALE,
  LOCALES,
  LOCALE_SETTING,
  SIZE_SETTING,
  knownLocale,
  styleNamed,
} from "../../lib/houseStyles";
import { exportFileName } from "../../lib/transfer";
import { Dialog } from "../common/Dialog";
import { FormError } from "../common/Form";
import { EXPORT_CHOICES, groupChoices, type ExportChoice, type ExportTarget } from "./exportChoices";
import { ExportPreview } from "./ExportPreview";
import { GraphicOptions } from "./GraphicOptions";
import { StyleEditor } from "./StyleEditor";

const WORKSPACE = "workspace";

interface Props {
  timelines: readonly TimelineSummary[];
  /** The timeline chosen at first; null: the whole workspace. */
  initial: number | null;
  /** The open workspace's path, which names a whole-workspace export. */
  workspacePath: string;
  /** The workspace's house styles and the one it uses, which the dialog chooses. */
  houseStyles: HouseStyles;
  onClose: () => void;
  /** After the file is written: what was written where. */
  onExported: (message: string) => void;
}

type Copy = { state: "idle" } | { state: "copying" } | { state: "copied" } | { state: "failed"; message: string };

/**
 * Export a timeline, or the whole workspace, in a format chosen from
 * `EXPORT_CHOICES`; the file is named in the native save dialog and written
 * by the shell. A graphic or the brief has options and a live preview, and
 * the brief can be copied as Markdown.
 */
export function ExportDialog({ timelines, initial, workspacePath, houseStyles, onClose, onExported }: Props) {
  const { busy, error, submit } = useSubmit();
  const [scope, setScope] = useState<number | typeof WORKSPACE>(initial ?? timelines[0]?.id ?? WORKSPACE);
  const [chosen, setChosen] = useState<string>(EXPORT_CHOICES[0]?.id ?? "");
  const [settings, setSettings] = useState<GraphicSettings>(DEFAULT_SETTINGS);
  const [lanes, setLanes] = useState<readonly LaneView[]>([]);
  const [copy, setCopy] = useState<Copy>({ state: "idle" });
  const [briefText, setBriefText] = useState<string | null>(null);
  /** The language, as the workspace remembers it; null until read. */
  const [locale, setLocale] = useState<string | null>(null);
  /** Whether the size the workspace remembers has been read (it is in `settings` then). */
  const [sizeRead, setSizeRead] = useState(false);
  const [editingStyles, setEditingStyles] = useState(false);
  const [lookError, setLookError] = useState<string | null>(null);
  const { styles, chosen: styleName, choose, remember } = houseStyles;
  const sizes = styleNamed(styles, styleName)?.sizes ?? [];

  const timeline = scope === WORKSPACE ? undefined : timelines.find((item) => item.id === scope);
  const target: ExportTarget = timeline
    ? { kind: "timeline", id: timeline.id, title: timeline.title }
    : { kind: "workspace", name: fileName(workspacePath).replace(/\.[^.]+$/, "") };
  const fits = (choice: ExportChoice) => target.kind === "timeline" || choice.workspace;
  const choice = EXPORT_CHOICES.find((item) => item.id === chosen && fits(item)) ?? EXPORT_CHOICES.find(fits);
  const render: RenderFormat | undefined = target.kind === "timeline" ? choice?.render : undefined;
  const timelineId = target.kind === "timeline" ? target.id : null;

  // The chosen timeline's lanes, for the lanes to include.
  useEffect(() => {
    setLanes([]);
    if (timelineId === null) return;
    let current = true;
    api.getTimeline(timelineId).then(
      (view) => {
        if (current) setLanes(view.lanes);
      },
      () => {
        // Without its lanes the graphic shows every lane; the preview reports what failed.
      },
    );
    return () => {
      current = false;
    };
  }, [timelineId]);

  useEffect(() => {
    setCopy({ state: "idle" });
  }, [timelineId, render, settings, styleName, locale]);

  // The style and language the workspace's exports were drawn in last.
  useEffect(() => {
    houseStyles.refresh().catch((failure: unknown) => {
      setLookError(`Could not read the house styles: ${api.errorMessage(failure)}`);
    });
    let current = true;
    api.workspaceSetting(LOCALE_SETTING).then(
      (tag) => {
        if (current) setLocale(knownLocale(tag));
      },
      (failure: unknown) => {
        if (current) setLocale(DEFAULT_LOCALE);
        setLookError(`Could not read the language last used: ${api.errorMessage(failure)}`);
      },
    );
    api.workspaceSetting(SIZE_SETTING).then(
      (value) => {
        if (!current) return;
        setSettings((now) => ({ ...now, ...sizeFromSetting(value) }));
        setSizeRead(true);
      },
      (failure: unknown) => {
        if (current) setSizeRead(true);
        setLookError(`Could not read the size last used: ${api.errorMessage(failure)}`);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  /** Keeps the options, and the size in the workspace when it changed (a custom one once usable). */
  const changeSettings = (next: GraphicSettings) => {
    setSettings(next);
    const value = sizeSetting(next);
    if (value !== null && value !== sizeSetting(settings)) remember(SIZE_SETTING, value);
  };

  const options = exportOptions(
    settings,
    lanes.map((lane) => lane.id),
    { style: styleName, locale: locale ?? DEFAULT_LOCALE },
    sizes,
  );
  // The brief has no size: what the graphic's fields hold does not hold it up.
  const problem = render !== undefined && render !== "md" ? sizeProblem(settings, sizes) : null;
  // A remembered named size waits for the styles that name it.
  const sizeReady = sizeRead && (styles.length > 0 || settings.size === FREE_SIZE || settings.size === CUSTOM_SIZE);

  const runExport = () => {
    if (!choice) return;
    const title = target.kind === "timeline" ? target.title : target.name;
    const suffix = choice.render ? renderSuffix(choice.render, settings.orientation) : choice.suffix;
    const name = exportFileName(title, suffix);
    submit(
      async () => {
        const path = await api.exportFileDialog(`Export ${choice.label}`, name, [choice.filter]);
        if (path === null) return null;
        await choice.write(target, path, options);
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

  // Written within the click: WebKit lets a page write the clipboard only
  // while handling the user's gesture, so the brief is the one the preview drew.
  const copyMarkdown = () => {
    if (briefText === null) return;
    setCopy({ state: "copying" });
    navigator.clipboard.writeText(briefText).then(
      () => {
        setCopy({ state: "copied" });
      },
      (failure: unknown) => {
        setCopy({ state: "failed", message: `Could not copy: ${api.errorMessage(failure)}` });
      },
    );
  };

  return (
    <Dialog title="Export" testid="export-dialog" class="export-dialog" onClose={onClose}>
      <form
        class="form export-form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          runExport();
        }}
      >
        <div class="export-columns">
          <div class="export-side">
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

            <div class="export-look">
              <div class="form-field">
                <label class="form-label" for="export-style">
                  House style
                </label>
                <div class="export-style-row">
                  <select
                    id="export-style"
                    class="input select"
                    data-testid="export-style"
                    title="The look of graphics, and the kind colours on the canvas"
                    value={styleName}
                    disabled={styles.length === 0}
                    onChange={(event) => {
                      choose(event.currentTarget.value);
                    }}
                  >
                    {styles.map((style) => (
                      <option key={style.name} value={style.name}>
                        {style.builtin ? "Tideline" : style.name}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    class="button"
                    data-testid="edit-styles"
                    aria-label="Edit house styles…"
                    title="Make, change, import and export house styles"
                    disabled={styles.length === 0}
                    onClick={() => {
                      setEditingStyles(true);
                    }}
                  >
                    Edit…
                  </button>
                </div>
              </div>
              <label class="form-field">
                <span class="form-label">Language</span>
                <select
                  class="input select"
                  data-testid="export-locale"
                  title="The language of dates, kinds and the legend"
                  value={locale ?? DEFAULT_LOCALE}
                  disabled={locale === null}
                  onChange={(event) => {
                    const tag = event.currentTarget.value;
                    setLocale(tag);
                    remember(LOCALE_SETTING, tag);
                  }}
                >
                  {LOCALES.map((item) => (
                    <option key={item.tag} value={item.tag} lang={item.tag}>
                      {item.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>

            <div class="export-formats">
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
            </div>
          </div>

          <div class="export-main">
            {render !== undefined && timelineId !== null ? (
              <>
                <GraphicOptions
                  format={render}
                  settings={settings}
                  lanes={lanes}
                  sizes={sizes}
                  onChange={changeSettings}
                />
                <ExportPreview
                  id={timelineId}
                  title={target.kind === "timeline" ? target.title : ""}
                  format={render}
                  options={options}
                  usable={problem === null && locale !== null && sizeReady}
                  refresh={houseStyles.revision}
                  onBrief={setBriefText}
                />
              </>
            ) : (
              <div class="export-data-note" data-testid="export-data-note">
                <span class="export-data-label">{choice?.label}</span>
                <p>{choice?.description}</p>
                <p class="export-data-hint">
                  A data file is for other tools and for importing back, so it has no picture to preview. Choose a
                  graphic or the brief to see it here.
                </p>
              </div>
            )}
          </div>
        </div>

        <FormError error={error ?? lookError} />
        <div class="form-actions export-actions">
          <div class="export-status" role="status">
            {busy ? (
              <span class="export-progress" data-testid="export-progress">
                <span class="export-progress-bar" aria-hidden="true" />
                Exporting {choice?.label}…
              </span>
            ) : copy.state === "copied" ? (
              <span class="export-copied">Markdown copied to the clipboard.</span>
            ) : copy.state === "failed" ? (
              <span class="export-copy-failed">{copy.message}</span>
            ) : null}
          </div>
          {render === "md" && (
            <button
              type="button"
              class="button"
              data-testid="export-copy-markdown"
              data-state={copy.state}
              disabled={busy || copy.state === "copying" || briefText === null}
              onClick={copyMarkdown}
            >
              {copy.state === "copied" ? "Copied" : "Copy Markdown"}
            </button>
          )}
          <button type="button" class="button" data-testid="export-cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            class="button is-primary"
            data-testid="export-confirm"
            disabled={!choice || busy || (render !== undefined && problem !== null)}
          >
            {busy ? "Exporting…" : "Export…"}
          </button>
        </div>
      </form>
      {editingStyles && (
        <StyleEditor
          styles={styles}
          initial={styleName}
          previewId={timelineId ?? timelines[0]?.id ?? null}
          previewTitle={(timelineId === null ? timelines[0]?.title : timeline?.title) ?? ""}
          options={options}
          reload={houseStyles.reload}
          onUse={choose}
          onClose={() => {
            setEditingStyles(false);
          }}
        />
      )}
    </Dialog>
  );
}
