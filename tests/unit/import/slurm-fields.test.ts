import { describe, expect, it } from 'vitest'
import { expandHostList, jobIdParts, readElapsed, readTres, stateOf } from '../../../shared/import/slurm-fields'
import { allocationShares, type NodeUse } from '../../../shared/import/slurm-shares'
import { offsetMinutesAt, zonedWallToMs } from '../../../shared/import/time-zone'

describe('sacct cells', () => {
  it('takes JobIDs apart: arrays, pending ranges, heterogeneous components and steps', () => {
    expect(jobIdParts('7700_3.batch')).toEqual({
      allocation: '7700_3',
      run: '7700_3',
      step: 'batch',
      pendingArray: false
    })
    expect(jobIdParts('58200+1.0')).toEqual({ allocation: '58200+1', run: '58200', step: '0', pendingArray: false })
    expect(jobIdParts('7700_[12-40%4]')).toEqual({
      allocation: '7700_[12-40%4]',
      run: '7700_[12-40%4]',
      pendingArray: true
    })
  })

  it('reads Elapsed with days beyond 99, and refuses what is no duration', () => {
    expect(readElapsed('123-01:02:03')).toEqual({ ok: true, value: 123 * 86_400 + 3723 })
    expect(readElapsed('05:30.250')).toEqual({ ok: true, value: 330.25 })
    expect(readElapsed('1-05:30').ok).toBe(false)
    expect(readElapsed('01:61:00').ok).toBe(false)
  })

  it('counts GPUs as the untyped gres, else the typed sum, never both; memory in GB', () => {
    const both = readTres('billing=32,cpu=32,gres/gpu:a100=4,gres/gpu=4,mem=256G,node=1')
    expect(both).toMatchObject({ ok: true, value: { gpus: 4, cpus: 32, memoryGB: 256, nodes: 1 } })
    const typed = readTres('gres/gpu:a100_3g.20gb=2,gres/gpu:h100=1,mem=512M')
    expect(typed).toMatchObject({ ok: true, value: { gpus: 3, memoryGB: 0.5 } })
    expect(readTres('gres/gpumem=80G,gres/gpuutil=40,gres/shard=2')).toMatchObject({ ok: true, value: { gpus: 0 } })
    expect(readTres('cpu=x').ok).toBe(false)
  })

  it('expands compressed host lists', () => {
    expect(expandHostList('gpu[03-04]')).toEqual(['gpu03', 'gpu04'])
    expect(expandHostList('n[01-02,07],login1')).toEqual(['n01', 'n02', 'n07', 'login1'])
    expect(expandHostList('r[1-2]n[1-2]')).toEqual(['r1n1', 'r1n2', 'r2n1', 'r2n2'])
    expect(expandHostList('None assigned')).toEqual([])
  })

  it('reads the first word of a state', () => {
    expect(stateOf('CANCELLED by 40213')).toBe('CANCELLED')
    expect(stateOf('CANCELLED+')).toBe('CANCELLED')
  })
})

describe('shares of a shared node', () => {
  const use = (id: string, startMs: number, endMs: number, gpus: number, cpus = 8, hosts = ['n1']): NodeUse => ({
    id,
    jobId: id,
    hosts,
    startMs,
    endMs,
    gpus,
    cpus,
    measured: true
  })

  it('splits by GPUs over the time two jobs overlap, whole while a job is alone', () => {
    const shares = allocationShares([use('a', 0, 100, 3), use('b', 50, 150, 1)])
    expect(shares.get('a')?.share).toBeCloseTo(0.5 + 0.5 * 0.75, 9)
    expect(shares.get('b')?.share).toBeCloseTo(0.5 * 0.25 + 0.5, 9)
  })

  it('splits by CPUs when a neighbour has no GPU, and leaves jobs on other nodes whole', () => {
    const shares = allocationShares([use('a', 0, 100, 1, 8), use('b', 0, 100, 0, 24), use('c', 0, 100, 4, 8, ['n2'])])
    expect(shares.get('a')).toEqual({ share: 0.25, by: 'cpus', sharedWith: ['b'] })
    expect(shares.has('c')).toBe(false)
  })
})

describe('cluster time zones', () => {
  it('reads wall-clock times around daylight-saving changes', () => {
    const wall = (text: string): number => Date.parse(`${text}Z`)
    expect(zonedWallToMs('Europe/Berlin', wall('2025-03-30T01:30:00'))).toBe(Date.parse('2025-03-30T00:30:00Z'))
    expect(zonedWallToMs('Europe/Berlin', wall('2025-03-30T03:30:00'))).toBe(Date.parse('2025-03-30T01:30:00Z'))
    // 02:30 repeats when the clocks go back: its first occurrence, still summer time
    expect(zonedWallToMs('Europe/Berlin', wall('2025-10-26T02:30:00'))).toBe(Date.parse('2025-10-26T00:30:00Z'))
    expect(offsetMinutesAt('America/New_York', Date.parse('2025-01-15T12:00:00Z'))).toBe(-300)
  })
})
