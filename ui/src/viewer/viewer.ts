// The exported page's interactive view: lanes on a zoomable axis on wide
// screens, the page's own chronology as a vertical timeline on narrow
// ones. Positions come from the engine's levels; nothing is measured here
// but the view's width.

import { levelFor, type Level, type PageData, type PageEvent } from "./data";

/** Below this width the page shows its vertical layout. */
const NARROW_PX = 640;
const AXIS_PX = 28;
const MIN_ZOOM = 1;
const MAX_ZOOM = 128;

/** An element with attributes and children; text is always text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export class Viewer {
  private readonly root: HTMLElement;
  private readonly events: PageEvent[];
  private readonly span: number;
  private readonly frame: HTMLElement;
  private readonly plane: HTMLElement;
  private readonly axis: HTMLElement;
  private readonly lanes: HTMLElement;
  private readonly marks: HTMLElement;
  private readonly card: HTMLElement;
  private readonly live: HTMLElement;
  private readonly buttons = new Map<number, HTMLButtonElement>();
  /** The page's own list items, by event id: the narrow layout's events. */
  private readonly items = new Map<number, HTMLElement>();
  private readonly byId = new Map<number, PageEvent>();
  private readonly order: number[];
  private level: Level | null = null;
  /** 1 shows the whole span across the frame. */
  private zoom = 1;
  /** Px of the plane left of the frame. */
  private offset = 0;
  private current = 0;
  private narrow = false;
  private opened: number | null = null;
  private frameRequest = 0;
  /** The plane covers three frames from here (px at the current zoom). */
  private windowStart = 0;
  /** The zoom the plane was placed at. */
  private placedZoom = 0;
  private today: HTMLElement | null = null;
  private todayMinute = 0;
  private readonly bands: [HTMLElement, number, number][] = [];
  private readonly shown = new Set<HTMLElement>();
  private settle = 0;
  /** The frame's left edge in the viewport's x and its width, as of the last resize. */
  private frameBox = { left: 0, width: 1 };

  constructor(
    private readonly doc: Document,
    private readonly data: PageData,
  ) {
    this.events = data.events;
    for (const event of data.events) this.byId.set(event.id, event);
    this.order = data.events.map((event) => event.id);
    this.current = this.order[0] ?? 0;
    this.span = Math.max(1, data.end_minute - data.start_minute);
    const words = data.words;
    const tool = (label: string, text: string, action: () => void) => {
      const button = el("button", { type: "button", "aria-label": label, title: label }, text);
      button.addEventListener("click", action);
      return button;
    };
    this.axis = el("div", { class: "tl-axis", "aria-hidden": "true" });
    this.lanes = el("div", { class: "tl-lanes", "aria-hidden": "true" });
    this.marks = el("ol", { class: "tl-marks" });
    this.plane = el("div", { class: "tl-plane" }, this.axis, this.marks);
    // The lanes' bands and names stay put under the plane that moves.
    this.frame = el("div", { class: "tl-frame" }, this.lanes, this.plane);
    this.card = el("div", { class: "tl-card", role: "dialog", "aria-modal": "false", hidden: "" });
    this.live = el("p", { class: "visually-hidden", "aria-live": "polite" });
    this.root = el(
      "section",
      { class: "tl", "aria-labelledby": "tl-heading" },
      el("h2", { id: "tl-heading", class: "visually-hidden" }, words.region),
      el(
        "div",
        { class: "tl-tools" },
        tool(words.zoom_in, "+", () => { this.zoomBy(2); }),
        tool(words.zoom_out, "−", () => { this.zoomBy(0.5); }),
        tool(words.fit, words.fit, () => { this.fit(); }),
        el("p", { class: "tl-help", id: "tl-help" }, words.help),
      ),
      this.frame,
      this.card,
      this.live,
    );
  }

  start(): void {
    const root = this.doc.documentElement;
    const theme = new URLSearchParams(location.search).get("theme");
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    root.classList.add("enhanced");
    const main = this.doc.querySelector("main");
    const figure = this.doc.querySelector("main > figure.graphic");
    if (!main) return;
    main.insertBefore(this.root, figure?.nextSibling ?? main.firstChild);
    this.buildMarks();
    this.buildList();
    this.listen();
    this.resize();
    new ResizeObserver(() => { this.resize(); }).observe(this.doc.body);
    this.openFromHash();
  }

  // Building.

  private buildMarks(): void {
    const today = Date.now() / 60000;
    if (!this.data.relative && today > this.data.start_minute && today < this.data.end_minute) {
      this.today = el("div", { class: "tl-today", "aria-hidden": "true" });
      this.todayMinute = today;
      this.plane.append(this.today);
    }
    for (const period of this.data.periods) {
      const band = el("div", { class: "tl-period", "aria-hidden": "true" }, el("span", {}, period.text));
      band.dataset.id = String(period.id);
      this.bands.push([band, period.start_minute, period.end_minute]);
      this.plane.insertBefore(band, this.axis);
    }
    for (const event of this.events) {
      const button = el(
        "button",
        {
          type: "button",
          class: `tl-event k-${event.kind}`,
          tabindex: event.id === this.current ? "0" : "-1",
          "aria-describedby": "tl-help",
          "data-id": String(event.id),
        },
        el("span", { class: "tl-dot", "aria-hidden": "true" }),
        el("span", { class: "tl-label" }, el("span", { class: "visually-hidden" }, `${event.when}: `), event.title),
      );
      if (event.fuzzy) button.classList.add("fuzzy");
      if (event.unsourced) button.classList.add("unsourced");
      this.buttons.set(event.id, button);
      this.marks.append(el("li", {}, button));
    }
  }

  /** The page's own list, for the narrow layout: one tab stop, arrow keys. */
  private buildList(): void {
    for (const event of this.events) {
      const item = this.doc.getElementById(`event-${event.id}`);
      if (!item) continue;
      this.items.set(event.id, item);
      item.tabIndex = event.id === this.current ? 0 : -1;
      item.addEventListener("keydown", (e) => { this.onKey(e, event.id); });
      item.addEventListener("focus", () => { this.setCurrent(event.id, false); });
    }
  }

  // Input.

  private listen(): void {
    for (const [id, button] of this.buttons) {
      button.addEventListener("click", () => { this.open(id); });
      button.addEventListener("keydown", (e) => { this.onKey(e, id); });
      button.addEventListener("focus", () => { this.setCurrent(id, true); });
    }
    this.frame.addEventListener("wheel", (e) => { this.onWheel(e); }, { passive: false });
    const pointers = new Map<number, number>();
    let dragged = 0;
    let pinch = 0;
    this.frame.addEventListener("pointerdown", (e) => {
      pointers.set(e.pointerId, e.clientX);
      dragged = 0;
      pinch = pointers.size === 2 ? this.spread(pointers) : 0;
    });
    this.frame.addEventListener("pointermove", (e) => {
      const last = pointers.get(e.pointerId);
      if (last === undefined) return;
      pointers.set(e.pointerId, e.clientX);
      if (pointers.size === 2 && pinch > 0) {
        const spread = this.spread(pointers);
        const centre = [...pointers.values()].reduce((a, b) => a + b, 0) / 2;
        this.zoomAt(this.zoom * (spread / pinch), centre - this.frameBox.left);
        pinch = spread;
        return;
      }
      dragged += Math.abs(e.clientX - last);
      if (dragged > 4 && !this.frame.hasPointerCapture(e.pointerId)) this.frame.setPointerCapture(e.pointerId);
      this.panBy(last - e.clientX);
    });
    const up = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = 0;
    };
    this.frame.addEventListener("pointerup", up);
    this.frame.addEventListener("pointercancel", up);
    // A drag is not a click on the event it started on.
    this.frame.addEventListener(
      "click",
      (e) => {
        if (dragged > 4) e.stopPropagation();
      },
      true,
    );
    this.card.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.close();
    });
    addEventListener("hashchange", () => { this.openFromHash(); });
  }

  private spread(pointers: Map<number, number>): number {
    const [a = 0, b = 0] = [...pointers.values()];
    return Math.max(1, Math.abs(a - b));
  }

  private onWheel(e: WheelEvent): void {
    const x = e.clientX - this.frameBox.left;
    if (e.ctrlKey) {
      // A pinch on a touchpad, or Ctrl and the wheel.
      e.preventDefault();
      this.zoomAt(this.zoom * Math.exp(-e.deltaY / 200), x);
    } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
      e.preventDefault();
      this.panBy(e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX);
    }
  }

  private onKey(e: KeyboardEvent, id: number): void {
    const at = this.order.indexOf(id);
    const go = (index: number) => {
      e.preventDefault();
      const next = this.order[Math.max(0, Math.min(this.order.length - 1, index))];
      if (next !== undefined) this.focus(next);
    };
    switch (e.key) {
      case "ArrowRight":
      case "ArrowDown":
        { go(at + 1); return; }
      case "ArrowLeft":
      case "ArrowUp":
        { go(at - 1); return; }
      case "Home":
        { go(0); return; }
      case "End":
        { go(this.order.length - 1); return; }
      case "Escape":
        if (this.opened !== null) {
          e.preventDefault();
          this.close();
        }
        return;
      case "+":
      case "=":
        e.preventDefault();
        { this.zoomBy(2); return; }
      case "-":
        e.preventDefault();
        { this.zoomBy(0.5); return; }
      case "0":
        e.preventDefault();
        { this.fit(); return; }
    }
  }

  // Focus and the card.

  private focus(id: number): void {
    const target = this.narrow ? this.items.get(id) : this.buttons.get(id);
    this.setCurrent(id, true);
    target?.focus({ preventScroll: !this.narrow });
  }

  private setCurrent(id: number, announce: boolean): void {
    if (id === this.current && !announce) return;
    // Only the current event is a tab stop: move it from the last one.
    const previous = this.current;
    this.current = id;
    for (const other of [previous, id]) {
      const tab = other === id ? 0 : -1;
      const button = this.buttons.get(other);
      if (button) button.tabIndex = tab;
      const item = this.items.get(other);
      if (item) item.tabIndex = tab;
    }
    if (!this.narrow) this.reveal(id);
    const event = this.byId.get(id);
    if (announce && event) this.live.textContent = `${event.when}: ${event.title}`;
  }

  private open(id: number): void {
    const event = this.byId.get(id);
    const item = this.items.get(id);
    if (!event || !item) return;
    this.opened = id;
    const close = el("button", { type: "button", class: "tl-close", "aria-label": this.data.words.close }, "×");
    close.addEventListener("click", () => { this.close(); });
    const heading = el("h3", { id: "tl-card-title" }, event.title);
    const details = [...item.children]
      .filter((child) => !child.matches("h3"))
      .map((child) => child.cloneNode(true));
    this.card.replaceChildren(close, el("p", { class: "when" }, event.when), heading, ...details);
    this.card.setAttribute("aria-labelledby", "tl-card-title");
    this.card.hidden = false;
    history.replaceState(null, "", `#event-${id}`);
    close.focus();
    this.post();
  }

  private close(): void {
    const id = this.opened;
    this.opened = null;
    this.card.hidden = true;
    this.card.replaceChildren();
    history.replaceState(null, "", location.pathname + location.search);
    if (id !== null) this.focus(id);
    this.post();
  }

  private openFromHash(): void {
    const id = Number(/^#event-(\d+)$/.exec(location.hash)?.[1]);
    if (!this.buttons.has(id)) return;
    this.setCurrent(id, false);
    if (this.narrow) this.items.get(id)?.focus();
    else this.open(id);
  }

  // Geometry.

  /** The frame's width, read on resize only: reading layout mid-gesture would force it. */
  private frameWidth(): number {
    return this.frameBox.width || 1;
  }

  private planeWidth(): number {
    return this.frameWidth() * this.zoom;
  }

  private resize(): void {
    const narrow = (this.doc.querySelector("main")?.clientWidth ?? innerWidth) < NARROW_PX;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.doc.documentElement.classList.toggle("narrow", narrow);
    }
    if (!narrow) {
      const box = this.frame.getBoundingClientRect();
      this.frameBox = { left: box.left, width: this.frame.clientWidth };
      this.placedZoom = 0;
      this.draw();
    }
    this.post();
  }

  private zoomBy(factor: number): void {
    this.zoomAt(this.zoom * factor, this.frameWidth() / 2);
  }

  /** Zooms to `zoom`, keeping the instant at `x` px into the frame where it is. */
  private zoomAt(zoom: number, x: number): void {
    const next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    const fraction = (this.offset + x) / this.planeWidth();
    this.zoom = next;
    this.offset = fraction * this.planeWidth() - x;
    this.schedule();
  }

  private fit(): void {
    this.zoom = 1;
    this.offset = 0;
    this.schedule();
  }

  private panBy(px: number): void {
    this.offset += px;
    this.schedule();
  }

  /** Pans so that event `id` is in view, if it is not. */
  private reveal(id: number): void {
    const event = this.byId.get(id);
    if (!event) return;
    const x = ((event.start_minute - this.data.start_minute) / this.span) * this.planeWidth();
    const width = this.frameWidth();
    if (x < this.offset + 16 || x > this.offset + width - 160) {
      this.offset = x - width / 3;
      // Now, not next frame: the event must be on the plane to take focus.
      this.draw();
    }
  }

  private schedule(): void {
    if (this.frameRequest) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  private draw(): void {
    const width = this.planeWidth();
    const level = levelFor(this.data.levels, width);
    if (level && level !== this.level) this.apply(level);
    const frame = this.frameWidth();
    const reach = width + (this.level?.overhang_px ?? 0) + 8;
    this.offset = Math.max(0, Math.min(reach - frame, this.offset));
    // The plane is three frames wide, not the whole span: a pan moves it
    // (nothing is laid out or painted again) until its edge comes near.
    const stretch = this.placedZoom > 0 ? this.zoom / this.placedZoom : 1;
    const start = this.windowStart * stretch;
    const near = this.offset < start + frame / 4 || this.offset > start + 1.75 * frame;
    if (this.placedZoom === 0 || near || stretch < 0.5 || stretch > 2) {
      this.place(this.offset - frame);
    } else if (stretch !== 1) {
      // During a zoom the plane is stretched as it is, which paints
      // nothing; once the zoom rests it is placed at its new scale.
      const left = start - this.offset;
      this.plane.style.transform = `translateX(${left}px) scaleX(${stretch})`;
      clearTimeout(this.settle);
      this.settle = window.setTimeout(() => {
        this.place(this.offset - frame);
        this.plane.style.transform = `translateX(${this.windowStart - this.offset}px)`;
      }, 120);
      return;
    }
    this.plane.style.transform = `translateX(${this.windowStart - this.offset}px)`;
  }

  /** Puts what falls on the plane from `start` px where it goes, and hides the rest. */
  private place(start: number): void {
    const level = this.level;
    if (!level) return;
    const frame = this.frameWidth();
    this.windowStart = Math.max(0, start);
    this.placedZoom = this.zoom;
    const scale = this.planeWidth() / level.width_px;
    const from = this.windowStart;
    const to = from + 3 * frame;
    this.plane.style.width = `${3 * frame}px`;
    const px = (x: number) => `${(x * scale - from).toFixed(1)}px`;
    const show = (node: HTMLElement, on: boolean) => {
      if (on === this.shown.has(node)) return;
      node.hidden = !on;
      if (on) this.shown.add(node);
      else this.shown.delete(node);
    };
    for (const [id, , x, xEnd, , labelWidth] of level.items) {
      const button = this.buttons.get(id);
      if (!button) continue;
      const left = x * scale;
      const right = Math.max(xEnd === null ? left : xEnd * scale, left + labelWidth + 16);
      const on = right >= from && left <= to;
      show(button, on);
      if (!on) continue;
      button.style.transform = `translateX(${px(x)})`;
      if (xEnd !== null) button.style.width = `${Math.max(0, (xEnd - x) * scale).toFixed(1)}px`;
    }
    for (const tick of this.axis.children as HTMLCollectionOf<HTMLElement>) {
      const x = Number(tick.dataset.x) * scale;
      show(tick, x >= from - 200 && x <= to);
      if (this.shown.has(tick)) tick.style.transform = `translateX(${(x - from).toFixed(1)}px)`;
    }
    const minutePx = (minute: number) => ((minute - this.data.start_minute) / this.span) * this.planeWidth() - from;
    for (const [band, startMinute, endMinute] of this.bands) {
      const left = Math.max(-1, minutePx(startMinute));
      const right = Math.min(3 * frame + 1, minutePx(endMinute));
      show(band, right > left);
      band.style.left = `${left.toFixed(1)}px`;
      band.style.width = `${Math.max(0, right - left).toFixed(1)}px`;
    }
    if (this.today) {
      const x = minutePx(this.todayMinute);
      show(this.today, x >= 0 && x <= 3 * frame);
      this.today.style.left = `${x.toFixed(1)}px`;
    }
  }

  /** Places everything as `level` lays it out, across its rows. */
  private apply(level: Level): void {
    this.level = level;
    this.placedZoom = 0;
    const height = level.height_px + AXIS_PX;
    this.plane.style.height = `${height}px`;
    this.lanes.style.height = `${height}px`;
    this.frame.style.height = `${height}px`;
    this.shown.clear();
    this.axis.replaceChildren(
      ...level.ticks.map(([x, label, major]) => {
        const tick = el("span", { class: major ? "tl-tick major" : "tl-tick", "data-x": String(x), hidden: "" }, label);
        return tick;
      }),
    );
    const names = new Map(this.data.lanes.map((lane) => [lane.id, lane.name]));
    this.lanes.replaceChildren(
      ...level.lanes.map(([id, y, laneHeight]) => {
        const lane = el("div", { class: "tl-lane" }, el("span", { class: "tl-lane-name" }, names.get(id) ?? ""));
        lane.style.top = `${y + AXIS_PX}px`;
        lane.style.height = `${laneHeight}px`;
        return lane;
      }),
    );
    for (const button of this.buttons.values()) button.hidden = true;
    for (const [band] of this.bands) band.hidden = true;
    if (this.today) this.today.hidden = true;
    for (const [id, , , xEnd, y, labelWidth, labelVisible] of level.items) {
      const button = this.buttons.get(id);
      if (!button) continue;
      button.style.top = `${y + AXIS_PX}px`;
      button.style.setProperty("--label", `${Math.ceil(labelWidth) + 2}px`);
      button.classList.toggle("range", xEnd !== null);
      if (xEnd === null) button.style.width = "";
      button.classList.toggle("unlabelled", !labelVisible);
    }
    const rows = new Map(level.periods);
    for (const [band] of this.bands) {
      band.style.setProperty("--row", String(rows.get(Number(band.dataset.id)) ?? 0));
    }
  }

  /** Tells an embedding page how tall this one is. */
  private post(): void {
    if (window.parent === window) return;
    const height = this.doc.documentElement.scrollHeight;
    window.parent.postMessage({ "datawrapper-height": { tideline: height } }, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  }
}
