/**
 * What the Reports screen decides before it asks the host: the scope from the user's choice, the file names, the
 * report page's parameters, and saving the chosen CSV files one after the other. Pure (the host is passed in), so
 * it is unit-tested in Node.
 */
import type { HostApi, SaveOutcome } from '../../../../shared/host-api'
import type { Period } from '../../../../shared/ledger/period'
import {
  periodText,
  type ReportCsvFile,
  reportCsvReadme,
  type ReportModel,
  reportParamsRecord,
  type ReportScope
} from '../../../../shared/report'
import type { MessageKey } from '../../i18n/en'

export type ScopeKind = 'lab' | 'projects' | 'people'

export interface ScopeChoice {
  kind: ScopeKind
  projectIds: string[]
  people: string[]
}

/** The report's scope, or the message that says what is missing (a list scope with nothing ticked). */
export const scopeOf = (choice: ScopeChoice): { scope: ReportScope } | { error: MessageKey } => {
  if (choice.kind === 'projects')
    return choice.projectIds.length > 0
      ? { scope: { projectIds: [...choice.projectIds], people: [] } }
      : { error: 'reports.pickProject' }
  if (choice.kind === 'people')
    return choice.people.length > 0
      ? { scope: { projectIds: [], people: [...choice.people] } }
      : { error: 'reports.pickPerson' }
  return { scope: { projectIds: [], people: [] } }
}

/** 'carbon-report-2025-Q1', 'carbon-report-2025-03', 'carbon-report-2025', 'carbon-report-2025-01-to-2025-05'. */
export const reportFileStem = (period: Period): string => `carbon-report-${periodText(period).replace('..', '-to-')}`

export const pdfFileName = (period: Period): string => `${reportFileStem(period)}.pdf`

/** 'carbon-report-2025-Q1-runs.csv' for the report's 'runs.csv'. */
export const csvFileName = (period: Period, file: string): string => `${reportFileStem(period)}-${file}`

/**
 * report.html's query for the app's ledger: the shared parameters, plus db when the app window itself was opened
 * on another database (?db=, tests and benchmarks), so that the report reads the same ledger.
 */
export const reportPageParams = (
  period: Period,
  scope: ReportScope,
  labName: string,
  databaseName?: string
): Record<string, string> => {
  const params = reportParamsRecord({ period, scope, labName: labName.trim() })
  if (databaseName) params.db = databaseName
  return params
}

/** The report's CSV files the screen offers, in the order of docs/formats/report-csv.md; the first two are ticked. */
export const CSV_CHOICES = [
  { file: 'runs.csv', label: 'reports.csv.runs' },
  { file: 'summary.csv', label: 'reports.csv.summary' },
  { file: 'by-project.csv', label: 'reports.csv.byProject' },
  { file: 'by-person.csv', label: 'reports.csv.byPerson' },
  { file: 'by-hardware.csv', label: 'reports.csv.byHardware' },
  { file: 'by-location.csv', label: 'reports.csv.byLocation' },
  { file: 'by-month.csv', label: 'reports.csv.byMonth' }
] as const satisfies readonly { file: string; label: MessageKey }[]

export const DEFAULT_CSV_FILES: readonly string[] = ['runs.csv', 'summary.csv']

/**
 * Every CSV file of the report and the README naming each file and column, saved together: one folder in the
 * desktop app, one zip in a browser, both named after the report ('carbon-report-2025-Q1').
 */
export const allCsvFiles = (
  model: ReportModel,
  files: readonly ReportCsvFile[]
): { suggestedName: string; files: ReportCsvFile[] } => ({
  suggestedName: `${reportFileStem(model.period)}-csv`,
  files: [...files, reportCsvReadme(model, files)]
})

export type CsvOutcome = { status: 'saved'; paths: string[] } | { status: 'cancelled'; paths: string[] }

/**
 * Saves the chosen files one by one (in Electron each has its own save dialog). A cancelled dialog stops the rest:
 * the outcome lists what was saved before it.
 */
export const saveCsvFiles = async (
  save: HostApi['saveFile'],
  period: Period,
  files: readonly ReportCsvFile[],
  chosen: readonly string[]
): Promise<CsvOutcome> => {
  const paths: string[] = []
  for (const file of files) {
    if (!chosen.includes(file.name)) continue
    const outcome: SaveOutcome = await save({
      suggestedName: csvFileName(period, file.name),
      content: file.content,
      filters: [{ name: 'CSV', extensions: ['csv'] }]
    })
    if (outcome.status === 'cancelled') return { status: 'cancelled', paths }
    paths.push(outcome.path)
  }
  return { status: 'saved', paths }
}

const LAB_NAME_KEY = 'carbon-ledger.labName'

/**
 * The lab's name as typed here before the ledger kept it (the report settings now hold it): read once to move it
 * into the ledger; '' when none or no storage.
 */
export const savedLabName = (storage: Pick<Storage, 'getItem'> | undefined): string => {
  try {
    return storage?.getItem(LAB_NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

/** The list with item added (on) or removed: a checkbox list's next state. */
export const toggled = (list: string[], item: string, on: boolean): string[] =>
  on ? [...list, item] : list.filter((x) => x !== item)
