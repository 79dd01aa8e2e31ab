// Remembers the main window's size, position and maximised state between launches, and restores a position only
// when it is still on a connected display (a monitor unplugged since would otherwise hold the window off-screen).
import * as nodeFs from 'node:fs/promises'
import { z } from 'zod'
import { type AtomicWriteFs, writeFileAtomic } from '../files/atomic-write'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean()
})
export type WindowState = z.infer<typeof windowStateSchema>

export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 800, height: 560 }
/** How much of the title bar must lie on a display for the user to be able to grab it. */
const MIN_VISIBLE = { width: 160, height: 40 }

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

export interface RestoredBounds {
  bounds: { x?: number; y?: number; width: number; height: number }
  isMaximized: boolean
}

/**
 * The bounds to open the window with. `workAreas` are the displays' work areas, the primary first. A saved position
 * is kept when the window's top strip (its title bar) overlaps some display by at least 160×40 px; its size is capped
 * to that display. Otherwise the window opens with the saved (capped) size and no position, which Electron centres.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): RestoredBounds {
  const primary = workAreas[0]
  const cap = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.max(MIN_SIZE.width, area ? Math.min(size.width, area.width) : size.width),
    height: Math.max(MIN_SIZE.height, area ? Math.min(size.height, area.height) : size.height)
  })
  if (!saved) return { bounds: cap(DEFAULT_SIZE, primary), isMaximized: false }
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height }
  const display = workAreas.find((area) => {
    const o = overlap(titleBar, area)
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height
  })
  if (!display) return { bounds: cap(saved, primary), isMaximized: saved.isMaximized }
  return { bounds: { x: saved.x, y: saved.y, ...cap(saved, display) }, isMaximized: saved.isMaximized }
}

export type WindowStateFs = AtomicWriteFs & { readFile(path: string, encoding: 'utf8'): Promise<string> }

/** The saved state, or null when there is none or it is unreadable (a corrupt file must not stop the app). */
export async function loadWindowState(path: string, fs: WindowStateFs = nodeFs): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveWindowState(path: string, state: WindowState, fs: WindowStateFs = nodeFs): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state), fs)
}
