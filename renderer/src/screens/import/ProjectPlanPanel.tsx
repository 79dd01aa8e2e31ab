import { useMemo } from 'react'
import {
  findProjectByName,
  projectNameOfFile,
  type ProjectPlan,
  tidyProjectName
} from '../../../../shared/ledger/project-names'
import type { ImportPreview, ProjectRecord } from '../../../db'
import { ProjectPicker } from '../../components/ProjectPicker'
import { useI18n } from '../../i18n/I18nProvider'

type Sources = Map<string, { runs: number; action: 'map' | 'create'; projectName: string }>

/** The distinct source project names of the files, with their runs summed and the ledger's own choice for each. */
const sourcesOf = (previews: readonly ImportPreview[]): Sources => {
  const out: Sources = new Map()
  for (const preview of previews)
    for (const p of preview.projects) {
      const seen = out.get(p.sourceName)
      out.set(p.sourceName, { runs: (seen?.runs ?? 0) + p.runs, action: p.action, projectName: p.projectName })
    }
  return out
}

/**
 * Where the runs of the files of one pick go, chosen once for all of them: each source project name to its own
 * project (the ledger's match, or a name typed here, which holds in every file naming it), all to one project, or
 * one project per file named after it.
 */
export function ProjectPlanPanel({
  files,
  plan,
  onPlan,
  projects,
  disabled
}: {
  files: readonly { name: string; preview: ImportPreview }[]
  plan: ProjectPlan
  onPlan: (plan: ProjectPlan) => void
  projects: readonly ProjectRecord[]
  disabled: boolean
}) {
  const i18n = useI18n()
  const { t } = i18n
  const sources = useMemo(() => sourcesOf(files.map((f) => f.preview)), [files])
  const goesTo = (name: string) => {
    const match = findProjectByName(projects, name)
    return match
      ? t('projectPicker.existing', { name: match.name })
      : t('projectPicker.new', { name: tidyProjectName(name) })
  }
  const choose = (kind: ProjectPlan['kind']) =>
    onPlan(kind === 'one' ? { kind, name: '' } : kind === 'file' ? { kind } : { kind, names: {} })
  return (
    <fieldset className="card project-plan" disabled={disabled}>
      <legend>{t('import.plan.title')}</legend>
      <p className="muted">{i18n.plural('import.plan.found', sources.size, { files: i18n.int(files.length) })}</p>
      <div className="row wrap" role="radiogroup" aria-label={t('import.plan.title')}>
        {(['each', 'one', 'file'] as const).map((kind) => (
          <label key={kind} className="row">
            <input type="radio" name="project-plan" checked={plan.kind === kind} onChange={() => choose(kind)} />
            <span>{t(`import.plan.${kind}`)}</span>
          </label>
        ))}
      </div>
      <p className="hint">{t(plan.kind === 'each' ? 'import.plan.remembered' : 'import.plan.thisImportOnly')}</p>
      {plan.kind === 'one' && (
        <div className="field wide">
          <ProjectPicker
            label={t('import.plan.oneName')}
            placeholder={t('import.plan.oneName')}
            projects={projects}
            value={plan.name}
            onChange={(name) => onPlan({ kind: 'one', name })}
          />
          <span className="hint">{plan.name.trim() ? goesTo(plan.name) : t('import.plan.oneHint')}</span>
        </div>
      )}
      {plan.kind === 'file' && (
        <ul className="plan-files">
          {files.map((f) => (
            <li key={f.name}>
              {t('import.plan.fileTarget', { file: f.name, project: projectNameOfFile(f.name) })} —{' '}
              {goesTo(projectNameOfFile(f.name))}
            </li>
          ))}
        </ul>
      )}
      {plan.kind === 'each' && (
        <div className="table-scroll plan-sources">
          <table className="mapping">
            <caption className="visually-hidden">{t('import.projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.sourceProject')}</th>
                <th scope="col" className="num">
                  {t('import.col.runs')}
                </th>
                <th scope="col">{t('import.col.ledgerProject')}</th>
              </tr>
            </thead>
            <tbody>
              {[...sources].map(([sourceName, s]) => {
                const label = sourceName || t('import.noProjectName')
                const typed = plan.names[sourceName] ?? ''
                return (
                  <tr key={sourceName}>
                    <td>{label}</td>
                    <td className="num">{i18n.int(s.runs)}</td>
                    <td>
                      <ProjectPicker
                        label={t('import.mapTo', { name: label })}
                        placeholder={
                          s.action === 'create'
                            ? t('import.createProject', { name: s.projectName })
                            : t('import.keepProject', { name: s.projectName })
                        }
                        projects={projects}
                        value={typed}
                        onChange={(name) => onPlan({ kind: 'each', names: { ...plan.names, [sourceName]: name } })}
                      />
                      {typed.trim() !== '' && <span className="hint">{goesTo(typed)}</span>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  )
}
