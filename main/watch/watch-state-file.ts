// The watched folders' state on disk: read and validated at start, written atomically after every change.
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../files/atomic-write'
import { emptyWatchState, type WatchState, watchStateSchema } from './watched-folders'

export async function loadWatchState(path: string): Promise<WatchState> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return emptyWatchState()
  }
  // A damaged file must not stop the app: it starts with no folders rather than crash.
  const parsed = watchStateSchema.safeParse(JSON.parse(text) as unknown)
  return parsed.success ? parsed.data : emptyWatchState()
}

export const saveWatchState = (path: string, state: WatchState): Promise<void> =>
  writeFileAtomic(path, JSON.stringify(state))
