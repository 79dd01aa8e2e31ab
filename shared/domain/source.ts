import { z } from 'zod'

/** Where a number comes from: a reference dataset, a default of the method, the user, or an imported file. */
export const sourceRefSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  licence: z.string().optional(),
  url: z.string().optional(),
  version: z.string().optional()
})
export type SourceRef = z.infer<typeof sourceRefSchema>
