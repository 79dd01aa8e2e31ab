// Names proposed in save dialogs come from the renderer (project names, quarters): make them one safe file name.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
const MAX_NAME_BYTES = 200

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

/** Cuts to at most maxBytes of UTF-8 without splitting a character (code point). */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = ''
  for (const char of text) {
    if (utf8Length(out + char) > maxBytes) break
    out += char
  }
  return out
}

/**
 * One file name, valid on Windows, macOS and Linux: no folders (/ \), no characters Windows forbids (<>:"|?*), no
 * control characters, no leading dots (hidden or ..), no trailing dots or spaces (Windows drops them), not a reserved
 * device name (CON, NUL, COM1, LPT¹, with or without extension), at most 200 UTF-8 bytes keeping the extension.
 * Falls back to `fallback` when nothing usable is left.
 */
export function sanitizeFileName(suggested: string, fallback = 'carbon-ledger-export'): string {
  let name = suggested
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    // Folders become part of the name ("../../etc/passwd" → "etc-passwd"), parent and current markers vanish.
    .split(/[/\\]/)
    .filter((segment) => segment.trim() !== '' && segment !== '.' && segment !== '..')
    .join('-')
    .replace(/[<>:"|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`
  if (utf8Length(name) > MAX_NAME_BYTES) {
    const dot = name.lastIndexOf('.')
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : ''
    name =
      truncateUtf8(name.slice(0, name.length - extension.length), MAX_NAME_BYTES - utf8Length(extension)).trimEnd() +
      extension
  }
  return name === '' ? fallback : name
}
