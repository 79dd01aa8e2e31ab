import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { runSourceSchema } from '../../../../shared/domain/run'
import { devicesOfKey, locationOfKey, projectionValue, type RunRecord } from '../../../db'
import { useNotify } from '../../app/Notices'
import { navigate } from '../../app/router'
import type { ScreenProps } from '../../app/screens'
import { ProjectPicker } from '../../components/ProjectPicker'
import { readRunsMarket } from '../../components/useRunsMarket'
import { useHost } from '../../host/HostProvider'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/I18nProvider'
import { locationName } from '../../i18n/location-names'
import { loadCatalogue } from '../../ledger/engine'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { rowWindow } from '../../lib/virtual'
import { rowsOf, runsCsv, runsCsvFileName } from './filtered-runs'
import { RangeFigure } from './RangeFigure'
import { useDebounced, useRowBlocks, useRunWindow, useWindowTotals } from './run-window'
import { RunDetail } from './RunDetail'
import {
  browseQuery,
  type Filters,
  NEWEST_FIRST,
  nextSort,
  type RunSort,
  type SortColumn,
  type TextColumn
} from './runs-query'
import { SortHeader } from './SortHeader'
import { TextCell } from './TextCell'

const ROW_PX = 36

const VIEWPORT_PX = 560

const KINDS = ['training', 'fine-tuning', 'hyperparameter-search', 'inference', 'other'] as const

/** Every source a run can come from, as the domain lists them. */
const SOURCES = runSourceSchema.shape.kind.options

/** The sortable columns, after the selection box, in the table's order; the optional ones give way to the detail. */
const COLUMNS: { column: SortColumn; className?: string }[] = [
  { column: 'start' },
  { column: 'title' },
  { column: 'project' },
  { column: 'person', className: 'opt' },
  { column: 'kind', className: 'opt' },
  { column: 'hardware', className: 'opt' },
  { column: 'location' },
  { column: 'energy', className: 'num' },
  { column: 'emissions', className: 'num' }
]

export default function Runs({ query }: ScreenProps) {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger, browser } = useLedger()
  const notify = useNotify()
  const [filters, setFilters] = useState<Filters>({
    project: query.get('project') ?? '',
    person: '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    hardware: '',
    location: query.get('location') ?? '',
    source: '',
    kind: '',
    search: ''
  })
  const [sort, setSort] = useState<RunSort>(NEWEST_FIRST)
  const debounced = useDebounced(filters, 250)
  const host = useHost()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [moveTarget, setMoveTarget] = useState('')
  const [moveText, setMoveText] = useState('')
  const [scrollTop, setScrollTop] = useState(0)
  const scroller = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLHeadingElement>(null)
  const activeRun = query.get('run') ?? undefined
  const projects = useLedgerQuery(({ ledger }) => ledger.projects.list(), [])
  const projectNames = useMemo(() => new Map((projects.data ?? []).map((p) => [p.id, p.name])), [projects.data])
  const projectName = useCallback((id: string) => projectNames.get(id) ?? '', [projectNames])
  // The text a cell shows for a value of the runs projection: the table draws it and sorts by it, so the order is
  // the one the user reads.
  const labelOf = useCallback(
    (column: TextColumn, value: string): string => {
      switch (column) {
        case 'title':
          return value || t('runs.untitled')
        case 'project':
          return projectName(value)
        case 'person':
          return value
        case 'kind':
          return t(`kind.${value}` as MessageKey)
        case 'hardware': {
          // Accelerators first: a 4-GPU node reads by its GPUs, then its CPUs (the cell shows the rest on hover).
          const devices = devicesOfKey(value)
          return devices.length > 0 ? devices.map((d) => `${d.count} × ${d.name}`).join(', ') : '–'
        }
        case 'location': {
          const l = locationOfKey(value)
          return locationName(l.locationId, i18n.msg(l.locationLabelMsg, l.locationLabel), i18n.language)
        }
      }
    },
    [t, i18n, projectName]
  )
  const textOf = (column: TextColumn, r: RunRecord): string =>
    labelOf(column, column === 'title' ? r.input.title : projectionValue(column, r))
  const win = useRunWindow(
    browser,
    useMemo(() => browseQuery(debounced, sort, labelOf), [debounced, sort, labelOf])
  )
  const total = win.data?.total ?? 0
  const totals = useWindowTotals(win.status === 'ready' ? win.data : undefined)
  const { ensure, row } = useRowBlocks(win.data)
  const w = rowWindow({ scrollTop, viewportPx: VIEWPORT_PX, rowPx: ROW_PX, total, overscan: 8 })
  useEffect(() => ensure(w.first, w.last), [ensure, w.first, w.last])
  useEffect(() => {
    setSelected(new Set())
    scroller.current?.scrollTo({ top: 0 })
    setScrollTop(0)
  }, [debounced, sort])

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }))
  const openRun = (id: string | undefined) =>
    navigate('/runs', { project: filters.project || undefined, run: id }, true)
  // Closing the detail hands focus back to the row that opened it, so keyboard users keep their place.
  const focusAfterClose = useRef<string | undefined>(undefined)
  const closeRun = () => {
    focusAfterClose.current = activeRun
    openRun(undefined)
  }
  useEffect(() => {
    const id = focusAfterClose.current
    if (activeRun || !id) return
    focusAfterClose.current = undefined
    scroller.current?.querySelector<HTMLButtonElement>(`button[data-run-id="${CSS.escape(id)}"]`)?.focus()
  }, [activeRun])

  const remove = async (ids: string[]) => {
    try {
      const { deletionId, removed } = await ledger.runs.remove(ids)
      setSelected(new Set())
      if (activeRun && ids.includes(activeRun)) {
        // Its row is gone: keyboard focus goes to the screen's title rather than to nowhere.
        openRun(undefined)
        title.current?.focus()
      }
      notify({
        message: (i) => i.plural('runs.deleted', removed),
        undo: async () => {
          await ledger.trash.restore(deletionId)
        }
      })
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const move = async () => {
    if (!moveTarget) return
    try {
      const runs = (await Promise.all([...selected].map((id) => ledger.runs.get(id)))).filter(
        (r): r is RunRecord => r !== undefined
      )
      for (const r of runs) await ledger.runs.update(r.id, r.input, { projectId: moveTarget })
      setSelected(new Set())
      notify({
        message: (i) => i.plural('runs.moved', runs.length, { project: projectName(moveTarget) }),
        undo: async () => {
          for (const r of runs) await ledger.runs.update(r.id, r.input, { projectId: r.projectId })
        }
      })
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const exportCsv = async () => {
    if (win.status !== 'ready') return
    try {
      const runs: RunRecord[] = []
      for await (const rows of rowsOf(win.data)) runs.push(...rows)
      const market = await readRunsMarket(ledger, (await loadCatalogue()).ref, runs)
      const outcome = await host.api.saveFile({
        suggestedName: runsCsvFileName(new Date()),
        // Stored runs keep their figures only: the CSV's assumptions and sources are rebuilt for it.
        content: runsCsv(await ledger.runs.explain(runs), projectName, market),
        filters: [{ name: 'CSV', extensions: ['csv'] }]
      })
      if (outcome.status === 'saved')
        notify({ message: (i) => i.plural('runs.exported', runs.length, { file: outcome.path }) })
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const shown: RunRecord[] = []
  for (let i = w.first; i < w.last; i++) {
    const r = row(i)
    if (r) shown.push(r)
  }
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.id))
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <section aria-labelledby="runs-title" className="runs-screen">
      <h1 id="runs-title" ref={title} tabIndex={-1}>
        {t('runs.title')}
      </h1>
      <div className="filters card" role="search">
        <label>
          <span>{t('runs.search')}</span>
          <input type="search" value={filters.search} onChange={(e) => set('search', e.target.value)} />
        </label>
        <label>
          <span>{t('runs.filterProject')}</span>
          <select
            aria-label={t('runs.filterProject')}
            value={filters.project}
            onChange={(e) => set('project', e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {(projects.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('runs.filterPerson')}</span>
          <input value={filters.person} onChange={(e) => set('person', e.target.value)} />
        </label>
        <label>
          <span>{t('period.from')}</span>
          <input type="month" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          <span>{t('period.to')}</span>
          <input type="month" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          <span>{t('runs.filterHardware')}</span>
          <input value={filters.hardware} onChange={(e) => set('hardware', e.target.value)} />
        </label>
        <label>
          <span>{t('runs.filterLocation')}</span>
          <input value={filters.location} onChange={(e) => set('location', e.target.value)} />
        </label>
        <label>
          <span>{t('runs.filterSource')}</span>
          <select
            aria-label={t('runs.filterSource')}
            value={filters.source}
            onChange={(e) => set('source', e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('runs.filterKind')}</span>
          <select aria-label={t('runs.filterKind')} value={filters.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <span role="status" aria-live="polite">
          {win.status === 'error'
            ? i18n.error(win.error)
            : win.status === 'ready'
              ? i18n.plural('runs.count', total)
              : win.data && !win.data.complete
                ? i18n.plural('runs.scanning', total, { percent: i18n.pct(win.data.scanned) })
                : t('runs.counting')}
        </span>
        <button
          type="button"
          onClick={() =>
            setFilters((f) => ({
              ...f,
              project: '',
              person: '',
              from: '',
              to: '',
              hardware: '',
              location: '',
              source: '',
              kind: '',
              search: ''
            }))
          }
        >
          {t('runs.clearFilters')}
        </button>
        <button type="button" disabled={win.status !== 'ready' || total === 0} onClick={() => void exportCsv()}>
          {t('runs.export')}
        </button>
        <span className="spacer" />
        <span>{t('runs.selected', { count: i18n.int(selected.size) })}</span>
        <div className="row move-target" title={projectName(moveTarget)}>
          <ProjectPicker
            label={t('runs.moveTo')}
            placeholder={t('runs.moveTo')}
            projects={projects.data ?? []}
            value={moveText}
            onChange={(name, project) => {
              setMoveText(name)
              setMoveTarget(project?.id ?? '')
            }}
          />
        </div>
        <button type="button" disabled={selected.size === 0 || !moveTarget} onClick={() => void move()}>
          {t('runs.move')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={selected.size === 0}
          onClick={() => void remove([...selected])}
        >
          {t('common.delete')}
        </button>
      </div>
      <dl className="runs-totals" aria-label={t('runs.totals')} aria-busy={totals.status === 'loading'}>
        <dt>{t('runs.col.energy')}</dt>
        <dd>
          {totals.status === 'ready' ? (
            <RangeFigure range={totals.data.energyKWh} format={i18n.kWh} />
          ) : totals.status === 'error' ? (
            i18n.error(totals.error)
          ) : (
            t('runs.totalsReading')
          )}
        </dd>
        <dt>{t('runs.col.emissions')}</dt>
        <dd>
          {totals.status === 'ready' ? (
            <RangeFigure range={totals.data.emissionsKg} format={i18n.kg} />
          ) : totals.status === 'error' ? (
            i18n.error(totals.error)
          ) : (
            t('runs.totalsReading')
          )}
        </dd>
      </dl>
      <div className={`runs-layout ${activeRun ? 'with-detail' : ''}`}>
        <div
          className="vtable"
          role="table"
          aria-label={t('runs.table')}
          aria-rowcount={total + 1}
          aria-busy={win.status === 'loading'}
        >
          <div role="rowgroup">
            <div className="vrow head" role="row" aria-rowindex={1}>
              <span role="columnheader">
                <input
                  type="checkbox"
                  aria-label={t('runs.selectAll')}
                  checked={allShownSelected}
                  onChange={(e) =>
                    setSelected((s) => {
                      const next = new Set(s)
                      for (const r of shown)
                        if (e.target.checked) next.add(r.id)
                        else next.delete(r.id)
                      return next
                    })
                  }
                />
              </span>
              {COLUMNS.map(({ column, className }) => (
                <SortHeader
                  key={column}
                  column={column}
                  className={className}
                  label={t(`runs.col.${column}`)}
                  sort={sort}
                  onSort={(c) => setSort((current) => nextSort(current, c))}
                />
              ))}
            </div>
          </div>
          <div
            className="vscroll"
            ref={scroller}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
            role="rowgroup"
          >
            {win.status !== 'loading' && total === 0 ? (
              <p className="screen-status">{t('runs.empty')}</p>
            ) : (
              <div className="vspace" style={{ height: w.spacerPx }}>
                <div className="vwindow" style={{ transform: `translateY(${w.translatePx}px)` }}>
                  {Array.from({ length: w.last - w.first }, (_, k) => {
                    const index = w.first + k
                    const r = row(index)
                    if (!r)
                      return (
                        <div className="vrow placeholder-row" role="row" aria-rowindex={index + 2} key={`p${index}`}>
                          <span role="cell" />
                          <span role="cell">…</span>
                        </div>
                      )
                    const title = textOf('title', r)
                    return (
                      <div
                        className={`vrow ${selected.has(r.id) ? 'selected' : ''} ${activeRun === r.id ? 'active' : ''}`}
                        role="row"
                        aria-rowindex={index + 2}
                        aria-selected={selected.has(r.id)}
                        key={r.id}
                      >
                        <span role="cell">
                          <input
                            type="checkbox"
                            aria-label={t('runs.select', { title })}
                            checked={selected.has(r.id)}
                            onChange={(e) => toggle(r.id, e.target.checked)}
                          />
                        </span>
                        <span role="cell">{i18n.date(r.startedAtMs)}</span>
                        <span role="cell">
                          <button
                            type="button"
                            className="link"
                            data-run-id={r.id}
                            title={title}
                            onClick={() => openRun(r.id)}
                          >
                            {title}
                          </button>
                        </span>
                        <TextCell text={textOf('project', r)} />
                        <TextCell text={textOf('person', r)} className="opt" />
                        <TextCell text={textOf('kind', r)} className="opt" />
                        <TextCell text={textOf('hardware', r)} className="opt" />
                        <TextCell text={textOf('location', r)} />
                        <span role="cell" className="num">
                          {i18n.kWh(r.result.energyKWh.value)}
                        </span>
                        <span role="cell" className="num">
                          {i18n.kg(r.emissionsKg)}
                        </span>
                      </div>
                    )
                  })}
                </div>
              </div>
            )}
          </div>
        </div>
        {activeRun && (
          <RunDetail
            runId={activeRun}
            projectName={projectName}
            onDelete={(r) => void remove([r.id])}
            onClose={closeRun}
          />
        )}
      </div>
    </section>
  )
}
