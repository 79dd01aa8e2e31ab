/** Gives the event loop a turn between chunks of long work, so that the page repaints and answers input. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
