import type { ComponentChildren } from "preact";

/** A labelled field in a form. */
export function FormField({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="form-field">
      <span class="form-label">{label}</span>
      {children}
    </label>
  );
}

/** The engine's message for a failed submission. */
export function FormError({ error }: { error: string | null }) {
  if (error === null) return null;
  return (
    <p class="field-error" role="alert" data-testid="form-error">
      {error}
    </p>
  );
}

/** Cancel and submit, right-aligned. */
export function FormActions({
  submit,
  testid,
  busy,
  onCancel,
}: {
  submit: string;
  testid: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div class="form-actions">
      <button type="button" class="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" class="button is-primary" data-testid={testid} disabled={busy}>
        {submit}
      </button>
    </div>
  );
}
