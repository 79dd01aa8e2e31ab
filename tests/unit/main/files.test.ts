import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AtomicWriteFs, tempPathFor, writeFileAtomic } from '../../../main/files/atomic-write'
import { decodeText } from '../../../main/files/decode-text'
import { sanitizeFileName } from '../../../main/files/file-name'
import { writeNewFolder } from '../../../main/files/new-folder'
import { readTextFile } from '../../../main/files/read-text-file'
import { HostError } from '../../../main/ipc/host-error'

describe('sanitizeFileName', () => {
  it.each([
    ['carbon-ledger-2026-Q3.csv', 'carbon-ledger-2026-Q3.csv'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows-win.ini'],
    ['C:\\Users\\me\\report.pdf', 'C--Users-me-report.pdf'],
    ['/absolute/path.csv', 'absolute-path.csv'],
    ['a<b>c:d"e|f?g*h.csv', 'a-b-c-d-e-f-g-h.csv'],
    ['tab\there\nnew\u0000line\u007f.csv', 'tabherenewline.csv'],
    ['  lots   of   space  .csv  ', 'lots of space .csv'],
    ['report.pdf...', 'report.pdf'],
    ['.hidden.csv', 'hidden.csv'],
    ['CON', '_CON'],
    ['con.csv', '_con.csv'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['COM1.pdf', '_COM1.pdf'],
    ['lpt9', '_lpt9'],
    ['COM¹.csv', '_COM¹.csv'],
    ['CONSOLE.csv', 'CONSOLE.csv'],
    ['Projekt Überblick – 2026.pdf', 'Projekt Überblick – 2026.pdf']
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected)
  })

  it('falls back when nothing usable is left', () => {
    expect(sanitizeFileName('...')).toBe('carbon-ledger-export')
    expect(sanitizeFileName('\u0000\u0001', 'report.pdf')).toBe('report.pdf')
  })

  it('caps long names at 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'é'.repeat(300)}.csv`)
    expect(new TextEncoder().encode(name).length).toBe(200)
    expect(name).toBe(`${'é'.repeat(98)}.csv`)
  })

  it('always yields a single safe name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        const name = sanitizeFileName(input)
        expect(name.length).toBeGreaterThan(0)
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/)
        expect(name).not.toMatch(/^[.\s]|[.\s]$/)
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i)
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
      })
    )
  })
})

describe('decodeText', () => {
  const bytes = (...values: number[]) => new Uint8Array(values)
  it('decodes UTF-8 and drops its BOM', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9))).toBe('aé')
    expect(decodeText(bytes(0x61, 0x2c, 0x62))).toBe('a,b')
  })
  it('decodes UTF-16LE and UTF-16BE by their BOM (nvidia-smi logs redirected by Windows PowerShell)', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x57, 0x00, 0x2c, 0x00, 0xe9, 0x00))).toBe('W,é')
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x57, 0x00, 0x2c))).toBe('W,')
  })
  it('turns invalid UTF-8 into U+FFFD for the parser to report', () => {
    expect(decodeText(bytes(0x61, 0xff, 0x62))).toBe('a\ufffdb')
  })
})

describe('readTextFile and writeFileAtomic on disk', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carbon-ledger-files-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('saves files together in a new folder, never into one that exists', async () => {
    const files = [
      { name: 'runs.csv', content: 'id\n1\n' },
      { name: 'README.txt', content: 'readme' }
    ]
    const first = await writeNewFolder(dir, 'carbon-report-2025-Q1', files)
    const second = await writeNewFolder(dir, 'carbon-report-2025-Q1', files.slice(0, 1))
    expect(first).toBe(join(dir, 'carbon-report-2025-Q1'))
    expect(second).toBe(join(dir, 'carbon-report-2025-Q1 (2)'))
    expect((await readdir(first)).sort()).toEqual(['README.txt', 'runs.csv'])
    expect(await readFile(join(first, 'runs.csv'), 'utf8')).toBe('id\n1\n')
    expect(await readdir(second)).toEqual(['runs.csv'])
  })

  it('reads a chosen file as text, reporting only its base name', async () => {
    const path = join(dir, 'emissions.csv')
    await writeFile(path, '\ufeffduration,energy_consumed\n3600,0.25\n')
    expect(await readTextFile(path)).toEqual({
      name: 'emissions.csv',
      sizeBytes: 38,
      text: 'duration,energy_consumed\n3600,0.25\n'
    })
  })

  it('refuses a file over the limit before reading it, naming it', async () => {
    const path = join(dir, 'huge.csv')
    await writeFile(path, 'x'.repeat(1_500_000))
    const error = await readTextFile(path, 1_000_000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HostError)
    expect((error as Error).message).toBe('huge.csv is 1.5 MB; files up to 1.0 MB can be opened.')
  })

  it('refuses a folder', async () => {
    await expect(readTextFile(dir)).rejects.toThrow(/is not a file/)
  })

  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const target = join(dir, 'export.csv')
    await writeFileAtomic(target, 'first\n')
    await writeFileAtomic(target, 'second\n')
    expect(await readFile(target, 'utf8')).toBe('second\n')
    expect(await readdir(dir)).toEqual(['export.csv'])
  })

  it('keeps the old file and removes the temporary one when writing fails (disk full)', async () => {
    const target = join(dir, 'export.csv')
    await writeFile(target, 'old\n')
    const failingFs: AtomicWriteFs = {
      open: async (path, flags) => {
        const handle = await nodeFs.open(path, flags)
        return {
          writeFile: async (data) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, 3) : data)
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          },
          sync: () => handle.sync(),
          close: () => handle.close()
        }
      },
      rename: nodeFs.rename,
      rm: nodeFs.rm
    }
    await expect(writeFileAtomic(target, 'new content\n', failingFs)).rejects.toThrow('ENOSPC')
    expect(await readFile(target, 'utf8')).toBe('old\n')
    expect(await readdir(dir)).toEqual(['export.csv'])
  })

  it('keeps the old file and removes the temporary one when the rename fails', async () => {
    const target = join(dir, 'export.csv')
    await writeFile(target, 'old\n')
    const failingFs: AtomicWriteFs = {
      open: nodeFs.open,
      rename: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' })
      },
      rm: nodeFs.rm
    }
    await expect(writeFileAtomic(target, 'new\n', failingFs)).rejects.toThrow('EPERM')
    expect(await readFile(target, 'utf8')).toBe('old\n')
    expect(await readdir(dir)).toEqual(['export.csv'])
  })

  it('names the temporary file as a hidden sibling of the target', () => {
    expect(tempPathFor(join(dir, 'b.json'), 'abc')).toBe(join(dir, '.b.json.abc.tmp'))
  })
})
