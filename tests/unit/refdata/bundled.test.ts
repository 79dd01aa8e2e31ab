import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import defaultsJson from '../../../data/defaults.json'
import hardwareJson from '../../../data/hardware.json'
import locationsJson from '../../../data/locations.json'
import manifestJson from '../../../data/manifest.json'
import {
  dataManifestSchema,
  findHardware,
  hardwareEntrySchema,
  loadHourlyProfile,
  loadReferenceData,
  locationEntrySchema,
  methodDefaultsSchema
} from '../../../shared/refdata/index'

const ref = loadReferenceData()
const count = <T extends { kind: string }>(rows: T[], kind: string): number =>
  rows.filter((row) => row.kind === kind).length

describe('the bundled reference tables (data/)', () => {
  it('validate against the schemas and load once', () => {
    expect(() => z.array(hardwareEntrySchema).parse(hardwareJson)).not.toThrow()
    expect(() => z.array(locationEntrySchema).parse(locationsJson)).not.toThrow()
    expect(() => methodDefaultsSchema.parse(defaultsJson)).not.toThrow()
    expect(() => dataManifestSchema.parse(manifestJson)).not.toThrow()
    expect(loadReferenceData()).toBe(ref)
  })

  it('hold sane numbers of devices and locations', () => {
    expect(count(ref.hardware, 'gpu')).toBeGreaterThanOrEqual(40)
    expect(count(ref.hardware, 'tpu')).toBe(3)
    // CodeCarbon's 4,903 rows less repeated spellings of one model (merged) and rows without a usable TDP.
    expect(count(ref.hardware, 'cpu')).toBeGreaterThan(4_700)
    expect(count(ref.locations, 'country')).toBeGreaterThanOrEqual(200)
    expect(count(ref.locations, 'zone')).toBe(352)
    expect(count(ref.locations, 'cloud')).toBeGreaterThanOrEqual(82)
    expect(ref.manifest.hourlyZones).toHaveLength(40)
    expect(Object.values(ref.manifest.hourlyYears!).flat()).toHaveLength(122)
  })

  it('keep ids unique and entries sorted by id', () => {
    for (const rows of [ref.hardware, ref.locations]) {
      const ids = rows.map((row) => row.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(ids)
    }
  })

  it('cite only sources the manifest lists', () => {
    const known = new Set(ref.manifest.sources.map((source) => source.id))
    for (const entry of ref.hardware)
      for (const id of entry.sourceIds) expect(known.has(id), `${entry.id}: ${id}`).toBe(true)
    for (const entry of ref.locations)
      for (const i of entry.intensities) expect(known.has(i.sourceId), `${entry.id}: ${i.sourceId}`).toBe(true)
    for (const id of Object.values(ref.defaults.sourceIds)) expect(known.has(id)).toBe(true)
    for (const item of Object.values(ref.defaults.embodied)) expect(known.has(item.sourceId)).toBe(true)
  })

  it('carry a data version of the release plus a content hash, and machine-independent upstream paths', () => {
    expect(ref.manifest.dataVersion).toMatch(/^\d{4}\.\d{1,2}\.\d+-[0-9a-f]{8}$/)
    for (const file of ref.manifest.generatedFrom) {
      expect(file.path.startsWith('/')).toBe(false)
      expect(file.repository).not.toMatch(/^\/|\\|work\//)
    }
    expect(ref.manifest.sources.find((s) => s.id === 'green-algorithms')!.attribution).toContain(
      'Green Algorithms, Lannelongue et al. 2021'
    )
    expect(ref.manifest.sources.find((s) => s.id === 'electricity-maps-yearly')!.licence).toBe('ODbL 1.0')
  })
})

describe('one FLOPS basis: FP32 non-tensor; FP16 dense tensor (FP32 accumulate) where there are tensor cores', () => {
  const peaks = (id: string): [number | undefined, number | undefined] => {
    const entry = findHardware(ref, id)!
    return [entry.fp32Tflops, entry.fp16Tflops]
  }

  it('datasheet figures for the devices users compare most', () => {
    expect(peaks('gpu:nvidia-h100-sxm')).toEqual([67, 989.5])
    expect(peaks('gpu:nvidia-h100-nvl')).toEqual([60, 835.5])
    expect(peaks('gpu:nvidia-a100-sxm4-80-gb')).toEqual([19.5, 312])
    expect(peaks('gpu:nvidia-a100-pcie-40-80gb')).toEqual([19.5, 312])
    expect(peaks('gpu:nvidia-tesla-v100-sxm2-32gb')).toEqual([15.7, 125])
    expect(peaks('gpu:nvidia-t4')).toEqual([8.141, 65.13])
    expect(peaks('gpu:nvidia-l4')).toEqual([30.3, 121])
    expect(peaks('gpu:nvidia-l40s')).toEqual([91.6, 362.05])
    expect(peaks('gpu:nvidia-rtx-a6000')).toEqual([38.71, 154.8])
    expect(peaks('gpu:nvidia-rtx-3090')).toEqual([35.58, 71])
    expect(peaks('gpu:nvidia-rtx-4090')).toEqual([82.6, 165.2])
    expect(peaks('tpu:google-tpuv3-chip')).toEqual([undefined, 123])
    // Xavier's 16 / 32 were TOPS, Pascal's FP16 a 1/64-rate path: no figure rather than a wrong one.
    expect(peaks('gpu:nvidia-agx-xavier')).toEqual([undefined, undefined])
    expect(peaks('gpu:nvidia-gtx-1080-ti')).toEqual([11.34, undefined])
    expect(peaks('gpu:nvidia-quadro-p6000')).toEqual([12.63, undefined])
  })

  it('an H100 is about 3× an A100 at fp16 and 3.4× at fp32, not 6×', () => {
    expect(peaks('gpu:nvidia-h100-sxm')[1]! / peaks('gpu:nvidia-a100-sxm4-80-gb')[1]!).toBeCloseTo(3.17, 2)
    expect(peaks('gpu:nvidia-h100-sxm')[0]! / peaks('gpu:nvidia-a100-sxm4-80-gb')[0]!).toBeCloseTo(3.44, 2)
  })

  it('no entry mixes bases: FP16 between 1× and 16× FP32 (sparse or INT8 figures would exceed it), under 4 TFLOPS/W', () => {
    for (const entry of ref.hardware) {
      const { fp32Tflops: fp32, fp16Tflops: fp16 } = entry
      if (fp32 !== undefined && fp16 !== undefined) {
        expect(fp16, entry.id).toBeGreaterThanOrEqual(fp32)
        // Blackwell doubled the tensor rate per SM over Hopper, FP32 not: the B200's dense FP16 tensor peak is 30× its
        // FP32 (HGX B200 datasheet, per GPU: 2.25 PFLOPS dense, 75 TFLOPS FP32).
        const bound = entry.id === 'gpu:nvidia-b200' ? 32 : 16
        expect(fp16 / fp32, entry.id).toBeLessThanOrEqual(bound)
      }
      for (const peak of [fp32, fp16]) if (peak !== undefined) expect(peak / entry.tdpW, entry.id).toBeLessThan(4)
    }
  })

  it('every corrected entry cites the vendor datasheets, the source of its TDP first when the TDP was corrected', () => {
    expect(findHardware(ref, 'gpu:nvidia-tesla-v100-pcie-16gb')).toMatchObject({
      tdpW: 250,
      sourceIds: ['vendor-datasheets', 'mlco2']
    })
    expect(findHardware(ref, 'gpu:nvidia-tesla-v100-sxm2-16gb')).toMatchObject({
      tdpW: 300,
      sourceIds: ['vendor-datasheets', 'mlco2']
    })
    expect(findHardware(ref, 'gpu:nvidia-rtx-a6000')!.sourceIds).toEqual(['mlco2', 'vendor-datasheets'])
    expect(findHardware(ref, 'tpu:google-tpu-v4')).toMatchObject({
      fp16Tflops: 275,
      sourceIds: ['green-algorithms', 'vendor-datasheets']
    })
  })
})

describe('no zero intensity: missing data is never a clean grid', () => {
  it('no location carries 0 g/kWh; Seeweb fro2 is not shipped; the Central African Republic keeps 2000–2012 only', () => {
    for (const entry of ref.locations)
      for (const i of entry.intensities) expect(i.intensityGPerKWh, `${entry.id} ${i.year}`).toBeGreaterThan(0)
    expect(ref.locations.find((l) => l.id === 'cloud:seeweb:fro2')).toBeUndefined()
    const caf = ref.locations.find((l) => l.id === 'country:CAF')!
    expect(caf.intensities.map((i) => i.year)).toEqual(Array.from({ length: 13 }, (_, n) => 2000 + n))
    expect(caf.intensities.at(-1)!.intensityGPerKWh).toBe(111.11)
  })

  it('the greenest country and cloud region by latest year are real low-carbon grids', () => {
    const latest = (kind: string): { id: string; value: number }[] =>
      ref.locations
        .filter((l) => l.kind === kind)
        .map((l) => ({ id: l.id, value: l.intensities.at(-1)!.intensityGPerKWh }))
        .sort((a, b) => a.value - b.value)
    // OWID/Ember: Lesotho 20.83 g/kWh in 2022 (hydro); CCF (EEA) Azure Sweden Central 9 g/kWh.
    expect(latest('country')[0]).toEqual({ id: 'country:LSO', value: 20.83 })
    expect(latest('cloud')[0]).toEqual({ id: 'cloud:azure:swedencentral', value: 9 })
  })
})

describe('spot values against the upstream files', () => {
  it('mlco2 gpus.csv: H100 SXM 700 W, 80 GB, its sparse 989 / 1979 corrected to 67 / 989.5; the ragged A10G row keeps its 24 GB', () => {
    const h100 = findHardware(ref, 'gpu:nvidia-h100-sxm')!
    expect(h100).toMatchObject({ tdpW: 700, fp32Tflops: 67, fp16Tflops: 989.5, memoryGB: 80, vendor: 'NVIDIA' })
    expect(h100.sourceIds).toEqual(['mlco2', 'vendor-datasheets'])
    expect(findHardware(ref, 'gpu:nvidia-a10g')).toMatchObject({ tdpW: 150, fp32Tflops: 31.52, memoryGB: 24 })
    // GTX 750's row: 1111 "TFLOPS" is GFLOPS, 250 W another card's: corrected from NVIDIA's specifications.
    expect(findHardware(ref, 'gpu:nvidia-gtx-750')).toMatchObject({
      tdpW: 55,
      fp32Tflops: 1.111,
      sourceIds: ['vendor-datasheets', 'mlco2']
    })
  })

  it('Green Algorithms TDP_cpu.csv merged with CodeCarbon: Xeon Gold 6248 is 20 cores × 7.5 W = 150 W', () => {
    expect(findHardware(ref, 'cpu:intel-xeon-gold-6248')).toMatchObject({
      tdpW: 150,
      cores: 20,
      tdpPerCoreW: 7.5,
      sourceIds: ['green-algorithms', 'codecarbon']
    })
    expect(findHardware(ref, 'cpu:apple-m1')).toMatchObject({ tdpW: 10, sourceIds: ['codecarbon'] })
  })

  it('OWID/Ember: France 78.55 g/kWh in 2022 and 44.18 in 2024, every year from 2000', () => {
    const france = ref.locations.find((l) => l.id === 'country:FRA')!
    expect(france).toMatchObject({ iso2: 'FR', iso3: 'FRA', name: 'France' })
    expect(france.intensities.find((i) => i.year === 2022)!.intensityGPerKWh).toBe(78.55)
    expect(france.intensities.find((i) => i.year === 2024)!.intensityGPerKWh).toBe(44.18)
    expect(france.intensities[0]!.year).toBe(2000)
    expect(france.intensities).toHaveLength(25)
  })

  it('Electricity Maps yearly: zone DE 341 g/kWh in 2024 (60 % renewable), 342 in 2025, hourly profile DE-LU', () => {
    const de = ref.locations.find((l) => l.id === 'zone:DE')!
    expect(de.intensities).toEqual([
      {
        year: 2024,
        intensityGPerKWh: 341,
        sourceId: 'electricity-maps-yearly',
        gridRenewableShare: 0.6,
        gridCarbonFreeShare: 0.65
      },
      {
        year: 2025,
        intensityGPerKWh: 342,
        sourceId: 'electricity-maps-yearly',
        gridRenewableShare: 0.6,
        gridCarbonFreeShare: 0.64
      }
    ])
    expect(de.hourlyZone).toBe('DE-LU')
  })

  it('mlco2 impact.csv: gcp us-central1 566.3 g/kWh, PUE 1.11, offsetRatio 100 → renewableShare 1', () => {
    expect(ref.locations.find((l) => l.id === 'cloud:gcp:us-central1')).toMatchObject({
      provider: 'gcp',
      region: 'us-central1',
      countryIso3: 'USA',
      pue: 1.11,
      renewableShare: 1,
      intensities: [{ intensityGPerKWh: 566.3, sourceId: 'mlco2' }]
    })
    // aws eu-west-3 has offsetRatio 0 and no PUE in mlco2: Green Algorithms' aws default 1.2.
    expect(ref.locations.find((l) => l.id === 'cloud:aws:eu-west-3')).toMatchObject({
      renewableShare: 0,
      pue: 1.2,
      countryIso3: 'FRA'
    })
  })

  it('CCF grid factors fill regions the others lack (t/kWh → g/kWh); Azure malformed factors are not used', () => {
    expect(ref.locations.find((l) => l.id === 'cloud:aws:af-south-1')).toMatchObject({
      intensities: [{ intensityGPerKWh: 928, sourceId: 'ccf' }],
      countryIso3: 'ZAF',
      hourlyZone: 'ZA'
    })
    expect(ref.locations.find((l) => l.id === 'cloud:azure:germanywestcentral')).toBeUndefined()
    expect(ref.locations.find((l) => l.id === 'cloud:azure:finlandcentral')).toBeUndefined()
  })

  it('defaults: memory 0.3725 W/GB, PUE 1.56 / 1.0 / providers, world 475, car 175 g/km, tree-month 917 g, flight 50 kg', () => {
    const d = ref.defaults
    expect(d.memoryWPerGB).toBe(0.3725)
    expect(d.pue).toEqual({
      unknownDataCentre: 1.56,
      personalComputer: 1,
      byProvider: { aws: 1.2, azure: 1.12, gcp: 1.12, oracle: 1.2, ovh: 1.09 }
    })
    expect(d.worldIntensityGPerKWh).toBe(475)
    expect(d.equivalents).toMatchObject({ carGPerKm: 175, treeMonthG: 917, flightKg: 50 })
  })

  it('embodied defaults derived from CCF: 150 kg per GPU, (1000 + 100) / 2 = 550 kg per CPU socket, 4 years', () => {
    expect(ref.defaults.embodied.gpu).toMatchObject({ totalKg: 150, lifespanYears: 4, sourceId: 'ccf' })
    expect(ref.defaults.embodied.cpu).toMatchObject({ totalKg: 550, lifespanYears: 4, sourceId: 'ccf' })
    expect(ref.defaults.embodied.tpu!.sourceId).toBe('carbon-ledger')
  })

  it('122 zone-years of hourly profiles, each a whole UTC year; GB 2024 starts at 96.4 g/kWh life-cycle, 61.3 direct', async () => {
    for (const [zone, years] of Object.entries(ref.manifest.hourlyYears!)) {
      for (const year of years) {
        const profile = (await loadHourlyProfile(zone, year))!
        const hours = year % 4 === 0 ? 8784 : 8760
        expect(profile.zone).toBe(zone)
        expect(profile.lifecycleGPerKWh).toHaveLength(hours)
        expect(profile.directGPerKWh).toHaveLength(hours)
        expect(profile.startUtc).toBe(`${year}-01-01T00:00:00.000Z`)
      }
    }
    // The latest year by default; FR 2022 is 14 % estimated (PROVENANCE.md: 1,222 hours); PACW's filled day.
    expect((await loadHourlyProfile('US-MIDW-MISO'))!.startUtc).toBe('2023-01-01T00:00:00.000Z')
    expect((await loadHourlyProfile('FR', 2022))!.estimatedHours).toBe(1222)
    expect((await loadHourlyProfile('US-NW-PACW', 2023))!.filled).toMatchObject([
      { fromUtc: '2023-09-06T07:00:00.000Z', hours: 24 }
    ])
    const gb = (await loadHourlyProfile('GB'))!
    expect(gb.lifecycleGPerKWh.slice(0, 2)).toEqual([96.4, 94.2])
    expect(gb.directGPerKWh[0]).toBe(61.3)
    expect((await loadHourlyProfile('IN-WE'))!.estimatedHours).toBe(8784)
    expect((await loadHourlyProfile('US-CAL-CISO'))!.estimatedHours).toBe(0)
    expect((await loadHourlyProfile('DE-LU'))!.zoneId).toBe('DE')
  })
})
