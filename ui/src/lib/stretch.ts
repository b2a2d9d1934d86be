// A zoom is shown, until its layout arrives, by stretching the last layout
// (see useLayout). Scaling a plane would make WebKit paint all of it again
// on every frame, text and all, and blur its text; moving an element that
// is a layer of its own paints nothing. So planes are only ever moved: each
// element laid out at an x is moved to where the zoom takes that x, and
// only the parts that span time (a bar, a date interval, a shaded period)
// are scaled.

/** How far a stretch by `stretch` moves a point `px` from its origin. */
export function stretchShift(px: number, stretch: number): number {
  return px * (stretch - 1);
}

/**
 * Stretches what is laid out under `root` by `stretch` (1 undoes it). An
 * element with `data-anchor` is moved as its anchor's x (on its plane, or
 * from the anchor of the element it sits in) would be; one with
 * `data-spanning` is scaled about its transform origin.
 */
export function stretchLaidOut(root: ParentNode, stretch: number): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-anchor], [data-spanning]")) {
    const { anchor, spanning } = element.dataset;
    const moves = [
      anchor !== undefined && `translateX(${stretchShift(Number(anchor), stretch)}px)`,
      spanning !== undefined && `scaleX(${stretch})`,
    ];
    element.style.transform = stretch === 1 ? "" : moves.filter(Boolean).join(" ");
  }
}
