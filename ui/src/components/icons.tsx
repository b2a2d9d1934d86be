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
