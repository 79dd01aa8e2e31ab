import { describe, expect, it } from 'vitest'
import { writeJsonLines } from '../../../main/cli/command'

function written(value: Record<string, unknown>): string[] {
  const pieces: string[] = []
  writeJsonLines({ stdout: (t) => pieces.push(t), stderr: () => undefined }, value)
  return pieces
}

describe('writeJsonLines', () => {
  it('writes one JSON document with the fields of JSON.stringify, one array element per line', () => {
    const value = {
      a: 1,
      skipped: undefined,
      list: [{ x: 'é ×' }, undefined, [1, 2]],
      empty: [],
      nested: { b: [1] },
      last: null
    }
    const text = written(value).join('')
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
    expect(text).toBe(
      '{"a":1,\n"list":[\n{"x":"é ×"},\nnull,\n[1,2]\n],\n"empty":[],\n"nested":{"b":[1]},\n"last":null}\n'
    )
  })

  it('writes a long array in pieces of about 64 KB that join into the document', () => {
    const runs = Array.from({ length: 20_000 }, (_, i) => ({ id: `run-${i}`, energyKWh: i / 3 }))
    const pieces = written({ format: 'x', runs })
    expect(pieces.length).toBeGreaterThan(5)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000)
    expect(JSON.parse(pieces.join(''))).toEqual({ format: 'x', runs })
    expect(pieces.join('').split('\n')).toHaveLength(20_000 + 4)
  })
})
