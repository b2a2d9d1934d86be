interface Props {
  label: string;
  /** The colour chosen, or null for the default. */
  value: string | null;
  options: readonly { colour: string; name: string }[];
  /** Offer a "default" swatch that picks null. */
  defaultName?: string;
  onPick: (colour: string | null) => void;
}

/** A row of colour swatches, one of them chosen (a radio group). */
export function Swatches({ label, value, options, defaultName, onPick }: Props) {
  const choices = [
    ...(defaultName === undefined ? [] : [{ colour: null, name: defaultName }]),
    ...options,
  ];
  const selected = value?.toLowerCase() ?? null;
  return (
    <div class="swatches" role="radiogroup" aria-label={label}>
      {choices.map(({ colour, name }) => {
        const on = (colour?.toLowerCase() ?? null) === selected;
        return (
          <button
            key={name}
            type="button"
            role="radio"
            aria-checked={on}
            aria-label={name}
            title={name}
            class={`swatch${colour === null ? " is-default" : ""}${on ? " is-on" : ""}`}
            data-testid="colour-option"
            data-colour={colour ?? ""}
            style={colour === null ? undefined : { "--swatch": colour }}
            onClick={() => {
              onPick(colour);
            }}
          />
        );
      })}
    </div>
  );
}
