import { describe, expect, it } from 'vitest'
import { runInputSchema } from '../../../shared/domain/run'
import { applyPeople, clusterSettingsSchema, partitionsFor, slurmUsers } from '../../../shared/import/cluster'
import { slurmJobKind } from '../../../shared/import/slurm-kind'
import { importFixture, runById } from './support'

const A100 = { gpu: 'NVIDIA A100-SXM4-80GB', location: { kind: 'country' as const, code: 'DE' } }

describe("the lab's cluster mappings applied to a sacct import", () => {
  it('lists the partitions still unset, and none of those the lab set', () => {
    const none = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })
    expect(none.partitionsUnset?.sort()).toEqual(['cpu', 'gpu-a100', 'gpu-l40s'])
    const some = importFixture('slurm/sacct-energy-gpu.psv', {
      timeZone: 'Europe/Berlin',
      slurmPartitions: { 'gpu-a100': A100 }
    })
    expect(some.partitionsUnset).not.toContain('gpu-a100')
    expect(some.partitionsUnset).toContain('gpu-l40s')
  })

  it("says in the run's trace that its hardware and location came from the partition mapping", () => {
    const result = importFixture('slurm/sacct-energy-gpu.psv', {
      timeZone: 'Europe/Berlin',
      slurmPartitions: { 'gpu-a100': A100 }
    })
    const run = runById(result, 'slurm:58101@2025-03-28T09:12:40')
    expect(run.input.notes).toContain(
      "Partition gpu-a100: GPU NVIDIA A100-SXM4-80GB, location from the lab's partition mapping."
    )
    expect(run.input.location).toEqual({ kind: 'country', code: 'DE' })
  })

  it('maps Slurm users to people, says so in the trace, and leaves other sources alone', () => {
    const result = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })
    const users = slurmUsers(result)
    expect(users.map((u) => u.user)).toContain('anna')
    expect(users.reduce((n, u) => n + u.runs, 0)).toBe(result.runs.length)
    const mapped = applyPeople(result, { anna: 'Anna Schmidt' })
    const annas = mapped.runs.filter((r) => r.input.person === 'Anna Schmidt')
    expect(annas).toHaveLength(users.find((u) => u.user === 'anna')!.runs)
    expect(annas[0]?.input.notes).toContain("Person Anna Schmidt: the lab's mapping of Slurm user anna.")
    for (const run of mapped.runs) expect(runInputSchema.parse(run.input)).toEqual(run.input)
    expect(mapped.runs.filter((r) => r.input.person === 'anna')).toEqual([])
    expect(applyPeople(result, {})).toBe(result)
    const codecarbon = importFixture('codecarbon/multi-rank.csv')
    const person = codecarbon.runs[0]!.input.person
    expect(applyPeople(codecarbon, { [person]: 'Someone' }).runs[0]!.input.person).toBe(person)
  })

  it("lets a watched folder's own partitions win over the lab's", () => {
    const lab = clusterSettingsSchema.parse({ partitions: { gpu: A100, cpu: { cpu: 'AMD EPYC 7763' } } })
    expect(partitionsFor(lab, { gpu: { gpu: 'NVIDIA H100' } })).toEqual({
      gpu: { gpu: 'NVIDIA H100' },
      cpu: { cpu: 'AMD EPYC 7763' }
    })
    expect(partitionsFor(lab, undefined)).toEqual(lab.partitions)
  })

  it('refuses an empty partition or user name and a person left blank', () => {
    expect(clusterSettingsSchema.safeParse({ partitions: { '': A100 } }).success).toBe(false)
    expect(clusterSettingsSchema.safeParse({ people: { anna: '  ' } }).success).toBe(false)
    expect(clusterSettingsSchema.parse({})).toEqual({ partitions: {}, people: {} })
  })
})

describe('the kind of a Slurm job, from its name', () => {
  it.each([
    ['pretrain-7b', 'training'],
    ['train-vit-l', 'training'],
    ['finetune', 'fine-tuning'],
    ['llama-sft', 'fine-tuning'],
    ['lora_r16', 'fine-tuning'],
    ['eval-sweep', 'hyperparameter-search'],
    ['sweep|lr=3e-4', 'hyperparameter-search'],
    ['eval-mmlu', 'inference'],
    ['batch-infer', 'inference'],
    ['preprocess', 'other'],
    ['interactive', 'other'],
    ['ablate', 'other'],
    ['software', 'other'],
    ['', 'other']
  ])('%s → %s', (name, kind) => {
    expect(slurmJobKind(name)).toBe(kind)
  })

  it('is what the importer stores on the run', () => {
    const result = importFixture('slurm/sacct-energy-gpu.psv', { timeZone: 'Europe/Berlin' })
    const kinds = new Map(result.runs.map((r) => [r.input.title, r.input.kind]))
    expect(kinds.get('pretrain-7b')).toBe('training')
    expect(kinds.get('finetune')).toBe('fine-tuning')
    expect(kinds.get('preprocess')).toBe('other')
  })
})
