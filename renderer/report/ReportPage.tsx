import { useLayoutEffect, useRef, type ReactNode } from 'react'
import type { Range } from '../../shared/domain/range'
import type { RollupSums } from '../../shared/ledger/records'
import { formatChange, formatPercent, formatQuantity, formatRange } from '../../shared/report/format'
import type { BreakdownRow, ReportModel } from '../../shared/report/model'
import { drawBreakdownChart, drawTrendChart } from './charts'

const BREAKDOWN_CHART_ROWS = 8

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  )
}

const R = ({ r }: { r: Range }) => (
  <>
    {formatQuantity(r.value)}{' '}
    <span className="range">
      ({formatQuantity(r.low)} – {formatQuantity(r.high)})
    </span>
  </>
)

function Canvas({
  width,
  height,
  draw,
  label
}: {
  width: number
  height: number
  draw: (c: HTMLCanvasElement) => { destroy(): void }
  label: string
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  useLayoutEffect(() => {
    if (!ref.current) return
    const chart = draw(ref.current)
    return () => chart.destroy()
  }, [draw])
  return <canvas ref={ref} width={width} height={height} role="img" aria-label={label} style={{ width, height }} />
}

function SumsTable({ rows, first, second }: { rows: BreakdownRow[]; first: string; second?: string }) {
  return (
    <table>
      <thead>
        <tr>
          <th>{first}</th>
          {second && <th>{second}</th>}
          <th className="num">Runs</th>
          <th className="num">GPU-h</th>
          <th className="num">Energy kWh</th>
          <th className="num">Location-based kg CO2e (range)</th>
          <th className="num">Market-based kg</th>
          <th className="num">Embodied kg</th>
          <th className="num">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td className="name">{r.label}</td>
            {second && <td>{r.detail}</td>}
            <SumCells s={r.sums} />
            <td className="num">{formatPercent(r.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function SumCells({ s }: { s: RollupSums }) {
  return (
    <>
      <td className="num">{formatQuantity(s.runs)}</td>
      <td className="num">{formatQuantity(s.gpuHours)}</td>
      <td className="num">{formatQuantity(s.energyKWh.value)}</td>
      <td className="num">
        <R r={s.emissionsKg} />
      </td>
      <td className="num">{formatQuantity(s.marketEmissionsKg.value)}</td>
      <td className="num">{formatQuantity(s.embodiedKg.value)}</td>
    </>
  )
}

const chartRows = (rows: BreakdownRow[]) =>
  rows.slice(0, BREAKDOWN_CHART_ROWS).map((r) => ({ label: r.label, emissionsKg: r.sums.emissionsKg, share: r.share }))

export function ReportPage({ model: m }: { model: ReportModel }) {
  const generated = m.generatedAt.replace('T', ' ').slice(0, 16) + ' UTC'
  const trend = (c: HTMLCanvasElement) =>
    drawTrendChart(c, {
      months: m.trend.map((t) => t.month),
      emissionsKg: m.trend.map((t) => t.emissionsKg),
      marketKg: m.trend.map((t) => t.marketEmissionsKg.value),
      inPeriod: m.trend.map((t) => t.inPeriod)
    })
  const hardwareChart = (c: HTMLCanvasElement) => drawBreakdownChart(c, chartRows(m.byHardware))
  const locationChart = (c: HTMLCanvasElement) => drawBreakdownChart(c, chartRows(m.byLocation))
  const barHeight = (n: number) => 40 + Math.min(n, BREAKDOWN_CHART_ROWS) * 24
  const dq = m.dataQuality
  return (
    <article>
      <header className="cover">
        <p className="kicker">Carbon Ledger · energy and carbon report</p>
        <h1>{m.labName}</h1>
        <p className="period">{m.periodLabel}</p>
        <dl className="cover-facts">
          <dt>Period</dt>
          <dd>
            {m.period.start} to {m.period.end} (whole UTC months)
          </dd>
          <dt>Scope</dt>
          <dd>{m.scopeLabel}</dd>
          <dt>Generated</dt>
          <dd>{generated}</dd>
          <dt>Reference data</dt>
          <dd>
            version {m.dataVersion}
            {m.runDataVersions.some((v) => v !== m.dataVersion) && (
              <>
                {' '}
                (some runs computed with {m.runDataVersions.filter((v) => v !== m.dataVersion).join(', ')}: recompute
                them in the app)
              </>
            )}
          </dd>
          <dt>Runs</dt>
          <dd>{formatQuantity(m.total.runs)}</dd>
        </dl>
        <p className="headline">
          <strong>{formatQuantity(m.total.emissionsKg.value)} kg CO2e</strong> location-based (range{' '}
          {formatQuantity(m.total.emissionsKg.low)} – {formatQuantity(m.total.emissionsKg.high)}), from{' '}
          {formatQuantity(m.total.energyKWh.value)} kWh of electricity.
        </p>
        <nav aria-label="Contents">
          <ol className="contents">
            {[
              'Key figures',
              'Monthly trend',
              'Projects and people',
              'Hardware and locations',
              'Largest runs',
              'What if',
              'Data quality',
              'Methodology',
              'Assumptions',
              'Data sources',
              'Glossary',
              'Citable statement'
            ].map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        </nav>
      </header>

      <Section id="key-figures" title="Key figures">
        <div className="figures">
          {m.keyFigures.map((k) => (
            <div className="figure-card" key={k.id}>
              <div className="figure-label">{k.label}</div>
              <div className="figure-value">
                {formatQuantity(k.value.value)} <span className="unit">{k.unit}</span>
              </div>
              {k.value.high > k.value.low && (
                <div className="figure-range">
                  range {formatQuantity(k.value.low)} – {formatQuantity(k.value.high)}
                </div>
              )}
              <div className="figure-change">
                vs {m.previousPeriodLabel}:{' '}
                {k.changeVsPrevious === null ? 'no comparable figure' : formatChange(k.changeVsPrevious)}{' '}
                <span className="was">
                  (was {formatQuantity(k.previous)} {k.unit})
                </span>
              </div>
              <div className="figure-change">
                vs {m.yearBeforeLabel}:{' '}
                {k.changeVsYearBefore === null ? 'no comparable figure' : formatChange(k.changeVsYearBefore)}{' '}
                <span className="was">
                  (was {formatQuantity(k.yearBefore)} {k.unit})
                </span>
              </div>
            </div>
          ))}
        </div>
        <p className="equivalents">
          The location-based emissions equal about <strong>{formatQuantity(m.equivalents.carKm)} km</strong> by an
          average car, <strong>{formatQuantity(m.equivalents.treeMonths)} tree-months</strong> of absorption, or{' '}
          <strong>{formatQuantity(m.equivalents.flights)} flights</strong> ({m.equivalents.flightLabel}).
        </p>
        <p className="note">
          Ranges are low – high bounds from the uncertainty of each factor. Embodied emissions are reported separately
          and not included in the other figures.
        </p>
      </Section>

      <Section id="trend" title="Monthly trend">
        <figure>
          <Canvas width={660} height={250} draw={trend} label="Monthly emissions, location-based and market-based" />
          <figcaption>
            Location-based emissions per month (kg CO2e) over the twelve months to the end of the period, with
            market-based emissions as a dashed line.
          </figcaption>
        </figure>
      </Section>

      <Section id="projects" title="Per project">
        <SumsTable rows={m.byProject} first="Project" />
      </Section>
      <Section id="people" title="Per person">
        <SumsTable rows={m.byPerson} first="Person" />
      </Section>

      <Section id="hardware" title="By hardware">
        <figure>
          <Canvas
            width={660}
            height={barHeight(m.byHardware.length)}
            draw={hardwareChart}
            label="Emissions by hardware"
          />
        </figure>
        <SumsTable rows={m.byHardware} first="Hardware (main device)" second="Class" />
      </Section>
      <Section id="locations" title="By location">
        <figure>
          <Canvas
            width={660}
            height={barHeight(m.byLocation.length)}
            draw={locationChart}
            label="Emissions by location"
          />
        </figure>
        <SumsTable rows={m.byLocation} first="Location" second="Kind" />
      </Section>

      <Section id="largest" title="Largest runs">
        <table className="runs">
          <colgroup>
            <col style={{ width: '15%' }} />
            <col style={{ width: '19%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>Run</th>
              <th>Project · person</th>
              <th>Started (UTC)</th>
              <th>Hardware</th>
              <th>Location</th>
              <th className="num">kWh</th>
              <th className="num">kg CO2e (range)</th>
            </tr>
          </thead>
          <tbody>
            {m.largestRuns.map((r) => (
              <tr key={r.id}>
                <td className="name">
                  {r.title}
                  <span className="sub">
                    {r.kind}, {r.method}
                  </span>
                </td>
                <td className="name">
                  {r.project}
                  <span className="sub">{r.person}</span>
                </td>
                <td>{new Date(r.startedAt).toISOString().slice(0, 10)}</td>
                <td>{r.hardware}</td>
                <td>{r.location}</td>
                <td className="num">{formatQuantity(r.energyKWh.value)}</td>
                <td className="num">
                  <R r={r.emissionsKg} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="what-if" title="What if">
        {[m.whatIfs.region, m.whatIfs.hardware].map((w) => (
          <div className="card" key={w.kind}>
            <h3>{w.kind === 'region' ? 'Cleanest region of the same provider' : 'More efficient hardware'}</h3>
            <p>{w.title}.</p>
            <p className="saving">
              {w.runCount === 0 ? (
                'No run of the period has a cleaner option of this kind.'
              ) : (
                <>
                  Saved: <strong>{formatQuantity(w.savedKg.value)} kg CO2e</strong> (range{' '}
                  {formatQuantity(w.savedKg.low)} – {formatQuantity(w.savedKg.high)}), {formatPercent(w.savedShare)} of
                  the period&apos;s location-based emissions, over {w.runCount} runs.
                </>
              )}
            </p>
            {w.moves.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th>From</th>
                    <th>To</th>
                    <th className="num">Runs</th>
                    <th className="num">kg saved (range)</th>
                  </tr>
                </thead>
                <tbody>
                  {w.moves.map((mv) => (
                    <tr key={`${mv.from}>${mv.to}`}>
                      <td>{mv.from}</td>
                      <td>{mv.to}</td>
                      <td className="num">{mv.runCount}</td>
                      <td className="num">
                        <R r={mv.savedKg} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
        {m.whatIfs.recommendations.length > 0 && (
          <div className="card">
            <h3>Recommendations</h3>
            <ol>
              {m.whatIfs.recommendations.map((r) => (
                <li key={r.title}>
                  {r.title}: saves {formatRange(r.savedKg)} kg CO2e of their {formatQuantity(r.emissionsKg.value)} kg.
                </li>
              ))}
            </ol>
          </div>
        )}
      </Section>

      <Section id="data-quality" title="Data quality">
        <ul className="facts">
          <li>
            Energy measured for <strong>{dq.measured}</strong> of {dq.runs} runs ({formatPercent(dq.measuredShare)});
            estimated from hardware power and duration for {dq.estimated} ({formatPercent(1 - dq.measuredShare || 0)}).
          </li>
          <li>
            Runs with an unknown location: <strong>{dq.unknownLocation}</strong> (
            {formatPercent(dq.unknownLocationShare)}), {formatPercent(dq.unknownLocationEmissionsShare)} of the
            emissions and {formatPercent(dq.unknownLocationWidthShare)} of the range width. They use the world average
            intensity.
          </li>
          <li>
            The location-based range is {formatQuantity(dq.rangeWidthKg)} kg wide, {formatPercent(dq.relativeWidth)} of
            the best estimate.
          </li>
        </ul>
        <table className="narrow">
          <thead>
            <tr>
              <th>What the uncertainty comes from</th>
              <th className="num">Share of the range</th>
            </tr>
          </thead>
          <tbody>
            {dq.uncertainty.map((u) => (
              <tr key={u.factor}>
                <td>{u.label}</td>
                <td className="num">{formatPercent(u.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="methodology" title="Methodology">
        <dl className="method">
          {m.methodology.map((l) => (
            <div key={l.label} className="method-line">
              <dt>{l.label}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="assumptions" title="Assumptions">
        {m.assumptions.length === 0 ? (
          <p>No run of the period needed an assumption.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Assumption made in the computation</th>
                <th className="num">Runs</th>
              </tr>
            </thead>
            <tbody>
              {m.assumptions.map((a) => (
                <tr key={a.text}>
                  <td>{a.text}</td>
                  <td className="num">{a.runs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="sources" title="Data sources">
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Version</th>
              <th>Licence</th>
              <th className="num">Runs citing it</th>
            </tr>
          </thead>
          <tbody>
            {m.sources.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.title}
                  <div className="attribution">{s.attribution}</div>
                </td>
                <td>{s.version || '–'}</td>
                <td>{s.licence || '–'}</td>
                <td className="num">{s.runs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="glossary" title="Glossary">
        <dl className="glossary">
          {m.glossary.map((g) => (
            <div key={g.term} className="method-line">
              <dt>{g.term}</dt>
              <dd>{g.definition}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="statement" title="Citable statement">
        <p className="statement">{m.statement.text}</p>
        <h3>LaTeX</h3>
        <pre className="latex">{m.statement.latex}</pre>
      </Section>
    </article>
  )
}
