import { describe, expect, it } from 'vitest'
import { createLazyReferenceData, loadReferenceData } from '../../../shared/refdata'

// The CLI's cold start: each bundled table is validated with zod when first read (shared/refdata/index.ts).
describe('reference tables validated on first use', () => {
  const bundled = loadReferenceData()
  const good = () => ({
    manifest: bundled.manifest,
    hardware: bundled.hardware,
    locations: bundled.locations,
    defaults: bundled.defaults
  })

  it('validates a table when it is read, naming the table and the field, and leaves the others usable', () => {
    const ref = createLazyReferenceData({
      ...good(),
      hardware: [{ id: 'gpu:x', kind: 'gpu', name: 'X', tdpW: -5, aliases: [], sourceIds: ['s'] }]
    })
    expect(ref.locations.length).toBe(bundled.locations.length)
    expect(ref.defaults).toEqual(bundled.defaults)
    expect(() => ref.hardware).toThrow(/reference data, hardware table: 0\.tdpW/)
  })

  it('checks ids across the tables it has read, and reads each table once', () => {
    const hardware = [{ id: 'country:FRA', kind: 'gpu', name: 'X', tdpW: 5, aliases: [], sourceIds: ['s'] }]
    const ref = createLazyReferenceData({ ...good(), hardware })
    expect(ref.hardware).toHaveLength(1)
    expect(ref.hardware).toBe(ref.hardware)
    expect(() => ref.locations).toThrow('reference data: id country:FRA appears twice')
  })
})
