// A zoom is shown, until its layout arrives, by stretching the last layout
// (see useLayout). Scaling a layer makes WebKit paint all of it again on
// every frame, text and all; moving one does not. So the events' planes are
// never scaled: each event, a layer of its own, is moved to where the zoom
// takes its anchor, and only the parts that span time (a bar, a date
// interval) are scaled, with a bar's end handle moved along to its end.

/** The parts of an event that span time, scaled about their anchor. */
const SPANNING = ".event-bar, .event-fuzz, .event-interval";

/** How far a stretch by `stretch` moves a point `px` from its origin. */
export function stretchShift(px: number, stretch: number): number {
  return px * (stretch - 1);
}

/**
 * Stretches the events on `planes` by `stretch` (1 undoes it). Each event
 * element carries its anchor's x on its plane in `data-anchor`, and a bar's
 * end handle the bar's width in `data-span`.
 */
export function stretchEvents(planes: Iterable<Element>, stretch: number): void {
  const still = stretch === 1;
  const move = (element: HTMLElement, px: number) => {
    element.style.transform = still ? "" : `translateX(${stretchShift(px, stretch)}px)`;
  };
  for (const plane of planes) {
    for (const event of plane.children) {
      if (!(event instanceof HTMLElement) || event.dataset.anchor === undefined) continue;
      move(event, Number(event.dataset.anchor));
      for (const part of event.querySelectorAll<HTMLElement>(SPANNING)) {
        part.style.transform = still ? "" : `scaleX(${stretch})`;
      }
      const end = event.querySelector<HTMLElement>(".event-handle.is-end");
      if (end) move(end, Number(end.dataset.span));
    }
  }
}
