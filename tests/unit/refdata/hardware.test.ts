import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  HARDWARE_MATCH_THRESHOLD,
  type HardwareEntry,
  hardwareFamily,
  hardwareKey,
  loadReferenceData,
  matchHardware,
  normaliseHardwareName,
  parseCodeCarbonGpuModel,
  searchHardware
} from '../../../shared/refdata/index'

const ref = loadReferenceData()
const idOf = (text: string, kind?: 'gpu' | 'cpu' | 'tpu'): string | undefined =>
  matchHardware(ref, text, kind)?.entry.id

describe('normaliseHardwareName and hardwareKey', () => {
  it('drop trademarks, clock speeds, core counts and brand words', () => {
    expect(normaliseHardwareName('Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz')).toBe('intel xeon gold 6248 cpu')
    expect(normaliseHardwareName('AMD EPYC 7763 64-Core Processor')).toBe('amd epyc 7763 processor')
    expect(hardwareKey('NVIDIA GeForce RTX 3080 Ti')).toBe('rtx3080ti')
    expect(hardwareKey('Tesla V100-SXM2-16GB')).toBe(hardwareKey('NVIDIA Tesla V100 SXM2 16GB'))
  })
})

describe('matchHardware on the bundled catalogue', () => {
  it('resolves nvidia-smi names with high confidence', () => {
    const h100 = matchHardware(ref, 'NVIDIA H100 80GB HBM3')!
    expect(h100.entry.id).toBe('gpu:nvidia-h100-sxm')
    expect(h100.entry.tdpW).toBe(700)
    expect(h100.matchedBy).toBe('alias')
    expect(h100.confidence).toBeGreaterThanOrEqual(0.95)
    expect(idOf('Tesla V100-SXM2-16GB')).toBe('gpu:nvidia-tesla-v100-sxm2-16gb')
    expect(idOf('NVIDIA A100-SXM4-40GB')).toBe('gpu:nvidia-a100-sxm4-80-gb')
    expect(idOf('NVIDIA A100-SXM4-80GB')).toBe('gpu:nvidia-a100-sxm4-80-gb')
    expect(idOf('NVIDIA A100-PCIE-40GB')).toBe('gpu:nvidia-a100-pcie-40-80gb')
    expect(idOf('NVIDIA A100 80GB PCIe')).toBe('gpu:nvidia-a100-80gb-pcie')
    expect(idOf('Tesla T4')).toBe('gpu:nvidia-t4')
    expect(idOf('NVIDIA L4')).toBe('gpu:nvidia-l4')
  })

  it('resolves CodeCarbon gpu_model parts and cpu_model strings by name', () => {
    const rtx = matchHardware(ref, 'NVIDIA GeForce RTX 3080 Ti')!
    expect(rtx).toMatchObject({ matchedBy: 'name', confidence: 1 })
    expect(rtx.entry.tdpW).toBe(350)
    const xeon = matchHardware(ref, 'Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz', 'cpu')!
    expect(xeon.entry.id).toBe('cpu:intel-xeon-gold-6248')
    expect(xeon.confidence).toBe(1)
    expect(idOf('AMD EPYC 7763 64-Core Processor', 'cpu')).toBe('cpu:amd-epyc-7763')
    expect(matchHardware(ref, 'Apple M1')).toMatchObject({ entry: { id: 'cpu:apple-m1', tdpW: 10 }, confidence: 1 })
  })

  it('resolves an id, and respects the kind asked for', () => {
    expect(matchHardware(ref, 'gpu:nvidia-h100-sxm')).toMatchObject({ matchedBy: 'id', confidence: 1 })
    expect(matchHardware(ref, 'NVIDIA H100 80GB HBM3', 'cpu')).toBeUndefined()
    expect(idOf('TPU v3', 'tpu')).toBe('tpu:google-tpuv3-chip')
  })

  it('returns undefined for unknown hardware and for text that fits several entries', () => {
    expect(matchHardware(ref, 'NVIDIA GeForce RTX 4060')).toBeUndefined()
    expect(matchHardware(ref, 'Quantum Flux Accelerator 9000')).toBeUndefined()
    expect(matchHardware(ref, '')).toBeUndefined()
    // The H100 PCIe is its own entry (from NVIDIA's datasheet), not a tie between the SXM and NVL entries.
    expect(idOf('NVIDIA H100 PCIe')).toBe('gpu:nvidia-h100-pcie')
    // "A100" alone could be any of three A100 GPUs; without a kind it is the catalogue's Intel A100 CPU (3 W) by name,
    // which a vendor in the text rules out.
    expect(matchHardware(ref, 'A100', 'gpu')).toBeUndefined()
    expect(idOf('A100')).toBe('cpu:intel-a100')
    expect(matchHardware(ref, 'NVIDIA A100')).toBeUndefined()
  })

  it('gives an extra word a fuzzy, below-threshold confidence: a laptop RTX 3080 Ti is not the desktop one', () => {
    const laptop = matchHardware(ref, 'NVIDIA GeForce RTX 3080 Ti Laptop GPU')!
    expect(laptop.matchedBy).toBe('fuzzy')
    expect(laptop.entry.id).toBe('gpu:nvidia-rtx-3080-ti')
    // tokens {rtx, 3080, ti, laptop} vs {rtx, 3080, ti}: J = 3/4, confidence 0.9 × 0.75² = 0.51 (rounded).
    expect(laptop.confidence).toBe(0.51)
    expect(laptop.confidence).toBeLessThan(HARDWARE_MATCH_THRESHOLD)
  })

  it('never claims a model number the text lacks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99999 }), (n) => {
        const match = matchHardware(ref, `NVIDIA GeForce RTX ${n}`)
        return match === undefined || match.entry.name.includes(String(n))
      })
    )
  })

  it('builds ambiguity from a small table: two entries with one key give no match', () => {
    const entry = (id: string, name: string, tdpW: number): HardwareEntry => ({
      id,
      kind: 'gpu',
      name,
      tdpW,
      aliases: [],
      sourceIds: ['test']
    })
    const small = {
      hardware: [
        entry('gpu:a', 'Widget 100', 100),
        entry('gpu:b', 'Widget-100', 120),
        entry('gpu:c', 'Widget 200 Pro', 200)
      ]
    }
    expect(matchHardware(small, 'widget 100')).toBeUndefined()
    expect(matchHardware(small, 'WIDGET 200 PRO')).toMatchObject({ entry: { id: 'gpu:c' }, matchedBy: 'name' })
    // {widget, 200} ⊂ {widget, 200, pro}? No: the entry's tokens must all be in the text, here they are; J = 2/3.
    expect(matchHardware(small, 'Widget 200 Pro Max')).toMatchObject({
      entry: { id: 'gpu:c' },
      matchedBy: 'fuzzy',
      confidence: 0.51
    })
  })
})

describe('hardwareFamily: the models a less specific name stands for', () => {
  const names = (text: string, kind?: 'gpu' | 'cpu') =>
    hardwareFamily(ref, text, kind)
      .map((e) => e.name)
      .sort()

  it('gives every catalogue model whose name holds all the words of the text', () => {
    expect(matchHardware(ref, 'A100', 'gpu')).toBeUndefined()
    expect(names('A100', 'gpu')).toEqual(['NVIDIA A100 80GB PCIe', 'NVIDIA A100 PCIe 40GB', 'NVIDIA A100 SXM4 80 GB'])
    expect(names('H100')).toEqual(['NVIDIA H100 NVL', 'NVIDIA H100 PCIe', 'NVIDIA H100 SXM'])
    expect(names('A100 PCIe', 'gpu')).toEqual(['NVIDIA A100 80GB PCIe', 'NVIDIA A100 PCIe 40GB'])
  })

  it('has one A100 80GB PCIe (300 W); the 250 W PCIe card is the 40 GB one, found by its old name too', () => {
    const pcie80 = ref.hardware.filter((e) => /a100/i.test(e.name) && /80\s?gb/i.test(e.name) && /pcie/i.test(e.name))
    expect(pcie80.map((e) => [e.id, e.tdpW])).toEqual([['gpu:nvidia-a100-80gb-pcie', 300]])
    expect(matchHardware(ref, 'NVIDIA A100 80GB PCIe', 'gpu')?.entry.id).toBe('gpu:nvidia-a100-80gb-pcie')
    expect(matchHardware(ref, 'A100 PCIe 40/80GB', 'gpu')?.entry).toMatchObject({
      id: 'gpu:nvidia-a100-pcie-40-80gb',
      name: 'NVIDIA A100 PCIe 40GB',
      tdpW: 250
    })
  })

  it('gives nothing for a name without a model number, an unknown one, another vendor, or one that fits too many', () => {
    expect(names('Xeon', 'cpu')).toEqual([])
    expect(names('Narnia 9000')).toEqual([])
    // The kind asked for: the catalogue's only CPU of that name, none of the GPUs.
    expect(names('A100', 'cpu')).toEqual(['Intel A100'])
    expect(names('AMD A100', 'gpu')).toEqual([])
    // "Xeon E5 v2" fits 93 processors of the catalogue: too broad to estimate a power from.
    expect(ref.hardware.filter((e) => e.kind === 'cpu' && /E5-.*v2/.test(e.name)).length).toBeGreaterThan(8)
    expect(names('Xeon E5 v2', 'cpu')).toEqual([])
  })
})

describe('parseCodeCarbonGpuModel', () => {
  it('splits models joined with no separator', () => {
    expect(parseCodeCarbonGpuModel('1 x NVIDIA GeForce RTX 40601 x NVIDIA GeForce RTX 3080 Ti')).toEqual([
      { count: 1, name: 'NVIDIA GeForce RTX 4060' },
      { count: 1, name: 'NVIDIA GeForce RTX 3080 Ti' }
    ])
    expect(parseCodeCarbonGpuModel('2 x NVIDIA A100-SXM4-40GB3 x Tesla T4')).toEqual([
      { count: 2, name: 'NVIDIA A100-SXM4-40GB' },
      { count: 3, name: 'Tesla T4' }
    ])
  })

  it('reads one model, a count of 10, and text without counts', () => {
    expect(parseCodeCarbonGpuModel('8 x NVIDIA H100 80GB HBM3')).toEqual([{ count: 8, name: 'NVIDIA H100 80GB HBM3' }])
    expect(parseCodeCarbonGpuModel('1 x Tesla V10010 x Tesla T4')).toEqual([
      { count: 1, name: 'Tesla V100' },
      { count: 10, name: 'Tesla T4' }
    ])
    expect(parseCodeCarbonGpuModel('NVIDIA L4')).toEqual([{ count: 1, name: 'NVIDIA L4' }])
    expect(parseCodeCarbonGpuModel('  ')).toEqual([])
  })

  it('each part then matches the catalogue', () => {
    const parts = parseCodeCarbonGpuModel('4 x NVIDIA H100 80GB HBM32 x NVIDIA GeForce RTX 3080 Ti')
    expect(parts.map((p) => [p.count, idOf(p.name)])).toEqual([
      [4, 'gpu:nvidia-h100-sxm'],
      [2, 'gpu:nvidia-rtx-3080-ti']
    ])
  })
})

describe('searchHardware', () => {
  it('finds by word prefixes, exact names first, filtered by kind', () => {
    const found = searchHardware(ref, 'h100')
    expect(found.map((e) => e.id)).toEqual(expect.arrayContaining(['gpu:nvidia-h100-sxm', 'gpu:nvidia-h100-nvl']))
    expect(searchHardware(ref, 'xeon gold 624', 'cpu').map((e) => e.id)).toContain('cpu:intel-xeon-gold-6248')
    expect(searchHardware(ref, 'rtx 3080', 'gpu')[0]!.id).toBe('gpu:nvidia-rtx-3080')
    expect(searchHardware(ref, 'epyc', 'gpu')).toEqual([])
    expect(searchHardware(ref, 'xeon', 'cpu', 5)).toHaveLength(5)
  })
})
