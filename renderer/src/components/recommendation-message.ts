import type { Recommendation } from '../../../shared/planning'

/** The recommendation's message key and parameters, so its sentence can be said in every language. */
export function recommendationMessage(
  rec: Recommendation,
  windowHours: number
): { key: 'rec.region' | 'rec.hardware' | 'rec.startTime'; params: Record<string, string | number> } {
  const key = rec.kind === 'region' ? 'rec.region' : rec.kind === 'hardware' ? 'rec.hardware' : 'rec.startTime'
  return { key, params: { count: rec.runCount, from: rec.from, to: rec.to, hours: windowHours } }
}

/** How many of the period's runs the recommendations read: the largest by emissions, so the panel stays quick. */
export const RECOMMENDATION_RUN_LIMIT = 200
