import { useI18n } from '../../i18n/I18nProvider'
import type { FileReconciliation } from './reconcile-file'

/** A part's share below this is not named among a file's main reasons. */
const MINOR_SHARE = 0.01

/**
 * The import preview's comparison for one file (issue 11): what its runs reported in total against what the ledger
 * recomputes, the difference by its parts (intensity, PUE, IT energy), runs CodeCarbon could not locate, and the
 * largest single run's reasons with their figures (the file's g/kWh against the ledger's, and from where).
 */
export function Reconciliation({ file, name }: { file: FileReconciliation; name: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const { totals } = file
  const signed = (kg: number) => `${kg > 0 ? '+' : kg < 0 ? '−' : ''}${i18n.kg(Math.abs(kg))}`
  const share = (kg: number) => (totals.gapKg === 0 ? 0 : kg / totals.gapKg)
  const parts = totals.parts.filter((p) => Math.abs(share(p.gapKg)) >= MINOR_SHARE)
  const titleId = `reconcile-${name}`
  return (
    <section className="reconcile" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('reconcile.preview.title')}</h3>
      <p className="muted">
        {file.limited
          ? t('reconcile.preview.limited', { count: i18n.int(totals.runs), total: i18n.int(file.runsWithFigures) })
          : t('reconcile.preview.runs', { count: i18n.int(file.runsWithFigures) })}
      </p>
      <dl className="pairs" aria-label={t('reconcile.preview.title')}>
        <div>
          <dt>{t('reconcile.preview.reportedKg')}</dt>
          <dd data-testid="reconcile-reported">{i18n.kg(totals.reportedKg)}</dd>
        </div>
        <div>
          <dt>{t('reconcile.preview.recomputedKg')}</dt>
          <dd data-testid="reconcile-recomputed">{i18n.kg(totals.recomputedKg)}</dd>
        </div>
        <div>
          <dt>{t('reconcile.preview.gapKg')}</dt>
          <dd>{signed(totals.gapKg)}</dd>
        </div>
      </dl>
      <h4>{t('reconcile.preview.reasons')}</h4>
      <ul aria-label={t('reconcile.preview.reasons')}>
        {parts.map((p) => (
          <li key={p.kind}>
            {t(`reconcile.preview.part.${p.kind}`, { gap: signed(p.gapKg), pct: i18n.pct(share(p.gapKg)) })}
          </li>
        ))}
        {totals.fallbackRuns > 0 && <li>{i18n.plural('reconcile.preview.fallback', totals.fallbackRuns)}</li>}
        {totals.unsplitRuns > 0 && <li>{i18n.plural('reconcile.preview.unsplit', totals.unsplitRuns)}</li>}
      </ul>
      {totals.largest && (
        <>
          {totals.runs > 1 && <p className="muted">{t('reconcile.preview.largest')}</p>}
          <ul className="muted">
            {totals.largest.reasons.map((reason, i) => (
              <li key={i}>{i18n.msg(reason)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
