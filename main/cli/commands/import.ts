import { basename } from 'node:path'
import type { RunInput } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import {
  catalogueMatcher,
  createImporter,
  detectFormat,
  type ImportFormat,
  type ImportResult
} from '../../../shared/import'
import { loadReferenceData } from '../../../shared/refdata'
import { InputError, UsageError } from '../args'
import { type Command, writeJsonLines } from '../command'
import { readTextChunks } from '../read-file'

const usage = `
usage: import <file> [--format codecarbon|nvidia-smi|ledger] [--json]

Reads a CodeCarbon CSV, an nvidia-smi power log or a Carbon Ledger run file and shows the runs it holds, with their
energy and emissions, row errors and warnings. Nothing is stored. The format is detected from the content unless given.
Exit 0 when runs were read (row errors are listed), 1 when the file cannot be used.
`

const FORMATS = ['codecarbon', 'nvidia-smi', 'ledger'] as const

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

async function parseFile(path: string, forced: (typeof FORMATS)[number] | undefined): Promise<ImportResult> {
  const fileName = basename(path)
  const options = { fileName, matchHardware: catalogueMatcher(loadReferenceData()) }
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

/** The import's JSON document: the summary, then every run with its figures, then what went wrong. */
export function importJson(result: ImportResult) {
  const ref = loadReferenceData()
  const lab = labDefaultsSchema.parse({})
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
    const reported = run.emissionsSource === 'reported' ? run.input.reportedEmissionsKg : undefined
    const emissionsKg = reported ?? estimateRun(run.input, ref, lab).emissionsKg.value
    return {
      externalId: run.externalId,
      project: run.input.project,
      startedAt: run.input.startedAt,
      durationS: run.input.durationS,
      energyKWh: run.input.measuredEnergyKWh ?? null,
      emissionsKg,
      emissionsSource: run.emissionsSource,
      location: describeLocation(run.input),
      hardware: run.input.devices.map((d) => deviceText(d.count, d.name)),
      warnings: run.warnings
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
      reportedEmissionsKg: sum(runs.flatMap((r) => (r.emissionsSource === 'reported' ? [r.emissionsKg] : [])))
    },
    runs,
    warnings: result.warnings,
    errors: result.errors
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'read a CodeCarbon CSV, nvidia-smi log or ledger file and show its runs (stores nothing)',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    const format = flags.string('format')
    const json = flags.boolean('json')
    flags.rejectUnknown()
    if (positionals.length !== 1) throw new UsageError('give exactly one file')
    if (format !== undefined && !FORMATS.includes(format as (typeof FORMATS)[number])) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`)
    }
    const path = positionals[0] as string
    const result = await parseFile(path, format as (typeof FORMATS)[number] | undefined)
    const doc = importJson(result)
    for (const e of result.errors) io.stderr(`${result.fileName}: row ${e.row}, field ${e.field}: ${e.message}\n`)
    if (doc.runs.length === 0) {
      throw new InputError(
        `${result.fileName}: no run could be read${result.errors.length ? ` (${result.errors.length} row errors)` : ''}`
      )
    }
    if (json) {
      writeJsonLines(io, doc)
      return
    }
    const s = doc.summary
    const reported = doc.runs.filter((r) => r.emissionsSource === 'reported').length
    io.stdout(
      [
        `${doc.fileName}: ${doc.format}, ${count(s.rows, 'row')}, ${count(s.runs, 'run')}, ${count(s.skippedRows, 'row')} skipped`,
        `energy ${s.energyKWh.toPrecision(4)} kWh, emissions ${s.emissionsKg.toPrecision(4)} kg CO2eq` +
          (reported > 0
            ? ` (${reported === s.runs ? 'all' : reported} as reported by the file, the rest computed)`
            : ' (computed: the file reports none)'),
        ...doc.warnings.map((w) => `warning: ${w.row ? `row ${w.row}: ` : ''}${w.message}`),
        ''
      ].join('\n')
    )
  }
}
