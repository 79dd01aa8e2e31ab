/** Longest name a table cell prints in full; a longer one is shortened there and printed in full below the table. */
export const TABLE_NAME_CHARS = 60

export interface ShortenedNames {
  /** The names as the table prints them: long ones cut at a word boundary, with "…" and a note number. */
  shown: string[]
  /** The full names of the shortened ones, numbered from 1 in table order. */
  notes: { n: number; name: string }[]
}

/**
 * Names that fit an A4 table column: a 200-character project name would stretch its row over half a page, so it is
 * shortened to about TABLE_NAME_CHARS characters with a note number and printed in full under the table.
 */
export function shortenNames(names: readonly string[], max = TABLE_NAME_CHARS): ShortenedNames {
  const notes: ShortenedNames['notes'] = []
  const shown = names.map((name) => {
    const flat = name.replace(/\s+/g, ' ').trim()
    if (flat.length <= max) return name
    const cut = flat.slice(0, max - 1)
    const atWord = cut.lastIndexOf(' ')
    const n = notes.length + 1
    notes.push({ n, name: flat })
    return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}… [${n}]`
  })
  return { shown, notes }
}
