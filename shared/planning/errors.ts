import type { z } from 'zod'

/**
 * Why a plan cannot be made. The message is one sentence for the user, naming the zone, the hours or the hardware;
 * the code lets a screen react (e.g. offer a shorter job on 'past-end-of-data').
 */
export type PlanningErrorCode =
  | 'invalid-input'
  | 'outside-data'
  | 'longer-than-data'
  | 'past-end-of-data'
  | 'not-shiftable'
  | 'no-flops-data'

export class PlanningError extends Error {
  constructor(
    readonly code: PlanningErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'PlanningError'
  }
}

/** Validates an API argument; the first issue becomes an 'invalid-input' error naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new PlanningError('invalid-input', `${what}${issue.path.length ? ` ${issue.path.join('.')}` : ''}: ${issue.message}`)
}
