// Import files arrive as bytes: CodeCarbon writes UTF-8, but nvidia-smi redirected by Windows PowerShell 5 writes
// UTF-16LE with a byte-order mark. Decode by the BOM, UTF-8 otherwise; the BOM never reaches the parsers.

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  // TextDecoder('utf-8') drops a leading UTF-8 BOM by itself; invalid bytes become U+FFFD for the parser to report.
  return new TextDecoder('utf-8').decode(bytes)
}
