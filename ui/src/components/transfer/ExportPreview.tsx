import { useEffect, useState } from "preact/hooks";
import type { ExportOptions } from "../../bindings/ExportOptions";
import type { RenderFormat } from "../../bindings/RenderFormat";
import * as api from "../../ipc";
import { sizeLabel, svgDataUrl, svgSize } from "../../lib/exportOptions";

interface Props {
  id: number;
  title: string;
  format: RenderFormat;
  options: ExportOptions;
  /** False while an option is unusable: the last preview stays. */
  usable: boolean;
  /** The brief's text once drawn, null while there is none (to copy it within the click that asks). */
  onBrief?: (text: string | null) => void;
}

/** How long typing rests before the preview is drawn again. */
const SETTLE_MS = 180;

type Shown =
  | { kind: "none" }
  | { kind: "graphic"; url: string; size: { width: number; height: number } | null; tall: boolean }
  | { kind: "brief"; text: string }
  | { kind: "failed"; message: string };

/**
 * The export as the engine draws it: the graphic's SVG (SVG, PNG and PDF
 * draw the same layout) or the brief's Markdown, redrawn as the options
 * change.
 */
export function ExportPreview({ id, title, format, options, usable, onBrief }: Props) {
  const [shown, setShown] = useState<Shown>({ kind: "none" });
  const [pending, setPending] = useState(true);
  const brief = format === "md";
  // The engine draws the same SVG for the three graphics, at any scale.
  const key = JSON.stringify({ id, brief, options: { ...options, scale: 1 } });

  useEffect(() => {
    if (!usable) return;
    let current = true;
    setPending(true);
    onBrief?.(null);
    const timer = window.setTimeout(() => {
      api.previewExport(id, brief ? "md" : "svg", options).then(
        (text) => {
          if (!current) return;
          setPending(false);
          if (brief) onBrief?.(text);
          setShown(
            brief
              ? { kind: "brief", text }
              : { kind: "graphic", url: svgDataUrl(text), size: svgSize(text), tall: options.orientation === "vertical" },
          );
        },
        (failure: unknown) => {
          if (!current) return;
          setPending(false);
          setShown({ kind: "failed", message: api.errorMessage(failure) });
        },
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `key` stands for id, format and options.
  }, [key, usable]);

  const status = pending
    ? "Drawing the preview…"
    : shown.kind === "graphic" && shown.size
      ? sizeLabel(shown.size, format, options.scale)
      : shown.kind === "brief"
        ? `${shown.text.split("\n").length} lines of Markdown`
        : "";

  return (
    <section
      class={`export-preview${pending ? " is-pending" : ""}${shown.kind === "graphic" && shown.tall ? " is-tall" : ""}`}
      data-testid="export-preview"
      data-state={pending ? "pending" : shown.kind}
      aria-label="Preview"
      aria-busy={pending}
    >
      <div class="export-preview-head">
        <span class="form-label">Preview</span>
        <span class="export-preview-size" data-testid="export-preview-size">
          {status}
        </span>
      </div>
      <div class="export-preview-frame">
        {shown.kind === "graphic" && (
          <img
            class="export-preview-image"
            data-testid="export-preview-image"
            data-orientation={shown.tall ? "vertical" : "horizontal"}
            src={shown.url}
            alt={`Preview of “${title}”`}
            width={shown.size?.width}
            height={shown.size?.height}
          />
        )}
        {shown.kind === "brief" && <BriefText text={shown.text} />}
        {shown.kind === "failed" && (
          <p class="export-preview-error" data-testid="export-preview-error" role="alert">
            {shown.message}
          </p>
        )}
      </div>
    </section>
  );
}

/** The brief as its Markdown source, headings set off: text only, nothing interpreted. */
function BriefText({ text }: { text: string }) {
  return (
    <div class="export-brief" data-testid="export-preview-markdown">
      {text.split("\n").map((line, index) => {
        const heading = /^(#{1,6}) /.exec(line);
        const kind = heading ? ` is-h${heading[1]?.length ?? 1}` : /^\[\^/.test(line) ? " is-note" : "";
        return (
          <div key={index} class={`export-brief-line${kind}`}>
            {line === "" ? " " : line}
          </div>
        );
      })}
    </div>
  );
}
