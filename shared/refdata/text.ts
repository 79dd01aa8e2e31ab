/** Lower case, accents stripped (NFKD without combining marks), whitespace collapsed: the form every alias is kept in. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
