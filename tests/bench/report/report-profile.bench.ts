// Where the 10,000-run report's time goes: a CPU profile of report.html from opening to the ready signal (Chromium
// DevTools protocol), printed as the functions with the most self time and the time per script.
// Function names are readable when out/renderer is built without minify.
// Run: npx electron-vite build && npx tsx tests/bench/report/report-profile.bench.ts
import { loadavg } from 'node:os'
import { chromium } from 'playwright-core'
import { startReportServer } from '../../e2e/report/server'
import { chromiumArgs, chromiumPath } from '../../support/chromium'

const RUNS = 10_000
const TOP = 40

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

async function main(): Promise<void> {
  const server = await startReportServer()
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  try {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/__fixture.html`)
    await page.waitForFunction(() => document.title === 'report fixture ready')
    await page.evaluate(
      (runs) => window.reportFixture.restoreLab({ runs, fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2025, 3, 1) }),
      RUNS
    )
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const t0 = performance.now()
    await page.goto(`${server.url}/report.html?period=2025-Q1&lab=Bench%20Lab`)
    await page.waitForFunction(() => document.body.dataset.reportReady !== undefined, undefined, {
      timeout: 120_000,
      polling: 20
    })
    const readyMs = performance.now() - t0
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
    const marks = await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${m.name} at ${Math.round(m.startTime)} ms`)
    )
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}; ready at ${readyMs.toFixed(0)} ms; ${marks.join(', ')}`
    )

    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const selfMs = new Map<number, number>()
    profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
    const byFunction = new Map<string, number>()
    const byScript = new Map<string, number>()
    for (const [id, ms] of selfMs) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame
      const file = url.split('/').pop() || '(native)'
      const key = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}:${columnNumber + 1}`
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms)
      byScript.set(file, (byScript.get(file) ?? 0) + ms)
    }
    const print = (title: string, m: Map<string, number>, n: number): void => {
      console.log(title)
      for (const [key, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
        console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${key}`)
    }
    print('self time by script:', byScript, 15)
    print(`self time by function (top ${TOP}):`, byFunction, TOP)
  } finally {
    await browser.close()
    await server.close()
  }
}

void main()
