import { useEffect, useRef, useState } from "preact/hooks";
import type { EventKind } from "../../bindings/EventKind";
import type { ExportOptions } from "../../bindings/ExportOptions";
import type { HouseStyleSummary } from "../../bindings/HouseStyleSummary";
import { useDebounced } from "../../hooks/useDebounced";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { svgDataUrl, svgSize } from "../../lib/exportOptions";
import {
  DEFAULT_STYLE,
  draftFrom,
  isHexColour,
  normaliseHex,
  styleEdit,
  styleNamed,
  type StyleDraft,
  type Surface,
} from "../../lib/houseStyles";
import { KINDS, KIND_VALUES } from "../../lib/vocabulary";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { Dialog } from "../common/Dialog";
import { FormError } from "../common/Form";

interface Props {
  styles: readonly HouseStyleSummary[];
  /** The style to start from: the one the workspace uses. */
  initial: string;
  /** The timeline the preview draws, or null when there is none. */
  previewId: number | null;
  previewTitle: string;
  /** The Export dialog's options (size, layout, language): the preview draws with them. */
  options: ExportOptions;
  /** Reads the styles afresh; resolves to them. */
  reload: () => Promise<readonly HouseStyleSummary[]>;
  /** A style was saved or imported: the workspace uses it from now on. */
  onUse: (name: string) => void;
  onClose: () => void;
}

/** How long editing rests before the preview is drawn again. */
const SETTLE_MS = 250;

type Preview =
  | { state: "pending" }
  | { state: "shown"; url: string; size: { width: number; height: number } | null }
  | { state: "failed"; message: string };

/**
 * Makes and changes house styles: start from a style, give it a name, a
 * credit line and colours per kind and page, see the current timeline
 * drawn in it as it changes, and save it to the workspace; styles are
 * also imported from, and exported to, style files, and deleted.
 */
export function StyleEditor({ styles, initial, previewId, previewTitle, options, reload, onUse, onClose }: Props) {
  const { busy, error, submit } = useSubmit();
  const [baseName, setBaseName] = useState(() => styleNamed(styles, initial)?.name ?? DEFAULT_STYLE);
  const base = styleNamed(styles, baseName);
  const [draft, setDraft] = useState<StyleDraft | null>(() => (base ? draftFrom(base) : null));
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const [preview, setPreview] = useState<Preview>({ state: "pending" });
  /** Whether a new preview is being drawn (the last one stays meanwhile). */
  const [drawing, setDrawing] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const builtin = styles.find((style) => style.builtin);

  /** Starts again from the stored style `name`. */
  const startFrom = (name: string, list: readonly HouseStyleSummary[] = styles) => {
    const style = styleNamed(list, name);
    setBaseName(style?.name ?? DEFAULT_STYLE);
    setDraft(style ? draftFrom(style) : null);
    setProblem(null);
  };

  // The styles read after the editor opened.
  useEffect(() => {
    if (draft === null && base) setDraft(draftFrom(base));
  }, [base, draft]);

  const settled = useDebounced(draft, SETTLE_MS);
  const drawKey = JSON.stringify({ settled, theme, options, previewId, text: base?.text });
  useEffect(() => {
    if (!settled || !base || previewId === null) return;
    let current = true;
    setDrawing(true);
    const edit = styleEdit(settled);
    // An unnamed style previews under its start's name: the name is asked for on saving.
    api
      .editStyle(base.text, { ...edit, name: edit.name === "" ? base.name : edit.name })
      .then(
        (style) => {
          if (!current) return null;
          setProblem(null);
          return api.previewStyle(previewId, { ...options, theme }, style.text);
        },
        (failure: unknown) => {
          if (current) setProblem(api.errorMessage(failure));
          return null;
        },
      )
      .then(
        (svg) => {
          if (!current) return;
          setDrawing(false);
          if (svg !== null) setPreview({ state: "shown", url: svgDataUrl(svg), size: svgSize(svg) });
        },
        (failure: unknown) => {
          if (!current) return;
          setDrawing(false);
          setPreview({ state: "failed", message: api.errorMessage(failure) });
        },
      );
    return () => {
      current = false;
    };
    // `drawKey` stands for the draft, theme, options and start.
  }, [drawKey]);

  const change = (patch: Partial<StyleDraft>) => {
    setDone(null);
    setDraft((current) => (current ? { ...current, ...patch } : current));
  };
  const setKind = (kind: EventKind, colour: string) => {
    setDone(null);
    setDraft((current) => (current ? { ...current, kinds: { ...current.kinds, [kind]: colour } } : current));
  };
  const setSurface = (which: "light" | "dark", patch: Partial<Surface>) => {
    setDone(null);
    setDraft((current) => (current ? { ...current, [which]: { ...current[which], ...patch } } : current));
  };

  const save = () => {
    if (!draft || !base) return;
    const edit = styleEdit(draft);
    if (edit.name === "") {
      setProblem("Give the style a name to save it under.");
      nameField.current?.focus();
      return;
    }
    submit(
      async () => {
        const edited = await api.editStyle(base.text, edit);
        const saved = await api.saveStyle(edited.text);
        return { saved, list: await reload() };
      },
      ({ saved, list }) => {
        startFrom(saved.name, list);
        onUse(saved.name);
        setDone(`Saved “${saved.name}”; the workspace uses it now.`);
      },
    );
  };

  const importFile = () => {
    setDone(null);
    submit(
      async () => {
        const path = await api.importStyleDialog();
        if (path === null) return null;
        const imported = await api.importStyle(path);
        return { imported, list: await reload() };
      },
      (result) => {
        if (result === null) return;
        startFrom(result.imported.name, result.list);
        onUse(result.imported.name);
        setDone(`Imported “${result.imported.name}”; the workspace uses it now.`);
      },
    );
  };

  const exportFile = () => {
    if (!base || base.builtin) return;
    setDone(null);
    submit(
      async () => {
        const path = await api.exportStyleDialog(`${base.name}.toml`);
        if (path === null) return null;
        await api.exportStyle(base.name, path);
        return path;
      },
      (path) => {
        if (path !== null) setDone(`Exported “${base.name}”, as saved, to ${path}.`);
      },
    );
  };

  const remove = () => {
    if (!base || base.builtin) return;
    setDeleting(false);
    setDone(null);
    const name = base.name;
    submit(
      async () => {
        await api.deleteStyle(name);
        return reload();
      },
      (list) => {
        startFrom(DEFAULT_STYLE, list);
        setDone(`Deleted “${name}”.`);
      },
    );
  };

  const defaultKind = (kind: EventKind) =>
    builtin?.kinds.find((colours) => colours.kind === kind)?.[theme] ?? KINDS[kind].colour;
  const dirty = draft !== null && base !== undefined && JSON.stringify(draft) !== JSON.stringify(draftFrom(base));

  return (
    <Dialog title="House styles" testid="style-editor" class="style-editor" onClose={onClose}>
      <form
        class="form style-form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div class="style-columns">
          <div class="style-fields">
            <div class="style-start">
              <label class="form-field">
                <span class="form-label">Start from</span>
                <select
                  class="input select"
                  data-testid="style-base"
                  value={baseName}
                  onChange={(event) => {
                    setDone(null);
                    startFrom(event.currentTarget.value);
                  }}
                >
                  {styles.map((style) => (
                    <option key={style.name} value={style.name}>
                      {style.builtin ? "Tideline (built in)" : style.name}
                    </option>
                  ))}
                </select>
              </label>
              <div class="style-files" role="group" aria-label="Style files">
                <button type="button" class="button" data-testid="style-import" disabled={busy} onClick={importFile}>
                  Import…
                </button>
                {base && !base.builtin && (
                  <>
                    <button
                      type="button"
                      class="button"
                      data-testid="style-export"
                      title={`Write “${base.name}”, as saved, to a style file`}
                      disabled={busy}
                      onClick={exportFile}
                    >
                      Export…
                    </button>
                    <button
                      type="button"
                      class="button is-quiet-danger"
                      data-testid="style-delete"
                      disabled={busy}
                      onClick={() => {
                        setDeleting(true);
                      }}
                    >
                      Delete
                    </button>
                  </>
                )}
              </div>
            </div>

            {draft && (
              <>
                <div class="form-pair style-names">
                  <label class="form-field">
                    <span class="form-label">Name</span>
                    <input
                      ref={nameField}
                      class="input"
                      data-testid="style-name"
                      placeholder="Newsroom"
                      required
                      aria-describedby="style-name-note"
                      value={draft.name}
                      onInput={(event) => {
                        change({ name: event.currentTarget.value });
                      }}
                    />
                  </label>
                  <label class="form-field">
                    <span class="form-label">Credit line</span>
                    <input
                      class="input"
                      data-testid="style-credit"
                      placeholder="Graphic: The Daily Planet"
                      value={draft.credit}
                      onInput={(event) => {
                        change({ credit: event.currentTarget.value });
                      }}
                    />
                  </label>
                </div>
                <p class="form-note" id="style-name-note">
                  {base?.builtin
                    ? "Tideline’s own style stays as it is: name the new one."
                    : `Saving under “${base?.name ?? ""}” replaces it; another name makes a new style.`}
                </p>

                <fieldset class="style-group">
                  <legend class="form-label">Event kinds</legend>
                  <div class="style-colour-grid">
                    {KIND_VALUES.map((kind) => (
                      <ColourField
                        key={kind}
                        testid={`style-kind-colour-${kind}`}
                        label={KINDS[kind].label}
                        value={draft.kinds[kind]}
                        fallback={defaultKind(kind)}
                        onChange={(colour) => {
                          setKind(kind, colour);
                        }}
                      />
                    ))}
                  </div>
                </fieldset>

                <fieldset class="style-group">
                  <legend class="form-label">Page</legend>
                  <div class="style-colour-grid">
                    {(["light", "dark"] as const).map((which) =>
                      (["background", "text"] as const).map((part) => (
                        <ColourField
                          key={`${which}-${part}`}
                          testid={`style-${which}-${part}`}
                          label={`${which === "light" ? "Light" : "Dark"} ${part}`}
                          value={draft[which][part]}
                          fallback={builtin?.[which][part] ?? ""}
                          onChange={(colour) => {
                            setSurface(which, { [part]: colour });
                          }}
                        />
                      )),
                    )}
                  </div>
                </fieldset>
              </>
            )}
          </div>

          <section
            class={`export-preview style-preview${drawing && previewId !== null ? " is-pending" : ""}`}
            data-testid="style-preview"
            data-state={preview.state}
            aria-label="Preview in this style"
            aria-busy={drawing && previewId !== null}
          >
            <div class="export-preview-head">
              <span class="form-label">Preview</span>
              <div class="segmented export-preview-tools" role="group" aria-label="Preview theme">
                {(["light", "dark"] as const).map((which) => (
                  <button
                    key={which}
                    type="button"
                    data-testid={`style-preview-${which}`}
                    aria-pressed={theme === which}
                    onClick={() => {
                      setTheme(which);
                    }}
                  >
                    {which === "light" ? "Light" : "Dark"}
                  </button>
                ))}
              </div>
            </div>
            <div class="export-preview-frame" tabIndex={0} aria-label={`Preview of “${previewTitle}”, scrolls`}>
              {previewId === null ? (
                <p class="form-note">There is no timeline to preview yet.</p>
              ) : (
                preview.state === "shown" && (
                  <img
                    class="export-preview-image"
                    data-testid="style-preview-image"
                    src={preview.url}
                    alt={`Preview of “${previewTitle}” in the style being edited`}
                    width={preview.size?.width}
                    height={preview.size?.height}
                  />
                )
              )}
              {preview.state === "failed" && (
                <p class="export-preview-error" role="alert">
                  {preview.message}
                </p>
              )}
            </div>
            {problem !== null && (
              <p class="field-error" role="alert" data-testid="style-problem">
                {problem}
              </p>
            )}
          </section>
        </div>

        <FormError error={error} />
        <div class="form-actions export-actions">
          <div class="export-status" role="status" data-testid="style-status">
            {busy ? "Working…" : done}
          </div>
          <button type="button" class="button" data-testid="style-close" onClick={onClose}>
            {dirty ? "Discard changes" : "Close"}
          </button>
          <button type="submit" class="button is-primary" data-testid="style-save" disabled={busy || !draft}>
            Save style
          </button>
        </div>
      </form>
      {deleting && base && (
        <ConfirmDialog
          title="Delete this house style?"
          confirm="Delete style"
          onConfirm={remove}
          onCancel={() => {
            setDeleting(false);
          }}
        >
          <p>
            “{base.name}” goes from this workspace; exports already written keep their look. A style file exported
            earlier can be imported again.
          </p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}

interface ColourProps {
  testid: string;
  label: string;
  /** The colour the style sets, or "" for the default. */
  value: string;
  /** The default's colour, shown while the style sets none. */
  fallback: string;
  onChange: (colour: string) => void;
}

/** A colour: a swatch to pick it, its hex to type it, and a way back to the default. */
function ColourField({ testid, label, value, fallback, onChange }: ColourProps) {
  const [typed, setTyped] = useState(value);
  const swatch = useRef<HTMLInputElement>(null);
  // A colour picked on the swatch shows as hex; what is being typed stays as typed.
  useEffect(() => {
    setTyped((text) => ((normaliseHex(text) ?? "") === value ? text : value));
  }, [value]);
  const invalid = typed.trim() !== "" && normaliseHex(typed) === null;
  const id = `${testid}-swatch`;
  return (
    <div class={`style-colour${value === "" ? " is-default" : ""}`} data-testid={`${testid}-field`}>
      <input
        ref={swatch}
        id={id}
        type="color"
        class="style-swatch"
        data-testid={testid}
        value={value === "" ? fallback : value}
        onInput={(event) => {
          onChange(event.currentTarget.value.toLowerCase());
        }}
      />
      <label class="style-colour-label" for={id}>
        {label}
      </label>
      <input
        class="input is-compact style-hex"
        data-testid={`${testid}-hex`}
        aria-label={`${label}, as hex`}
        aria-invalid={invalid}
        title={invalid ? "A colour such as #1c3f8c" : undefined}
        placeholder={fallback}
        spellcheck={false}
        value={typed}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setTyped(text);
          if (text.trim() === "") onChange("");
          else if (isHexColour(text.trim().replace(/^#?/, "#"))) onChange(normaliseHex(text) ?? "");
        }}
        onBlur={() => {
          // "#f0a" stands for "#ff00aa" once the field is left.
          const colour = normaliseHex(typed);
          if (colour !== null && colour !== value) onChange(colour);
          setTyped(colour ?? value);
        }}
      />
      <button
        type="button"
        class="button is-quiet style-reset"
        aria-label={`${label}: back to the default`}
        title="Back to the default"
        disabled={value === ""}
        onClick={() => {
          onChange("");
          swatch.current?.focus();
        }}
      >
        ↺
      </button>
    </div>
  );
}
