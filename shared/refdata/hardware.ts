import type { DeviceKind } from '../domain/run'
import type { HardwareEntry } from './schema'
import { foldText } from './text'

/** The part of ReferenceData this module reads (index.ts's ReferenceData satisfies it). */
export interface HardwareTable {
  hardware: HardwareEntry[]
}

export interface HardwareMatch {
  entry: HardwareEntry
  /** 0–1: 1 for an id or a catalogue name, 0.95 for a curated alias, at most 0.9 for a fuzzy match. */
  confidence: number
  matchedBy: 'id' | 'name' | 'alias' | 'fuzzy'
}

/**
 * Below this confidence a match is a suggestion: show it, but let the user confirm it before it decides a power.
 * Fuzzy confidence is 0.9 × J², J the Jaccard similarity of the model tokens, so one extra unknown word in a
 * three-word name (J = 0.75) already falls below it.
 */
export const HARDWARE_MATCH_THRESHOLD = 0.6
/** Two fuzzy candidates closer than this (in J²) make the text ambiguous: no match is returned. */
export const HARDWARE_AMBIGUITY_MARGIN = 0.1

const NOISE_WORDS = new Set([
  'nvidia',
  'amd',
  'intel',
  'geforce',
  'tesla',
  'quadro',
  'corporation',
  'processor',
  'cpu',
  'gpu',
  'graphics'
])
/** Words that name a vendor: a text naming one never matches another vendor's device ("NVIDIA A100" ≠ "Intel A100"). */
const VENDOR_WORDS: Record<string, string> = {
  nvidia: 'nvidia',
  geforce: 'nvidia',
  tesla: 'nvidia',
  quadro: 'nvidia',
  amd: 'amd',
  radeon: 'amd',
  intel: 'intel',
  apple: 'apple'
}
const MEMORY_SIZE = /^\d+(?:\.\d+)?(?:gb|g|mb|tb)$/

/**
 * The normalised spelling aliases are kept in: folded, trademark signs, clock speeds ("@ 2.50GHz") and core counts
 * ("64-Core") removed, punctuation turned into spaces (dots kept inside numbers).
 */
export function normaliseHardwareName(text: string): string {
  return foldText(text)
    .replace(/\((?:r|tm|c)\)|[®™©]|@\s*[\d.]+\s*[gm]hz|\b\d+[- ]cores?\b|\bwith radeon(?: vega)? graphics\b/g, ' ')
    .replace(/[^a-z0-9.]+|(?<!\d)\.|\.(?!\d)/g, ' ')
    .trim()
    .replace(/ {2,}/g, ' ')
}

function meaningfulWords(text: string): string[] {
  return normaliseHardwareName(text)
    .split(' ')
    .filter((word) => word !== '' && !NOISE_WORDS.has(word))
}

/**
 * The exact-lookup key: vendor and brand words dropped, separators removed, so "NVIDIA GeForce RTX 3080 Ti",
 * "RTX 3080 TI" and "rtx3080ti" share one key.
 */
export function hardwareKey(text: string): string {
  return meaningfulWords(text).join('')
}

/** Tokens for fuzzy matching: a word of two or more letters glued to a number is split ("rtx3080" → rtx, 3080). */
export function hardwareTokens(text: string): string[] {
  return tokensOfWords(meaningfulWords(text))
}

function tokensOfWords(words: string[]): string[] {
  const tokens: string[] = []
  for (const word of words) {
    const glued = /^([a-z]{2,})(\d[a-z0-9.]*)$/.exec(word)
    if (glued) tokens.push(glued[1]!, glued[2]!)
    else tokens.push(word)
  }
  return tokens
}

/** Model-number tokens (they carry a digit and are not a memory size): they must agree for a fuzzy match. */
function isModelToken(token: string): boolean {
  return /\d/.test(token) && !MEMORY_SIZE.test(token)
}

interface Spelling {
  entry: HardwareEntry
  words: string[]
  matchedBy: 'name' | 'alias'
}

interface FuzzySpelling {
  entry: HardwareEntry
  tokens: Set<string>
  modelTokens: string[]
}

interface KeyIndex {
  byKey: Map<string, Spelling[]>
  spellings: Spelling[]
}

interface TokenIndex {
  /** Model token → spellings carrying it (fuzzy candidates). */
  byModelToken: Map<string, FuzzySpelling[]>
  /** Any token → entries whose name or aliases carry it (search). */
  byToken: Map<string, Set<HardwareEntry>>
  sortedTokens: string[]
}

// Built on first use, once per table, in layers so a lookup pays only for what it needs: ids (cheap), exact keys
// (normalises every spelling), tokens (fuzzy matching and search).
const idIndexes = new WeakMap<HardwareEntry[], Map<string, HardwareEntry>>()
const keyIndexes = new WeakMap<HardwareEntry[], KeyIndex>()
const tokenIndexes = new WeakMap<HardwareEntry[], TokenIndex>()

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function keyIndexOf(ref: HardwareTable): KeyIndex {
  let index = keyIndexes.get(ref.hardware)
  if (index) return index
  index = { byKey: new Map(), spellings: [] }
  for (const entry of ref.hardware) {
    const seenKeys = new Set<string>()
    const add = (text: string, matchedBy: 'name' | 'alias'): void => {
      const words = meaningfulWords(text)
      const key = words.join('')
      if (key === '' || seenKeys.has(key)) return
      seenKeys.add(key)
      const spelling = { entry, words, matchedBy }
      addTo(index!.byKey, key, spelling)
      index!.spellings.push(spelling)
    }
    add(entry.name, 'name')
    for (const alias of entry.aliases) add(alias, 'alias')
  }
  keyIndexes.set(ref.hardware, index)
  return index
}

function tokenIndexOf(ref: HardwareTable): TokenIndex {
  let index = tokenIndexes.get(ref.hardware)
  if (index) return index
  index = { byModelToken: new Map(), byToken: new Map(), sortedTokens: [] }
  for (const { entry, words } of keyIndexOf(ref).spellings) {
    const tokens = tokensOfWords(words)
    // A bare number ("4334") says too little to be guessed from; it is still found by its exact key.
    if (tokens.every((token) => /^\d+$/.test(token))) continue
    const modelTokens = tokens.filter(isModelToken)
    const spelling: FuzzySpelling = { entry, tokens: new Set(tokens), modelTokens }
    for (const token of new Set(modelTokens)) addTo(index.byModelToken, token, spelling)
    for (const token of tokens) {
      const set = index.byToken.get(token) ?? new Set<HardwareEntry>()
      set.add(entry)
      index.byToken.set(token, set)
    }
  }
  index.sortedTokens = [...index.byToken.keys()].sort()
  tokenIndexes.set(ref.hardware, index)
  return index
}

function idIndexOf(ref: HardwareTable): Map<string, HardwareEntry> {
  let byId = idIndexes.get(ref.hardware)
  if (!byId) {
    byId = new Map(ref.hardware.map((entry) => [entry.id, entry]))
    idIndexes.set(ref.hardware, byId)
  }
  return byId
}

export function findHardware(ref: HardwareTable, id: string): HardwareEntry | undefined {
  return idIndexOf(ref).get(id)
}

/**
 * Matches free text (an nvidia-smi name, CodeCarbon's cpu_model or one part of its gpu_model, a user's spelling)
 * to a catalogue entry: by id, then by the exact key of a name or alias, then fuzzily by model tokens. Returns
 * undefined when nothing shares a model number with the text or when two entries match about equally well.
 */
/** Entries of the kind, and of the vendor the text names if it names one. */
const wantedBy = (text: string, kind?: DeviceKind) => {
  const vendors = new Set(
    normaliseHardwareName(text)
      .split(' ')
      .flatMap((word) => VENDOR_WORDS[word] ?? [])
  )
  return (entry: HardwareEntry): boolean =>
    (kind === undefined || entry.kind === kind) &&
    (vendors.size === 0 || entry.vendor === undefined || vendors.has(entry.vendor.toLowerCase()))
}

export function matchHardware(ref: HardwareTable, text: string, kind?: DeviceKind): HardwareMatch | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const wanted = wantedBy(trimmed, kind)

  const byId = findHardware(ref, trimmed) ?? findHardware(ref, trimmed.toLowerCase())
  if (byId && wanted(byId)) return { entry: byId, confidence: 1, matchedBy: 'id' }

  const hits = (keyIndexOf(ref).byKey.get(hardwareKey(trimmed)) ?? []).filter((hit) => wanted(hit.entry))
  const hitEntries = new Set(hits.map((hit) => hit.entry))
  if (hitEntries.size > 1) return undefined
  const hit = hits.find((h) => h.matchedBy === 'name') ?? hits[0]
  if (hit) return { entry: hit.entry, confidence: hit.matchedBy === 'name' ? 1 : 0.95, matchedBy: hit.matchedBy }

  return fuzzyMatch(tokenIndexOf(ref), trimmed, wanted)
}

function fuzzyMatch(
  index: TokenIndex,
  text: string,
  wanted: (entry: HardwareEntry) => boolean
): HardwareMatch | undefined {
  const queryTokens = new Set(hardwareTokens(text))
  const best = new Map<HardwareEntry, number>()
  for (const token of queryTokens) {
    if (!isModelToken(token)) continue
    for (const spelling of index.byModelToken.get(token) ?? []) {
      if (!wanted(spelling.entry)) continue
      // The entry may not claim a model number the text does not have ("RTX 3080 Ti" is not an "RTX 3080").
      if (!spelling.modelTokens.every((t) => queryTokens.has(t))) continue
      let shared = 0
      for (const t of spelling.tokens) if (queryTokens.has(t)) shared++
      const jaccard = shared / (queryTokens.size + spelling.tokens.size - shared)
      const score = jaccard * jaccard
      if (score > (best.get(spelling.entry) ?? 0)) best.set(spelling.entry, score)
    }
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1])
  const [first, second] = ranked
  if (!first) return undefined
  if (second && second[1] > first[1] - HARDWARE_AMBIGUITY_MARGIN) return undefined
  return { entry: first[0], confidence: Math.round(0.9 * first[1] * 100) / 100, matchedBy: 'fuzzy' }
}

/** The most models a family name may stand for before it says too little to estimate a power from. */
const MAX_FAMILY = 8

/**
 * The catalogue models a less specific name stands for when matchHardware finds none: every word of the text is a
 * word of the model's name or an alias, and the text has a model number ("A100" → the A100 SXM4 40 GB, SXM4 80 GB and
 * PCIe cards). Empty when the text has no model number or fits more than MAX_FAMILY models.
 */
export function hardwareFamily(ref: HardwareTable, text: string, kind?: DeviceKind): HardwareEntry[] {
  const tokens = hardwareTokens(text)
  const model = tokens.find(isModelToken)
  if (model === undefined) return []
  const wanted = wantedBy(text, kind)
  const family = new Set<HardwareEntry>()
  for (const spelling of tokenIndexOf(ref).byModelToken.get(model) ?? []) {
    if (wanted(spelling.entry) && tokens.every((t) => spelling.tokens.has(t))) family.add(spelling.entry)
  }
  return family.size <= MAX_FAMILY ? [...family] : []
}

/**
 * Entries for a searchable picker: every word of the query must begin a token of the entry's name or aliases.
 * Exact keys first, then names starting with the query, then shorter names; at most `limit`.
 */
export function searchHardware(ref: HardwareTable, query: string, kind?: DeviceKind, limit = 20): HardwareEntry[] {
  const index = tokenIndexOf(ref)
  const words = hardwareTokens(query)
  const wanted = (entry: HardwareEntry): boolean => kind === undefined || entry.kind === kind
  let candidates: Set<HardwareEntry> | undefined
  for (const word of words) {
    const matching = new Set<HardwareEntry>()
    for (const token of tokensStartingWith(index.sortedTokens, word)) {
      for (const entry of index.byToken.get(token) ?? []) {
        if (!candidates || candidates.has(entry)) matching.add(entry)
      }
    }
    candidates = matching
    if (candidates.size === 0) break
  }
  const pool = candidates ? [...candidates] : ref.hardware
  const key = hardwareKey(query)
  const rank = (entry: HardwareEntry): number => {
    const entryKey = hardwareKey(entry.name)
    if (key !== '' && entryKey === key) return 0
    if (key !== '' && entryKey.startsWith(key)) return 1
    return 2
  }
  return pool
    .filter(wanted)
    .map((entry) => ({ entry, rank: rank(entry) }))
    .sort(
      (a, b) => a.rank - b.rank || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name)
    )
    .slice(0, limit)
    .map(({ entry }) => entry)
}

function tokensStartingWith(sortedTokens: string[], prefix: string): string[] {
  let low = 0
  let high = sortedTokens.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sortedTokens[mid]! < prefix) low = mid + 1
    else high = mid
  }
  const found: string[] = []
  for (let i = low; i < sortedTokens.length && sortedTokens[i]!.startsWith(prefix); i++) found.push(sortedTokens[i]!)
  return found
}

/**
 * Splits CodeCarbon's gpu_model, "<count> x <name>" repeated with no separator when a machine holds several models
 * ("1 x NVIDIA GeForce RTX 40601 x NVIDIA GeForce RTX 3080 Ti"). The count glued to the end of the previous name
 * is read as one digit (two when that digit is 0, "…10 x"): machines rarely hold more than nine of one model, and a
 * name's last digits are more often part of the model. Text without the pattern is one device of that name.
 */
export function parseCodeCarbonGpuModel(text: string): { count: number; name: string }[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  const head = /^(\d+)\s*x\s+/i.exec(trimmed)
  if (!head) return [{ count: 1, name: trimmed }]
  const parts: { count: number; name: string }[] = []
  let count = Number(head[1])
  let rest = trimmed.slice(head[0].length)
  const joined = /(?:[1-9]|[1-9]0)\s*x\s+/gi
  for (;;) {
    joined.lastIndex = 0
    let split: RegExpExecArray | null = null
    for (let m = joined.exec(rest); m; m = joined.exec(rest)) {
      if (m.index > 0) {
        split = m
        break
      }
    }
    if (!split) break
    const name = rest.slice(0, split.index).trim()
    parts.push({ count, name })
    count = Number(/^\d+/.exec(split[0])![0])
    rest = rest.slice(split.index + split[0].length)
  }
  parts.push({ count, name: rest.trim() })
  return parts.filter((part) => part.name !== '')
}
