import { Fragment } from "preact";
import { useState } from "preact/hooks";
import type { AnnotationView } from "../../bindings/AnnotationView";
import type { PeriodRow } from "../../bindings/PeriodRow";
import type { Viewport } from "../../bindings/Viewport";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { type Extent, PERIOD_ROW_PX } from "../../lib/geometry";
import { pxAt } from "../../lib/viewport";
import { FormError } from "../common/Form";
import { Popover } from "../common/Popover";

/** A period's name sits this far below the top of its row. */
const NAME_TOP_PX = 4;

interface Props {
  annotations: AnnotationView[];
  /** The row of each period's name, from the layout. */
  rows: readonly PeriodRow[];
  laidOut: Viewport;
  /** The part of the plane on screen. */
  screen: Extent;
}

/** Annotated periods as shaded bands over the lanes, named at the top; a click on the name edits it. */
export function Spans({ annotations, rows, laidOut, screen }: Props) {
  const rowOf = new Map(rows.map((period) => [period.id, period.row]));
  const [open, setOpen] = useState<{ annotation: AnnotationView; anchor: HTMLElement } | null>(null);
  const width = screen.right - screen.left;
  const spans = annotations.flatMap((annotation) => {
    const { start_minute: start, end_minute: end } = annotation;
    if (start === null || end === null) return [];
    // Cut to a screen either side, which any pan shift before the next layout stays within.
    const left = Math.max(pxAt(laidOut, start), screen.left - width);
    const right = Math.min(pxAt(laidOut, end), screen.right + width);
    return right > left ? [{ annotation, left, right }] : [];
  });
  return (
    <>
      <div class="plane spans">
        {spans.map(({ annotation, left, right }) => (
          <Fragment key={annotation.id}>
            <div
              class="span"
              data-testid="annotation-span"
              data-annotation-id={annotation.id}
              data-anchor={left}
              data-spanning
              style={{ left, width: right - left }}
            />
            <button
              type="button"
              class="span-label"
              data-testid="span-label"
              data-anchor={left}
              style={{ left, top: NAME_TOP_PX + (rowOf.get(annotation.id) ?? 0) * PERIOD_ROW_PX }}
              title={annotation.label === null ? annotation.text : `${annotation.text} (${annotation.label}). Click to edit.`}
              onClick={(click) => {
                setOpen({ annotation, anchor: click.currentTarget });
              }}
            >
              {annotation.text}
            </button>
          </Fragment>
        ))}
      </div>
      {open && (
        <Popover
          anchor={open.anchor}
          label="Shaded period"
          testid="span-popover"
          class="is-wide"
          onClose={() => {
            setOpen(null);
          }}
        >
          <SpanEditor
            annotation={open.annotation}
            onDone={() => {
              setOpen(null);
            }}
          />
        </Popover>
      )}
    </>
  );
}

function SpanEditor({ annotation, onDone }: { annotation: AnnotationView; onDone: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [text, setText] = useState(annotation.text);
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(() => edit.attempt(() => api.updateAnnotation(annotation.id, text)), onDone);
      }}
    >
      {annotation.label !== null && <p class="form-note">{annotation.label}</p>}
      <input
        class="input"
        data-testid="span-text"
        aria-label="Label"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
        }}
      />
      <FormError error={error} />
      <div class="form-actions">
        <button
          type="button"
          class="button is-quiet-danger"
          data-testid="span-delete"
          disabled={busy}
          onClick={() => {
            submit(() => edit.attempt(() => api.deleteAnnotation(annotation.id)), onDone);
          }}
        >
          Delete
        </button>
        <span class="form-actions-spacer" />
        <button type="submit" class="button is-primary" data-testid="span-save" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
