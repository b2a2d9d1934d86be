import { useEffect, useState } from "preact/hooks";
import type { ComparisonSummary } from "../../bindings/ComparisonSummary";
import type { TimelineSummary } from "../../bindings/TimelineSummary";
import { useAutofocus } from "../../hooks/useAutofocus";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { FormError } from "../common/Form";
import { PencilIcon, PlusIcon, TrashIcon } from "../icons";

interface Props {
  timelines: TimelineSummary[];
  /** The timelines on the canvas, in sidebar order: a new comparison compares them. */
  picked: readonly number[];
  open: number | null;
  revision: number;
  onOpen: (id: number | null) => void;
  onError: (error: unknown) => void;
}

/** The saved comparisons: open one, compare the timelines on the canvas, rename, delete. */
export function ComparisonList({ timelines, picked, open, revision, onOpen, onError }: Props) {
  const edit = useEdit();
  const [comparisons, setComparisons] = useState<ComparisonSummary[]>([]);
  const [renaming, setRenaming] = useState<number | null>(null);

  useEffect(() => {
    api.listComparisons().then(setComparisons, onError);
  }, [revision, onError]);

  const titles = new Map(timelines.map((timeline) => [timeline.id, timeline.title]));
  const compare = () => {
    const name = picked.map((id) => titles.get(id) ?? `Timeline ${id}`).join(" vs ");
    void edit
      .run(() => api.createComparison(name, [...picked], { mode: "kind", kind: "regulatory-review" }))
      .then((created) => {
        if (created) onOpen(created.id);
      });
  };
  const remove = (id: number) => {
    if (open === id) onOpen(null);
    void edit.run(() => api.deleteComparison(id));
  };

  return (
    <section class="sidebar-section" aria-labelledby="comparisons-heading" data-region="comparisons">
      <div class="section-header">
        <h2 class="section-title" id="comparisons-heading">
          Comparisons
        </h2>
        <span class="section-spacer" />
        <button
          type="button"
          class="header-button"
          data-testid="compare-mode"
          disabled={picked.length < 2}
          title={picked.length < 2 ? "Show two or more timelines to compare them" : "Compare the timelines shown"}
          onClick={compare}
        >
          <PlusIcon size={12} />
          Compare shown
        </button>
      </div>
      <ul class="timeline-list">
        {comparisons.map((comparison) => (
          <li key={comparison.id} class="comparison-row-wrap">
            {renaming === comparison.id ? (
              <RenameComparison
                comparison={comparison}
                onDone={() => {
                  setRenaming(null);
                }}
              />
            ) : (
              <div class={`timeline-row comparison-row${open === comparison.id ? " is-on" : ""}`}>
                <button
                  type="button"
                  class="comparison-open"
                  data-testid="comparison-item"
                  data-comparison-id={comparison.id}
                  aria-pressed={open === comparison.id}
                  onClick={() => {
                    onOpen(open === comparison.id ? null : comparison.id);
                  }}
                >
                  <span class="comparison-glyph" aria-hidden="true">
                    ⫶
                  </span>
                  <span class="timeline-row-title">{comparison.name}</span>
                  <span class="count" title={`${comparison.timelines.length} timelines`}>
                    {comparison.timelines.length}
                  </span>
                </button>
                <button
                  type="button"
                  class="icon-button comparison-action"
                  data-testid="comparison-rename"
                  aria-label={`Rename ${comparison.name}`}
                  onClick={() => {
                    setRenaming(comparison.id);
                  }}
                >
                  <PencilIcon />
                </button>
                <button
                  type="button"
                  class="icon-button comparison-action"
                  data-testid="comparison-delete"
                  aria-label={`Delete ${comparison.name}`}
                  onClick={() => {
                    remove(comparison.id);
                  }}
                >
                  <TrashIcon />
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The comparison's name in a field; Enter saves it, Escape gives up. */
function RenameComparison({ comparison, onDone }: { comparison: ComparisonSummary; onDone: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [name, setName] = useState(comparison.name);
  const field = useAutofocus<HTMLInputElement>();
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit(() => edit.attempt(() => api.renameComparison(comparison.id, name)), onDone);
      }}
    >
      <input
        ref={field}
        class="input"
        data-testid="comparison-name"
        aria-label="Comparison name"
        value={name}
        disabled={busy}
        onInput={(input) => {
          setName(input.currentTarget.value);
        }}
        onKeyDown={(key) => {
          if (key.key === "Escape") {
            key.preventDefault();
            key.stopPropagation();
            onDone();
          }
        }}
      />
      <FormError error={error} />
    </form>
  );
}
