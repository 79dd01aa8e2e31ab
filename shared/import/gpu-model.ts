/**
 * CodeCarbon's gpu_model: "<n> x <name>" per distinct model, joined with no separator, e.g.
 * "1 x NVIDIA GeForce RTX 40601 x NVIDIA GeForce RTX 3080 Ti". A name ending in digits runs into the next count,
 * so at each internal boundary the count is taken as the fewest trailing digits that make a count ≥ 1
 * (a machine rarely holds ten GPUs of one model; model numbers end in 0 far more often than counts start with it).
 * (Written here because shared/refdata/hardware.ts did not yet exist when the importer was written.)
 */
export interface GpuModelPart {
  name: string
  count: number
}

const LEADING = /^(\d+) x /
const BOUNDARY = /(\d+) x /g

export function splitCodeCarbonGpuModel(text: string): GpuModelPart[] {
  const model = text.trim()
  if (model === '') return []
  const lead = LEADING.exec(model)
  if (!lead) return [{ name: model, count: 1 }]
  const parts: GpuModelPart[] = []
  let count = Number(lead[1])
  let nameStart = lead[0].length
  BOUNDARY.lastIndex = nameStart
  for (let m = BOUNDARY.exec(model); m; m = BOUNDARY.exec(model)) {
    const digits = m[1] ?? ''
    let take = 1
    while (take < digits.length && digits[digits.length - take] === '0') take += 1
    const countDigits = digits.slice(digits.length - take)
    const nameEnd = m.index + digits.length - take
    const name = model.slice(nameStart, nameEnd).trim()
    if (name === '' || Number(countDigits) === 0) continue
    parts.push({ name, count })
    count = Number(countDigits)
    nameStart = m.index + m[0].length
    BOUNDARY.lastIndex = nameStart
  }
  const last = model.slice(nameStart).trim()
  if (last !== '') parts.push({ name: last, count })
  return mergeSameName(parts)
}

function mergeSameName(parts: GpuModelPart[]): GpuModelPart[] {
  const byName = new Map<string, GpuModelPart>()
  for (const part of parts) {
    const seen = byName.get(part.name)
    if (seen) seen.count += part.count
    else byName.set(part.name, { ...part })
  }
  return [...byName.values()]
}
