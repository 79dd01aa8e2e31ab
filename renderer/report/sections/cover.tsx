import type { ReportContext } from '../parts'

/** The first page: lab, period, scope, data version, the headline figure and the contents. */
export function Cover({ ctx, contents }: { ctx: ReportContext; contents: string[] }) {
  const { m, t, q } = ctx
  const stale = m.runDataVersions.filter((v) => v !== m.dataVersion)
  const generated = `${ctx.date(m.generatedAt)}, ${m.generatedAt.slice(11, 16)} UTC`
  return (
    <header className="cover">
      <p className="kicker">{t.kicker}</p>
      <h1>{m.labName}</h1>
      <p className="period">{m.periodLabel}</p>
      <dl className="cover-facts">
        <dt>{t.cover.period}</dt>
        <dd>{t.cover.periodText(m.period.start, m.period.end)}</dd>
        <dt>{t.cover.scope}</dt>
        <dd>{m.scopeLabel}</dd>
        <dt>{t.cover.generated}</dt>
        <dd>{generated}</dd>
        <dt>{t.cover.data}</dt>
        <dd>
          {t.cover.dataVersion(m.dataVersion)}
          {stale.length > 0 && <> {t.cover.staleRuns(stale.join(', '))}</>}
        </dd>
        <dt>{t.cover.runs}</dt>
        <dd>{q(m.total.runs)}</dd>
      </dl>
      <p className="headline">
        {t.cover.headline(
          `${q(m.total.emissionsKg.value)} kg CO2e`,
          q(m.total.emissionsKg.low),
          q(m.total.emissionsKg.high),
          `${q(m.total.energyKWh.value)} kWh`
        )}
      </p>
      <nav aria-label={t.contents}>
        <ol className="contents">
          {contents.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ol>
      </nav>
    </header>
  )
}
