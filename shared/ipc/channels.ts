// IPC channel names, kept apart from the zod contract so that the preload bundle imports names only (no zod).

/** Renderer → main request/response channels (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  openFiles: 'files:open',
  saveFile: 'files:save',
  saveFolder: 'files:save-folder',
  printReportToPdf: 'report:print-to-pdf',
  reportReady: 'report:ready',
  appInfo: 'app:info',
  openLink: 'app:open-link',
  backupStatus: 'backup:status',
  listBackups: 'backup:list',
  archiveWriteOpen: 'archive:write-open',
  archiveWriteChunk: 'archive:write-chunk',
  archiveWriteClose: 'archive:write-close',
  archiveWriteAbort: 'archive:write-abort',
  archiveChoose: 'archive:choose',
  backupOpen: 'backup:open',
  archiveReadChunk: 'archive:read-chunk',
  archiveReadClose: 'archive:read-close',
  diskFree: 'disk:free',
  watchList: 'watch:list',
  watchAdd: 'watch:add',
  watchRemove: 'watch:remove',
  watchSetPaused: 'watch:set-paused',
  watchUpdate: 'watch:update',
  watchBatchDone: 'watch:batch-done'
} as const

export type InvokeChannel = (typeof invokeChannels)[keyof typeof invokeChannels]

/** Main → renderer events (menu actions, an archive chosen for restore): one channel, a tagged union. */
export const hostEventChannel = 'host:event'

/**
 * What main's handle() wrapper returns over the wire. The preload unwraps it, so the renderer sees either the value
 * or an Error whose message is safe to show (never a stack, never a path it did not choose).
 */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: string }
