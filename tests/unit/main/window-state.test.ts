import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  loadWindowState,
  type Rect,
  restoreBounds,
  saveWindowState,
  type WindowState
} from '../../../main/window/window-state'

// A laptop (primary) with a 1920×1080 monitor to its right; work areas exclude the 40 px taskbar.
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 }
const monitor: Rect = { x: 1440, y: 0, width: 1920, height: 1040 }
const state = (overrides: Partial<WindowState>): WindowState => ({
  x: 100,
  y: 80,
  width: 1200,
  height: 760,
  isMaximized: false,
  ...overrides
})

describe('restoreBounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, isMaximized: false })
  })

  it('caps the default size to a small primary display, never below the minimum', () => {
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({
      bounds: { width: 1024, height: 600 },
      isMaximized: false
    })
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 640, height: 480 }])).toEqual({
      bounds: { width: 800, height: 560 },
      isMaximized: false
    })
  })

  it('restores a position that is on a display', () => {
    expect(restoreBounds(state({}), [laptop, monitor])).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 760 },
      isMaximized: false
    })
    expect(restoreBounds(state({ x: 2000, y: 100, isMaximized: true }), [laptop, monitor])).toEqual({
      bounds: { x: 2000, y: 100, width: 1200, height: 760 },
      isMaximized: true
    })
  })

  it('drops the position (keeping the size) when the monitor it was on is gone', () => {
    expect(restoreBounds(state({ x: 2000, y: 100 }), [laptop])).toEqual({
      bounds: { width: 1200, height: 760 },
      isMaximized: false
    })
  })

  it('drops the position when only a sliver of the title bar would be visible', () => {
    // 100 px of width on the display: less than the 160 px needed to grab it.
    expect(restoreBounds(state({ x: 1340 }), [laptop]).bounds).toEqual({ width: 1200, height: 760 })
    // Title bar above the top of every display.
    expect(restoreBounds(state({ y: -200 }), [laptop]).bounds).toEqual({ width: 1200, height: 760 })
    // Exactly 160 × 40 px visible at the bottom-right corner: kept.
    expect(restoreBounds(state({ x: 1280, y: 820 }), [laptop]).bounds).toMatchObject({ x: 1280, y: 820 })
  })

  it('caps a saved size larger than its display', () => {
    expect(restoreBounds(state({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860
    })
  })
})

describe('loadWindowState and saveWindowState', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-window-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('round-trips a state', async () => {
    const path = join(dir, 'window-state.json')
    await saveWindowState(path, state({ isMaximized: true }))
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(state({ isMaximized: true }))
    expect(await loadWindowState(path)).toEqual(state({ isMaximized: true }))
  })

  it('returns null for a missing, corrupt or ill-shaped file', async () => {
    expect(await loadWindowState(join(dir, 'missing.json'))).toBeNull()
    await writeFile(join(dir, 'corrupt.json'), '{"x": 1,')
    expect(await loadWindowState(join(dir, 'corrupt.json'))).toBeNull()
    await writeFile(join(dir, 'shape.json'), JSON.stringify({ x: 1, y: 2, width: -5, height: 100, isMaximized: false }))
    expect(await loadWindowState(join(dir, 'shape.json'))).toBeNull()
  })
})
