import type { z } from 'zod'
import { english, type Message, msg, verbatim } from '../messages/index'

/**
 * Why a plan cannot be made. The message is one sentence for the user, naming the zone, the hours or the hardware;
 * the code lets a screen react (e.g. offer a shorter job on 'past-end-of-data').
 */
export type PlanningErrorCode =
  'invalid-input' | 'outside-data' | 'longer-than-data' | 'past-end-of-data' | 'not-shiftable' | 'no-flops-data'

export class PlanningError extends Error {
  constructor(
    readonly code: PlanningErrorCode,
    /** The reason as a message, for the app's language; `message` is its English text. */
    readonly msg: Message
  ) {
    super(english(msg))
    this.name = 'PlanningError'
  }
}

/** Plain sentences (notes) in English beside their messages (noteMsgs), in the same order. */
export const notesOf = (msgs: Message[]): { notes: string[]; noteMsgs: Message[] } => ({
  notes: msgs.map(english),
  noteMsgs: msgs
})

/** Validates an API argument; the first issue becomes an 'invalid-input' error naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const path = issue.path.length ? ` ${issue.path.join('.')}` : ''
  throw new PlanningError('invalid-input', msg('plan.invalidArgument', { what, path, issue: verbatim(issue.message) }))
}
