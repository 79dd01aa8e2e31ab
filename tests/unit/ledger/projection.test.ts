import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyToMonth,
  DIMENSION_COUNT,
  dimensionIndex,
  idAt,
  type MonthView,
  monthView,
  PROJECTION_DIMENSIONS,
  type ProjectionPart,
  type ProjectionRow,
  searchRows,
  searchText,
  textAt,
  titleOfText
} from '../../../shared/ledger/projection'

const row = (id: string, startedAtMs: number, text: string, person = 'ada'): ProjectionRow => ({
  id,
  startedAtMs,
  emissionsKg: startedAtMs / 10,
  energyKWh: startedAtMs / 5,
  project: 'p1',
  person,
  kind: 'training',
  source: 'manual',
  hardware: '[]',
  location: '["lab-default","Lab default",null]',
  text
})

/** The rows of a view, decoded back, in its order. */
const rowsOf = (view: MonthView): ProjectionRow[] =>
  Array.from({ length: view.count }, (_, i) => idAt(view, i)).map((id, i) => {
    const value = (dim: (typeof PROJECTION_DIMENSIONS)[number]) =>
      view.strings[view.codes[i * DIMENSION_COUNT + dimensionIndex(dim)]!]!
    return {
      id,
      startedAtMs: view.startedAtMs[i]!,
      emissionsKg: view.emissionsKg[i]!,
      energyKWh: view.energyKWh[i]!,
      ...(Object.fromEntries(PROJECTION_DIMENSIONS.map((d) => [d, value(d)])) as Record<
        (typeof PROJECTION_DIMENSIONS)[number],
        string
      >),
      text: textAt(view, i)
    }
  })

describe('the runs projection of a month', () => {
  it('reads, after any sequence of writes and removals in any number of transactions, exactly the rows written last', () => {
    const op = fc.record({
      id: fc.integer({ min: 0, max: 30 }),
      remove: fc.boolean(),
      hour: fc.integer({ min: 0, max: 5 }),
      person: fc.constantFrom('ada', 'bob', 'cy')
    })
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 8 }), { maxLength: 40 }), (transactions) => {
        let parts: ProjectionPart[] = []
        const model = new Map<string, ProjectionRow>()
        for (const ops of transactions) {
          const changes = new Map<string, ProjectionRow | null>()
          for (const o of ops) {
            const id = `r${o.id}`
            const written = row(id, o.hour * 3_600_000, `run ${o.id}\u0001${o.person}`, o.person)
            changes.set(id, o.remove ? null : written)
            if (o.remove) model.delete(id)
            else model.set(id, written)
          }
          const { put, remove } = applyToMonth('2026-01', parts, changes)
          parts = [...parts.filter((p) => !remove.includes(p.seq)), ...put]
          expect(parts.length).toBeLessThan(24)
        }
        const want = [...model.values()].sort(
          (a, b) => a.startedAtMs - b.startedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
        )
        const view = monthView(parts)
        expect(view.count).toBe(want.length)
        expect(rowsOf(view)).toEqual(want)
      }),
      { numRuns: 300 }
    )
  })

  it('finds a search in the title, the notes or one tag, never across two of them', () => {
    const texts = [
      searchText({ title: 'Baseline', notes: 'OOM on node 3', tags: ['Sweep'] }),
      searchText({ title: 'run', notes: '', tags: ['a', 'b'] }),
      searchText({ title: '', notes: 'baseline again', tags: [] })
    ]
    const view = monthView(applyToMonth('2026-01', [], new Map(texts.map((t, i) => [`r${i}`, row(`r${i}`, i, t)]))).put)
    const hits = (q: string) => [...searchRows(view, q)].flatMap((hit, i) => (hit ? [idAt(view, i)] : []))
    expect(hits('baseline')).toEqual(['r0', 'r2'])
    expect(hits('oom on')).toEqual(['r0'])
    expect(hits('sweep')).toEqual(['r0'])
    // "a" and "b" are two tags: "ab" is in neither.
    expect(hits('ab')).toEqual([])
    expect(hits('a')).toEqual(['r0', 'r1', 'r2'])
    expect(titleOfText(texts[0]!)).toBe('baseline')
  })
})
