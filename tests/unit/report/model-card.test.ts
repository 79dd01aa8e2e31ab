import { describe, expect, it } from 'vitest'
import { modelCardCo2Block, type ModelCardRun } from '../../../shared/report/model-card'

const run = (kind: ModelCardRun['input']['kind'], kg: number, where: string, gpus = 8): ModelCardRun => ({
  input: { kind, devices: [{ kind: 'gpu', name: 'NVIDIA A100 80GB', count: gpus, utilization: 1 }] },
  result: { emissionsKg: { value: kg, low: kg * 0.8, high: kg * 1.2 }, locationLabel: where }
})

/** The block's fields, read back as YAML's double-quoted scalars (JSON strings) and numbers. */
const fields = (block: string): Record<string, unknown> =>
  Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => {
        const m = /^ {2}([a-z_]+): (.*)$/.exec(line)!
        return [m[1]!, JSON.parse(m[2]!)]
      })
  )

describe('Hugging Face model-card co2_eq_emissions block', () => {
  it('gives the emissions in grams with the source, training type, place and hardware', () => {
    const block = modelCardCo2Block([run('training', 12.3456, 'Germany'), run('training', 1, 'Germany')], '1.4.0')
    expect(block.split('\n')[0]).toBe('co2_eq_emissions:')
    expect(fields(block)).toEqual({
      emissions: 13345.6,
      source: 'Carbon Ledger 1.4.0',
      training_type: 'pre-training',
      geographical_location: 'Germany',
      hardware_used: '8 × NVIDIA A100 80GB'
    })
  })

  it('names mixed kinds and places largest first, and counts what it does not name', () => {
    const runs = [
      run('fine-tuning', 5, 'France'),
      run('training', 1, 'Germany', 4),
      run('training', 0.5, 'Sweden'),
      run('training', 0.2, 'Norway'),
      run('training', 0.1, 'Spain')
    ]
    const f = fields(modelCardCo2Block(runs, '1.0.0'))
    expect(f.training_type).toBe('fine-tuning, pre-training')
    expect(f.geographical_location).toBe('France, Germany, Sweden and 2 more')
    expect(f.hardware_used).toBe('8 × NVIDIA A100 80GB, 4 × NVIDIA A100 80GB')
    expect(f.emissions).toBe(6800)
  })

  it('quotes names so that YAML reads them back whole', () => {
    const f = fields(modelCardCo2Block([run('inference', 0.0004, 'Lab "A": room #2\nwest')], '1.0.0'))
    expect(f.geographical_location).toBe('Lab "A": room #2\nwest')
    expect(f.training_type).toBe('inference')
    expect(f.emissions).toBe(0.4)
  })

  it('is a valid block for no runs', () => {
    expect(fields(modelCardCo2Block([], '1.0.0'))).toMatchObject({ emissions: 0, hardware_used: '' })
  })
})
