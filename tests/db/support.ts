import 'fake-indexeddb/auto'
import { type Ledger, openLedger } from '../../renderer/db'
import type { RunInputDraft } from '../../shared/domain/run'
import { testEngine, type TestLab } from './engine'

export { testCompute, testEngine, type TestLab, testLabSchema } from './engine'

let counter = 0
/** A fresh database per call, so tests never see each other's data. */
export const freshName = (): string => `ledger-test-${process.pid}-${++counter}`

export const openTest = (name = freshName(), engine = testEngine()): Promise<Ledger<TestLab>> =>
  openLedger({ name, engine })

/** One GPU (300 W by default) for `hours` hours, starting at `startedAt`. */
export const gpuRun = (over: Partial<RunInputDraft> & { hours?: number; powerW?: number } = {}): RunInputDraft => {
  const { hours = 10, powerW = 300, ...rest } = over
  return {
    project: 'alpha',
    person: 'ada',
    startedAt: '2026-02-10T08:00:00Z',
    durationS: hours * 3600,
    devices: [{ kind: 'gpu', name: 'A100', hardwareId: 'nvidia-a100-sxm4-40gb', count: 1, powerW }],
    ...rest
  }
}
