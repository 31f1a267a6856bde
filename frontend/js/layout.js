// How the responses stand on the label page: the project's layout, unless the screen is too narrow for
// responses side by side; and the scrolling of side-by-side responses together.

/** Below this width (CSS pixels) side-by-side projects are shown as the list. */
export const NARROW_PX = 700;

/** Below this width three responses to a row would be too narrow to read: two. */
export const THREE_COLUMNS_PX = 1200;

/**
 * The layout to show: { name: 'list' } or { name: 'side_by_side', columns: 2 | 3 }. Two or three responses
 * to a row, so that rows are full where they can be (four make two rows of two).
 */
export function chooseLayout({ layout, width, count }) {
  if (layout !== 'side_by_side' || width < NARROW_PX || count < 2) return { name: 'list' };
  const most = width < THREE_COLUMNS_PX ? 2 : 3;
  return { name: 'side_by_side', columns: count === 2 || count === 4 ? 2 : most };
}

/**
 * Where the other panes scroll to when one is scrolled: to the same share of their own height, so that
 * responses of different lengths stay side by side from top to bottom.
 */
export function scrolledTogether(source, others) {
  const range = source.scrollHeight - source.clientHeight;
  const share = range > 0 ? source.scrollTop / range : 0;
  return others.map((pane) => Math.round(share * Math.max(0, pane.scrollHeight - pane.clientHeight)));
}

/**
 * Scrolls every pane of `container` matching `selector` with the one the reader scrolls. Positions we set
 * raise scroll events too; they are recognised and not passed on, so panes do not chase each other.
 */
export function scrollPanesTogether(container, selector) {
  const placed = new WeakMap();
  container.addEventListener('scroll', (event) => {
    const source = event.target;
    if (!source.matches?.(selector)) return;
    if (placed.has(source) && Math.abs(placed.get(source) - source.scrollTop) <= 1) {
      placed.delete(source);
      return;
    }
    const others = [...container.querySelectorAll(selector)].filter((pane) => pane !== source);
    scrolledTogether(source, others).forEach((top, i) => {
      if (Math.abs(others[i].scrollTop - top) > 1) {
        placed.set(others[i], top);
        others[i].scrollTop = top;
      }
    });
  }, true);
}
