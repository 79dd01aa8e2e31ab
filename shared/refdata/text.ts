/** Lower case, accents stripped (NFKD without combining marks), whitespace collapsed: the form every alias is kept in. */
export function foldText(text: string): string {
  // Most names are plain ASCII: skip the Unicode decomposition for them (it dominates building the name indexes).
  const decomposed = /[\u0080-\uffff]/.test(text) ? text.normalize('NFKD') : text
  return decomposed
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
