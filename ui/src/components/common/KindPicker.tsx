import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { EventKind } from "../../bindings/EventKind";
import { kindNamed, searchKinds } from "../../lib/kindSearch";
import { KINDS, kindVars } from "../../lib/vocabulary";

interface Props {
  value: EventKind;
  /** A kind was chosen: clicked, or Enter on the highlighted one, or a name typed whole. */
  onPick: (kind: EventKind) => void;
  id?: string;
  testid: string;
  /** The visible label's id. */
  labelledBy?: string;
}

/**
 * A kind, searched by what is typed ("review", "term sheet"), following
 * the ARIA combobox pattern: arrows move through the matches without
 * choosing, Enter or a click chooses, Escape puts the chosen kind back.
 * Enter with the list closed is left to the form, which submits, unless
 * the text names no kind.
 */
export function KindPicker({ value, onPick, id, testid, labelledBy }: Props) {
  const list = useId();
  const [text, setText] = useState(KINDS[value].label);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText(KINDS[value].label);
  }, [value]);

  const typed = text === KINDS[value].label ? "" : text;
  const matches = searchKinds(typed);
  const highlighted = matches[Math.min(active, matches.length - 1)];

  const choose = (kind: EventKind) => {
    setOpen(false);
    setText(KINDS[kind].label);
    if (kind !== value) onPick(kind);
  };
  const revert = () => {
    setOpen(false);
    setText(KINDS[value].label);
  };

  return (
    <div class="kind-picker" style={kindVars(highlighted ?? value)}>
      <span class="kind-picker-swatch" aria-hidden="true" />
      <input
        ref={field}
        id={id}
        class="input kind-picker-input"
        data-testid={testid}
        data-kind={value}
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={list}
        aria-labelledby={labelledBy}
        aria-activedescendant={open && highlighted ? `${list}-${highlighted}` : undefined}
        value={text}
        onFocus={(focus) => {
          focus.currentTarget.select();
        }}
        onInput={(input) => {
          setText(input.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(key) => {
          const step = key.key === "ArrowDown" ? 1 : key.key === "ArrowUp" ? -1 : 0;
          if (step !== 0) {
            key.preventDefault();
            if (!open) {
              setOpen(true);
              setActive(Math.max(0, matches.indexOf(value)));
            } else if (matches.length > 0) {
              setActive((index) => (Math.min(index, matches.length - 1) + step + matches.length) % matches.length);
            }
          } else if (key.key === "Enter" && open && highlighted) {
            key.preventDefault();
            choose(highlighted);
          } else if (key.key === "Enter") {
            // A kind named whole is chosen before the form submits; text
            // that names no kind stops the submit, and the list says so.
            const named = kindNamed(text) ?? (typed === "" ? value : null);
            if (named) choose(named);
            else {
              key.preventDefault();
              setOpen(true);
            }
          } else if (key.key === "Escape" && (open || typed !== "")) {
            key.preventDefault();
            key.stopPropagation();
            revert();
          }
        }}
        onBlur={() => {
          const named = kindNamed(text) ?? (typed !== "" && matches.length === 1 ? matches[0] : null);
          if (named) choose(named);
          else revert();
        }}
      />
      {open && (
        <ul class="kind-picker-list" id={list} role="listbox" aria-label="Kinds">
          {matches.length === 0 && <li class="kind-picker-none">No kind is called that</li>}
          {matches.map((kind) => (
            <li
              key={kind}
              id={`${list}-${kind}`}
              role="option"
              class={kind === highlighted ? "kind-picker-option is-active" : "kind-picker-option"}
              aria-selected={kind === highlighted}
              data-testid="kind-option"
              data-kind={kind}
              style={kindVars(kind)}
              onPointerDown={(press) => {
                // Keep the focus in the field; the click chooses.
                press.preventDefault();
              }}
              onClick={() => {
                choose(kind);
                field.current?.focus();
              }}
            >
              <span class="kind-picker-swatch" aria-hidden="true" />
              {KINDS[kind].label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
