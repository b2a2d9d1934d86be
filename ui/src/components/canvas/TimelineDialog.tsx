import { useState } from "preact/hooks";
import type { EventOutline } from "../../bindings/EventOutline";
import type { TimelineView } from "../../bindings/TimelineView";
import { useEdit } from "../../hooks/useEdit";
import { useSubmit } from "../../hooks/useSubmit";
import * as api from "../../ipc";
import { PALETTE } from "../../lib/vocabulary";
import { Dialog } from "../common/Dialog";
import { FormActions, FormError, FormField } from "../common/Form";
import { Swatches } from "../common/Swatches";

/** A timeline's title, subtitle, description, colour and web summary. */
export function TimelineDialog({ view, onClose }: { view: TimelineView<EventOutline>; onClose: () => void }) {
  const edit = useEdit();
  const { busy, error, submit } = useSubmit();
  const [details, setDetails] = useState<api.TimelineDetails>({
    title: view.title,
    subtitle: view.subtitle,
    description: view.description,
    colour: view.colour,
    summary: view.summary,
  });
  const set = (change: Partial<api.TimelineDetails>) => {
    setDetails((current) => ({ ...current, ...change }));
  };
  return (
    <Dialog title="Timeline details" testid="timeline-dialog" onClose={onClose}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit(() => edit.attempt(() => api.updateTimeline(view.id, details)), onClose);
        }}
      >
        <FormField label="Title">
          <input
            class="input"
            data-testid="timeline-title-input"
            value={details.title}
            onInput={(event) => {
              set({ title: event.currentTarget.value });
            }}
          />
        </FormField>
        <FormField label="Subtitle">
          <input
            class="input"
            data-testid="timeline-subtitle-input"
            value={details.subtitle}
            onInput={(event) => {
              set({ subtitle: event.currentTarget.value });
            }}
          />
        </FormField>
        <FormField label="Description">
          <textarea
            class="input"
            rows={4}
            data-testid="timeline-description-input"
            value={details.description}
            onInput={(event) => {
              set({ description: event.currentTarget.value });
            }}
          />
        </FormField>
        <FormField label="Summary for the web page and its alt text">
          <textarea
            class="input"
            rows={2}
            data-testid="timeline-summary-input"
            placeholder="Written from the events when empty: “18 events from 22 Jul 2019 to 28 Oct 2025 in 3 lanes.”"
            value={details.summary}
            onInput={(event) => {
              set({ summary: event.currentTarget.value });
            }}
          />
        </FormField>
        <div class="form-field">
          <span class="form-label">Colour</span>
          <Swatches
            label="Timeline colour"
            value={details.colour}
            options={PALETTE}
            onPick={(colour) => {
              if (colour !== null) set({ colour });
            }}
          />
        </div>
        <FormError error={error} />
        <FormActions submit="Save" testid="timeline-save" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
