import type { DBCore, DBCoreTable, Middleware } from 'dexie'

/**
 * When the browser aborts a transaction (the disk or the quota ran out while it was writing), every request still
 * pending fails with a bare AbortError ("The transaction was aborted"), and Dexie's BulkError or ModifyError lists
 * only those. The reason is the transaction's own `error`, set before those requests fail: this puts it in place of
 * each such AbortError, so `isQuota` (errors.ts) finds it and the user reads what happened.
 */
export const abortReason: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'abortReason',
  create: (down) => ({
    ...down,
    table: (name: string): DBCoreTable => {
      const table = down.table(name)
      return {
        ...table,
        mutate: (req) =>
          table.mutate(req).then((res) => {
            const reason = (req.trans as unknown as Partial<IDBTransaction>).error
            if (res.numFailures === 0 || !reason) return res
            const failures: typeof res.failures = {}
            for (const [at, err] of Object.entries(res.failures))
              failures[Number(at)] = err.name === 'AbortError' ? reason : err
            return { ...res, failures }
          })
      }
    }
  })
}
