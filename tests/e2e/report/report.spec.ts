import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { chromium } from 'playwright-core'
import { REPORT_PDF_OPTIONS } from '../../../main/report/print-report'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { readArchive } from '../../../shared/ledger/backup'
import { loadReferenceData, profileOfStored, storedHourlyProfileSchema } from '../../../shared/refdata/index'
import {
  formatChange,
  formatQuantity,
  loadShiftSeries,
  massUnitOf,
  parsePeriodText,
  periodBoundsMs,
  reportFromTables,
  type ReportModel,
  reportParamsRecord
} from '../../../shared/report'
import { reportText } from '../../../shared/report/text/index'
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

/** A bundled zone-year read from data/hourly (plain Node cannot import the JSON chunks the app and the CLI load). */
const readZoneYear = async (zone: string, year: number) =>
  profileOfStored(
    storedHourlyProfileSchema.parse(JSON.parse(readFileSync(resolve(`data/hourly/${zone}/${year}.json`), 'utf8')))
  )

async function expected(
  period: string,
  scope = { projectIds: [] as string[], people: [] as string[] }
): Promise<ReportModel> {
  const check = await readArchive(archiveText, 1)
  if (!check.ok) throw new Error(check.message)
  const ref = loadReferenceData()
  const parsed = parsePeriodText(period)
  const { fromMs, toMs } = periodBoundsMs(parsed)
  const runs = check.archive.tables.runs.filter((r) => r.startedAtMs >= fromMs && r.startedAtMs < toMs)
  const lab = labDefaultsSchema.parse(check.archive.tables.settings.find((s) => s.key === 'labDefaults')?.value ?? {})
  return reportFromTables(check.archive.tables, {
    period: parsed,
    scope,
    labName: LAB_NAME,
    generatedAt: new Date(),
    ref,
    shiftSeries: await loadShiftSeries(runs, ref, lab, readZoneYear)
  }).model
}

test('a quarter of the fixture lab prints to an A4 PDF with its figures, tables and sections', async () => {
  test.setTimeout(120_000)
  const page = await pageWithLedger()
  const model = await expected('2025-Q1')
  expect(
    await openReport(page, reportParamsRecord({ period: model.period, scope: model.scope, labName: LAB_NAME }))
  ).toBe('true')
  const path = await printLikeElectron(page, 'report-2025-Q1.pdf')
  const text = pdfText(path)
  const flat = squash(text)

  for (const section of Object.values(reportText('en').sections)) expect(flat, section).toContain(section)
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
  const changeText = (c: number | null) => (c === null ? 'no comparable figure' : formatChange(c))
  expect(flat).toContain(`vs 2024 Q4: ${changeText(emissions.changeVsPrevious)}`)
  expect(flat).toContain(`vs 2024 Q1: ${changeText(emissions.changeVsYearBefore)}`)
  expect(flat).toContain(`${formatQuantity(model.equivalents.carKm)} km`)
  // Tables: every project and person row, hostile names printed as text.
  for (const row of model.byProject) expect(flat).toContain(formatQuantity(row.sums.emissionsKg.value))
  // Content-stream order keeps a name wrapped inside its cell together (the layout mode interleaves columns).
  const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' })
  for (const name of [
    HOSTILE.formulaProject,
    HOSTILE.quotedProject,
    'Sprachmodelle — Ümlaut',
    HOSTILE.atPerson,
    HOSTILE.plusPerson,
    'Reinforcement learning'
  ]) {
    expect(bare(raw), name).toContain(bare(name))
  }
  // What-ifs, data quality, sources and the statement.
  // Time shifting: the eight settings over the quarter's runs on their zones' hours, as the model sums them.
  const shift = model.timeShift
  expect(shift.coveredRuns).toBeGreaterThan(0)
  const shiftUnit = massUnitOf([shift.baselineKg, shift.notCoveredKg, ...shift.strategies.map((s) => s.savedKg)])
  expect(flat).toContain(
    `Covered: ${formatQuantity(shift.coveredRuns)} runs, which emitted ${formatQuantity(shift.baselineKg * shiftUnit.perBase)} ${shiftUnit.symbol}`
  )
  const widest = shift.strategies.at(-1)!
  expect(flat).toMatch(
    new RegExp(`Pause & Resume, \\+100 % ${formatQuantity(widest.savedKg * shiftUnit.perBase).replace(/[.]/g, '\\.')} `)
  )
  if (shift.notCoveredRuns > 0) expect(flat).toContain(`Not covered: ${formatQuantity(shift.notCoveredRuns)} runs`)
  const saved = model.whatIfs.region.savedKg.value
  const unit = massUnitOf([model.whatIfs.region.savedKg.high, ...model.whatIfs.region.moves.map((m) => m.savedKg.high)])
  expect(flat).toContain(`Saved: ${formatQuantity(saved * unit.perBase)} ${unit.symbol}`)
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
  const path = await printLikeElectron(page, 'report-2025-Q2-scoped.pdf')
  const flat = squash(pdfText(path))
  expect(flat).toContain('projects Reinforcement learning; people Zoë')
  // One hardware and one location: the charts of a single bar keep their axis title clear of the tick labels (one
  // line of 10 px text, with a blank row above it).
  const t = reportText('en').chartLabel
  for (const band of await axisTitleBands(page, [t.hardware, t.locations])) {
    expect(band.heightPx, band.label).toBeLessThan(12)
    expect(band.gap, band.label).toBe(true)
  }
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

/** Every word's box on every page (pdftotext -bbox), in points, with its page's size. */
function wordBoxes(path: string): { word: string; xMin: number; xMax: number; pageWidth: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const boxes: { word: string; xMin: number; xMax: number; pageWidth: number }[] = []
  for (const page of html.split('<page ').slice(1)) {
    const pageWidth = Number(/width="([\d.]+)"/.exec(page)?.[1])
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g))
      boxes.push({ word: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]), pageWidth })
  }
  return boxes
}

/**
 * The height, in CSS px, of the lowest line drawn on each canvas of these labels, and whether a blank pixel row
 * separates it from what is drawn above: a breakdown chart's axis title. Chart.js gives an axis at most half the
 * canvas's height; when that is too little, the title is drawn over the tick labels and the two read as one taller
 * band. The charts are images in the PDF (pdftotext does not see their words): read the canvases' pixels.
 */
async function axisTitleBands(
  page: Page,
  labels: string[]
): Promise<{ label: string; heightPx: number; gap: boolean }[]> {
  return page.evaluate((labels) => {
    return labels.map((label) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[aria-label="${label}"]`)
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx) return { label, heightPx: NaN, gap: false }
      const { width, height } = canvas
      const pixels = ctx.getImageData(0, 0, width, height).data
      const inked = (y: number): boolean => {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4
          // Dark and opaque: text and whiskers, not the light grid lines.
          if (pixels[i + 3]! > 128 && pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 110) return true
        }
        return false
      }
      let y = height - 1
      while (y > 0 && !inked(y)) y--
      const bottom = y
      while (y > 0 && inked(y)) y--
      const top = y
      let gap = false
      while (y > 0 && !inked(y)) {
        gap = true
        y--
      }
      const scale = width / canvas.clientWidth
      return { label, heightPx: (bottom - top) / scale, gap: gap && y > 0 }
    })
  }, labels)
}

test('a quarter with 200-character names and 1,000 projects prints on A4 with nothing clipped', async () => {
  test.setTimeout(240_000)
  const page = await pageWithLedger()
  // A tiny run in the quarter before: a comparison with it would read "×100,000".
  const tiny = {
    kind: 'inference',
    startedAt: '2024-11-05T10:00:00Z',
    durationS: 2,
    devices: [{ kind: 'gpu', hardwareId: 'gpu:nvidia-l4', name: 'NVIDIA L4', count: 1 }],
    location: { kind: 'country', code: 'FR' }
  }
  const added = await page.evaluate((options) => window.reportFixture.restoreLab(options), {
    runs: 1200,
    nameLength: 200,
    projects: 1000,
    fromMs: Date.UTC(2025, 0, 1),
    toMs: Date.UTC(2025, 3, 1),
    extraRuns: [tiny]
  } as never)
  // Runs, projects and the settings record.
  expect(added).toBe(1201 + 1000 + 1)
  expect(await openReport(page, { period: '2025-Q1', lab: 'Long Names Lab', lang: 'en' })).toBe('true')
  const path = await printLikeElectron(page, 'report-long-names.pdf')
  const text = pdfText(path)
  const flat = squash(text)

  // Nothing outside the printable area: every word inside the page less its margins (0.6 in = 43.2 pt each side).
  const boxes = wordBoxes(path)
  expect(boxes.length).toBeGreaterThan(10_000)
  const margin = REPORT_PDF_OPTIONS.margins as { left: number; right: number }
  const outside = boxes.filter((b) => b.xMin < margin.left * 72 - 1 || b.xMax > b.pageWidth - margin.right * 72 + 1)
  expect(outside.slice(0, 5), 'words outside the printable width').toEqual([])
  // Long names are shortened in the tables with a note number, and printed in full under them.
  expect(flat).toContain('Full names')
  const raw = bare(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }))
  const fullName = `${HOSTILE.quotedProject} — segment0`
  expect(raw).toContain(bare(fullName))
  expect(raw).toMatch(/segment\d+…\[\d+\]/)
  // Significant digits per figure, never a run of zeros; no ratio against the tiny quarter before.
  expect(text).not.toMatch(/0[.,]0{5,}(?!\d*[1-9])/)
  expect(flat).toContain('vs 2024 Q4: no comparable figure')
  expect(flat).not.toMatch(/vs 2024 Q4: ×/)
  test.info().annotations.push({ type: 'pdf', description: `${pageCount(path)} pages, ${boxes.length} words` })
  await page.context().close()
})

test("the report follows the app's language: German words, numbers and dates in a German report", async () => {
  test.setTimeout(120_000)
  const page = await pageWithLedger()
  // The app keeps its language in this origin's localStorage; the report reads it there.
  await page.evaluate(() => localStorage.setItem('carbon-ledger.language', 'de'))
  const check = await readArchive(archiveText, 1)
  if (!check.ok) throw new Error(check.message)
  const model = reportFromTables(check.archive.tables, {
    period: parsePeriodText('2025-Q1'),
    scope: { projectIds: [], people: [] },
    labName: LAB_NAME,
    generatedAt: new Date(),
    ref: loadReferenceData(),
    language: 'de'
  }).model
  expect(await openReport(page, { period: '2025-Q1', lab: LAB_NAME })).toBe('true')
  const path = await printLikeElectron(page, 'report-2025-Q1-de.pdf')
  const flat = squash(pdfText(path))
  for (const section of Object.values(reportText('de').sections)) expect(flat, section).toContain(section)
  expect(flat).toContain('Systemgrenze und Ausschlüsse')
  expect(flat).toContain('Scope 2, standortbasiert')
  expect(flat).toContain('Im Zeitraum 2025 Q1')
  // Numbers in the German locale: decimal comma, dot grouping.
  expect(flat).toContain(`${formatQuantity(model.total.emissionsKg.value, 'de')} kg CO2e`)
  expect(flat).toContain(`${formatQuantity(model.total.energyKWh.value, 'de')} kWh`)
  expect(flat).toMatch(/\d,\d/)
  // German dates on the cover and in the largest runs ("04.12.2026").
  expect(flat).toMatch(/Erstellt \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC/)
  // Countries named as the app names them in German (the fixture's runs in France), in the tables and the register.
  expect(flat).toContain('Frankreich')
  expect(model.byLocation.map((r) => r.label)).toContain('Frankreich')
  expect(flat).not.toContain('Key figures')
  expect(flat).not.toContain('Boundary and exclusions')
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(ARTIFACTS, 'de-page')])
  await page.context().close()
})
