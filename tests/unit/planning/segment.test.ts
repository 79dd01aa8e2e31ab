import { describe, expect, it } from 'vitest'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { type LedgerRun, recommendChanges } from '../../../shared/planning/recommend'
import { segmentOf } from '../../../shared/planning/segment'
import { loadReferenceData } from '../../../shared/refdata/index'

const ref = loadReferenceData()
const lab = labDefaultsSchema.parse({})

const onGpu = (id: string, hardwareId: string, name: string, kind: RunInputDraft['kind'] = 'training'): LedgerRun => {
  const input = runInputSchema.parse({
    kind,
    startedAt: '2024-05-01T00:00:00Z',
    durationS: 100 * 3600,
    devices: [{ kind: 'gpu', hardwareId, name, count: 1, utilization: 1 }],
    location: { kind: 'country', code: 'DE' }
  })
  return { id, input, result: estimateRun(input, ref, lab) }
}
const hardwareMoves = (run: LedgerRun) =>
  recommendChanges([run], ref, lab, {}, { limit: 10 })
    .filter((r) => r.kind === 'hardware')
    .map((r) => r.to)

describe('segmentOf', () => {
  it('reads the form factor and use from vendor product names', () => {
    expect(segmentOf('NVIDIA GeForce RTX 4090 Laptop GPU', 'gpu')).toEqual({ formFactor: 'laptop', use: 'training' })
    expect(segmentOf('NVIDIA RTX 4090', 'gpu').formFactor).toBe('desktop')
    expect(segmentOf('NVIDIA L4', 'gpu')).toEqual({ formFactor: 'data-centre', use: 'inference' })
    expect(segmentOf('NVIDIA T4', 'gpu').use).toBe('inference')
    expect(segmentOf('NVIDIA A10G', 'gpu').use).toBe('inference')
    expect(segmentOf('NVIDIA H100 NVL', 'gpu')).toEqual({ formFactor: 'data-centre', use: 'training' })
    expect(segmentOf('NVIDIA A100 SXM4 80 GB', 'gpu')).toEqual({ formFactor: 'data-centre', use: 'training' })
    expect(segmentOf('Google TPU v4', 'tpu').formFactor).toBe('data-centre')
    expect(segmentOf('NVIDIA AGX Xavier', 'gpu').formFactor).toBe('edge')
  })
})

describe('hardware recommendations stay within the class and use of the device (issue 13)', () => {
  it('never moves a laptop RTX 4090 to a data-centre part (the catalogue has no laptop GPU to offer)', () => {
    const laptop = onGpu('l', 'gpu:nvidia-rtx-4090', 'NVIDIA GeForce RTX 4090 Laptop GPU')
    expect(hardwareMoves(laptop)).toEqual([])
  })
  it('moves a desktop RTX 4090 only to another desktop or workstation card', () => {
    const moves = hardwareMoves(onGpu('d', 'gpu:nvidia-rtx-4090', 'NVIDIA RTX 4090'))
    expect(moves.length).toBe(1)
    expect(segmentOf(moves[0]!, 'gpu').formFactor).toBe('desktop')
    expect(moves[0]).not.toMatch(/H100|A100|L4/)
  })
  it('never moves an L4 inference service to an H100 NVL: inference parts only', () => {
    const moves = hardwareMoves(onGpu('i', 'gpu:nvidia-l4', 'NVIDIA L4', 'inference'))
    expect(moves).not.toContain('NVIDIA H100 NVL')
    for (const to of moves) expect(segmentOf(to, 'gpu').use).toBe('inference')
  })
  it('still moves a training accelerator to a more efficient training accelerator', () => {
    const moves = hardwareMoves(onGpu('t', 'gpu:nvidia-tesla-v100-sxm2-32gb', 'NVIDIA Tesla V100-SXM2-32GB'))
    expect(moves.length).toBe(1)
    expect(segmentOf(moves[0]!, 'gpu')).toEqual({ formFactor: 'data-centre', use: 'training' })
  })
})
