import { type Period } from '../../../shared/ledger/period'
import { shiftPeriod } from '../app/period'
import { navigate } from '../app/router'
import { type I18n, useI18n } from '../i18n/I18nProvider'

export const periodName = (p: Period, i18n: I18n): string => {
  if (p.kind === 'month') return i18n.month(p.start)
  if (p.kind === 'year') return p.start.slice(0, 4)
  if (p.kind === 'quarter')
    return i18n.t('period.quarterLabel', {
      quarter: Math.floor((Number(p.start.slice(5, 7)) - 1) / 3) + 1,
      year: p.start.slice(0, 4)
    })
  return `${i18n.month(p.start)} – ${i18n.month(p.end)}`
}

/** Period picker: kind, previous/next, and for a custom period its first and last month. Keeps its state in the URL. */
export function PeriodPicker({
  period,
  path,
  extra
}: {
  period: Period
  path: string
  extra?: Record<string, string>
}) {
  const i18n = useI18n()
  const { t } = i18n
  const go = (p: Period) =>
    navigate(path, { ...extra, period: p.kind, start: p.start, end: p.kind === 'custom' ? p.end : undefined }, true)
  return (
    <div className="period-picker" role="group" aria-label={t('period.label')}>
      <label>
        <span>{t('period.kind')}</span>
        <select
          aria-label={t('period.kind')}
          value={period.kind}
          onChange={(e) =>
            go({
              ...period,
              kind: e.target.value as Period['kind'],
              end: e.target.value === 'custom' ? period.end : period.start
            } as Period)
          }
        >
          <option value="month">{t('period.month')}</option>
          <option value="quarter">{t('period.quarter')}</option>
          <option value="year">{t('period.year')}</option>
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      {period.kind === 'custom' ? (
        <>
          <label>
            <span>{t('period.from')}</span>
            <input
              type="month"
              value={period.start}
              onChange={(e) =>
                e.target.value &&
                go({ ...period, start: e.target.value, end: e.target.value > period.end ? e.target.value : period.end })
              }
            />
          </label>
          <label>
            <span>{t('period.to')}</span>
            <input
              type="month"
              value={period.end}
              min={period.start}
              onChange={(e) => e.target.value && go({ ...period, end: e.target.value })}
            />
          </label>
        </>
      ) : (
        <>
          <button type="button" onClick={() => go(shiftPeriod(period, -1))} aria-label={t('period.previous')}>
            ‹
          </button>
          <span className="period-name" aria-live="polite">
            {periodName(period, i18n)}
          </span>
          <button type="button" onClick={() => go(shiftPeriod(period, 1))} aria-label={t('period.next')}>
            ›
          </button>
        </>
      )}
    </div>
  )
}
