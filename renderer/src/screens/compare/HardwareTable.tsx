import { useMemo, useState } from 'react'
import { type HardwareComparison, type HardwareRow, type HardwareSortKey } from '../../../../shared/planning'
import { useI18n } from '../../i18n/I18nProvider'
import { Notes, RangeCell, SavingCell } from './cells'
import { sortRows } from './compare-form'

const HARDWARE_ROWS = 25

type SortKey = HardwareSortKey | 'efficiency'

export function HardwareTable({ comparison }: { comparison: HardwareComparison }) {
  const i18n = useI18n()
  const { t, num } = i18n
  const [sortKey, setSortKey] = useState<SortKey>('emissions')
  const [showAll, setShowAll] = useState(false)
  const sorted = useMemo(() => sortRows(comparison.rows, sortKey), [comparison, sortKey])
  const shown = showAll ? sorted : sorted.filter((r, i) => i < HARDWARE_ROWS || r.current)
  const hours = (v: number) => `${num(v)} h`
  // A render function, not a component: a component made per render would remount and lose the button's focus.
  const sortHeader = (k: SortKey, label: string) => (
    <th key={k} scope="col" className="num" aria-sort={sortKey === k ? 'ascending' : 'none'}>
      <button type="button" className="sort" onClick={() => setSortKey(k)}>
        {label}
        <span aria-hidden="true">{sortKey === k ? ' ▲' : ''}</span>
      </button>
    </th>
  )
  const mfu = comparison.mfu
  return (
    <section className="card" aria-labelledby="hw-title">
      <h2 id="hw-title">{t('compare.hardwareTitle')}</h2>
      <p className="muted">
        {i18n.plural('compare.hardwareAssumptions', comparison.deviceCount, {
          precision: comparison.precision,
          mfu: i18n.pct(mfu.value),
          low: i18n.pct(mfu.low),
          high: i18n.pct(mfu.high),
          current: comparison.current?.name ?? t('compare.noCurrent')
        })}
      </p>
      <div className="table-scroll">
        <table aria-label={t('compare.hardwareTable')}>
          <thead>
            <tr>
              <th scope="col">{t('compare.col.rank')}</th>
              <th scope="col">{t('compare.col.hardware')}</th>
              <th scope="col" className="num">
                {t('compare.col.tflops', { precision: comparison.precision })}
              </th>
              <th scope="col" className="num">
                {t('compare.col.tdp')}
              </th>
              {sortHeader('efficiency', t('compare.col.gflopsPerW'))}
              {sortHeader('time', t('compare.col.time'))}
              {sortHeader('energy', t('compare.col.energy'))}
              {sortHeader('emissions', t('compare.col.emissions'))}
              <th scope="col" className="num">
                {t('compare.col.market')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.saving')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r: HardwareRow) => (
              <tr key={r.hardwareId} className={r.current ? 'current' : undefined}>
                <td>{sorted.indexOf(r) + 1}</td>
                <th scope="row">
                  {r.name}
                  {r.current && (
                    <>
                      {' '}
                      <span className="tag">{t('compare.current')}</span>
                    </>
                  )}
                  {r.custom && (
                    <>
                      {' '}
                      <span className="tag">{t('compare.custom')}</span>
                    </>
                  )}
                </th>
                <td className="num">{num(r.peakTflops)}</td>
                <td className="num">{num(r.tdpW)}</td>
                <td className="num">{num(r.gflopsPerW)}</td>
                <RangeCell range={r.wallHours} format={hours} i18n={i18n} />
                <RangeCell range={r.energyKWh} format={i18n.kWh} i18n={i18n} />
                <RangeCell range={r.emissionsKg} format={i18n.kg} i18n={i18n} />
                <RangeCell range={r.marketEmissionsKg} format={i18n.kg} i18n={i18n} />
                {r.savingKg ? <SavingCell saving={r.savingKg} i18n={i18n} /> : <td className="num">–</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > HARDWARE_ROWS && (
        <button type="button" onClick={() => setShowAll((s) => !s)}>
          {showAll ? t('compare.showFewer') : t('compare.showAll', { count: sorted.length })}
        </button>
      )}
      {comparison.withoutFlops.length > 0 && (
        <p className="muted">
          {i18n.plural('compare.withoutFlops', comparison.withoutFlops.length, { precision: comparison.precision })}
        </p>
      )}
      <Notes notes={comparison.notes} msgs={comparison.noteMsgs} />
    </section>
  )
}
