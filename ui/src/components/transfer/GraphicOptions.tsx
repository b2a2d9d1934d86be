import type { LaneView } from "../../bindings/LaneView";
import type { NamedSize } from "../../bindings/NamedSize";
import type { RenderFormat } from "../../bindings/RenderFormat";
import {
  CUSTOM_SIZE,
  DEFAULT_WIDTH,
  FREE_SIZE,
  MAX_WIDTH,
  MIN_WIDTH,
  THEMES,
  customSizeFrom,
  customSizeProblems,
  sizeChoice,
  widthProblem,
  type GraphicSettings,
  type Orientation,
} from "../../lib/exportOptions";

interface Props {
  format: RenderFormat;
  settings: GraphicSettings;
  lanes: readonly LaneView[];
  /** The named sizes of the style in use: the built-in ones, then the style's own. */
  sizes: readonly NamedSize[];
  onChange: (settings: GraphicSettings) => void;
}

const LAYOUTS: readonly { id: Orientation; label: string; hint: string }[] = [
  { id: "horizontal", label: "Wide", hint: "Time runs left to right, for articles and slides" },
  { id: "vertical", label: "Tall", hint: "Time runs down the page, for phones" },
];

const SCALES = [1, 2, 3] as const;

/** The options of a graphic or the brief: layout, size, theme, dates, lanes and descriptions. */
export function GraphicOptions({ format, settings, lanes, sizes, onChange }: Props) {
  const set = (patch: Partial<GraphicSettings>) => {
    onChange({ ...settings, ...patch });
  };
  const graphic = format !== "md";
  const problem = widthProblem(settings.width);
  const choice = sizeChoice(settings.size, sizes);
  const custom = customSizeProblems(settings);
  const chosenSize = choice.kind === "named" ? choice.size.name : choice.kind === "custom" ? CUSTOM_SIZE : FREE_SIZE;
  const hidden = new Set(settings.hiddenLanes);

  return (
    <div class="export-options" data-testid="export-options">
      {graphic ? (
        <>
          <div class="export-option">
            <span class="form-label">Layout</span>
            <div class="segmented" role="group" aria-label="Layout">
              {LAYOUTS.map((layout) => (
                <button
                  key={layout.id}
                  type="button"
                  title={layout.hint}
                  data-testid={`export-layout-${layout.id === "horizontal" ? "wide" : "tall"}`}
                  aria-pressed={settings.orientation === layout.id}
                  onClick={() => {
                    if (settings.orientation !== layout.id) set({ orientation: layout.id, width: "" });
                  }}
                >
                  {layout.label}
                </button>
              ))}
            </div>
          </div>
          <label class="export-option">
            <span class="form-label">Size</span>
            <select
              class="input select is-compact export-size"
              data-testid="export-size"
              title="Free width: as tall as the timeline needs. A named or custom size is exact: the most important events are labelled, the rest drawn as marks."
              value={chosenSize}
              onChange={(event) => {
                const size = event.currentTarget.value;
                set(size === CUSTOM_SIZE ? { size, ...customSizeFrom(settings, sizes) } : { size });
              }}
            >
              <option value={FREE_SIZE}>Free width</option>
              {sizes.map((size) => (
                <option key={size.name} value={size.name}>
                  {size.label}
                </option>
              ))}
              <option value={CUSTOM_SIZE}>Custom…</option>
            </select>
          </label>
          {choice.kind === "free" && (
            <label class="export-option">
              <span class="form-label">Width</span>
              <span class="export-unit">
                <input
                  class="input is-compact export-width"
                  data-testid="export-width"
                  inputMode="numeric"
                  placeholder={String(DEFAULT_WIDTH[settings.orientation])}
                  aria-invalid={problem !== null}
                  title={problem ?? "Width in px; empty for the layout's default"}
                  value={settings.width}
                  onInput={(event) => {
                    set({ width: event.currentTarget.value });
                  }}
                />
                px
              </span>
            </label>
          )}
          {choice.kind === "custom" && (
            <div class="export-option">
              <span class="form-label" id="export-size-custom-label">
                Width × height
              </span>
              <span class="export-unit" role="group" aria-labelledby="export-size-custom-label">
                <input
                  class="input is-compact export-width"
                  data-testid="export-size-width"
                  inputMode="numeric"
                  aria-label="Width"
                  aria-invalid={custom.width !== null}
                  title={custom.width ?? `Width in px, ${MIN_WIDTH} to ${MAX_WIDTH}`}
                  value={settings.sizeWidth}
                  onInput={(event) => {
                    set({ sizeWidth: event.currentTarget.value });
                  }}
                />
                <span aria-hidden="true">×</span>
                <input
                  class="input is-compact export-width"
                  data-testid="export-size-height"
                  inputMode="numeric"
                  aria-label="Height"
                  aria-invalid={custom.height !== null}
                  title={custom.height ?? `Height in px, ${MIN_WIDTH} to ${MAX_WIDTH}`}
                  value={settings.sizeHeight}
                  onInput={(event) => {
                    set({ sizeHeight: event.currentTarget.value });
                  }}
                />
                px
              </span>
            </div>
          )}
          {format === "png" && (
            <div class="export-option">
              <span class="form-label">Scale</span>
              <div class="segmented" role="group" aria-label="Scale">
                {SCALES.map((scale) => (
                  <button
                    key={scale}
                    type="button"
                    data-testid={`export-scale-${scale}`}
                    aria-pressed={settings.scale === scale}
                    onClick={() => {
                      set({ scale });
                    }}
                  >
                    {scale}×
                  </button>
                ))}
              </div>
            </div>
          )}
          <div class="export-option">
            <span class="form-label">Theme</span>
            <div class="segmented" role="group" aria-label="Theme">
              {THEMES.map((theme) => (
                <button
                  key={theme.id}
                  type="button"
                  data-testid={`export-theme-${theme.id}`}
                  aria-pressed={settings.theme === theme.id}
                  onClick={() => {
                    set({ theme: theme.id });
                  }}
                >
                  {theme.label}
                </button>
              ))}
            </div>
          </div>
        </>
      ) : (
        <div class="export-option">
          <span class="form-label">Group by</span>
          <div class="segmented" role="group" aria-label="Group by">
            {(["year", "lane"] as const).map((group) => (
              <button
                key={group}
                type="button"
                data-testid={`export-group-${group}`}
                aria-pressed={settings.group === group}
                onClick={() => {
                  set({ group });
                }}
              >
                {group === "year" ? "Year" : "Lane"}
              </button>
            ))}
          </div>
        </div>
      )}
      <div class="export-option">
        <span class="form-label">Dates</span>
        <span class="export-range">
          <input
            class="input is-compact"
            data-testid="export-from"
            aria-label="From"
            placeholder="From"
            title="Only what happens from this date on: 2019, Q1 2023, 2023-05-12"
            value={settings.from}
            onInput={(event) => {
              set({ from: event.currentTarget.value });
            }}
          />
          <span aria-hidden="true">–</span>
          <input
            class="input is-compact"
            data-testid="export-to"
            aria-label="To"
            placeholder="To"
            title="Only what happens up to this date"
            value={settings.to}
            onInput={(event) => {
              set({ to: event.currentTarget.value });
            }}
          />
        </span>
      </div>
      {graphic && (
        <div class="export-option">
          <span class="form-label">Text</span>
          <label class="check export-check">
            <input
              type="checkbox"
              data-testid="export-descriptions"
              checked={settings.descriptions}
              onChange={(event) => {
                set({ descriptions: event.currentTarget.checked });
              }}
            />
            Descriptions
          </label>
        </div>
      )}
      {lanes.length > 1 && (
        <fieldset class="export-option export-lanes">
          <legend class="form-label">Lanes</legend>
          <div class="export-lane-list">
            {lanes.map((lane) => (
              <label key={lane.id} class="export-lane" data-testid="export-lane">
                <input
                  type="checkbox"
                  checked={!hidden.has(lane.id)}
                  onChange={(event) => {
                    const others = settings.hiddenLanes.filter((id) => id !== lane.id);
                    set({ hiddenLanes: event.currentTarget.checked ? others : [...others, lane.id] });
                  }}
                />
                <span class="export-lane-swatch" style={lane.colour ? { background: lane.colour } : undefined} />
                {lane.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
