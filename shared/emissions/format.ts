/** A number for a trace formula: six significant digits, no trailing zeros, no exponent for everyday magnitudes. */
export function formatNumber(x: number): string {
  if (x === 0) return '0'
  return Number(x.toPrecision(6)).toString()
}
