import { LogoMark, PlusIcon, TransferIcon } from "./icons";

interface Props {
  /** Opens the New timeline form in the sidebar. */
  onNewTimeline: () => void;
  onImport: () => void;
  /** Opens the sample workspace, a file of its own: this one stays as it is. */
  onOpenSample: () => void;
  readOnly: boolean;
}

/** What an empty workspace shows in place of the canvas: the three ways to begin. */
export function StartPanel({ onNewTimeline, onImport, onOpenSample, readOnly }: Props) {
  return (
    <div class="start-panel" data-testid="start-panel">
      <LogoMark />
      <h2 class="start-title">This workspace is empty</h2>
      <p class="start-text">
        Build a deal timeline from your own sources, bring one in from TimelineJS, Markwhen or a spreadsheet, or look
        around a sample of real, sourced deals first.
      </p>
      <div class="start-actions">
        <button
          type="button"
          class="button is-primary"
          data-testid="start-new-timeline"
          disabled={readOnly}
          onClick={onNewTimeline}
        >
          <PlusIcon size={12} />
          New timeline
        </button>
        <button type="button" class="button" data-testid="start-import" disabled={readOnly} onClick={onImport}>
          <TransferIcon />
          Import…
        </button>
        <button type="button" class="button" data-testid="start-open-sample" onClick={onOpenSample}>
          Open the sample
        </button>
      </div>
      <p class="start-note">The sample opens as a workspace of its own; nothing is added to this one.</p>
    </div>
  );
}

/** Says that the workspace holds the sample's deals, and takes them out in one step (undoable). */
export function SampleNotice({ onRemove, readOnly }: { onRemove: () => void; readOnly: boolean }) {
  return (
    <section class="sample-notice" data-testid="sample-notice" aria-label="Sample data">
      <span>
        <strong>Sample data.</strong> This workspace holds Tideline’s sample: real deals, sourced from public reporting.
      </span>
      <button type="button" class="header-button" data-testid="remove-sample" disabled={readOnly} onClick={onRemove}>
        Remove the sample
      </button>
    </section>
  );
}
