import type { Range } from '../domain/range'
import { formatPercent, formatQuantity, type ReportLanguage } from './format'
import type { ReportModel } from './model'

export interface CitableStatement {
  text: string
  latex: string
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}'
}

/** Text safe inside a LaTeX paragraph: the ten special characters escaped, line breaks made spaces. */
export function latexEscape(text: string): string {
  return text.replace(/[\\{}$&#%_^~]/g, (c) => LATEX_SPECIALS[c] ?? c).replace(/[\r\n\t]+/g, ' ')
}

type Part = string | { n: number } | { range: Range; unit: string; co2?: boolean }

const render = (parts: Part[], latex: boolean, language: ReportLanguage): string =>
  parts
    .map((p) => {
      // LaTeX reads a comma as punctuation with space after it: {,} keeps it a separator inside a number.
      const num = (x: number) =>
        latex ? formatQuantity(x, language).replace(/,/g, '{,}') : formatQuantity(x, language)
      if (typeof p === 'string') return latex ? latexEscape(p) : p
      if ('n' in p) return num(p.n)
      const unit = p.co2 ? (latex ? 'kg~CO$_2$e' : 'kg CO2e') : latex ? latexEscape(p.unit) : p.unit
      const range = language === 'de' ? 'Spanne' : 'range'
      return latex
        ? `${num(p.range.value)}~${unit} (${range} ${num(p.range.low)}--${num(p.range.high)})`
        : `${num(p.range.value)} ${unit} (${range} ${num(p.range.low)}–${num(p.range.high)})`
    })
    .join('')

/**
 * A paragraph a paper can quote: the period's figures with their ranges, the method and the data version. The
 * same words as plain text and as LaTeX (special characters of names escaped).
 */
export function citableStatement(m: Omit<ReportModel, 'statement'>): CitableStatement {
  const t = m.total
  const language = m.language
  const whole = m.scope.projectIds.length === 0 && m.scope.people.length === 0
  const scope = whole ? '' : ` (${m.scopeLabel})`
  const parts: Part[] =
    language === 'de'
      ? germanParts(m, scope)
      : [
          `In ${m.periodLabel} (${m.period.start} to ${m.period.end}), the machine-learning work of ${m.labName}${scope} comprised `,
          { n: t.runs },
          ` runs and `,
          { n: t.gpuHours },
          ` GPU-hours. It used an estimated `,
          { range: t.energyKWh, unit: 'kWh' },
          ` of electricity, corresponding to `,
          { range: t.emissionsKg, unit: '', co2: true },
          ` location-based and `,
          { range: t.marketEmissionsKg, unit: '', co2: true },
          ` market-based emissions; the embodied emissions of the hardware used add `,
          { range: t.embodiedKg, unit: '', co2: true },
          `. The energy of ${formatPercent(m.dataQuality.measuredShare)} of the runs was measured, the rest estimated from hardware power and duration. ` +
            `Figures were computed with Carbon Ledger (reference data version ${m.dataVersion}) following the method of Green Algorithms (Lannelongue et al., 2021) ` +
            `and the Machine Learning Emissions Calculator (Lacoste et al., 2019), with grid carbon intensities from Ember and Electricity Maps; ranges are judgement bounds, not confidence intervals.`
        ]
  return { text: render(parts, false, language), latex: render(parts, true, language) }
}

const germanParts = (m: Omit<ReportModel, 'statement'>, scope: string): Part[] => {
  const t = m.total
  return [
    `Im Zeitraum ${m.periodLabel} (${m.period.start} bis ${m.period.end}) umfasste die Arbeit des maschinellen Lernens von ${m.labName}${scope} `,
    { n: t.runs },
    ` Läufe und `,
    { n: t.gpuHours },
    ` GPU-Stunden. Sie verbrauchte geschätzt `,
    { range: t.energyKWh, unit: 'kWh' },
    ` Strom, entsprechend `,
    { range: t.emissionsKg, unit: '', co2: true },
    ` standortbasierten und `,
    { range: t.marketEmissionsKg, unit: '', co2: true },
    ` marktbasierten Emissionen; die grauen Emissionen der genutzten Hardware kommen mit `,
    { range: t.embodiedKg, unit: '', co2: true },
    ` hinzu. Die Energie von ${formatPercent(m.dataQuality.measuredShare, 'de')} der Läufe wurde gemessen, der Rest aus Leistung und Dauer der Hardware geschätzt. ` +
      `Die Werte wurden mit Carbon Ledger (Referenzdaten Version ${m.dataVersion}) nach der Methode von Green Algorithms (Lannelongue et al., 2021) ` +
      `und dem Machine Learning Emissions Calculator (Lacoste et al., 2019) berechnet, mit Netzintensitäten von Ember und Electricity Maps; Spannen sind begründete Grenzen, keine Konfidenzintervalle.`
  ]
}
