import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blocksCovering, MAX_SCROLL_PX, rowWindow, scrollTopForRow } from '../../../renderer/src/lib/virtual'

describe('rowWindow', () => {
  const small = { viewportPx: 360, rowPx: 36, total: 100, overscan: 5 }

  it('a short list: one spacer row per row, overscan at both edges', () => {
    expect(rowWindow({ ...small, scrollTop: 0 })).toEqual({ spacerPx: 3600, first: 0, last: 16, translatePx: 0 })
    // 720 px down: row 20 at the top, rows 15…35 rendered from 540 px.
    expect(rowWindow({ ...small, scrollTop: 720 })).toEqual({ spacerPx: 3600, first: 15, last: 36, translatePx: 540 })
  })

  it('clamps a scroll past either end', () => {
    expect(rowWindow({ ...small, scrollTop: 99_999 })).toEqual({
      spacerPx: 3600,
      first: 85,
      last: 100,
      translatePx: 3060
    })
    expect(rowWindow({ ...small, scrollTop: -50 })).toEqual(rowWindow({ ...small, scrollTop: 0 }))
    expect(rowWindow({ ...small, total: 0, scrollTop: 10 })).toEqual({ spacerPx: 0, first: 0, last: 0, translatePx: 0 })
  })

  it('a million rows: the spacer stops at 10 M px and its end shows the last rows', () => {
    // 1,000,000 × 36 px = 36 M px of content in a 10 M px spacer; 540 px viewport.
    const big = { viewportPx: 540, rowPx: 36, total: 1_000_000, overscan: 5 }
    const end = rowWindow({ ...big, scrollTop: MAX_SCROLL_PX })
    // Scrolled to 9,999,460 px, showing content from 35,999,460 px: row 999,985 at the top, 15 rows to the last.
    expect(end).toEqual({ spacerPx: MAX_SCROLL_PX, first: 999_980, last: 1_000_000, translatePx: 9_999_280 })
    // Halfway down the spacer is halfway down the content: row 499,992 (17,999,730 px / 36).
    expect(rowWindow({ ...big, overscan: 0, scrollTop: (MAX_SCROLL_PX - 540) / 2 }).first).toBe(499_992)
  })

  it('the rendered rows always cover the viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 100, max: 1200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, rowPx, viewportPx, at) => {
          const spacer = Math.min(total * rowPx, MAX_SCROLL_PX)
          const scrollTop = at * Math.max(0, spacer - viewportPx)
          const w = rowWindow({ scrollTop, viewportPx, rowPx, total, overscan: 0 })
          expect(w.spacerPx).toBeLessThanOrEqual(MAX_SCROLL_PX)
          expect(0 <= w.first && w.first <= w.last && w.last <= total).toBe(true)
          // Row `first` starts at or above the viewport's top; row `last` (exclusive) at or below its bottom.
          const topOfFirst = w.translatePx - scrollTop
          expect(topOfFirst).toBeLessThanOrEqual(1e-6)
          if (w.last < total) expect(topOfFirst + (w.last - w.first) * rowPx).toBeGreaterThanOrEqual(viewportPx - 1e-6)
        }
      )
    )
  })
})

describe('scrollTopForRow', () => {
  it('is the inverse of the window: the row comes to the top', () => {
    expect(scrollTopForRow(20, 360, 36, 100)).toBe(720)
    expect(scrollTopForRow(0, 540, 36, 1_000_000)).toBe(0)
    // Past the last page the list stops at its end.
    expect(scrollTopForRow(99, 360, 36, 100)).toBe(3240)
    expect(scrollTopForRow(5, 360, 36, 3)).toBe(0)
    for (let row = 1; row < 1_000_000; row += 997) {
      const top = scrollTopForRow(row, 540, 36, 1_000_000)
      expect(top).toBeLessThan(MAX_SCROLL_PX)
      const first = rowWindow({ scrollTop: top, viewportPx: 540, rowPx: 36, total: 1_000_000, overscan: 0 }).first
      // Rows of the last page cannot reach the top: the list stops at its end.
      expect(first, `row ${row}`).toBe(Math.min(row, Math.floor((1_000_000 * 36 - 540) / 36)))
    }
  })
})

describe('blocksCovering', () => {
  it('lists the blocks that hold rows first…last (exclusive)', () => {
    expect(blocksCovering(0, 10, 5)).toEqual([0, 1])
    expect(blocksCovering(3, 12, 5)).toEqual([0, 1, 2])
    expect(blocksCovering(10, 11, 5)).toEqual([2])
    expect(blocksCovering(10, 10, 5)).toEqual([])
  })
})
