import type { z } from 'zod'
import { runInputSchema } from '../../../../shared/domain/run'
import type { FieldErrors } from './run-draft'

/** The longest text the ledger accepts per text field, read from the run schema so the inputs can say it. */
export const TEXT_MAX_LENGTH = {
  title: runInputSchema.shape.title.unwrap().maxLength ?? undefined,
  project: runInputSchema.shape.project.unwrap().maxLength ?? undefined,
  person: runInputSchema.shape.person.unwrap().maxLength ?? undefined,
  notes: runInputSchema.shape.notes.unwrap().maxLength ?? undefined,
  tag: runInputSchema.shape.tags.unwrap().element.maxLength ?? undefined
}

/** The form field a schema path belongs to: the names draftFromFields gives its errors. */
const fieldOfPath = (path: readonly PropertyKey[]): string => {
  const [head, index, leaf] = path
  if (head === 'devices' && typeof index === 'number') {
    if (leaf === 'count') return `device${index}.count`
    if (leaf === 'utilization') return `device${index}.utilisation`
    if (leaf === 'powerW') return `device${index}.power`
    return `device${index}.model`
  }
  if (head === 'tags') return 'tags'
  if (head === 'measuredEnergyKWh') return 'measuredKWh'
  if (head === 'location') return 'location'
  if (head === 'startedAt') return 'start'
  if (head === 'durationS') return 'durationH'
  return String(head ?? 'form')
}

/**
 * The run schema's issues as messages at their fields, in the app's language: a text too long says its limit, a
 * number out of range its bound. The form's own checks catch most input first; this catches whatever the ledger
 * would still refuse, so no schema text in English reaches the user.
 */
export const fieldErrorsOfIssues = (issues: readonly z.core.$ZodIssue[]): FieldErrors => {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = fieldOfPath(issue.path)
    if (errors[field]) continue
    if (field === 'location') errors[field] = { key: 'form.chooseLocation' }
    else if (issue.code === 'too_big' && issue.origin === 'string')
      errors[field] = { key: 'form.tooLong', params: { max: Number(issue.maximum) } }
    else if (issue.code === 'too_big') errors[field] = { key: 'form.max', params: { max: Number(issue.maximum) } }
    else if (issue.code === 'too_small' && issue.origin === 'string') errors[field] = { key: 'form.required' }
    else if (issue.code === 'too_small')
      errors[field] = issue.inclusive
        ? { key: 'form.min', params: { min: Number(issue.minimum) } }
        : { key: 'form.above', params: { min: Number(issue.minimum) } }
    else errors[field] = { key: 'form.invalidValue' }
  }
  return errors
}
