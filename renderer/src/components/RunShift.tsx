import type { StoredResult } from '../../../shared/domain/result'
import type { RunInput } from '../../../shared/domain/run'
import { PlanningError, whatRunWouldHaveSaved } from '../../../shared/planning/index'
import { useAsync } from '../app/useAsync'
import { useI18n } from '../i18n/I18nProvider'
import { loadCatalogue } from '../ledger/engine'
import { useLedger } from '../ledger/LedgerProvider'
import { bundledSeriesAround } from './bundled-series'
import { ShiftPlans } from './ShiftPlans'
import { LoadStatus } from './Status'

type Answer =
  | { kind: 'plans'; plans: ReturnType<typeof whatRunWouldHaveSaved>; zone: string; fromYears: number[] }
  | { kind: 'no-zone'; location: string | undefined }
  | { kind: 'refused'; error: PlanningError }

/**
 * What a logged run would have saved had it started later (the paper's eight settings), on its zone's hourly
 * profile. A location without one says so; a run the planner refuses shows the planner's sentence.
 */
export default function RunShift({ input, result }: { input: RunInput; result: StoredResult }) {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const state = useAsync(async (): Promise<Answer> => {
    const [catalogue, lab] = await Promise.all([loadCatalogue(), ledger.settings.getLabDefaults()])
    const location = input.location.kind === 'unknown' ? lab.location : input.location
    const entry =
      location.kind === 'unknown' || location.kind === 'custom'
        ? undefined
        : catalogue.resolveLocation(catalogue.ref, location)
    // Any date: the bundled years' hours, projected beyond them, as on Compare & plan.
    const hours = Math.max(1, Math.round(input.durationS / 3600))
    const around = entry?.hourlyZone
      ? await bundledSeriesAround(entry.hourlyZone, Date.parse(input.startedAt), hours)
      : undefined
    if (!around) return { kind: 'no-zone', location: entry?.name }
    try {
      return {
        kind: 'plans',
        plans: whatRunWouldHaveSaved(around.series, input, result),
        zone: around.series.zone,
        fromYears: around.fromYears
      }
    } catch (error) {
      if (error instanceof PlanningError) return { kind: 'refused', error }
      throw error
    }
  }, [input, result, ledger])
  const answer = state.data
  return (
    <LoadStatus state={state}>
      {answer?.kind === 'no-zone' && (
        <p className="muted">
          {t('shift.noHourly', { zone: answer.location ?? i18n.msg(result.locationLabelMsg, result.locationLabel) })}
        </p>
      )}
      {answer?.kind === 'refused' && (
        <p role="alert" className="error">
          {i18n.msg(answer.error.msg, answer.error.message)}
        </p>
      )}
      {answer?.kind === 'plans' && (
        <>
          <ShiftPlans plans={answer.plans} caption={t('shift.runCaption', { zone: answer.zone })} />
          {answer.fromYears.length > 0 && (
            <p className="muted">
              {t('shift.projectedFrom', { from: answer.fromYears[0]!, to: answer.fromYears.at(-1)! })}
            </p>
          )}
        </>
      )}
    </LoadStatus>
  )
}
