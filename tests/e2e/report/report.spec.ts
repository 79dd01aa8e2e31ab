import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { chromium } from 'playwright-core'
import { REPORT_PDF_OPTIONS } from '../../../main/report/print-report'
import { readArchive } from '../../../shared/ledger/backup'
import { loadReferenceData } from '../../../shared/refdata/index'
import {
  formatChange,
  formatQuantity,
  parsePeriodText,
  reportFromTables,
  type ReportModel,
  reportParamsRecord
} from '../../../shared/report'
import { chromiumArgs, chromiumPath } from '../../support/chromium'
import { HOSTILE, LAB_NAME } from '../../unit/report/fixture-lab'
import { startReportServer } from './server'

const ARTIFACTS = resolve('tests/artifacts/report')
const archiveText = readFileSync(resolve('tests/fixtures/report/lab-ledger.json'), 'utf8')

let server: Awaited<ReturnType<typeof startReportServer>>
let browser: Browser

test.beforeAll(async () => {
  server = await startReportServer()
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  rmSync(ARTIFACTS, { recursive: true, force: true })
  mkdirSync(ARTIFACTS, { recursive: true })
})
test.afterAll(async () => {
  await browser.close()
  await server.close()
})

/** A fresh context (its own IndexedDB) with the fixture ledger restored on the report's origin. */
async function pageWithLedger(): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${server.url}/__fixture.html`)
  await page.waitForFunction(() => document.title === 'report fixture ready')
  const added = await page.evaluate((text) => window.reportFixture.restore(text), archiveText)
  expect(added).toBeGreaterThan(400)
  return page
}

async function openReport(page: Page, params: Record<string, string>): Promise<string> {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(`${server.url}/report.html?${new URLSearchParams(params).toString()}`)
  await page.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, { timeout: 30_000 })
  const state = await page.evaluate(() => ({
    ready: document.body.dataset.reportReady,
    error: document.body.dataset.reportError
  }))
  expect(errors, 'console errors (CSP violations, exceptions)').toEqual([])
  return state.ready === 'true' ? 'true' : `${state.ready}: ${state.error}`
}

/** The same options main gives webContents.printToPDF (A4, backgrounds, margins in inches, page-number footer). */
async function printLikeElectron(page: Page, file: string): Promise<string> {
  const o = REPORT_PDF_OPTIONS
  const m = o.margins as { top: number; bottom: number; left: number; right: number }
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: o.printBackground,
    tagged: o.generateTaggedPDF,
    outline: o.generateDocumentOutline,
    displayHeaderFooter: o.displayHeaderFooter,
    headerTemplate: o.headerTemplate,
    footerTemplate: o.footerTemplate,
    margin: { top: `${m.top}in`, bottom: `${m.bottom}in`, left: `${m.left}in`, right: `${m.right}in` }
  })
  const path = join(ARTIFACTS, file)
  writeFileSync(path, pdf)
  return path
}

const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
const pageCount = (path: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1])
/** Words of the text with layout spacing and line breaks collapsed, so a wrapped phrase is still found. */
const squash = (s: string): string => s.replace(/\s+/g, ' ')
/** Without any white space: a name wrapped inside a table cell is still found. */
const bare = (s: string): string => s.replace(/\s+/g, '')
/** How often "n / total" appears: once per page when page numbers are printed once. */
const pageNumberCount = (flat: string, n: number, total: number): number =>
  flat.match(new RegExp(`(?<![\\d/])${n}\\s*/\\s*${total}(?![\\d/])`, 'g'))?.length ?? 0

async function expected(
  period: string,
  scope = { projectIds: [] as string[], people: [] as string[] }
): Promise<ReportModel> {
  const check = await readArchive(archiveText, 1)
  if (!check.ok) throw new Error(check.message)
  return reportFromTables(check.archive.tables, {
    period: parsePeriodText(period),
    scope,
    labName: LAB_NAME,
    generatedAt: new Date(),
    ref: loadReferenceData()
  }).model
}

test('a quarter of the fixture lab prints to an A4 PDF with its figures, tables and sections', async () => {
  const page = await pageWithLedger()
  const model = await expected('2025-Q1')
  expect(
    await openReport(page, reportParamsRecord({ period: model.period, scope: model.scope, labName: LAB_NAME }))
  ).toBe('true')
  const path = await printLikeElectron(page, 'report-2025-Q1.pdf')
  const text = pdfText(path)
  const flat = squash(text)

  for (const section of [
    'Key figures',
    'Monthly trend',
    'Per project',
    'Per person',
    'By hardware',
    'By location',
    'Largest runs',
    'What if',
    'Data quality',
    'Methodology',
    'Assumptions',
    'Data sources',
    'Glossary',
    'Citable statement'
  ]) {
    expect(flat, section).toContain(section)
  }
  // Cover.
  expect(flat).toContain(LAB_NAME)
  expect(flat).toContain('2025 Q1')
  expect(flat).toContain(model.dataVersion)
  // Key figures with ranges and changes, as the model computed them from the same archive.
  const t = model.total
  expect(flat).toContain(`${formatQuantity(t.emissionsKg.value)} kg CO2e`)
  expect(flat).toContain(`range ${formatQuantity(t.emissionsKg.low)} – ${formatQuantity(t.emissionsKg.high)}`)
  expect(flat).toContain(`${formatQuantity(t.energyKWh.value)} kWh`)
  const emissions = model.keyFigures.find((k) => k.id === 'emissions')!
  expect(flat).toContain(`vs 2024 Q4: ${formatChange(emissions.changeVsPrevious)}`)
  expect(flat).toContain(`vs 2024 Q1: ${formatChange(emissions.changeVsYearBefore)}`)
  expect(flat).toContain(`${formatQuantity(model.equivalents.carKm)} km`)
  // Tables: every project and person row, hostile names printed as text.
  for (const row of model.byProject) expect(flat).toContain(formatQuantity(row.sums.emissionsKg.value))
  for (const name of [
    HOSTILE.formulaProject,
    HOSTILE.quotedProject,
    'Sprachmodelle — Ümlaut',
    HOSTILE.atPerson,
    HOSTILE.plusPerson,
    'Reinforcement learning'
  ]) {
    expect(bare(text), name).toContain(bare(name))
  }
  // What-ifs, data quality, sources and the statement.
  expect(flat).toContain(`Saved: ${formatQuantity(model.whatIfs.region.savedKg.value)} kg CO2e`)
  expect(flat).toContain(`Energy measured for ${model.dataQuality.measured} of ${model.dataQuality.runs} runs`)
  expect(flat).toContain('Green Algorithms reference data')
  expect(flat).toContain('ODbL 1.0')
  expect(flat).toContain(squash(model.statement.text).slice(0, 120))
  expect(flat).toContain('kg~CO$_2$e')

  // Page numbers from the footer, and a sane page count.
  const pages = pageCount(path)
  expect(pages).toBeGreaterThanOrEqual(6)
  expect(pages).toBeLessThanOrEqual(16)
  expect(pageNumberCount(flat, 1, pages)).toBe(1)
  expect(pageNumberCount(flat, pages, pages)).toBe(1)
  test.info().annotations.push({ type: 'pdf', description: `${pages} pages, ${readFileSync(path).length} bytes` })

  // Renders to look at: tests/artifacts/report/page-N.png.
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(ARTIFACTS, 'page')])
  expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith('page') && f.endsWith('.png'))).toHaveLength(pages)
  await page.context().close()
})

test("in the browser's own print the page numbers come from the page's CSS, once per page", async () => {
  const page = await pageWithLedger()
  expect(await openReport(page, { period: '2025-Q3', lab: 'Browser print', pageNumbers: '1' })).toBe('true')
  const path = join(ARTIFACTS, 'report-2025-Q3-browser.pdf')
  // What the browser's print dialog does: the page's @page size and margins, no header or footer of its own.
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const pages = pageCount(path)
  const flat = squash(pdfText(path))
  for (const n of [1, pages]) expect(pageNumberCount(flat, n, pages)).toBe(1)
  expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(
    /Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/
  )
  await page.context().close()
})

test('a report scoped to one project and one person shows only their runs', async () => {
  const page = await pageWithLedger()
  const scope = { projectIds: ['p-rl'], people: [HOSTILE.newlinePerson] }
  const model = await expected('2025-Q2', scope)
  expect(model.total.runs).toBeGreaterThan(0)
  expect(await openReport(page, reportParamsRecord({ period: model.period, scope, labName: 'Scoped' }))).toBe('true')
  const flat = squash(pdfText(await printLikeElectron(page, 'report-2025-Q2-scoped.pdf')))
  expect(flat).toContain('projects Reinforcement learning; people Zoë')
  expect(flat).toContain(`${formatQuantity(model.total.emissionsKg.value)} kg CO2e`)
  expect(flat).not.toContain(HOSTILE.formulaProject)
  await page.context().close()
})

test('a bad period makes the page signal an error instead of printing', async () => {
  const page = await pageWithLedger()
  const state = await openReport(page, { period: '2025-Q5' })
  expect(state).toContain("error: '2025-Q5' is not a period")
  await expect(page.getByRole('alert')).toContainText('The report could not be made')
  await page.context().close()
})
