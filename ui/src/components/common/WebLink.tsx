import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useEdit } from "../../hooks/useEdit";
import * as api from "../../ipc";
import { webUrl } from "../../lib/links";
import { ConfirmDialog } from "./ConfirmDialog";

interface Props {
  /** The address as stored; only an http(s) one becomes a link. */
  url: string;
  class: string;
  children: ComponentChildren;
}

/**
 * A web address the user may open in the system browser, after a dialog
 * that shows it whole. It is a button, never an `<a href>`, so the webview
 * itself cannot follow it; anything but http(s) is plain text.
 */
export function WebLink({ url, class: name, children }: Props) {
  const edit = useEdit();
  const [asking, setAsking] = useState(false);
  const href = webUrl(url);
  if (href === null) return <span class={name}>{children}</span>;
  return (
    <>
      <button
        type="button"
        class={`web-link ${name}`}
        title={href}
        data-url={href}
        onClick={() => {
          setAsking(true);
        }}
      >
        {children}
      </button>
      {asking && (
        <ConfirmDialog
          title="Open this link in your browser?"
          confirm="Open in browser"
          tone="primary"
          onConfirm={() => {
            setAsking(false);
            api.openLink(href).catch(edit.report);
          }}
          onCancel={() => {
            setAsking(false);
          }}
        >
          <p>Tideline will ask your web browser to open this address:</p>
          <p class="link-url" data-testid="confirm-url">
            {href}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
