/**
 * Windowing math of the runs table. Browsers cap an element's height (Chromium near 33.5 million px), so a million
 * 36 px rows cannot be one tall spacer: past MAX_SCROLL_PX the scroll position maps proportionally onto the content.
 */
export const MAX_SCROLL_PX = 10_000_000

export interface WindowInput {
  scrollTop: number
  viewportPx: number
  rowPx: number
  total: number
  /** Rows rendered beyond each edge, so fast scrolling shows rows instead of blank space. */
  overscan: number
}

export interface RowWindow {
  /** Height of the scrollable spacer. */
  spacerPx: number
  /** Rows to render: first inclusive, last exclusive. */
  first: number
  last: number
  /** Where the first rendered row sits inside the spacer. */
  translatePx: number
}

export const rowWindow = ({ scrollTop, viewportPx, rowPx, total, overscan }: WindowInput): RowWindow => {
  const contentPx = total * rowPx
  const spacerPx = Math.min(contentPx, MAX_SCROLL_PX)
  const scrollable = Math.max(0, spacerPx - viewportPx)
  const contentScrollable = Math.max(0, contentPx - viewportPx)
  const scroll = Math.min(Math.max(0, scrollTop), scrollable)
  // The content offset shown at the top of the viewport.
  const topPx = scrollable === 0 ? 0 : (scroll * contentScrollable) / scrollable
  // The proportional mapping through floating point can land a hair above a row's top edge: that row is meant.
  const firstVisible = Math.floor(topPx / rowPx + 1e-6)
  const first = Math.max(0, firstVisible - overscan)
  const last = Math.min(total, firstVisible + Math.ceil(viewportPx / rowPx) + 1 + overscan)
  return { spacerPx, first, last, translatePx: scroll + first * rowPx - topPx }
}

/** The scrollTop that brings row index to the top of the viewport (inverse of rowWindow's mapping). */
export const scrollTopForRow = (index: number, viewportPx: number, rowPx: number, total: number): number => {
  const contentPx = total * rowPx
  const spacerPx = Math.min(contentPx, MAX_SCROLL_PX)
  const scrollable = Math.max(0, spacerPx - viewportPx)
  const contentScrollable = Math.max(0, contentPx - viewportPx)
  if (contentScrollable === 0) return 0
  return (Math.min(index * rowPx, contentScrollable) * scrollable) / contentScrollable
}

/** The blocks of blockSize rows that cover rows first…last (exclusive). */
export const blocksCovering = (first: number, last: number, blockSize: number): number[] => {
  const blocks: number[] = []
  for (let b = Math.floor(first / blockSize); b * blockSize < last; b++) blocks.push(b)
  return blocks
}
