import { tidyProjectName } from '../../shared/ledger/project-names'
import { type ProjectRecord, projectRecordSchema } from '../../shared/ledger/records'
import { msg } from '../../shared/messages/index'
import type { ProjectsRepo } from './api'
import { describeIssues, type LedgerContext, projectNamed } from './context'
import { guarded, LedgerError } from './errors'
import { projectMerging } from './project-merge'

export const projectsRepo = <L>(ctx: LedgerContext<L>): ProjectsRepo => {
  const { db } = ctx
  const validate = (record: ProjectRecord): ProjectRecord => {
    const parsed = projectRecordSchema.safeParse(record)
    if (!parsed.success) throw new LedgerError('invalid', `Invalid project: ${describeIssues(parsed.error)}`)
    return parsed.data
  }
  const nameTaken = async (name: string, exceptId?: string): Promise<void> => {
    const other = await projectNamed(db, name)
    if (other && other.id !== exceptId) throw new LedgerError('conflict', msg('project.nameTaken', { name }))
  }

  return {
    ...projectMerging(ctx),
    list: () => guarded(() => db.projects.toArray()).then((ps) => ps.sort((a, b) => a.name.localeCompare(b.name))),
    get: (id) => guarded(() => db.projects.get(id)),
    create: (name, description = '') => {
      const now = ctx.now()
      const record = validate({
        id: ctx.newId(),
        name: tidyProjectName(name),
        description,
        createdAt: now,
        updatedAt: now
      })
      return guarded(() =>
        db.transaction('rw', db.projects, async () => {
          await nameTaken(record.name)
          await db.projects.add(record)
          return record
        })
      )
    },
    update: (id, patch) =>
      guarded(() =>
        db.transaction('rw', db.projects, async () => {
          const current = await db.projects.get(id)
          if (!current) throw new LedgerError('not-found', `No project with id ${id}.`)
          const next = validate({
            ...current,
            ...(patch.name !== undefined ? { name: tidyProjectName(patch.name) } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            updatedAt: ctx.now()
          })
          await nameTaken(next.name, id)
          await db.projects.put(next)
          return next
        })
      ),
    remove: (id) =>
      guarded(() =>
        db.transaction('rw', [db.projects, db.runs, db.trash, db.mappings], async () => {
          const runs = await db.runs.where('[projectId+startedAtMs]').between([id, -Infinity], [id, Infinity]).count()
          // A run in the trash may be restored: its project must still exist then.
          const trashed = await db.trash.filter((t) => t.run.projectId === id).count()
          if (runs + trashed > 0) {
            throw new LedgerError('conflict', msg('project.notEmpty', { runs: runs + trashed }))
          }
          await db.mappings.filter((m) => m.projectId === id).delete()
          await db.projects.delete(id)
        })
      )
  }
}
