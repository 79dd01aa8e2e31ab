import { describe, expect, it } from 'vitest'
import { hardwareFamily, loadReferenceData, matchHardware } from '../../../shared/refdata/index'

const ref = loadReferenceData()

// The current accelerators no upstream table lists (issue 11), from their vendors' datasheets (data/SOURCES.md).
const DEVICES = [
  { name: 'NVIDIA H100 PCIe', spelling: 'H100 PCIe', family: 'H100', tdpW: 350, fp32: 51, fp16: 756.5 },
  { name: 'NVIDIA H200', spelling: 'H200 SXM', family: 'H200', tdpW: 700, fp32: 67, fp16: 989.5 },
  {
    name: 'NVIDIA GH200 Grace Hopper Superchip',
    spelling: 'GH200',
    family: 'GH200',
    tdpW: 1000,
    fp32: 67,
    fp16: 989.5
  },
  { name: 'NVIDIA B200', spelling: 'B200 SXM', family: 'B200', tdpW: 1000, fp32: 75, fp16: 2250 },
  { name: 'AMD Instinct MI300X', spelling: 'MI300X', family: 'MI300X', tdpW: 750, fp32: 163.4, fp16: 1307.4 }
]

describe('accelerators added from vendor datasheets', () => {
  it.each(DEVICES)('$name resolves by its name and a common spelling, with TDP, FLOPS and source', (d) => {
    for (const text of [d.name, d.spelling]) {
      const match = matchHardware(ref, text, 'gpu')
      expect(match?.entry.name, text).toBe(d.name)
      expect(match!.confidence).toBeGreaterThanOrEqual(0.6)
    }
    const entry = matchHardware(ref, d.name, 'gpu')!.entry
    expect(entry).toMatchObject({ tdpW: d.tdpW, fp32Tflops: d.fp32, fp16Tflops: d.fp16 })
    expect(entry.sourceIds[0]).toBe('vendor-datasheets')
  })

  it.each(DEVICES)('the family name "$family" includes $name', (d) => {
    const family = hardwareFamily(ref, d.family, 'gpu')
    // A family of one is the model itself (matched by name above); of several, the model is among them.
    if (family.length === 0) expect(matchHardware(ref, d.family, 'gpu')?.entry.name).toBe(d.name)
    else expect(family.map((e) => e.name)).toContain(d.name)
  })

  it('"H100" now spans the PCIe part (350 W) to the SXM part (700 W)', () => {
    const tdps = hardwareFamily(ref, 'H100', 'gpu').map((e) => e.tdpW)
    expect(Math.min(...tdps)).toBe(350)
    expect(Math.max(...tdps)).toBe(700)
  })
})
