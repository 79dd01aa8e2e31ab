/**
 * The heavy part of the app: the bundled reference data (≈1 MB of JSON) and the emissions method. Loaded with a
 * dynamic import, so the first dashboard paint needs only the rollups.
 */
import { hourlyProfilesOfRun, preloadRunHourly } from '../../../shared/emissions/hourly-preload'
import { estimateRun, newestIntensity } from '../../../shared/emissions/resolve'
import {
  findHardware,
  loadReferenceData,
  resolveLocation,
  searchHardware,
  searchLocations
} from '../../../shared/refdata/index'

export const ref = loadReferenceData()
export {
  estimateRun,
  findHardware,
  hourlyProfilesOfRun,
  newestIntensity,
  preloadRunHourly,
  resolveLocation,
  searchHardware,
  searchLocations
}
