/**
 * Resolves when the page is idle (at the latest after timeoutMs): for work the first paint does not need, such as
 * loading the reference data for display names or checking for stale runs at start, which would otherwise hold the
 * main thread while the dashboard's figures arrive.
 */
export const whenIdle = (timeoutMs = 2000): Promise<void> =>
  new Promise((resolve) => {
    requestIdleCallback(() => resolve(), { timeout: timeoutMs })
  })
