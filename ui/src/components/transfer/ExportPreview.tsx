import { useEffect, useState } from "preact/hooks";
import type { ExportOptions } from "../../bindings/ExportOptions";
import type { RenderFormat } from "../../bindings/RenderFormat";
import * as api from "../../ipc";
import { sizeLabel, svgDataUrl, svgSize } from "../../lib/exportOptions";
import { parseBrief } from "../../lib/markdown";
import { Inlines, MarkdownBlock } from "../common/Markdown";

interface Props {
  id: number;
  title: string;
  format: RenderFormat;
  options: ExportOptions;
  /** False while an option is unusable: the last preview stays. */
  usable: boolean;
  /** Changes when what the options name changes (a style saved again): the preview is drawn afresh. */
  refresh?: number;
  /** The brief's text once drawn, null while there is none (to copy it within the click that asks). */
  onBrief?: (text: string | null) => void;
}

/** How long typing rests before the preview is drawn again. */
const SETTLE_MS = 180;
/** The graphic's zoom steps, as shares of its own size. */
const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

type Shown =
  | { kind: "none" }
  | {
      kind: "graphic";
      url: string;
      size: { width: number; height: number } | null;
      tall: boolean;
      /** Drawn at a width and a height given: fitted, the whole picture shows. */
      exact: boolean;
    }
  | { kind: "brief"; text: string }
  | { kind: "failed"; message: string };

/**
 * The export as the engine draws it: the graphic's SVG (SVG, PNG and PDF
 * draw the same layout) or the brief's Markdown, redrawn as the options
 * change.
 */
export function ExportPreview({ id, title, format, options, usable, refresh = 0, onBrief }: Props) {
  const [shown, setShown] = useState<Shown>({ kind: "none" });
  const [pending, setPending] = useState(true);
  /** The graphic at its frame's width ("fit") or at a share of its own size; the brief rendered or as its source. */
  const [zoom, setZoom] = useState<"fit" | number>("fit");
  const [source, setSource] = useState(false);
  const brief = format === "md";
  // The engine draws the same SVG for the three graphics, at any scale.
  const key = JSON.stringify({ id, brief, refresh, options: { ...options, scale: 1 } });

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
              : {
                  kind: "graphic",
                  url: svgDataUrl(text),
                  size: svgSize(text),
                  tall: options.orientation === "vertical",
                  exact: options.height !== null,
                },
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
      class={`export-preview${pending ? " is-pending" : ""}${shown.kind === "graphic" && shown.tall ? " is-tall" : ""}${
        shown.kind === "graphic" && shown.exact ? " is-exact" : ""
      }`}
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
        {shown.kind === "graphic" && <ZoomControls zoom={zoom} onZoom={setZoom} />}
        {shown.kind === "brief" && (
          <div class="segmented export-preview-tools" role="group" aria-label="Brief preview">
            <button type="button" aria-pressed={!source} data-testid="export-preview-rendered" onClick={() => { setSource(false); }}>
              Rendered
            </button>
            <button type="button" aria-pressed={source} data-testid="export-preview-source" onClick={() => { setSource(true); }}>
              Markdown
            </button>
          </div>
        )}
      </div>
      <div class="export-preview-frame" tabIndex={0} aria-label={`Preview of “${title}”, scrolls`}>
        {shown.kind === "graphic" && (
          <img
            class={`export-preview-image${zoom === "fit" ? "" : " is-zoomed"}`}
            data-testid="export-preview-image"
            data-orientation={shown.tall ? "vertical" : "horizontal"}
            data-zoom={zoom}
            src={shown.url}
            alt={`Preview of “${title}”`}
            width={shown.size?.width}
            height={shown.size?.height}
            style={zoom === "fit" || !shown.size ? undefined : { width: `${shown.size.width * zoom}px` }}
          />
        )}
        {shown.kind === "brief" && (source ? <BriefText text={shown.text} /> : <BriefRendered text={shown.text} />)}
        {shown.kind === "failed" && (
          <p class="export-preview-error" data-testid="export-preview-error" role="alert">
            {shown.message}
          </p>
        )}
      </div>
    </section>
  );
}

/** Zoom for the graphic's preview: fit the frame, or a step of its own size. */
function ZoomControls({ zoom, onZoom }: { zoom: "fit" | number; onZoom: (zoom: "fit" | number) => void }) {
  const at = zoom === "fit" ? -1 : ZOOMS.indexOf(zoom);
  const step = (by: 1 | -1) => {
    const from = at === -1 ? ZOOMS.indexOf(1) - (by === 1 ? 1 : 0) : at;
    onZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, from + by))] ?? 1);
  };
  return (
    <div class="segmented export-preview-tools" role="group" aria-label="Preview zoom">
      <button type="button" data-testid="export-preview-zoom-out" aria-label="Zoom the preview out" disabled={at === 0} onClick={() => { step(-1); }}>
        −
      </button>
      <button type="button" data-testid="export-preview-fit" aria-pressed={zoom === "fit"} onClick={() => { onZoom("fit"); }}>
        {zoom === "fit" ? "Fit" : `${Math.round(zoom * 100)} %`}
      </button>
      <button
        type="button"
        data-testid="export-preview-zoom-in"
        aria-label="Zoom the preview in"
        disabled={at === ZOOMS.length - 1}
        onClick={() => { step(1); }}
      >
        +
      </button>
    </div>
  );
}

/** The brief as a reader sees it: headings, lists, emphasis, footnotes; links open only once confirmed. */
function BriefRendered({ text }: { text: string }) {
  return (
    <div class="export-brief is-rendered markdown" data-testid="export-preview-markdown" data-view="rendered">
      {parseBrief(text).map((block, index) => {
        switch (block.type) {
          case "heading": {
            // The dialog's own title is the page's h2: the brief's headings sit below it.
            const Heading = (["h3", "h4", "h5", "h6"] as const)[Math.min(block.level, 4) - 1] ?? "h6";
            return (
              <Heading key={index} class={`brief-h${block.level}`}>
                <Inlines nodes={block.children} />
              </Heading>
            );
          }
          case "image":
            return (
              <p key={index} class="brief-graphic">
                The graphic, “{block.alt}”, goes here: it is exported as a file beside the brief.
              </p>
            );
          case "footnote":
            return (
              <p key={index} class="brief-footnote">
                <sup>{block.label}</sup> <Inlines nodes={block.children} />
              </p>
            );
          default:
            return <MarkdownBlock key={index} block={block} />;
        }
      })}
    </div>
  );
}

/** The brief as its Markdown source, headings set off: text only, nothing interpreted. */
function BriefText({ text }: { text: string }) {
  return (
    <div class="export-brief" data-testid="export-preview-markdown" data-view="source">
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
