// Small inline icons (no image files, no icon font).

interface IconProps {
  size?: number;
}

function Svg({ size = 14, children }: IconProps & { children: preact.ComponentChildren }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export function LogoMark({ size = 18 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 18 18" aria-hidden="true">
      <rect width="18" height="18" rx="4.5" fill="var(--accent)" />
      <path d="M3.5 11.5c1.8 0 1.8-3 3.6-3s1.8 3 3.6 3 1.8-3 3.8-3" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round" />
      <circle cx="7.1" cy="5.2" r="1.2" fill="#fff" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <Svg size={13}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 3 3" />
    </Svg>
  );
}

export function CloseIcon() {
  return (
    <Svg size={14}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </Svg>
  );
}

export function WarningIcon({ size = 12 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M8 2.2 14.2 13H1.8Z" />
      <path d="M8 6.5v3M8 11.4v.1" />
    </Svg>
  );
}

export function NoteIcon({ size = 11 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M3 2.5h10v8l-3 3H3Z" />
      <path d="M10 13.5v-3h3M5.5 6h5M5.5 8.5h3" />
    </Svg>
  );
}

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <Svg size={12}>
      <path d={open ? "m4 6 4 4 4-4" : "m6 4 4 4-4 4"} />
    </Svg>
  );
}

export function PlusIcon({ size = 13 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M8 3v10M3 8h10" />
    </Svg>
  );
}

export function MoreIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
      <circle cx="3.5" cy="8" r="1.25" />
      <circle cx="8" cy="8" r="1.25" />
      <circle cx="12.5" cy="8" r="1.25" />
    </svg>
  );
}

export function ArrowIcon({ direction }: { direction: "up" | "down" }) {
  return (
    <Svg size={12}>
      <path d={direction === "up" ? "M8 13V3M4 7l4-4 4 4" : "M8 3v10M4 9l4 4 4-4"} />
    </Svg>
  );
}

export function TrashIcon() {
  return (
    <Svg size={13}>
      <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />
    </Svg>
  );
}

export function UndoIcon({ redo = false }: { redo?: boolean }) {
  return (
    <Svg size={14}>
      <g transform={redo ? "matrix(-1 0 0 1 16 0)" : undefined}>
        <path d="M5.5 3 2.5 6l3 3" />
        <path d="M2.5 6h7a3.5 3.5 0 0 1 0 7H7" />
      </g>
    </Svg>
  );
}

export function FilterIcon() {
  return (
    <Svg size={13}>
      <path d="M2.5 3.5h11l-4.2 5v4l-2.6 1v-5Z" />
    </Svg>
  );
}

export function PencilIcon() {
  return (
    <Svg size={12}>
      <path d="M10.5 2.5l3 3-8 8h-3v-3Z" />
    </Svg>
  );
}

export function FileIcon({ size = 16 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M4 1.8h5l3.5 3.5v8.9H4Z" />
      <path d="M9 1.8v3.5h3.5M6 8.5h4.5M6 11h3" />
    </Svg>
  );
}

/** An arrow into a tray (import), or out of it (export). */
export function TransferIcon({ out = false }: { out?: boolean }) {
  return (
    <Svg size={13}>
      <path d="M2.5 10v3h11v-3" />
      {out ? <path d="M8 10V2.5M5 5.5l3-3 3 3" /> : <path d="M8 2.5V10M5 7l3 3 3-3" />}
    </Svg>
  );
}

export function CheckIcon() {
  return (
    <Svg size={14}>
      <circle cx="8" cy="8" r="6" />
      <path d="m5.4 8.2 1.8 1.8 3.4-3.6" />
    </Svg>
  );
}
