// The sandboxed bridge: named, typed functions only (never ipcRenderer, never a generic invoke). Bundled into one
// CommonJS file that requires nothing but 'electron' (checked by tests/unit/main/build-output.test.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { HostApi, HostEvent } from '../../shared/host-api'
import { hostEventChannel, type InvokeChannel, invokeChannels, type IpcEnvelope } from '../../shared/ipc/channels'
import type { IpcArgs, IpcResult } from '../../shared/ipc/contract'

async function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: IpcArgs<C> extends undefined ? [] : [IpcArgs<C>]
): Promise<IpcResult<C>> {
  const envelope = (await ipcRenderer.invoke(channel, ...args)) as IpcEnvelope<IpcResult<C>>
  if (!envelope.ok) throw new Error(envelope.error)
  return envelope.value
}

const api = {
  openFiles: (request) => invoke(invokeChannels.openFiles, request),
  saveFile: (request) => invoke(invokeChannels.saveFile, request),
  saveFolder: (request) => invoke(invokeChannels.saveFolder, request),
  printReportToPdf: (request) => invoke(invokeChannels.printReportToPdf, request),
  signalReportReady: async (signal) => {
    await invoke(invokeChannels.reportReady, signal)
  },
  appInfo: () => invoke(invokeChannels.appInfo),
  openLink: async (url) => (await invoke(invokeChannels.openLink, { url })).opened,
  backupStatus: () => invoke(invokeChannels.backupStatus),
  listBackups: () => invoke(invokeChannels.listBackups),
  openArchiveWrite: (target) => invoke(invokeChannels.archiveWriteOpen, target),
  writeArchiveChunk: async (writeId, bytes) => {
    await invoke(invokeChannels.archiveWriteChunk, { writeId, bytes })
  },
  closeArchiveWrite: (writeId) => invoke(invokeChannels.archiveWriteClose, { writeId }),
  abortArchiveWrite: async (writeId) => {
    await invoke(invokeChannels.archiveWriteAbort, { writeId })
  },
  chooseArchive: (title) => invoke(invokeChannels.archiveChoose, { title }),
  openBackup: (fileName) => invoke(invokeChannels.backupOpen, { fileName }),
  readArchiveChunk: (readId, offset) => invoke(invokeChannels.archiveReadChunk, { readId, offset }),
  closeArchive: async (readId) => {
    await invoke(invokeChannels.archiveReadClose, { readId })
  },
  diskFreeBytes: async () => (await invoke(invokeChannels.diskFree)).freeBytes ?? undefined,
  onHostEvent: (listener) => {
    // The IpcRendererEvent (sender, ports) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: HostEvent): void => listener(payload)
    ipcRenderer.on(hostEventChannel, forward)
    return () => {
      ipcRenderer.removeListener(hostEventChannel, forward)
    }
  },
  watchedFolders: {
    list: () => invoke(invokeChannels.watchList),
    add: (timeZone) => invoke(invokeChannels.watchAdd, timeZone === undefined ? {} : { timeZone }),
    remove: (id) => invoke(invokeChannels.watchRemove, { id }),
    setPaused: (id, paused) => invoke(invokeChannels.watchSetPaused, { id, paused }),
    update: (id, settings) => invoke(invokeChannels.watchUpdate, { id, settings }),
    batchDone: async (batchId, results) => {
      await invoke(invokeChannels.watchBatchDone, { batchId, results })
    }
  }
} satisfies HostApi

contextBridge.exposeInMainWorld('api', api)
