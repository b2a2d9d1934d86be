import { useState } from "preact/hooks";
import type { EventView } from "../../bindings/EventView";
import type { SourceQuoteView } from "../../bindings/SourceQuoteView";
import { useAutofocus } from "../../hooks/useAutofocus";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { isUnsourced } from "../../lib/events";
import { FormActions, FormError } from "../common/Form";
import { WebLink } from "../common/WebLink";
import { PencilIcon, TrashIcon } from "../icons";
import { AddSource } from "./AddSource";

/** The sources the event cites, each with its supporting quote. */
export function Sources({ event }: { event: EventView }) {
  return (
    <section class="inspector-section" data-testid="inspector-sources">
      <h3 class="section-title">
        Sources <span class="count">{event.sources.length}</span>
      </h3>
      {event.sources.map((source) => (
        <Citation key={source.link_id} source={source} />
      ))}
      {isUnsourced(event) && <p class="muted">None cited.</p>}
      <AddSource eventId={event.id} />
    </section>
  );
}

function Citation({ source }: { source: SourceQuoteView }) {
  const edit = useEdit();
  const [editing, setEditing] = useState(false);
  const meta = [source.publisher, source.author, source.published_label].filter(
    (part): part is string => part !== null && part !== "",
  );
  return (
    <article class="source" data-testid="inspector-source" data-source-id={source.source_id}>
      <div class="source-head">
        <div class="source-title">{source.title}</div>
        <span class="source-actions">
          <button
            type="button"
            class="icon-button is-small"
            data-testid="citation-edit"
            aria-label="Edit the quote"
            title="Edit the quote"
            onClick={() => {
              setEditing(true);
            }}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            class="icon-button is-small"
            data-testid="citation-remove"
            aria-label={`Remove the citation of ${source.title}`}
            title="Remove this citation (the source stays in the workspace)"
            onClick={() => {
              void edit.run(() => api.removeCitation(source.link_id));
            }}
          >
            <TrashIcon />
          </button>
        </span>
      </div>
      {meta.length > 0 && <div class="source-meta">{meta.join(" · ")}</div>}
      {editing ? (
        <QuoteEditor
          source={source}
          onDone={() => {
            setEditing(false);
          }}
        />
      ) : (
        source.quote !== "" && <blockquote class="source-quote">{source.quote}</blockquote>
      )}
      {source.url !== "" && (
        <WebLink url={source.url} class="source-url">
          {source.url}
        </WebLink>
      )}
      {source.accessed_label !== null && <div class="source-meta">Accessed {source.accessed_label}</div>}
    </article>
  );
}

function QuoteEditor({ source, onDone }: { source: SourceQuoteView; onDone: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [quote, setQuote] = useState(source.quote);
  const field = useAutofocus<HTMLTextAreaElement>();
  const save = () => {
    submit(() => edit.attempt(() => api.updateCitation(source.link_id, quote)), onDone);
  };
  return (
    <form
      class="form quote-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <textarea
        class="input"
        rows={4}
        data-testid="citation-quote-input"
        aria-label="Supporting quote"
        value={quote}
        ref={field}
        onInput={(input) => {
          setQuote(input.currentTarget.value);
        }}
        onKeyDown={(key) => {
          if (key.key === "Enter" && (key.ctrlKey || key.metaKey)) {
            key.preventDefault();
            save();
          } else if (key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            onDone();
          }
        }}
      />
      <FormError error={error} />
      <FormActions submit="Save quote" testid="citation-save" busy={busy} onCancel={onDone} />
    </form>
  );
}
