import type { LedgerAccess } from '../../ledger/LedgerProvider'

/** The projects page's rows: every project with its run count and archived flag (a live query: tests/db). */
export const projectRows = async ({ ledger, browser }: LedgerAccess) => {
  const [projects, archived] = await Promise.all([ledger.projects.list(), browser.archivedProjects()])
  const counts = await Promise.all(projects.map((p) => ledger.runs.count({ projectId: p.id })))
  return projects.map((p, i) => ({ ...p, runs: counts[i] ?? 0, archived: archived.has(p.id) }))
}
