import { type FormEvent, useState } from 'react'
import { findProjectByName } from '../../../../shared/ledger/project-names'
import type { ProjectRecord } from '../../../db'
import { useNotify } from '../../app/Notices'
import { ProjectPicker } from '../../components/ProjectPicker'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'

/**
 * Merging one project into another, chosen among the existing ones: the ledger moves its runs (rollups with them)
 * and removes it; the notice offers undo.
 */
export function MergeProject({
  project,
  projects,
  onDone
}: {
  project: ProjectRecord
  projects: readonly ProjectRecord[]
  onDone: () => void
}) {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const notify = useNotify()
  const [target, setTarget] = useState('')
  const [error, setError] = useState<string | null>(null)
  const others = projects.filter((p) => p.id !== project.id)
  const errorId = `merge-${project.id}-error`

  const merge = async (e: FormEvent) => {
    e.preventDefault()
    const into = findProjectByName(others, target)
    if (!into) {
      setError(t('projects.mergeUnknown'))
      return
    }
    try {
      const merged = await ledger.projects.merge(project.id, into.id)
      onDone()
      notify({
        message: (i) => i.plural('projects.merged', merged.moved, { from: project.name, into: into.name }),
        undo: async () => {
          await ledger.projects.unmerge(merged)
        }
      })
    } catch (err) {
      setError(i18n.error(err))
    }
  }
  return (
    <form className="row merge-project" onSubmit={(e) => void merge(e)} noValidate>
      <ProjectPicker
        label={t('projects.mergeTarget', { name: project.name })}
        placeholder={t('projects.mergeInto')}
        describedBy={errorId}
        invalid={error ? true : undefined}
        projects={others}
        value={target}
        onChange={(name) => {
          setTarget(name)
          setError(null)
        }}
      />
      <button type="submit" className="primary">
        {t('projects.mergeButton')}
      </button>
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
      <span id={errorId} className="field-error" role={error ? 'alert' : undefined}>
        {error}
      </span>
    </form>
  )
}
