import { describe, expect, it } from 'vitest'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { de, english, formatMessage, localeNumberWriter, type Message } from '../../../shared/messages/index'
import { PlanningError } from '../../../shared/planning/errors'
import { HOUR_MS } from '../../../shared/planning/hourly'
import { compareLocations } from '../../../shared/planning/location'
import { shiftJobOfRun } from '../../../shared/planning/run-shift'
import { planTimeShift } from '../../../shared/planning/timeshift'
import { planningRef } from './refdata-fixture'

const german = (message: Message): string | undefined => formatMessage(de, message, localeNumberWriter('de-DE'))
const T0 = Date.UTC(2024, 0, 1, 0)

describe('planning notes and refusals as messages', () => {
  it('gives every note a message whose English text is the note', () => {
    const c = compareLocations(
      {
        startedAt: '2024-05-01T00:00:00Z',
        durationS: 3600,
        devices: [{ kind: 'gpu', name: 'A100', hardwareId: 'nvidia-a100-sxm4-40gb', count: 1 }],
        location: { kind: 'zone', zone: 'DE-LU' }
      },
      planningRef(),
      labDefaultsSchema.parse({})
    )
    expect(c.noteMsgs.map(english)).toEqual(c.notes)
    expect(german(c.noteMsgs.at(-1)!)).toBe(
      'Der aktuelle Standort ist keine Cloud-Region; daher gibt es keine Rangfolge desselben Anbieters.'
    )
  })

  it('writes a run’s rounding note in German with German decimals', () => {
    const input = {
      kind: 'training' as const,
      title: '',
      project: '',
      person: '',
      startedAt: '2024-01-01T10:30:00Z',
      durationS: 5400,
      devices: [],
      location: { kind: 'unknown' as const },
      measuredEnergyIncludesPue: false,
      tags: [],
      notes: '',
      source: { kind: 'manual' as const }
    }
    const { notes, noteMsgs } = shiftJobOfRun(input, { energyKWh: { value: 1.5, low: 1.5, high: 1.5 } } as never)
    // 1 h 30 min rounds to 2 whole hours from the 10:00 slot; mean power 1.5 kWh / 1.5 h = 1 kW
    expect(notes[0]).toBe(
      "The run's 1 h 30 min count as 2 whole hours from 2024-01-01T10:00:00Z (it started at 2024-01-01T10:30:00.000Z), at its mean power of 1.00 kW."
    )
    expect(german(noteMsgs[0]!)).toBe(
      'Die 1 h 30 min des Laufs zählen als 2 volle Stunden ab 01.01.2024, 10:00 UTC (er begann am 01.01.2024, 10:30:00 UTC), bei seiner mittleren Leistung von 1,00 kW.'
    )
  })

  it('says why a plan cannot be made in German, naming the zone and the hours', () => {
    const series = { zone: 'TEST', label: 'Test', startUtcMs: T0, intensitiesGPerKWh: [1, 2, 3], sourceId: 'test' }
    let error: unknown
    try {
      planTimeShift(series, { startUtcMs: T0 + HOUR_MS, hours: 5, powerKW: 1 }, { kind: 'flexible', windowHours: 1 })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PlanningError)
    const refused = error as PlanningError
    expect(refused.message).toBe('A job of 5 hours is longer than the 3 hours of hourly data of TEST.')
    expect(german(refused.msg)).toBe('Eine Arbeit von 5 Stunden ist länger als die 3 Stunden an Stundendaten von TEST.')
  })
})
