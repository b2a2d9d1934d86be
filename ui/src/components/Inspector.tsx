import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AnnotationView } from "../bindings/AnnotationView";
import type { EventView } from "../bindings/EventView";
import type { SourceQuoteView } from "../bindings/SourceQuoteView";
import * as api from "../ipc";
import { isUnsourced } from "../lib/events";
import { CONFIDENCE, PRECISION } from "../lib/vocabulary";
import { CloseIcon, NoteIcon, WarningIcon } from "./icons";
import { KindChip } from "./KindChip";

interface Props {
  event: EventView;
  notes: readonly AnnotationView[];
  onClose: () => void;
  onRenamed: (event: EventView) => void;
}

/** Everything about the selected event, with its sources. */
export function Inspector({ event, notes, onClose, onRenamed }: Props) {
  const unsourced = isUnsourced(event);
  const qualifiers = [event.approximate && "approximate", event.uncertain && "uncertain"].filter(Boolean);
  return (
    <aside class="inspector" data-testid="inspector" aria-label="Event details">
      <header class="inspector-header">
        <span class="section-title">Event</span>
        <button
          type="button"
          class="icon-button"
          data-testid="inspector-close"
          aria-label="Close the inspector"
          title="Close (Esc)"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      <div class="inspector-body">
        <TitleField key={event.id} event={event} onRenamed={onRenamed} />
        {unsourced && (
          <div class="warning-box" data-testid="inspector-unsourced" role="note">
            <WarningIcon size={14} />
            <div>
              <strong>Unsourced</strong>
              <p>No source supports this event yet. Cite one before relying on it.</p>
            </div>
          </div>
        )}
        <dl class="fields">
          <Field label="Start" testid="inspector-start">
            {event.start_label}
            <code class="edtf">{event.start}</code>
          </Field>
          <Field label="End" testid="inspector-end">
            {event.end_label !== null && event.end !== null ? (
              <>
                {event.end_label}
                <code class="edtf">{event.end}</code>
              </>
            ) : (
              <span class="muted">{event.ongoing ? "Ongoing" : "— (a point in time)"}</span>
            )}
          </Field>
          <Field label="Precision">
            {PRECISION[event.precision]}
            {qualifiers.length > 0 && <span class="muted">, {qualifiers.join(" and ")}</span>}
          </Field>
          <Field label="Kind">
            <KindChip kind={event.kind} long />
          </Field>
          <Field label="Confidence">
            <span class={`confidence is-${event.confidence}`}>{CONFIDENCE[event.confidence]}</span>
          </Field>
          <Field label="Importance">
            <span class="importance" aria-label={`${event.importance} of 5`} title={`${event.importance} of 5`}>
              {[1, 2, 3, 4, 5].map((step) => (
                <span key={step} class={step <= event.importance ? "pip is-on" : "pip"} />
              ))}
            </span>
          </Field>
          <Field label="Parties">
            <Chips values={event.parties} />
          </Field>
          <Field label="Tags">
            <Chips values={event.tags} />
          </Field>
          <Field label="Timelines">
            <Chips values={event.timelines} />
          </Field>
        </dl>
        {event.description !== "" && (
          <section class="inspector-section">
            <h3 class="section-title">Description</h3>
            <p class="description">{event.description}</p>
          </section>
        )}
        {notes.length > 0 && (
          <section class="inspector-section">
            <h3 class="section-title">Notes</h3>
            {notes.map((note) => (
              <p key={note.id} class="note">
                <NoteIcon />
                <span>{note.text}</span>
              </p>
            ))}
          </section>
        )}
        <section class="inspector-section" data-testid="inspector-sources">
          <h3 class="section-title">
            Sources <span class="count">{event.sources.length}</span>
          </h3>
          {event.sources.map((source) => (
            <Source key={source.source_id} source={source} />
          ))}
          {unsourced && <p class="muted">None cited.</p>}
        </section>
      </div>
    </aside>
  );
}

/**
 * The title, saved on Enter and on blur; Escape undoes the edit. A failed
 * save shows the engine's message and puts the old title back, except when
 * a blur leaves the field empty: that stays empty for retyping.
 */
function TitleField({ event, onRenamed }: { event: EventView; onRenamed: (event: EventView) => void }) {
  const [draft, setDraft] = useState(event.title);
  const [error, setError] = useState<string | null>(null);
  const leaving = useRef<"enter" | "escape" | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setDraft(event.title);
  }, [event.title]);

  // Grow with the title: it wraps instead of scrolling out of sight.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${element.scrollHeight}px`;
  }, [draft]);

  const save = (value: string, explicit: boolean) => {
    const title = value.trim();
    setDraft(title);
    if (title === event.title) return;
    api.renameEvent(event.id, title).then(
      (renamed) => {
        setError(null);
        onRenamed(renamed);
      },
      (failure: unknown) => {
        setError(api.errorMessage(failure));
        if (explicit || title !== "") setDraft(event.title);
      },
    );
  };

  return (
    <div class="title-field">
      <textarea
        ref={field}
        rows={1}
        class="title-input"
        data-testid="inspector-title"
        aria-label="Title"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? "inspector-title-error" : undefined}
        placeholder={event.title}
        value={draft}
        onInput={(input) => {
          // A title is one line: pasted line breaks become spaces.
          setDraft(input.currentTarget.value.replace(/\s*\n\s*/g, " "));
          setError(null);
        }}
        onKeyDown={(key) => {
          if (key.key === "Enter" || key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            leaving.current = key.key === "Enter" ? "enter" : "escape";
            key.currentTarget.blur();
          }
        }}
        onBlur={(blur) => {
          const how = leaving.current;
          leaving.current = null;
          if (how === "escape") {
            setDraft(event.title);
            setError(null);
          } else {
            // Read the field itself: scripted edits need not fire input events.
            save(blur.currentTarget.value, how === "enter");
          }
        }}
      />
      {error !== null && (
        <p class="field-error" id="inspector-title-error" data-testid="inspector-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Field({ label, testid, children }: { label: string; testid?: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

function Chips({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <span class="muted">—</span>;
  return (
    <span class="chips">
      {values.map((value) => (
        <span key={value} class="chip">
          {value}
        </span>
      ))}
    </span>
  );
}

function Source({ source }: { source: SourceQuoteView }) {
  const meta = [
    source.publisher,
    source.author,
    source.published_label,
  ].filter((part): part is string => part !== null && part !== "");
  return (
    <article class="source" data-testid="inspector-source">
      <div class="source-title">{source.title}</div>
      {meta.length > 0 && <div class="source-meta">{meta.join(" · ")}</div>}
      {source.quote !== "" && <blockquote class="source-quote">{source.quote}</blockquote>}
      {source.url !== "" && (
        <div class="source-url" title={source.url}>
          {source.url}
        </div>
      )}
      {source.accessed_label !== null && <div class="source-meta">Accessed {source.accessed_label}</div>}
    </article>
  );
}
