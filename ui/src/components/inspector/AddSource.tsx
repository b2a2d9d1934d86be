import { useEffect, useState } from "preact/hooks";
import type { SourceDraftView } from "../../bindings/SourceDraftView";
import type { SourceView } from "../../bindings/SourceView";
import { useAutofocus } from "../../hooks/useAutofocus";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { plural } from "../../lib/format";
import { findSources } from "../../lib/sources";
import { FormActions, FormError, FormField } from "../common/Form";
import { PlusIcon, SearchIcon } from "../icons";

interface Chosen {
  id: number;
  title: string;
}

type Step = { step: "closed" } | { step: "pick" } | { step: "new"; seed: string } | { step: "quote"; source: Chosen };

/**
 * Citing a source: pick one of the workspace's sources (typing filters
 * them) or describe a new one, then give the quote that supports the event.
 */
export function AddSource({ eventId }: { eventId: number }) {
  const [step, setStep] = useState<Step>({ step: "closed" });
  const close = () => {
    setStep({ step: "closed" });
  };
  const quote = (source: Chosen) => {
    setStep({ step: "quote", source });
  };

  switch (step.step) {
    case "closed":
      return (
        <button
          type="button"
          class="button is-quiet add-button"
          data-testid="add-source"
          onClick={() => {
            setStep({ step: "pick" });
          }}
        >
          <PlusIcon size={12} />
          Add source
        </button>
      );
    case "pick":
      return (
        <SourcePicker
          onPick={quote}
          onNew={(seed) => {
            setStep({ step: "new", seed });
          }}
          onCancel={close}
        />
      );
    case "new":
      return <SourceForm seed={step.seed} onCreated={quote} onCancel={close} />;
    case "quote":
      return (
        <QuoteStep
          eventId={eventId}
          source={step.source}
          onDone={close}
          onBack={() => {
            setStep({ step: "pick" });
          }}
        />
      );
  }
}

function SourcePicker({
  onPick,
  onNew,
  onCancel,
}: {
  onPick: (source: Chosen) => void;
  onNew: (seed: string) => void;
  onCancel: () => void;
}) {
  const edit = useEdit();
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [text, setText] = useState("");
  const field = useAutofocus<HTMLInputElement>();

  useEffect(() => {
    let live = true;
    api.listSources().then((list) => {
      if (live) setSources(list);
    }, edit.report);
    return () => {
      live = false;
    };
  }, [edit]);

  const found = sources ? findSources(sources, text) : [];
  return (
    <div class="panel" data-testid="source-picker">
      <div class="panel-title">Cite a source</div>
      <label class="search">
        <SearchIcon />
        <input
          ref={field}
          type="search"
          data-testid="source-search"
          placeholder="Find a source by title, publisher or URL"
          aria-label="Find a source"
          value={text}
          onInput={(input) => {
            setText(input.currentTarget.value);
          }}
          onKeyDown={(key) => {
            const first = found[0];
            if (key.key === "Enter" && first) {
              key.preventDefault();
              onPick(first);
            } else if (key.key === "Escape") {
              key.preventDefault();
              key.stopPropagation();
              onCancel();
            }
          }}
        />
      </label>
      <ul class="source-options" aria-label="Sources">
        {found.map((source) => (
          <li key={source.id}>
            <button
              type="button"
              class="source-option"
              data-testid="source-option"
              data-source-id={source.id}
              onClick={() => {
                onPick(source);
              }}
            >
              <span class="source-option-title">{source.title}</span>
              <span class="source-option-meta">
                {[source.publisher, source.published_label, plural(source.citations, "citation")]
                  .filter((part) => part !== null && part !== "")
                  .join(" · ")}
              </span>
            </button>
          </li>
        ))}
        {sources !== null && found.length === 0 && (
          <li class="empty-note">{sources.length === 0 ? "No sources yet." : "No source matches."}</li>
        )}
      </ul>
      <div class="form-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          class="button is-primary"
          data-testid="source-new"
          onClick={() => {
            onNew(text.trim());
          }}
        >
          New source…
        </button>
      </div>
    </div>
  );
}

const FIELDS = [
  { key: "url", label: "URL", placeholder: "https://…" },
  { key: "title", label: "Title", placeholder: "Headline or document title" },
  { key: "publisher", label: "Publisher", placeholder: "e.g. Reuters, SEC, GOV.UK" },
  { key: "author", label: "Author", placeholder: "Optional" },
  { key: "published", label: "Published", placeholder: "e.g. 22 Jul 2019" },
  { key: "accessed", label: "Accessed", placeholder: "e.g. 3 Mar 2025" },
] as const satisfies readonly { key: keyof SourceDraftView; label: string; placeholder: string }[];

function SourceForm({ seed, onCreated, onCancel }: { seed: string; onCreated: (source: Chosen) => void; onCancel: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  // What was typed in the search starts the new source: its URL if it is one, else its title.
  const web = /^https?:\/\//i.test(seed);
  const first = useAutofocus<HTMLInputElement>();
  const [draft, setDraft] = useState<Record<(typeof FIELDS)[number]["key"], string>>({
    url: web ? seed : "",
    title: web ? "" : seed,
    publisher: "",
    author: "",
    published: "",
    accessed: "",
  });
  return (
    <form
      class="panel form"
      data-testid="source-form"
      onSubmit={(event) => {
        event.preventDefault();
        const source: SourceDraftView = {
          ...draft,
          published: draft.published === "" ? null : draft.published,
          accessed: draft.accessed === "" ? null : draft.accessed,
          excerpt: "",
          notes: "",
        };
        submit(() => edit.attempt(() => api.createSource(source)), onCreated);
      }}
    >
      <div class="panel-title">New source</div>
      {FIELDS.map(({ key, label, placeholder }, index) => (
        <FormField key={key} label={label}>
          <input
            class="input"
            data-testid={`source-${key}`}
            placeholder={placeholder}
            value={draft[key]}
            ref={index === (web ? 1 : 0) ? first : undefined}
            onInput={(input) => {
              const value = input.currentTarget.value;
              setDraft((current) => ({ ...current, [key]: value }));
            }}
          />
        </FormField>
      ))}
      <FormError error={error} />
      <FormActions submit="Next: the quote" testid="source-create" busy={busy} onCancel={onCancel} />
    </form>
  );
}

function QuoteStep({
  eventId,
  source,
  onDone,
  onBack,
}: {
  eventId: number;
  source: Chosen;
  onDone: () => void;
  onBack: () => void;
}) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [quote, setQuote] = useState("");
  const field = useAutofocus<HTMLTextAreaElement>();
  const cite = () => {
    submit(() => edit.attempt(() => api.citeSource(eventId, source.id, quote)), onDone);
  };
  return (
    <form
      class="panel form"
      data-testid="quote-form"
      onSubmit={(event) => {
        event.preventDefault();
        cite();
      }}
    >
      <div class="panel-title">Supporting quote</div>
      <p class="form-note" data-testid="quote-source">
        From <strong>{source.title}</strong>
      </p>
      <textarea
        ref={field}
        class="input"
        rows={4}
        data-testid="source-quote"
        aria-label="Supporting quote"
        placeholder="The passage that supports this event, word for word"
        value={quote}
        onInput={(input) => {
          setQuote(input.currentTarget.value);
        }}
        onKeyDown={(key) => {
          if (key.key === "Enter" && (key.ctrlKey || key.metaKey)) {
            key.preventDefault();
            cite();
          }
        }}
      />
      <FormError error={error} />
      <div class="form-actions">
        <button type="button" class="button" onClick={onBack}>
          Back
        </button>
        <span class="form-actions-spacer" />
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" class="button is-primary" data-testid="source-cite" disabled={busy}>
          Cite source
        </button>
      </div>
    </form>
  );
}
