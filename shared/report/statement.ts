import type { Range } from '../domain/range'
import { formatPercent, formatQuantity } from './format'
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

const render = (parts: Part[], latex: boolean): string =>
  parts
    .map((p) => {
      if (typeof p === 'string') return latex ? latexEscape(p) : p
      if ('n' in p) return latex ? formatQuantity(p.n).replace(/,/g, '{,}') : formatQuantity(p.n)
      const num = (x: number) => (latex ? formatQuantity(x).replace(/,/g, '{,}') : formatQuantity(x))
      const unit = p.co2 ? (latex ? 'kg~CO$_2$e' : 'kg CO2e') : latex ? latexEscape(p.unit) : p.unit
      return latex
        ? `${num(p.range.value)}~${unit} (range ${num(p.range.low)}--${num(p.range.high)})`
        : `${num(p.range.value)} ${unit} (range ${num(p.range.low)}–${num(p.range.high)})`
    })
    .join('')

/**
 * A paragraph a paper can quote: the period's figures with their ranges, the method and the data version. The
 * same words as plain text and as LaTeX (special characters of names escaped).
 */
export function citableStatement(m: Omit<ReportModel, 'statement'>): CitableStatement {
  const t = m.total
  const scope = m.scopeLabel === 'Whole lab' ? '' : ` (${m.scopeLabel})`
  const parts: Part[] = [
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
  return { text: render(parts, false), latex: render(parts, true) }
}
