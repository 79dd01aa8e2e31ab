import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { type BackupTables, buildArchive, planMerge, readArchive } from '../../../shared/ledger/backup'
import { canonicalJson, hash128, sha256Hex } from '../../../shared/ledger/canonical'
import { classifyImport, computeStamp, stableRunId } from '../../../shared/ledger/import-plan'

const empty = (): BackupTables => ({
  projects: [],
  runs: [],
  imports: [],
  superseded: [],
  trash: [],
  mappings: [],
  settings: []
})
const project = (id: string, name: string, updatedAt: number) => ({
  id,
  name,
  description: '',
  createdAt: 1,
  updatedAt
})

describe('canonical JSON and hashes', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[{"x":2,"y":1}]},"b":1}')
  })
  it('computes SHA-256 (FIPS 180-2 test vector "abc")', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
  it('gives 128-bit hex hashes that differ for near-identical texts', () => {
    expect(hash128('run-1')).toMatch(/^[0-9a-f]{32}$/)
    expect(hash128('run-1')).toBe(hash128('run-1'))
    expect(hash128('run-1')).not.toBe(hash128('run-2'))
  })
})

describe('import planning', () => {
  const input = runInputSchema.parse({
    startedAt: '2026-01-01T00:00:00Z',
    durationS: 60,
    source: { kind: 'codecarbon', fileName: 'a.csv' }
  })
  it('derives ids from source kind and external id, not the file name', () => {
    const renamed = { ...input, source: { ...input.source, fileName: 'b.csv' } }
    expect(stableRunId(input, 'x')).toBe(stableRunId(renamed, 'x'))
    expect(stableRunId(input, 'x')).not.toBe(stableRunId({ ...input, source: { kind: 'nvidia-smi' } }, 'x'))
    expect(stableRunId(input, 'x')).toMatch(/^codecarbon-[0-9a-f]{32}$/)
  })
  it('classifies new, unchanged and updated runs', () => {
    const stamp = computeStamp('v1', { a: 1 })
    const stored = { projectId: 'p', input, computeStamp: stamp } as Parameters<typeof classifyImport>[1]
    expect(classifyImport({ input, projectId: 'p' }, undefined, stamp)).toBe('add')
    expect(classifyImport({ input, projectId: 'p' }, stored, stamp)).toBe('unchanged')
    expect(classifyImport({ input: { ...input, durationS: 61 }, projectId: 'p' }, stored, stamp)).toBe('update')
    expect(classifyImport({ input, projectId: 'other' }, stored, stamp)).toBe('update')
    expect(classifyImport({ input, projectId: 'p' }, stored, computeStamp('v2', { a: 1 }))).toBe('update')
  })
})

describe('backup archive', () => {
  it('verifies its checksum and names what is wrong', async () => {
    const tables = { ...empty(), projects: [project('p1', 'Alpha', 5)] }
    const archive = await buildArchive(tables, { schemaVersion: 1, dataVersion: 'd', createdAt: new Date(0) })
    const text = JSON.stringify(archive)
    expect(await readArchive(text, 1)).toEqual({ ok: true, archive })
    expect(await readArchive(text.replace('Alpha', 'Beta'), 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/checksum/)
    })
    expect(await readArchive(text, 0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Carbon Ledger/)
    })
    expect(await readArchive('[]', 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a Carbon Ledger backup/)
    })
  })

  it('plans a merge: adds the new, newer wins, ties keep the ledger, differences listed', () => {
    const ledger = {
      ...empty(),
      projects: [project('a', 'A', 10), project('b', 'B', 10), project('c', 'C', 10), project('d', 'D', 10)]
    }
    const archive = {
      ...empty(),
      projects: [
        project('a', 'A', 10),
        project('b', 'B2', 20),
        project('c', 'C2', 5),
        project('d', 'D2', 10),
        project('e', 'E', 1)
      ]
    }
    const plan = planMerge(ledger, archive)
    expect(plan.put.projects.map((p) => p.id)).toEqual(['b', 'e'])
    expect({ added: plan.added, updated: plan.updated, kept: plan.kept }).toEqual({ added: 1, updated: 1, kept: 3 })
    expect(plan.conflicts).toEqual([
      { table: 'projects', id: 'b', kept: 'archive', ledgerUpdatedAt: 10, archiveUpdatedAt: 20 },
      { table: 'projects', id: 'c', kept: 'ledger', ledgerUpdatedAt: 10, archiveUpdatedAt: 5 },
      { table: 'projects', id: 'd', kept: 'ledger', ledgerUpdatedAt: 10, archiveUpdatedAt: 10 }
    ])
  })
})
