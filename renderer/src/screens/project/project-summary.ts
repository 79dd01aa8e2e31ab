import type { LedgerAccess } from '../../ledger/LedgerProvider'

/**
 * A project, its run count and the start of its latest run, or null if there is no such project (a live query:
 * tests/db). The reads start together, so that the live query observes all of them.
 */
export const projectSummary = async ({ ledger, browser }: LedgerAccess, id: string) => {
  const [project, runs, newest] = await Promise.all([
    ledger.projects.get(id),
    ledger.runs.count({ projectId: id }),
    browser.runs({ projectId: id, order: 'newest' })
  ])
  if (!project) return null
  const [latest] = await newest.rows(0, 1)
  return { project, runs, latestStartMs: latest?.startedAtMs }
}
