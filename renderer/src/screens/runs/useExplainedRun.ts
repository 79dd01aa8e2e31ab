import type { ExplainedRun } from '../../../../shared/ledger/compact'
import type { RunRecord } from '../../../db'
import { type AsyncState, useAsync } from '../../app/useAsync'
import { useLedger } from '../../ledger/LedgerProvider'

/**
 * The run of a live read with its trace, assumptions and sources, rebuilt from its input and stamp (stored runs keep
 * their figures only). Rebuilding computes, so it runs outside the live query, again whenever the live read answers.
 */
export function useExplainedRun(stored: AsyncState<RunRecord | undefined>): AsyncState<ExplainedRun | undefined> {
  const { ledger } = useLedger()
  const run = stored.data
  const explained = useAsync(
    async () => (run === undefined ? undefined : (await ledger.runs.explain([run]))[0]),
    [ledger, run]
  )
  if (stored.status === 'error') return { status: 'error', error: stored.error, data: explained.data }
  if (stored.status === 'loading') return { status: 'loading', data: explained.data }
  return explained
}
