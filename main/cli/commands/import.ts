import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { RunInput } from '../../../shared/domain/run'
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { reconcile } from '../../../shared/emissions/reconcile'
import { estimateFigures, estimateRun, yearlyFiguresEstimator } from '../../../shared/emissions/resolve'
import {
  catalogueMatcher,
  createImporter,
  detectFormat,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  slurmPartitionSchema
} from '../../../shared/import'
import { isTimeZone } from '../../../shared/import/time-zone'
import { english } from '../../../shared/messages'
import { loadReferenceData } from '../../../shared/refdata'
import { InputError, UsageError } from '../args'
import { type Command, writeJsonLines } from '../command'
import { readTextChunks } from '../read-file'

const usage = `
usage: import <file> [--format codecarbon|nvidia-smi|ledger|slurm] [--time-zone ZONE] [--partitions FILE] [--json]

Reads a CodeCarbon CSV, an nvidia-smi power log, a Slurm accounting export (sacct --parsable2) or a Carbon Ledger run
file and shows the runs it holds, with their energy and emissions, row errors and warnings. Nothing is stored. The
format is detected from the content unless given.

  --time-zone ZONE   the zone of timestamps written without one (sacct prints the local time of where it ran),
                     an IANA name such as Europe/Berlin; without it they are read as UTC, with a warning
  --partitions FILE  Slurm partitions' hardware and location, a JSON object such as
                     {"gpu-a100": {"gpu": "NVIDIA A100-SXM4-80GB", "location": {"kind": "country", "code": "DE"}}}

Exit 0 when runs were read (row errors are listed), 1 when the file cannot be used.
`

const FORMATS = ['codecarbon', 'nvidia-smi', 'ledger', 'slurm'] as const
const partitionsSchema = z.record(z.string(), slurmPartitionSchema)

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

function describeLocation(input: RunInput): string {
  const l = input.location
  switch (l.kind) {
    case 'cloud':
      return `${l.provider}:${l.region}`
    case 'country':
      return l.code
    case 'zone':
      return l.zone
    case 'custom':
      return l.label
    case 'unknown':
      return 'unknown'
  }
}

async function parseFile(
  path: string,
  forced: (typeof FORMATS)[number] | undefined,
  given: Pick<ImportOptions, 'timeZone' | 'slurmPartitions'>
): Promise<ImportResult> {
  const fileName = basename(path)
  const options = { ...given, fileName, matchHardware: catalogueMatcher(loadReferenceData()) }
  let importer: ReturnType<typeof createImporter> | undefined
  for await (const chunk of readTextChunks(path)) {
    if (!importer) {
      const detected = detectFormat(chunk.slice(0, 64 * 1024), fileName)
      if ('error' in detected) throw new InputError(detected.error)
      const format: ImportFormat = detected.format
      const family = format.startsWith('ledger') ? 'ledger' : format
      if (forced && forced !== family)
        throw new InputError(`${fileName}: --format ${forced} given, but the file looks like ${family}`)
      importer = createImporter(format, options)
    }
    importer.push(chunk)
  }
  if (!importer) throw new InputError(`${fileName} is empty`)
  return importer.finish()
}

/**
 * The reference data and default lab, with the hourly profiles of the hours the file's computed runs ran loaded
 * first, exactly as the app's import does (renderer/db/engine.ts).
 */
async function referenceFor(result: ImportResult) {
  const ref = loadReferenceData()
  const lab = labDefaultsSchema.parse({})
  await preloadRunHourly(
    result.runs.filter((run) => run.emissionsSource !== 'reported').map((run) => run.input),
    ref,
    lab
  )
  return { ref, lab }
}

/**
 * The import's JSON document: the summary, then every run with its figures, then what went wrong. Computed runs use
 * the hourly profiles of the hours they ran.
 */
export async function importJson(result: ImportResult) {
  const { ref, lab } = await referenceFor(result)
  // runs of one file name the same few devices: one string each, shared
  const deviceTexts = new Map<string, string>()
  const deviceText = (count: number, name: string): string => {
    const key = `${count}|${name}`
    let text = deviceTexts.get(key)
    if (text === undefined) {
      text = `${count} × ${name}`
      deviceTexts.set(key, text)
    }
    return text
  }
  const runs = result.runs.map((run) => {
    const gpus = run.input.devices.reduce((n, d) => n + (d.kind === 'gpu' ? d.count : 0), 0)
    const reported = run.emissionsSource === 'reported' ? run.input.reportedEmissionsKg : undefined
    const result = estimateRun(run.input, ref, lab, hourlyProfilesOfRun(run.input, ref, lab))
    const emissionsKg = reported ?? result.emissionsKg.value
    // issue 11: the file's own figures beside the ledger's recomputed one, and the gap by its parts
    const reconciled = reported === undefined ? undefined : reconcile(run.input, result)
    const gapOf = (kind: 'intensity' | 'pue' | 'energy') =>
      reconciled?.parts.find((p) => p.kind === kind)?.gapKg ?? null
    return {
      externalId: run.externalId,
      ...(run.input.source.jobId !== undefined ? { jobId: run.input.source.jobId } : {}),
      project: run.input.project,
      person: run.input.person,
      startedAt: run.input.startedAt,
      durationS: run.input.durationS,
      energyKWh: run.input.measuredEnergyKWh ?? null,
      emissionsKg,
      emissionsSource: run.emissionsSource,
      location: describeLocation(run.input),
      hardware: run.input.devices.map((d) => deviceText(d.count, d.name)),
      gpuHours: (gpus * run.input.durationS) / 3600,
      ...(run.input.outcome ? { state: run.input.outcome.state, successful: run.input.outcome.successful } : {}),
      warnings: run.warnings,
      ...(reconciled !== undefined
        ? {
            reported: run.input.reported ?? null,
            recomputedEmissionsKg: reconciled.recomputedKg,
            reconcile: {
              gapKg: reconciled.gapKg,
              intensityGapKg: gapOf('intensity'),
              pueGapKg: gapOf('pue'),
              energyGapKg: gapOf('energy'),
              reasons: reconciled.reasons.map(english)
            }
          }
        : {})
    }
  })
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  return {
    format: result.format,
    fileName: result.fileName,
    summary: {
      rows: result.rows,
      runs: runs.length,
      skippedRows: new Set(result.errors.map((e) => e.row)).size,
      energyKWh: sum(runs.flatMap((r) => (r.energyKWh === null ? [] : [r.energyKWh]))),
      emissionsKg: sum(runs.map((r) => r.emissionsKg)),
      reportedEmissionsKg: sum(runs.flatMap((r) => (r.emissionsSource === 'reported' ? [r.emissionsKg] : []))),
      /** What the ledger's data give for the runs that reported their own emissions (issue 11). */
      recomputedEmissionsKg: sum(
        runs.flatMap((r) => (r.recomputedEmissionsKg === undefined ? [] : [r.recomputedEmissionsKg]))
      ),
      gpuHours: sum(runs.map((r) => r.gpuHours)),
      /** Scheduler jobs that failed, were cancelled, timed out or ran out of memory (they used energy too). */
      unsuccessfulRuns: runs.filter((r) => r.successful === false).length
    },
    runs,
    warnings: result.warnings,
    errors: result.errors
  }
}

/**
 * The summary's figures alone, as importJson's summary gives them, for the plain (non --json) form: each run's
 * figures without trace, assumptions, sources or reconciliation text, the factors of each distinct device, place and
 * year resolved once (runs on an hourly profile are resolved each on its own hours). Same runs, same order, same sums:
 * tests/unit/cli/import-summary.test.ts compares it with importJson's summary on every import fixture.
 */
export async function importSummary(result: ImportResult): Promise<ReturnType<typeof summaryShape>> {
  const { ref, lab } = await referenceFor(result)
  const yearly = yearlyFiguresEstimator(ref, lab)
  // the sums add in run order from 0, as importJson's reduce does, so the floating-point totals are the same
  let energyKWh = 0
  let emissionsKg = 0
  let reportedEmissionsKg = 0
  let recomputedEmissionsKg = 0
  let gpuHours = 0
  let unsuccessfulRuns = 0
  let reportedRuns = 0
  for (const run of result.runs) {
    const input = run.input
    const hourly = hourlyProfilesOfRun(input, ref, lab)
    // the lab defaults count the recomputed figure (countEmissions changes nothing), so the figures are the result's
    const computedKg = (hourly.length === 0 ? yearly(input) : estimateFigures(input, ref, lab, hourly)).emissionsKg
      .value
    const reported = run.emissionsSource === 'reported' ? input.reportedEmissionsKg : undefined
    const kg = reported ?? computedKg
    if (input.measuredEnergyKWh !== undefined) energyKWh += input.measuredEnergyKWh
    emissionsKg += kg
    if (run.emissionsSource === 'reported') {
      reportedEmissionsKg += kg
      reportedRuns += 1
    }
    if (reported !== undefined) recomputedEmissionsKg += computedKg
    const gpus = input.devices.reduce((n, d) => n + (d.kind === 'gpu' ? d.count : 0), 0)
    gpuHours += (gpus * input.durationS) / 3600
    if (input.outcome?.successful === false) unsuccessfulRuns += 1
  }
  return summaryShape(result, {
    energyKWh,
    emissionsKg,
    reportedEmissionsKg,
    recomputedEmissionsKg,
    gpuHours,
    unsuccessfulRuns,
    reportedRuns
  })
}

const summaryShape = (
  result: ImportResult,
  sums: {
    energyKWh: number
    emissionsKg: number
    reportedEmissionsKg: number
    recomputedEmissionsKg: number
    gpuHours: number
    unsuccessfulRuns: number
    reportedRuns: number
  }
) => ({
  format: result.format,
  fileName: result.fileName,
  warnings: result.warnings,
  summary: {
    rows: result.rows,
    runs: result.runs.length,
    skippedRows: new Set(result.errors.map((e) => e.row)).size,
    ...sums
  }
})

async function readPartitions(path: string): Promise<z.infer<typeof partitionsSchema>> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new InputError(`--partitions ${basename(path)}: ${(error as Error).message}`)
  }
  const parsed = partitionsSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InputError(`--partitions ${basename(path)}: ${issue?.path.join('.') || '(file)'}: ${issue?.message}`)
  }
  return parsed.data
}

export const importCommand: Command = {
  name: 'import',
  summary: 'read a CodeCarbon CSV, nvidia-smi log, sacct export or ledger file and show its runs (stores nothing)',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    const format = flags.string('format')
    const json = flags.boolean('json')
    const timeZone = flags.string('time-zone')
    const partitionsFile = flags.string('partitions')
    flags.rejectUnknown()
    if (positionals.length !== 1) throw new UsageError('give exactly one file')
    if (format !== undefined && !FORMATS.includes(format as (typeof FORMATS)[number])) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`)
    }
    const path = positionals[0] as string
    if (timeZone !== undefined && !isTimeZone(timeZone)) {
      throw new InputError(`--time-zone: '${timeZone}' is not a time zone name (such as Europe/Berlin or UTC)`)
    }
    const slurmPartitions = partitionsFile === undefined ? undefined : await readPartitions(partitionsFile)
    const result = await parseFile(path, format as (typeof FORMATS)[number] | undefined, {
      ...(timeZone !== undefined ? { timeZone } : {}),
      ...(slurmPartitions !== undefined ? { slurmPartitions } : {})
    })
    for (const e of result.errors) io.stderr(`${result.fileName}: row ${e.row}, field ${e.field}: ${e.message}\n`)
    if (result.runs.length === 0) {
      throw new InputError(
        `${result.fileName}: no run could be read${result.errors.length ? ` (${result.errors.length} row errors)` : ''}`
      )
    }
    if (json) {
      writeJsonLines(io, await importJson(result))
      return
    }
    const doc = await importSummary(result)
    const s = doc.summary
    const reported = s.reportedRuns
    io.stdout(
      [
        `${doc.fileName}: ${doc.format}, ${count(s.rows, 'row')}, ${count(s.runs, 'run')}, ${count(s.skippedRows, 'row')} skipped`,
        ...(doc.format === 'slurm'
          ? [`${s.gpuHours.toPrecision(4)} GPU-hours, ${count(s.unsuccessfulRuns, 'unsuccessful run')}`]
          : []),
        `energy ${s.energyKWh.toPrecision(4)} kWh, emissions ${s.emissionsKg.toPrecision(4)} kg CO2eq` +
          (reported > 0
            ? ` (${reported === s.runs ? 'all' : reported} as reported by the file, the rest computed)`
            : ' (computed: the file reports none)'),
        ...(reported > 0
          ? [
              `the ledger's data give ${s.recomputedEmissionsKg.toPrecision(4)} kg CO2eq for the ${count(reported, 'run')} that reported their own (${(s.recomputedEmissionsKg - s.reportedEmissionsKg >= 0 ? '+' : '') + (s.recomputedEmissionsKg - s.reportedEmissionsKg).toPrecision(3)} kg; --json gives each run's reasons)`
            ]
          : []),
        ...doc.warnings.map((w) => `warning: ${w.row ? `row ${w.row}: ` : ''}${w.message}`),
        ''
      ].join('\n')
    )
  }
}
