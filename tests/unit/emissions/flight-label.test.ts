import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { labDefaultsSchema } from '../../../shared/emissions/lab-defaults'
import { estimateRun } from '../../../shared/emissions/resolve'
import { de, english, formatMessage, localeNumberWriter } from '../../../shared/messages/index'
import { loadReferenceData } from '../../../shared/refdata/index'

describe('the flight equivalent of the trace', () => {
  const run = runInputSchema.parse({
    startedAt: '2024-05-01T00:00:00Z',
    durationS: 3600,
    devices: [{ kind: 'gpu', name: 'NVIDIA A100 SXM4 80 GB', count: 1 }],
    location: { kind: 'country', code: 'DE' }
  })
  const step = estimateRun(run, loadReferenceData(), labDefaultsSchema.parse({})).trace.find(
    (s) => s.unit === 'flights'
  )!

  it('names the reference data’s flight in German in the German trace, and as before in English', () => {
    expect(formatMessage(de, step.labelMsg!, localeNumberWriter('de-DE'))).toBe(
      'Entspricht: Flüge (ein Fluggast, Flug Paris–London)'
    )
    expect(english(step.labelMsg!)).toBe('Equivalent: flights one passenger, Paris–London flight')
  })
})
