import type { RunResult } from '../domain/result'
import type { RunInput } from '../domain/run'
import { type Message, msg, verbatim } from '../messages/index'

const G_PER_KG = 1000

/** One factor of the gap between the file's emissions and the ledger's. */
export interface ReconcilePart {
  /** 'pue': the facility overhead applied; 'energy': the IT energy counted; 'intensity': the grid intensity. */
  kind: 'pue' | 'energy' | 'intensity'
  fileValue: number
  ledgerValue: number
  /** ledgerValue / fileValue. */
  ratio: number
  /** This part's share of the gap, kg (ledger − file); the parts sum to the whole gap. */
  gapKg: number
  /** What the part is, in words: the file's figure and where it comes from beside the ledger's. */
  explanation: Message
}

export interface Reconciliation {
  reportedKg: number
  /** The ledger's figure recomputed with its own data (also when the lab counts the file's). */
  recomputedKg: number
  /** recomputedKg − reportedKg. */
  gapKg: number
  /** The factors of the gap, largest share first; empty when it cannot be split (a zero or missing figure). */
  parts: ReconcilePart[]
  /** The location as the file wrote it beside the place the ledger resolved, and CodeCarbon's own fallback. */
  location: { written: string; resolved: Message; fallback: boolean }
  /** Sentences naming the gap's reasons, largest first: the location, then each part that moves the figure. */
  reasons: Message[]
}

/** A ratio this close to 1 moves the figure by less than a rounding: not named as a reason. */
const NEGLIGIBLE = 0.005

/**
 * Why the ledger's emissions differ from what the file reported (issue 11, reconciliation; docs/methodology.md).
 * emissions = IT energy × PUE × intensity on both sides, so
 *   ledger / file = (IT_ledger / IT_file) × (PUE_ledger / PUE_file) × (I_ledger / I_file)
 * and each factor's share of the gap is the gap × ln(its ratio) / ln(the whole ratio) (the logarithmic mean Divisia
 * split): the shares always sum to the gap exactly, whatever the order of the factors. The file's intensity is its
 * emissions / its energy, its PUE 1 when it wrote none (CodeCarbon before 2.2.3 applied none). Pure: the run's input
 * (reportedEmissionsKg, reported) and its stored result (figures, trace) hold everything it needs.
 * Undefined when the run carries no reported emissions.
 */
export function reconcile(input: RunInput, result: RunResult): Reconciliation | undefined {
  const reportedKg = input.reportedEmissionsKg
  if (reportedKg === undefined) return undefined
  const recomputedKg = (result.recomputed?.emissionsKg ?? result.emissionsKg).value
  const reported = input.reported
  // a run imported before the reported block: a CodeCarbon energy with its PUE in it carries that PUE as the run's
  const storedPue = reported === undefined && input.measuredEnergyIncludesPue ? input.pue : undefined
  const filePue = reported?.pue ?? storedPue ?? 1
  const fileKWh = reported?.energyKWh ?? input.measuredEnergyKWh
  const location = {
    written: writtenLocation(input),
    resolved: result.locationLabelMsg ?? verbatim(result.locationLabel),
    fallback: reported?.locationFallback ?? false
  }
  const gapKg = recomputedKg - reportedKg
  const base = { reportedKg, recomputedKg, gapKg, location }
  const locationReasons = !location.fallback
    ? []
    : [
        location.written === '—'
          ? msg('reconcile.noLocation')
          : msg('reconcile.fallback', { written: location.written })
      ]

  const ledgerKWh = result.energyKWh.value
  const ledgerPue = result.pue.value
  const ledgerIntensity = result.intensityGPerKWh.value
  const fileIntensity =
    reported?.intensityGPerKWh ?? (fileKWh !== undefined && fileKWh > 0 ? (reportedKg / fileKWh) * G_PER_KG : undefined)
  if (
    fileKWh === undefined ||
    fileIntensity === undefined ||
    !(reportedKg > 0 && recomputedKg > 0 && fileKWh > 0 && ledgerKWh > 0 && ledgerIntensity > 0 && fileIntensity > 0)
  ) {
    return { ...base, parts: [], reasons: [...locationReasons, msg('reconcile.notSplit')] }
  }

  const fileIT = fileKWh / filePue
  const ledgerIT = ledgerKWh / ledgerPue
  const weight = logMean(recomputedKg, reportedKg)
  const part = (kind: ReconcilePart['kind'], fileValue: number, ledgerValue: number, explanation: Message) => {
    const ratio = ledgerValue / fileValue
    return { kind, fileValue, ledgerValue, ratio, gapKg: weight * Math.log(ratio), explanation }
  }
  const parts: ReconcilePart[] = [
    part(
      'intensity',
      fileIntensity,
      ledgerIntensity,
      msg('reconcile.intensity', {
        fileG: fileIntensity,
        written: location.written,
        ledgerG: ledgerIntensity,
        detail: intensityDetail(result),
        source: intensitySource(result)
      })
    ),
    part(
      'pue',
      filePue,
      ledgerPue,
      msg(reported?.pue === undefined ? 'reconcile.pueNone' : 'reconcile.pue', {
        filePue,
        ledgerPue,
        origin: pueOrigin(result)
      })
    ),
    part('energy', fileIT, ledgerIT, msg('reconcile.energy', { fileKWh: fileIT, ledgerKWh: ledgerIT }))
  ]
  parts.sort((a, b) => Math.abs(b.gapKg) - Math.abs(a.gapKg))
  const moving = parts.filter((p) => Math.abs(p.ratio - 1) > NEGLIGIBLE)
  const reasons = [
    ...locationReasons,
    ...moving.map((p) =>
      msg('reconcile.share', { part: p.explanation, pct: gapKg === 0 ? 0 : Math.round((100 * p.gapKg) / gapKg) })
    )
  ]
  return { ...base, parts, reasons: reasons.length > 0 ? reasons : [msg('reconcile.agree')] }
}

/** L(a, b) = (a − b) / (ln a − ln b), and a when they are equal: the weight that makes log shares add up. */
function logMean(a: number, b: number): number {
  const d = Math.log(a) - Math.log(b)
  return Math.abs(d) < 1e-12 ? a : (a - b) / d
}

/** The file's location as written: cloud provider and region, else country (ISO code) and region. */
export function writtenLocation(input: RunInput): string {
  const r = input.reported
  if (r === undefined) return '—'
  if (r.cloudProvider !== undefined && r.cloudRegion !== undefined) return `${r.cloudProvider}:${r.cloudRegion}`
  const country = [r.countryName, r.countryIso === undefined ? undefined : `(${r.countryIso})`]
    .filter((p) => p !== undefined)
    .join(' ')
  const text = [country, r.region].filter((p) => p !== undefined && p !== '').join(', ')
  return text === '' ? '—' : text
}

function intensityDetail(result: RunResult): Message {
  const step = result.trace.find((s) => s.labelMsg?.id === 'trace.intensity')
  const detail = step?.labelMsg?.params?.detail
  if (detail !== undefined && typeof detail === 'object' && !Array.isArray(detail)) return detail
  return verbatim(step?.label ?? result.locationLabel)
}

function intensitySource(result: RunResult): string {
  const id = result.trace.find(
    (s) => s.labelMsg?.id === 'trace.intensity' || s.label?.startsWith('Grid intensity')
  )?.sourceId
  return result.sources.find((s) => s.id === id)?.title ?? '—'
}

function pueOrigin(result: RunResult): Message {
  const step = result.trace.find((s) => s.labelMsg?.id === 'trace.pue')
  const origin = step?.labelMsg?.params?.origin
  if (origin !== undefined && typeof origin === 'object' && !Array.isArray(origin)) return origin
  return verbatim('—')
}

/** The reconciliations of many runs (one imported file) summed: the totals and the gap by its parts. */
export interface ReconciliationTotals {
  runs: number
  reportedKg: number
  recomputedKg: number
  gapKg: number
  /** Each part's share of the gap summed over the runs, largest first; they sum to gapKg (runs that could be split). */
  parts: { kind: ReconcilePart['kind']; gapKg: number }[]
  /** Runs whose gap could not be split (a zero or missing figure): their gap is in gapKg, in no part. */
  unsplitRuns: number
  /** Runs where CodeCarbon could not locate the machine. */
  fallbackRuns: number
  /** The run with the largest gap: its reasons name the figures (the file's g/kWh against the ledger's). */
  largest: Reconciliation | undefined
}

export function reconcileTotals(list: readonly Reconciliation[]): ReconciliationTotals {
  const byKind = new Map<ReconcilePart['kind'], number>()
  let reportedKg = 0
  let recomputedKg = 0
  let unsplitRuns = 0
  let fallbackRuns = 0
  let largest: Reconciliation | undefined
  for (const r of list) {
    reportedKg += r.reportedKg
    recomputedKg += r.recomputedKg
    if (r.parts.length === 0) unsplitRuns += 1
    if (r.location.fallback) fallbackRuns += 1
    for (const p of r.parts) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + p.gapKg)
    if (largest === undefined || Math.abs(r.gapKg) > Math.abs(largest.gapKg)) largest = r
  }
  const parts = [...byKind].map(([kind, gapKg]) => ({ kind, gapKg }))
  parts.sort((a, b) => Math.abs(b.gapKg) - Math.abs(a.gapKg))
  return {
    runs: list.length,
    reportedKg,
    recomputedKg,
    gapKg: recomputedKg - reportedKg,
    parts,
    unsplitRuns,
    fallbackRuns,
    largest
  }
}
