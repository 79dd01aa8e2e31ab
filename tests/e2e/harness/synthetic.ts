import type { ImportSource } from '../../../renderer/db'

/**
 * Deterministic synthetic CodeCarbon-like runs for the browser tests and benchmarks: run i always has the same
 * content, so a re-import is idempotent. People work on two projects each with one kind of hardware in one or two
 * regions, as labs do, which keeps the rollup cells to a realistic number.
 */
const HARDWARE = [
  'gpu:nvidia-a100-sxm4-80-gb',
  'gpu:nvidia-a100-pcie-40-80gb',
  'gpu:nvidia-h100-sxm',
  'gpu:nvidia-tesla-v100',
  'gpu:nvidia-rtx-3090',
  'gpu:nvidia-a10g'
]
const LOCATIONS = [
  { kind: 'cloud', provider: 'aws', region: 'us-east-1' },
  { kind: 'cloud', provider: 'aws', region: 'eu-central-1' },
  { kind: 'country', code: 'FR' },
  { kind: 'country', code: 'DE' }
] as const
const START_MS = Date.UTC(2025, 0, 1)
const SPAN_MS = Date.UTC(2027, 0, 1) - START_MS

export const syntheticRun = (i: number, tag: string): ImportSource['runs'][number] => {
  const person = i % 60
  const project = (person * 7 + ((i >> 3) % 2)) % 40
  const startedAt = new Date(START_MS + ((i * 2654435761) % SPAN_MS)).toISOString()
  const externalId = `${tag}-${i}`
  return {
    externalId,
    input: {
      kind: 'training',
      title: `run ${i}`,
      project: `project-${project}`,
      person: `person-${person}`,
      startedAt,
      durationS: 600 + ((i * 7919) % (3 * 86400)),
      devices: [
        {
          kind: 'gpu',
          name: 'GPU',
          hardwareId: HARDWARE[person % HARDWARE.length]!,
          count: 1 + (i % 8),
          utilization: 0.8
        }
      ],
      location: LOCATIONS[(person + (i % 2)) % LOCATIONS.length]!,
      source: { kind: i % 5 === 0 ? 'nvidia-smi' : 'codecarbon', externalId }
    },
    warnings: []
  }
}

export const syntheticImport = (from: number, count: number, tag: string): ImportSource => ({
  format: 'codecarbon',
  fileName: `synthetic-${tag}-${from}.csv`,
  runs: Array.from({ length: count }, (_, k) => syntheticRun(from + k, tag)),
  errors: [],
  warnings: []
})
