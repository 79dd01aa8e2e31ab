import { describe, expect, it } from 'vitest'
import { openTest } from './support'

describe("the lab's cluster settings (settings table, no new schema version)", () => {
  it('start empty, are stored and read back, and survive reopening the ledger', async () => {
    const ledger = await openTest('cluster-settings-a')
    expect(await ledger.settings.getCluster()).toEqual({ partitions: {}, people: {} })
    const cluster = {
      partitions: { 'gpu-a100': { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'zone' as const, zone: 'DE' } } },
      people: { anna: 'Anna Schmidt' }
    }
    await ledger.settings.setCluster(cluster)
    ledger.close()
    const again = await openTest('cluster-settings-a')
    expect(await again.settings.getCluster()).toEqual(cluster)
    again.close()
  })

  it('refuses an invalid value and keeps what was stored', async () => {
    const ledger = await openTest()
    await ledger.settings.setCluster({ partitions: { gpu: { gpu: 'L40S' } }, people: {} })
    await expect(ledger.settings.setCluster({ partitions: { '': { gpu: 'L40S' } }, people: {} })).rejects.toThrow(
      /Invalid cluster settings/
    )
    expect(await ledger.settings.getCluster()).toEqual({ partitions: { gpu: { gpu: 'L40S' } }, people: {} })
    ledger.close()
  })
})
