import type { Restatement } from '../../../../shared/report/model'
import { nextQuarterOf } from '../../../../shared/report/restatements'
import { reportText } from '../../../../shared/report/text/index'
import { href } from '../../app/router'
import { figureText } from '../../components/figure-text'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

/** Restatements grouped by the closed quarter they restate, in order. */
const byQuarter = (list: readonly Restatement[]): [string, Restatement[]][] => {
  const groups = new Map<string, Restatement[]>()
  for (const r of list) groups.set(r.period, [...(groups.get(r.period) ?? []), r])
  return [...groups]
}

/**
 * Filed figures of closed quarters that the ledger now states differently (issue 13): the quarter, the old and the
 * new figure, the cause, and a link to the report that lists them. Nothing shows while every filed figure holds.
 */
export function Restatements() {
  const i18n = useI18n()
  const { t, language } = i18n
  const state = useLedgerQuery(({ ledger }) => ledger.closedQuarters.restatements(reportText(language)), [language])
  const list = state.data ?? []
  if (list.length === 0) return null
  const words = reportText(language)
  return (
    <section className="card restatements" aria-labelledby="restated-title">
      <h2 id="restated-title">{t('closed.restatedTitle')}</h2>
      <p className="muted">{t('closed.restatedIntro')}</p>
      {byQuarter(list).map(([period, rows]) => {
        const next = nextQuarterOf(period)
        return (
          <div key={period} className="restated-quarter">
            <div className="table-scroll">
              <table>
                <caption>
                  {t('closed.quarter')} {period}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('closed.figure')}</th>
                    <th scope="col" className="num">
                      {t('closed.filed')}
                    </th>
                    <th scope="col" className="num">
                      {t('closed.now')}
                    </th>
                    <th scope="col">{t('closed.cause')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.figure}>
                      <th scope="row">{words.keyFigure[r.figure]}</th>
                      <td className="num">{figureText(i18n, r.figure, r.filed)}</td>
                      <td className="num">{figureText(i18n, r.figure, r.now)}</td>
                      <td>{r.cause}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {next && (
              <a href={href('/reports', { period: 'quarter', start: next.start })}>
                {t('closed.restatedLink', { quarter: next.label })}
              </a>
            )}
          </div>
        )
      })}
    </section>
  )
}
