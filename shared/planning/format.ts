/** A number for a sentence: whole above 100, two decimals above 1, three significant digits below. */
export const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3))
