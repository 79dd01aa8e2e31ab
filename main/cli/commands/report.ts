import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ARCHIVE_TABLES, ArchiveRejected, createRecordChecker } from '../../../shared/ledger/archive'
import type { BackupTables } from '../../../shared/ledger/backup'
import { loadReferenceData } from '../../../shared/refdata'
import {
  formatRange,
  labOfTables,
  parsePeriodText,
  reportCsvReadme,
  reportFromTables,
  runsStartedIn
} from '../../../shared/report'
import { explainArchiveRuns } from '../../../shared/report/explain-archive'
import { upstreamIntensities } from '../../../shared/report/upstream'
import { readArchiveFile } from '../../backup/archive-file'
import { InputError, UsageError } from '../args'
import { type Command, writeJson } from '../command'

/**
 * The ledger schema versions this command reads: renderer/db/schema.ts SCHEMA_VERSION (not imported: it would
 * bring Dexie into the command line; a unit test keeps the two equal).
 */
export const READS_LEDGER_SCHEMA = 5

const usage = `
usage: report --archive BACKUP.jsonl.gz --period PERIOD --csv DIR [--projects IDS] [--people NAMES] [--lab NAME] [--json]

Writes the quarterly report's CSV files from a ledger backup archive (File › Back up… in the app):
runs.csv, summary.csv, by-project.csv, by-person.csv, by-hardware.csv, by-location.csv, by-month.csv and a
README.txt naming each file and its columns (meanings in docs/formats/report-csv.md). Existing files of those names in DIR are replaced.
  --archive FILE    a Carbon Ledger backup (.jsonl.gz, or .json of older versions)
  --period P        2025-Q1, 2025-03, 2025, or 2025-01..2025-05 (whole UTC months)
  --csv DIR         folder to write into (created if missing)
  --projects IDS    only these projects: ids or names, separated by commas
  --people NAMES    only these people, separated by commas
  --lab NAME        the lab's name for the statement (default: "The lab")
--json: { period, scope, dataVersion, files: [{ name, path }], totals }.
`

const list = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')

/**
 * The archive's records, read as a stream (a version-3 archive is never held as one string) and checked as a
 * restore checks them; refused records are left out and counted.
 */
async function readTables(path: string): Promise<{ tables: BackupTables; refused: number; firstRefusal?: string }> {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`--archive: ${path} is a folder, not a file`)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`--archive: ${path}: no such file, or it cannot be read`)
  }
  const tables = Object.fromEntries(ARCHIVE_TABLES.map((t) => [t, []])) as unknown as BackupTables
  const checker = createRecordChecker()
  try {
    await readArchiveFile(path, READS_LEDGER_SCHEMA, (table, raw) => {
      const record = checker.check(table, raw)
      // The command line computes every period from the runs; closed quarters and their log are checked, not kept.
      if (record && table !== 'closedQuarters' && table !== 'quarterLog') (tables[table] as unknown[]).push(record)
    })
  } catch (error) {
    if (error instanceof ArchiveRejected) throw new InputError(`${basename(path)}: ${error.message}`)
    throw new InputError(`--archive: ${path}: no such file, or it cannot be read`)
  }
  const summary = checker.summary()
  const first = summary.refused[0]
  return {
    tables,
    refused: summary.refusedCount,
    firstRefusal: first && `${first.table} ${first.id}: ${first.reason}`
  }
}

export const report: Command = {
  name: 'report',
  summary: 'quarterly report CSV files (runs, totals, key figures) from a ledger backup',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    const archivePath = flags.string('archive')
    const periodText = flags.string('period')
    const dir = flags.string('csv')
    const projects = list(flags.string('projects'))
    const people = list(flags.string('people'))
    const labName = flags.string('lab')?.trim() || 'The lab'
    const json = flags.boolean('json')
    flags.rejectUnknown()
    if (archivePath === undefined) throw new UsageError('--archive FILE is required')
    if (periodText === undefined) throw new UsageError('--period is required (e.g. --period 2025-Q1)')
    if (dir === undefined) throw new UsageError('--csv DIR is required')
    let period
    try {
      period = parsePeriodText(periodText)
    } catch (error) {
      throw new InputError(`--period: ${(error as Error).message}`)
    }
    const { tables, refused, firstRefusal } = await readTables(archivePath)
    if (refused > 0)
      io.stderr(
        `carbon-ledger report: ${basename(archivePath)}: ${refused} record${refused === 1 ? '' : 's'} left out, as a restore would (first: ${firstRefusal})\n`
      )
    const projectIds = projects.map((p) => {
      const found = tables.projects.find((x) => x.id === p) ?? tables.projects.find((x) => x.name === p)
      if (!found) throw new InputError(`--projects: no project '${p}' in ${basename(archivePath)}`)
      return found.id
    })
    const ref = loadReferenceData()
    // The period's runs cite their trace, assumptions and sources: rebuilt from their inputs (compact runs).
    const inPeriod = await explainArchiveRuns(runsStartedIn(tables.runs, period), tables, ref)
    const explained = new Map(inPeriod.map((r) => [r.id, r]))
    const withTrace = { ...tables, runs: tables.runs.map((r) => explained.get(r.id) ?? r) }
    const upstreamGPerKWh = await upstreamIntensities(inPeriod, ref, labOfTables(tables))
    const { model, csv } = reportFromTables(withTrace, {
      period,
      scope: { projectIds, people },
      labName,
      generatedAt: new Date(),
      ref,
      upstreamGPerKWh
    })
    try {
      mkdirSync(dir, { recursive: true })
    } catch {
      throw new InputError(`--csv: cannot create the folder ${dir}`)
    }
    const files = [...csv, reportCsvReadme(model, csv)].map((f) => {
      const path = join(dir, f.name)
      try {
        writeFileSync(path, f.content, 'utf8')
      } catch {
        throw new InputError(`--csv: cannot write ${path}`)
      }
      return { name: f.name, path }
    })
    const t = model.total
    // Empty files are still written (a quarter without runs is a valid report), but nobody should miss why.
    if (t.runs === 0)
      io.stderr(
        `carbon-ledger report: the archive has no runs in ${model.periodLabel} (${model.scopeLabel}): the files hold headers only\n`
      )
    if (json) {
      writeJson(io, {
        period: model.periodLabel,
        scope: model.scopeLabel,
        dataVersion: model.dataVersion,
        files,
        totals: t
      })
      return
    }
    io.stdout(
      [
        `${model.periodLabel}, ${model.scopeLabel}: ${t.runs} run${t.runs === 1 ? '' : 's'}, ${formatRange(t.energyKWh)} kWh, ${formatRange(t.emissionsKg)} kg CO2e location-based`,
        ...files.map((f) => `wrote ${f.path}`),
        ''
      ].join('\n')
    )
  }
}
