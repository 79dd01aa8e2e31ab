/** JSON with object keys sorted at every level, so that equal data gives equal text (checksums, change detection). */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value))

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
  }
  return value
}

/**
 * A 128-bit non-cryptographic hash (four 32-bit FNV-1a/murmur-mixed lanes), synchronous so that ids can be made
 * for 100,000 runs without awaiting; collisions are negligible at ledger sizes (birthday bound ~2^64).
 */
export const hash128 = (text: string): string => {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]
  return seeds
    .map((seed) => {
      let h = seed >>> 0
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i)
        h = Math.imul(h, 0x01000193)
        h ^= h >>> 15
        h = Math.imul(h, seed | 1)
      }
      h ^= h >>> 16
      h = Math.imul(h, 0x85ebca6b)
      h ^= h >>> 13
      return (h >>> 0).toString(16).padStart(8, '0')
    })
    .join('')
}

/** SHA-256 of a text, hex (Web Crypto: present in browsers and Node ≥ 20). */
export const sha256Hex = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Whether two JSON-like values have the same canonicalJson, without building either string: key order and keys whose
 * value is undefined do not count. A re-import compares every stored run with its incoming version.
 */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((v, i) => sameJson(v, other[i]))
  }
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined)
  const ea = defined(a)
  const ob = b as Record<string, unknown>
  return ea.length === defined(b).length && ea.every(([k, v]) => Object.hasOwn(ob, k) && sameJson(v, ob[k]))
}
