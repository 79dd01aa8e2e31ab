/**
 * The reference data's flight label (data/defaults.json equivalents.flightLabel) in German, for the report and the
 * dashboard; a label the map lacks is shown as the data gives it. Its own module: the dashboard loads it first.
 */
export const FLIGHTS_DE: Readonly<Record<string, string>> = {
  'one passenger, Paris–London flight': 'ein Fluggast, Flug Paris–London'
}
