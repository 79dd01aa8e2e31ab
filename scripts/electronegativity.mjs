// Electronegativity on the main-process sources (ARCHITECTURE.md, main/: Electron's security checklist). The tool always exits 0, so this script reads its CSV
// report and fails (exit 1) on any finding not listed in scripts/electronegativity-accepted.json, where each
// acceptance names the check, the file (relative to main/), the flagged source line, and the reason it is safe.
// Usage: node scripts/electronegativity.mjs
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const input = 'main'
const acceptedFile = resolve('scripts/electronegativity-accepted.json')

/** RFC 4180 rows: quoted fields, "" inside quotes, CRLF or LF line ends. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1
      row.push(field)
      if (row.some((value) => value !== '')) rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  row.push(field)
  if (row.some((value) => value !== '')) rows.push(row)
  return rows
}

function fail(message) {
  console.error(`electronegativity: ${message}`)
  process.exit(1)
}

function loadAccepted() {
  let entries
  try {
    entries = JSON.parse(readFileSync(acceptedFile, 'utf8'))
  } catch (error) {
    fail(`cannot read ${acceptedFile}: ${error.message}`)
  }
  if (!Array.isArray(entries)) fail(`${acceptedFile} must hold an array of acceptances`)
  entries.forEach((entry, index) => {
    for (const key of ['check', 'file', 'sample', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '')
        fail(`${acceptedFile}, entry ${index + 1}: "${key}" is missing`)
    }
    if (entry.reason.trim().length < 30)
      fail(`${acceptedFile}, entry ${index + 1}: the reason must explain why the finding is safe`)
  })
  return entries
}

const electronVersion = JSON.parse(readFileSync(resolve('node_modules/electron/package.json'), 'utf8')).version
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const report = join(dir, 'findings.csv')
try {
  const run = spawnSync('npx', ['electronegativity', '-i', input, '-o', report, '-r', '-e', electronVersion], {
    encoding: 'utf8',
    shell: process.platform === 'win32'
  })
  if (!existsSync(report)) fail(`no report was written (exit ${run.status}).\n${run.stderr ?? ''}${run.stdout ?? ''}`)

  const [header, ...rows] = parseCsv(readFileSync(report, 'utf8'))
  if (!header || header[0]?.trim() !== 'issue') fail(`unexpected report header: ${header?.join(',')}`)
  const findings = rows.map((row, index) => {
    if (row.length < 7) fail(`report row ${index + 2} has ${row.length} fields, expected 8`)
    const [check, severity, confidence, file, location, sample] = row
    return { check, severity, confidence, file: file.replaceAll('\\', '/'), location, sample: sample.trim() }
  })

  const accepted = loadAccepted()
  const matches = (entry, finding) =>
    entry.check === finding.check && entry.file === finding.file && entry.sample.trim() === finding.sample
  const open = findings.filter((finding) => !accepted.some((entry) => matches(entry, finding)))
  const stale = accepted.filter((entry) => !findings.some((finding) => matches(entry, finding)))

  console.log(
    `Electronegativity (Electron ${electronVersion}) on ${input}/: ${findings.length} findings, ${findings.length - open.length} accepted, ${open.length} not accepted`
  )
  for (const finding of open) {
    console.log(
      `  ✗ ${finding.check} [${finding.severity}/${finding.confidence}] ${input}/${finding.file}:${finding.location}\n      ${finding.sample}`
    )
  }
  for (const entry of stale)
    console.log(`  (stale acceptance, no longer reported: ${entry.check} in ${entry.file}: ${entry.sample})`)
  if (open.length > 0) {
    console.log(`Fix each finding, or accept it in ${acceptedFile} with its check, file, sample and reason.`)
    process.exitCode = 1
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
