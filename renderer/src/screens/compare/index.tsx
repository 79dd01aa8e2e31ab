import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import {
  compareHardware,
  compareLocations,
  type HardwareComparison,
  type LocationComparison
} from '../../../../shared/planning'
import type { ScreenProps } from '../../app/screens'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { message } from './cells'
import { type FieldErrors, type WorkloadFields, workloadRequest } from './compare-form'
import { HardwareTable } from './HardwareTable'
import { LocationTables } from './LocationTables'
import { StudySection } from './StudySection'
import { type ShiftSeed, TimeShift } from './TimeShift'
import { WorkloadForm } from './WorkloadForm'

const RunShift = lazy(() => import('../../components/RunShift'))

type Results = {
  hardware?: HardwareComparison
  locations?: LocationComparison
  locationsMissing?: boolean
  error?: string
}

export default function Compare({ query }: ScreenProps) {
  const { t } = useI18n()
  const i18n = useI18n()
  const catalogueState = useAsync(loadCatalogue, [])
  const catalogue = catalogueState.data
  const lab = useLedgerQuery(({ ledger }) => ledger.settings.getLabDefaults(), [])
  const runs = useLedgerQuery(({ ledger }) => ledger.aggregate.topRuns({ n: 200 }), [])
  const [runId, setRunId] = useState(query.get('run') ?? '')
  const run = useLedgerQuery(async ({ ledger }) => (runId ? ledger.runs.get(runId) : undefined), [runId])
  const [results, setResults] = useState<Results>()
  const [busy, setBusy] = useState(false)
  useEffect(() => setResults(undefined), [runId])

  const submit = (fields: WorkloadFields): FieldErrors => {
    const { request, errors } = workloadRequest(fields, i18n.parse)
    if (!request || !catalogue || !lab.data) return errors
    if (fields.kind === 'run' && !run.data) {
      setResults({ error: t('compare.chooseRun') })
      return errors
    }
    setBusy(true)
    // Let the busy state paint: ranking ~670 locations takes a fraction of a second.
    setTimeout(() => {
      try {
        const workload = fields.kind === 'run' ? { kind: 'run' as const, run: run.data!.input } : request.workload!
        const hardware = compareHardware(workload, catalogue.ref, lab.data!, request.options)
        const locations = hardware.currentRun
          ? compareLocations(hardware.currentRun, catalogue.ref, lab.data!)
          : undefined
        setResults({ hardware, locations, locationsMissing: !locations })
      } catch (error) {
        setResults({ error: message(error, i18n) })
      } finally {
        setBusy(false)
      }
    }, 0)
    return errors
  }

  const chosen = run.data
  const seed = useMemo((): ShiftSeed | undefined => {
    if (!chosen || !catalogue || !lab.data || chosen.input.hoursPerDay !== undefined) return undefined
    const hours = Math.round(chosen.input.durationS / 3600)
    if (hours < 1) return undefined
    const location = chosen.input.location.kind === 'unknown' ? lab.data.location : chosen.input.location
    const entry =
      location.kind === 'unknown' || location.kind === 'custom'
        ? undefined
        : catalogue.resolveLocation(catalogue.ref, location)
    if (!entry?.hourlyZone) return undefined
    return {
      zone: entry.hourlyZone,
      startUtcMs: chosen.startedAtMs,
      hours,
      // Mean power at the plug: the run's energy over its length, so PUE and measured energy carry over.
      powerKW: chosen.result.energyKWh.value / (chosen.input.durationS / 3600),
      emissionsKg: chosen.result.emissionsKg.value
    }
  }, [chosen, catalogue, lab.data])
  return (
    <section aria-labelledby="compare-title" className="compare">
      <h1 id="compare-title">{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      <LoadStatus state={catalogueState}>
        <WorkloadForm
          catalogue={catalogue}
          onSubmit={submit}
          runs={runs.data ?? []}
          runId={runId}
          setRunId={setRunId}
        />
      </LoadStatus>
      <div aria-live="polite" aria-busy={busy}>
        {busy && (
          <p role="status" className="screen-status">
            {t('compare.computing')}
          </p>
        )}
        {results?.error && (
          <p role="alert" className="error">
            {results.error}
          </p>
        )}
      </div>
      {results?.hardware && <HardwareTable comparison={results.hardware} />}
      {results?.locations && <LocationTables comparison={results.locations} />}
      {results?.locationsMissing && <p className="card muted">{t('compare.locationsNeedCurrent')}</p>}
      {chosen && (
        <section className="card" aria-labelledby="run-shift-title">
          <h2 id="run-shift-title">
            {t('compare.runWouldHaveSaved', { title: chosen.input.title || t('runs.untitled') })}
          </h2>
          <Suspense
            fallback={
              <p role="status" className="screen-status">
                {t('common.loading')}
              </p>
            }
          >
            <RunShift input={chosen.input} result={chosen.result} />
          </Suspense>
        </section>
      )}
      <TimeShift key={seed ? `run-${chosen!.id}` : 'free'} catalogue={catalogue} seed={seed} />
      <StudySection catalogue={catalogue} />
    </section>
  )
}
