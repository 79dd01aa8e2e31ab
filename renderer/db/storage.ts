/**
 * Asks the browser to keep the ledger's storage under pressure (at start, by the ledger's provider). Electron grants it; a
 * browser may refuse, which is not an error: the answer is shown in settings.
 */
export const requestPersistence = async (): Promise<boolean> => {
  if (!navigator.storage?.persist) return false
  if (await navigator.storage.persisted()) return true
  return navigator.storage.persist()
}

export const storageEstimate = async (): Promise<{ usageBytes: number; quotaBytes: number } | undefined> => {
  if (!navigator.storage?.estimate) return undefined
  const { usage, quota } = await navigator.storage.estimate()
  return { usageBytes: usage ?? 0, quotaBytes: quota ?? 0 }
}
