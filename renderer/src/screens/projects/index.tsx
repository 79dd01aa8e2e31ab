import { type FormEvent, useState } from 'react'
import { useNotify } from '../../app/Notices'
import { href } from '../../app/router'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { MergeProject } from './MergeProject'
import { projectRows } from './project-rows'

export default function Projects() {
  const { t, plural, error: errorText } = useI18n()
  const { ledger, browser } = useLedger()
  const notify = useNotify()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [showArchived, setShowArchived] = useState(false)
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)
  const [merging, setMerging] = useState<string | null>(null)
  const state = useLedgerQuery(projectRows, [])

  const create = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    if (name.trim() === '') {
      setError(t('form.required'))
      return
    }
    try {
      const project = await ledger.projects.create(name)
      setName('')
      notify({
        message: (i) => i.t('projects.created', { name: project.name }),
        undo: async () => {
          await ledger.projects.remove(project.id)
        }
      })
    } catch (err) {
      setError(errorText(err))
    }
  }
  const rename = async (e: FormEvent) => {
    e.preventDefault()
    if (!renaming) return
    const before = state.data?.find((p) => p.id === renaming.id)?.name
    try {
      await ledger.projects.update(renaming.id, { name: renaming.name })
      setRenaming(null)
      if (before)
        notify({
          // The new name says what happened; a name is the same in every language.
          message: () => renaming.name,
          undo: async () => {
            await ledger.projects.update(renaming.id, { name: before })
          }
        })
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const archive = async (id: string, archived: boolean, projectName: string) => {
    await browser.setArchived(id, archived)
    notify({
      message: (i) => `${i.t(archived ? 'projects.archive' : 'projects.unarchive', { name: projectName })} ✓`,
      undo: async () => {
        await browser.setArchived(id, !archived)
      }
    })
  }
  /** Only an empty project can go (the ledger also refuses one whose runs are in the trash); undo creates it again. */
  const remove = async (id: string, projectName: string) => {
    try {
      await ledger.projects.remove(id)
      notify({
        message: (i) => i.t('projects.deleted', { name: projectName }),
        undo: async () => {
          await ledger.projects.create(projectName)
        }
      })
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const projects = (state.data ?? []).filter((p) => showArchived || !p.archived)
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <form className="row card" onSubmit={(e) => void create(e)} noValidate>
        <label className="field">
          <span>{t('projects.new')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby="new-project-error"
          />
        </label>
        <button type="submit" className="primary">
          {t('projects.create')}
        </button>
        <span id="new-project-error" className="field-error" role={error ? 'alert' : undefined}>
          {error}
        </span>
        <span className="spacer" />
        <label className="row">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <span>{t('projects.showArchived')}</span>
        </label>
      </form>
      <div className="card" aria-busy={state.status === 'loading'}>
        <LoadStatus state={state}>
          {projects.length === 0 ? (
            <p className="muted">{t('projects.empty')}</p>
          ) : (
            <ul className="projects-list" aria-label={t('projects.list')}>
              {projects.map((p) => (
                <li key={p.id}>
                  {renaming?.id === p.id ? (
                    <form className="row" onSubmit={(e) => void rename(e)}>
                      <label>
                        <span className="visually-hidden">{t('projects.renameTo', { name: p.name })}</span>
                        <input
                          // The user just asked to rename this project: the field they will type in takes focus.
                          // eslint-disable-next-line jsx-a11y/no-autofocus
                          autoFocus
                          value={renaming.name}
                          onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                        />
                      </label>
                      <button type="submit" className="primary">
                        {t('common.save')}
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('common.cancel')}
                      </button>
                    </form>
                  ) : (
                    <a
                      className="name"
                      href={href(`/projects/${encodeURIComponent(p.id)}`)}
                      aria-label={t('projects.open', { name: p.name })}
                    >
                      {p.name}
                    </a>
                  )}
                  <span className="muted">{plural('projects.runs', p.runs)}</span>
                  {p.archived && <span className="tag">{t('projects.archived')}</span>}
                  <span className="spacer" />
                  <button
                    type="button"
                    onClick={() => setRenaming({ id: p.id, name: p.name })}
                    aria-label={t('projects.rename', { name: p.name })}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void archive(p.id, !p.archived, p.name)}
                    aria-label={
                      p.archived ? t('projects.unarchive', { name: p.name }) : t('projects.archive', { name: p.name })
                    }
                  >
                    {p.archived ? t('common.restore') : t('common.archive')}
                  </button>
                  <button
                    type="button"
                    aria-expanded={merging === p.id}
                    onClick={() => setMerging(merging === p.id ? null : p.id)}
                    aria-label={t('projects.merge', { name: p.name })}
                  >
                    {t('projects.mergeButton')}
                  </button>
                  {p.runs === 0 && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void remove(p.id, p.name)}
                      aria-label={t('projects.delete', { name: p.name })}
                    >
                      {t('common.delete')}
                    </button>
                  )}
                  {merging === p.id && (
                    <MergeProject project={p} projects={state.data ?? []} onDone={() => setMerging(null)} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </LoadStatus>
      </div>
    </section>
  )
}
