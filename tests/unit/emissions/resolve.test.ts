import { describe, expect, it } from 'vitest'
import { type RunResult, runResultSchema } from '../../../shared/domain/result'
import { type RunInputDraft, runInputSchema } from '../../../shared/domain/run'
import { type LabDefaults, labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun, resolveFactors } from '../../../shared/emissions/resolve'
import { traceStepText } from '../../../shared/emissions/trace-text'
import { de, english, formatMessage, localeNumberWriter, type Message } from '../../../shared/messages/index'
import type { HourlyProfile } from '../../../shared/refdata/schema'
import { testRef } from './refdata-fixture'

const ref = testRef()
const noLab = labDefaultsSchema.parse({})
const lab = (draft: Partial<LabDefaults> & object): LabDefaults => labDefaultsSchema.parse(draft)
const run = (draft: Partial<RunInputDraft> = {}) =>
  runInputSchema.parse({ startedAt: '2023-06-01T00:00:00Z', durationS: 3600, ...draft })
const estimate = (draft: Partial<RunInputDraft>, labDefaults = noLab, hourly?: HourlyProfile): RunResult =>
  runResultSchema.parse(estimateRun(run(draft), ref, labDefaults, hourly))
const v100 = { kind: 'gpu' as const, hardwareId: 'gpu:tesla-v100', name: 'Tesla V100', count: 1 }
/** A V100 whose power is given: used as given (× utilisation), as the mlco2 calculator does with a TDP. */
const v100At300W = { ...v100, powerW: 300 }
const france = { kind: 'country' as const, code: 'FR' }

describe('estimateRun: compatibility through the reference data', () => {
  it('gives mlco2 figures for a 300 W GPU, 100 h, PUE 1, 566.3 g/kWh', () => {
    const result = estimate({
      durationS: 100 * 3600,
      pue: 1,
      devices: [v100At300W],
      location: { kind: 'custom', intensityGPerKWh: 566.3, label: 'mlco2' }
    })
    expect(result.energyKWh.value).toBe(30)
    expect(result.emissionsKg.value).toBe(16.989)
  })

  it('gives Green Algorithms figures from a per-core CPU entry (12 of its cores at full load), a 250 W GPU and 64 GB', () => {
    const result = estimate({
      durationS: 10 * 3600,
      pue: 1.56,
      memoryGB: 64,
      devices: [
        { kind: 'cpu', hardwareId: 'cpu:xeon-gold-6148', name: 'Xeon Gold 6148', count: 1, cores: 12 },
        { kind: 'gpu', hardwareId: 'gpu:rtx-3090', name: 'RTX 3090', count: 1, powerW: 250 }
      ],
      location: { kind: 'custom', intensityGPerKWh: 51.28, label: 'GA' }
    })
    expect(result.energyKWh.value.toFixed(3)).toBe('5.676')
    expect(Math.round(result.emissionsKg.value * 1000)).toBe(291)
    expect(
      result.trace.some((s) => traceStepText(s).label.includes('7.5 W per core × 12 cores') && s.value === 90)
    ).toBe(true)
  })
})

describe('resolveFactors: device power', () => {
  const powerOf = (device: RunInputDraft['devices'] extends (infer D)[] | undefined ? D : never, labDefaults = noLab) =>
    resolveFactors(run({ devices: [device] }), ref, labDefaults).devices[0]!

  it('prefers measured power, then the user value, then the catalogue TDP, with their ranges', () => {
    expect(powerOf({ ...v100, powerW: 280, measuredPowerW: 250 })).toMatchObject({
      origin: 'measured',
      powerW: { value: 250, low: 237.5, high: 262.5 }
    })
    expect(powerOf({ ...v100, powerW: 200 })).toMatchObject({
      origin: 'user',
      powerW: { value: 200, low: expect.closeTo(170, 9), high: expect.closeTo(230, 9) }
    })
    // the catalogue: full load 0.9 × TDP (0.6–1.1 ×), idle 0.19 × TDP (0.1–0.4 ×)
    expect(powerOf(v100)).toMatchObject({
      origin: 'catalogue',
      hardwareId: 'gpu:tesla-v100',
      sourceId: 'mlco2',
      powerW: { value: 270, low: 180 },
      model: { tdpW: 300, idleW: { value: 57, low: 30, high: 120 } }
    })
    expect(powerOf(v100).powerW.high).toBeCloseTo(330, 12)
  })

  it('uses the whole processor TDP when the cores reserved are not given, and says so', () => {
    const factors = resolveFactors(
      run({ devices: [{ kind: 'cpu', hardwareId: 'cpu:xeon-gold-6148', name: 'Xeon', count: 1 }] }),
      ref,
      noLab
    )
    expect(factors.devices[0]!.powerW.value).toBe(150)
    expect(factors.assumptions.join(' ')).toMatch(/whole processor's TDP \(150 W\)/)
  })

  it('finds a device without an id by its name, and marks an unknown one', () => {
    expect(powerOf({ kind: 'gpu', name: 'Tesla V100', count: 1 })).toMatchObject({
      origin: 'catalogue',
      hardwareId: 'gpu:tesla-v100'
    })
    expect(powerOf({ kind: 'gpu', name: 'Imaginary Accelerator 9000', count: 1 })).toMatchObject({
      origin: 'unknown',
      powerW: { value: 0 }
    })
  })

  it("uses the lab's own hardware entry before the catalogue's, citing the lab", () => {
    const ownV100 = {
      id: 'gpu:tesla-v100',
      kind: 'gpu' as const,
      name: 'Tesla V100 (capped)',
      tdpW: 250,
      aliases: [],
      sourceIds: ['lab']
    }
    expect(powerOf(v100, lab({ hardware: [ownV100] }))).toMatchObject({
      powerW: { value: 225 },
      sourceId: 'lab-defaults'
    })
  })
})

describe('resolveFactors: PUE', () => {
  const pueOf = (draft: Partial<RunInputDraft>, labDefaults = noLab) => resolveFactors(run(draft), ref, labDefaults).pue

  it("takes the run's PUE first, ±5 % but never under 1", () => {
    expect(pueOf({ pue: 1.3, location: { kind: 'cloud', provider: 'gcp', region: 'europe-west1' } })).toMatchObject({
      origin: 'run',
      pue: { value: 1.3 }
    })
    expect(pueOf({ pue: 1 })).toEqual({ origin: 'run', sourceId: 'run-input', pue: { value: 1, low: 1, high: 1.05 } })
  })

  it("uses a cloud region's own PUE, else the provider's published PUE, whatever the lab says", () => {
    const labPue = lab({ ownMachines: { kind: 'data-centre', pue: 1.4 } })
    expect(pueOf({ location: { kind: 'cloud', provider: 'gcp', region: 'europe-west1' } }, labPue)).toMatchObject({
      origin: 'provider',
      pue: { value: 1.11 }
    })
    expect(pueOf({ location: { kind: 'cloud', provider: 'aws', region: 'eu-west-1' } }, labPue)).toMatchObject({
      origin: 'provider',
      pue: { value: 1.2 }
    })
    // A region missing from the data still gets its provider's PUE; "ovh" matches the table's "OVHcloud".
    expect(pueOf({ location: { kind: 'cloud', provider: 'ovh', region: 'gra' } })).toMatchObject({
      origin: 'provider',
      pue: { value: 1.09 }
    })
  })

  it("uses the lab's PUE for its own machines, 1.0 for personal computers, else 1.56 with a wide range", () => {
    expect(pueOf({ location: france }, lab({ ownMachines: { kind: 'data-centre', pue: 1.4 } }))).toMatchObject({
      origin: 'lab',
      pue: { value: 1.4 }
    })
    expect(pueOf({ location: france }, lab({ ownMachines: { kind: 'personal-computer' } }))).toEqual({
      origin: 'personal-computer',
      sourceId: 'green-algorithms',
      pue: { value: 1, low: 1, high: 1 }
    })
    expect(pueOf({ location: france })).toEqual({
      origin: 'unknown-data-centre',
      sourceId: 'green-algorithms',
      pue: { value: 1.56, low: 1.1, high: 2 }
    })
    expect(estimate({ location: france }).assumptions.join(' ')).toMatch(/PUE is unknown/)
  })
})

describe('resolveFactors: grid intensity', () => {
  it("uses the yearly average of the run's year, ±10 %", () => {
    const { location } = resolveFactors(run({ location: france }), ref, noLab)
    expect(location).toMatchObject({
      id: 'country:FRA',
      label: 'France',
      origin: 'yearly',
      year: 2023,
      exactYear: true,
      sourceId: 'electricity-maps'
    })
    expect(location.intensityGPerKWh).toEqual({ value: 56, low: 56 * 0.9, high: 56 * 1.1 })
  })

  it('falls back to the latest year before the run, with a range widened by 5 % a year', () => {
    const factors = resolveFactors(run({ startedAt: '2025-02-01T00:00:00Z', location: france }), ref, noLab)
    expect(factors.location).toMatchObject({ year: 2023, exactYear: false })
    expect(factors.location.intensityGPerKWh.low).toBeCloseTo(56 * 0.8, 12)
    expect(factors.location.intensityGPerKWh.high).toBeCloseTo(56 * 1.2, 12)
    expect(factors.assumptions.join(' ')).toMatch(
      /France has no grid intensity for 2025: the 2023 average is used, with a range widened to ±20 %/
    )
  })

  it('uses the world average 475 g/kWh with a wide range for an unknown location, and says so', () => {
    const result = estimate({ devices: [v100] })
    expect(result.locationId).toBe('unknown')
    expect(result.intensityGPerKWh.value).toBe(475)
    expect(result.intensityGPerKWh.low).toBeCloseTo(47.5, 12)
    expect(result.intensityGPerKWh.high).toBeCloseTo(855, 12)
    expect(result.assumptions.join(' ')).toMatch(/location is unknown, so the world average/)
  })

  it('treats a location missing from the data like an unknown one, naming it', () => {
    const result = estimate({ location: { kind: 'country', code: 'ZZ' } })
    expect(result.intensityGPerKWh.value).toBe(475)
    expect(result.assumptions.join(' ')).toMatch(/country ZZ is not in the reference data/)
  })

  it("uses the lab's default location when the run gives none", () => {
    const { location } = resolveFactors(run(), ref, lab({ location: france }))
    expect(location).toMatchObject({ id: 'country:FRA', from: 'lab' })
  })

  it('uses a custom intensity as given, ±10 %', () => {
    const { location } = resolveFactors(
      run({ location: { kind: 'custom', intensityGPerKWh: 120, label: 'Our supplier' } }),
      ref,
      noLab
    )
    expect(location).toMatchObject({ id: 'custom', label: 'Our supplier', origin: 'custom', sourceId: 'run-input' })
    expect(location.intensityGPerKWh.value).toBe(120)
  })

  describe('hourly profile', () => {
    const profile: HourlyProfile = {
      zone: 'DE-LU',
      name: 'Germany',
      startUtc: '2024-01-01T00:00:00.000Z',
      lifecycleGPerKWh: [100, 200, 300, 400],
      directGPerKWh: [90, 180, 270, 360],
      estimatedHours: 0,
      sourceId: 'electricity-maps-hourly'
    }
    const deLu = { kind: 'zone' as const, zone: 'DE-LU' }

    it("takes the mean over the run's hours, each weighted by the part the run covers", () => {
      // 00:30–02:00: half an hour at 100, a whole hour at 200 → (50 + 200) / 1.5.
      const factors = resolveFactors(
        run({ startedAt: '2024-01-01T00:30:00Z', durationS: 5400, location: deLu }),
        ref,
        noLab,
        profile
      )
      expect(factors.location).toMatchObject({ origin: 'hourly', hourly: true, sourceId: 'electricity-maps-hourly' })
      expect(factors.location.intensityGPerKWh.value).toBeCloseTo(250 / 1.5, 12)
      expect(factors.location.intensityGPerKWh.high).toBeCloseTo((250 / 1.5) * 1.05, 12)
    })

    it('widens the range with the share of estimated hours', () => {
      const estimated = { ...profile, estimatedHours: 4 }
      const factors = resolveFactors(
        run({ startedAt: '2024-01-01T01:00:00Z', durationS: 3600, location: deLu }),
        ref,
        noLab,
        estimated
      )
      expect(factors.location.intensityGPerKWh).toEqual({ value: 200, low: 200 * 0.85, high: 200 * 1.15 })
    })

    it('takes the yearly average for the hours past the profile (issue 12): (400 + 344) / 2, range weighed by part', () => {
      const partly = resolveFactors(
        run({ startedAt: '2024-01-01T03:00:00Z', durationS: 7200, location: deLu }),
        ref,
        noLab,
        profile
      )
      expect(partly.location).toMatchObject({ origin: 'hourly', intensityGPerKWh: { value: 372 } })
      expect(partly.location.hourlySpans!.map((s) => [s.origin, s.meanGPerKWh, s.energyShare])).toEqual([
        ['hourly', 400, 0.5],
        ['yearly', 344, 0.5]
      ])
      // ±5 % on the profile's half, the same-year yearly range on the other.
      const relative = (partly.location.intensityGPerKWh.high - 372) / 372
      expect(relative).toBeGreaterThan(0.05)
      expect(partly.assumptions.join(' ')).toContain('covers 50 %')
    })

    it("weighs the hours by the run's measured energy per hour and says so in the trace (issue 12)", () => {
      // 00:30–02:30 with 0.1, 0.2, 0.7 kWh in hours 0, 1, 2: (10 + 40 + 210) / 1 = 260 (uniform power: 200)
      const measured = { startedAt: '2024-01-01T00:30:00Z', durationS: 7200, location: deLu, measuredEnergyKWh: 1 }
      const result = estimate({ ...measured, energyByHourKWh: [0.1, 0.2, 0.7] }, noLab, profile)
      expect(result.intensityGPerKWh.value).toBeCloseTo(260, 10)
      const step = result.trace.find((s) => traceStepText(s).label.startsWith('Grid intensity'))!
      expect(traceStepText(step).label).toBe(
        "Grid intensity (Germany and Luxembourg, mean of the hourly profile over the run's hours, weighted by the run's measured power samples)"
      )
      const german = formatMessage(de, step.labelMsg!, localeNumberWriter('de-DE'))
      expect(german).toContain('gewichtet mit den gemessenen Leistungswerten des Laufs')
      expect(estimate(measured, noLab, profile).intensityGPerKWh.value).toBeCloseTo(200, 10)
      // energy that does not fit the run's hours (its start moved to 00:00): uniform power, and an assumption says why
      const edited = estimate(
        { ...measured, startedAt: '2024-01-01T00:00:00Z', energyByHourKWh: [0.1, 0.2, 0.7] },
        noLab,
        profile
      )
      expect(edited.intensityGPerKWh.value).toBeCloseTo(150, 10)
      expect(edited.assumptions.join(' ')).toContain('has 3 hours, but the run touches 2')
      expect(edited.trace.some((s) => traceStepText(s).label.includes('measured power'))).toBe(false)
    })

    it('falls back to the yearly average when the profile covers none of the run or is of another zone', () => {
      const beyond = resolveFactors(
        run({ startedAt: '2024-01-01T04:00:00Z', durationS: 7200, location: deLu }),
        ref,
        noLab,
        profile
      )
      expect(beyond.location).toMatchObject({ origin: 'yearly', intensityGPerKWh: { value: 344 } })
      const otherZone = resolveFactors(run({ startedAt: '2024-01-01T00:00:00Z', location: deLu }), ref, noLab, {
        ...profile,
        zone: 'GB'
      })
      expect(otherZone.location.origin).toBe('yearly')
    })
  })
})

describe('resolveFactors: market-based share', () => {
  const gcp = { kind: 'cloud' as const, provider: 'gcp', region: 'europe-west1' }

  it("never takes a provider's offsets (mlco2 offsetRatio): without instruments market-based equals location-based, with a note", () => {
    const result = estimate({ devices: [v100At300W], location: gcp })
    expect(result.emissionsKg.value).toBeCloseTo(0.3 * 1.11 * 267 * 0.001, 12)
    expect(result.marketEmissionsKg).toEqual(result.emissionsKg)
    expect(result.assumptions.join(' ')).toContain('No contractual instruments cover this energy')
  })

  it("puts the energy the lab's certificates do not cover at its supplier-specific factor; offsets reduce nothing", () => {
    const contract = lab({
      renewableShare: 0.25,
      supplierIntensityGPerKWh: 400,
      offsets: [{ id: 'o1', tonnes: 100, year: 2023, project: 'forestry' }]
    })
    const result = estimate({ devices: [v100At300W], location: france, pue: 1 }, contract)
    // 0.3 kWh: 25 % covered at 0 g, 75 % at the supplier's 400 g/kWh
    expect(result.marketEmissionsKg.value).toBeCloseTo((0.3 * 0.75 * 400) / 1000, 12)
    expect(result.emissionsKg.value).toBeCloseTo((0.3 * 56) / 1000, 12)
    expect(result.assumptions.join(' ')).not.toContain('No contractual instruments')
  })

  it("applies the lab's contract to its own machines only, and the run's share before both", () => {
    const contract = lab({ renewableShare: 0.5 })
    expect(resolveFactors(run({ location: france }), ref, contract).renewable).toEqual({
      share: 0.5,
      origin: 'lab',
      sourceId: 'lab-defaults'
    })
    expect(
      resolveFactors(run({ location: { kind: 'cloud', provider: 'aws', region: 'eu-west-1' } }), ref, contract)
        .renewable
    ).toEqual({ share: 0, origin: 'none' })
    expect(resolveFactors(run({ location: gcp, renewableShare: 0.2 }), ref, contract).renewable).toMatchObject({
      share: 0.2,
      origin: 'run'
    })
  })
})

describe('estimateRun: the whole result', () => {
  it('computes a continuous service on its working hours with embodied emissions and cites its sources', () => {
    // 10 days at 6 h a day = 60 h of one V100 at 300 W → 18 kWh × 1.56 unknown PUE, France 2023 56 g/kWh.
    const result = estimate({ durationS: 10 * 86400, hoursPerDay: 6, devices: [v100At300W], location: france })
    expect(result.itEnergyKWh.value).toBeCloseTo(18, 12)
    expect(result.energyKWh.value).toBeCloseTo(18 * 1.56, 12)
    expect(result.emissionsKg.value).toBeCloseTo((18 * 1.56 * 56) / 1000, 12)
    expect(result.embodiedKg.value).toBeCloseTo((150 * 60) / (4 * 8760), 12)
    expect(result.dataVersion).toBe('test-2025.1')
    expect(result.sources.map((s) => s.id)).toEqual(['run-input', 'green-algorithms', 'electricity-maps', 'embodied'])
  })

  it('accepts an empty lab defaults object', () => {
    expect(labDefaultsSchema.parse({})).toEqual({
      location: { kind: 'unknown' },
      ownMachines: { kind: 'data-centre' },
      cloudIntensity: 'grid',
      countedEmissions: 'recomputed',
      offsets: [],
      instruments: {
        supplierFactors: [],
        certificates: [],
        providerClaims: [],
        residualMixes: [],
        optInProviderClaims: false
      },
      hardware: [],
      locations: []
    })
  })
})

describe('the trace and assumptions as messages', () => {
  const german = (message: Message | undefined): string | undefined =>
    message && formatMessage(de, message, localeNumberWriter('de-DE'))
  const result = estimate({
    startedAt: '2025-02-01T00:00:00Z',
    durationS: 5400,
    devices: [{ ...v100, utilization: 0.5 }],
    location: france
  })

  it('stores every trace line as messages only (the English is made from them), and each assumption in both forms', () => {
    for (const step of result.trace) {
      expect(step.labelMsg).toBeDefined()
      expect(step.label).toBeUndefined()
      expect(step.formula).toBeUndefined()
    }
    expect(result.trace.map((s) => traceStepText(s).label)).toContain('Energy of 1 × Tesla V100')
    expect(result.assumptionMsgs!.map(english)).toEqual(result.assumptions)
  })

  it('reads as German with German decimals', () => {
    const energy = result.trace.find((s) => s.labelMsg?.id === 'trace.deviceEnergy')!
    // V100 catalogue TDP 300 W: 57 W idle + 0.5 × (270 W − 57 W) = 163.5 W, × 1.5 h
    expect(traceStepText(energy).formula).toBe('1 × 163.5 W × 1.5 h / 1000')
    expect(german(energy.labelMsg)).toBe('Energie von 1 × Tesla V100')
    expect(german(energy.formulaMsg)).toBe('1 × 163,5 W × 1,5 h / 1000')
    const draw = result.trace.find((s) => s.labelMsg?.id === 'trace.powerModel')!
    expect(german(draw.formulaMsg)).toBe('57 W im Leerlauf + 0,5 × (270 W unter Volllast − 57 W)')
    const intensity = result.trace.find((s) => s.labelMsg?.id === 'trace.intensity')!
    expect(german(intensity.labelMsg)).toBe(
      'Netzintensität (France, Jahresmittel 2023, das Jahr des Laufs fehlt in den Daten)'
    )
    expect(result.assumptionMsgs!.map(german)).toContain(
      'France hat keine Netzintensität für 2025: das Mittel von 2023 wird verwendet, mit auf ±20 % erweiterter Spanne.'
    )
  })

  it('still reads a result stored before messages existed, and refuses a trace line with no label at all', () => {
    const { assumptionMsgs: _a, locationLabelMsg: _l, ...old } = result
    // As results were stored then: the English text in place of the messages.
    const stored = {
      ...old,
      trace: result.trace.map((line) => ({
        ...line,
        labelMsg: undefined,
        formulaMsg: undefined,
        ...traceStepText(line)
      }))
    }
    const parsed = runResultSchema.parse(JSON.parse(JSON.stringify(stored)))
    expect(parsed.trace[0]!.labelMsg).toBeUndefined()
    expect(parsed.trace.map(traceStepText)).toEqual(result.trace.map(traceStepText))
    expect(parsed.assumptions).toEqual(result.assumptions)
    const unlabelled = { ...old, trace: result.trace.map(({ labelMsg: _m, formulaMsg: _f, ...step }) => step) }
    expect(runResultSchema.safeParse(unlabelled).success).toBe(false)
  })
})
