import { type ReactNode, useLayoutEffect, useRef } from 'react'
import type { Range } from '../../shared/domain/range'
import {
  formatChange,
  formatPercent,
  formatQuantity,
  inUnit,
  REPORT_LOCALES,
  type ReportLanguage,
  type TableUnit
} from '../../shared/report/format'
import type { ReportModel } from '../../shared/report/model'
import type { ReportText } from '../../shared/report/text/index'

/** What every section reads: the model, the words of its language and the number formats of its locale. */
export interface ReportContext {
  m: ReportModel
  t: ReportText
  language: ReportLanguage
  q: (x: number) => string
  pct: (share: number) => string
  change: (change: number) => string
  /** An ISO date or instant as the locale writes a date (UTC). */
  date: (iso: string) => string
  /** A month ('2025-03') with the locale's month name: "Mar 25", "März 25". */
  month: (ym: string) => string
}

const dateFormats = new Map<ReportLanguage, Intl.DateTimeFormat>()
const monthFormats = new Map<ReportLanguage, Intl.DateTimeFormat>()

const monthFormat = (language: ReportLanguage): Intl.DateTimeFormat => {
  let format = monthFormats.get(language)
  if (!format)
    monthFormats.set(
      language,
      (format = new Intl.DateTimeFormat(REPORT_LOCALES[language], { month: 'short', year: '2-digit', timeZone: 'UTC' }))
    )
  return format
}

export function reportContext(m: ReportModel, t: ReportText): ReportContext {
  const language = m.language
  let dates = dateFormats.get(language)
  if (!dates)
    dateFormats.set(
      language,
      (dates = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }))
    )
  const format = dates
  return {
    m,
    t,
    language,
    q: (x) => formatQuantity(x, language),
    pct: (share) => formatPercent(share, language),
    change: (c) => formatChange(c, language),
    date: (iso) => format.format(new Date(iso)),
    month: (ym) => monthFormat(language).format(new Date(`${ym}-01T00:00:00Z`))
  }
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  )
}

/** A value with its range under it, in a table's unit; an exact figure (a purchase, a count) has none to show. */
export const RangeCell = ({ r, unit, ctx }: { r: Range; unit: TableUnit; ctx: ReportContext }) =>
  r.low === r.value && r.high === r.value ? (
    <>{inUnit(r.value, unit, ctx.language)}</>
  ) : (
    <>
      {inUnit(r.value, unit, ctx.language)}{' '}
      <span className="range">
        ({inUnit(r.low, unit, ctx.language)} – {inUnit(r.high, unit, ctx.language)})
      </span>
    </>
  )

/** The full names of those a table shortened (shared/report/names.ts), printed under it. */
export function NameNotes({ notes, ctx }: { notes: { n: number; name: string }[]; ctx: ReportContext }) {
  if (notes.length === 0) return null
  return (
    <div className="name-notes">
      <p className="name-notes-title">{ctx.t.table.fullNames}</p>
      <ol>
        {notes.map((note) => (
          <li key={note.n} value={note.n}>
            {note.name}
          </li>
        ))}
      </ol>
    </div>
  )
}

export function Canvas({
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
