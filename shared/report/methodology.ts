import type { LocationInput } from '../domain/run'
import { formatNumber } from '../emissions/format'
import type { LabDefaults } from '../emissions/lab-defaults'
import type { ReferenceData } from '../refdata/index'
import { formatQuantity } from './format'

export interface MethodologyLine {
  label: string
  text: string
}

const describeLocation = (l: LocationInput): string => {
  switch (l.kind) {
    case 'cloud':
      return `cloud region ${l.provider} ${l.region}`
    case 'country':
      return `country ${l.code}`
    case 'zone':
      return `grid zone ${l.zone}`
    case 'custom':
      return `${l.label} (${formatQuantity(l.intensityGPerKWh)} gCO2e/kWh)`
    case 'unknown':
      return 'none set: runs without a location get the world average intensity'
  }
}

/** The method's formulas with the numbers this lab's report used (docs/methodology.md has the reasoning). */
export function methodologyOf(ref: ReferenceData, lab: LabDefaults): MethodologyLine[] {
  const d = ref.defaults
  const ownPue =
    lab.ownMachines.kind === 'personal-computer'
      ? '1.0 (the lab runs on personal computers: no facility overhead)'
      : lab.ownMachines.pue !== undefined
        ? `${formatNumber(lab.ownMachines.pue)} (the lab's data centre)`
        : `${formatQuantity(d.pue.unknownDataCentre)} (average data centre; the lab has not set its own)`
  const providers = Object.entries(d.pue.byProvider)
    .map(([p, v]) => `${p} ${formatNumber(v)}`)
    .join(', ')
  const embodied = Object.entries(d.embodied)
    .map(
      ([cls, e]) => `${cls.toUpperCase()} ${formatQuantity(e.totalKg)} kg over ${formatQuantity(e.lifespanYears)} years`
    )
    .join('; ')
  return [
    {
      label: 'IT energy',
      text: `Σ devices (count × power W × utilisation × hours) / 1000 + memory GB × ${formatNumber(d.memoryWPerGB)} W/GB × hours / 1000. Power: measured, else entered, else the catalogue TDP. A measured energy replaces the estimate.`
    },
    { label: 'Facility energy', text: 'IT energy × PUE.' },
    { label: "PUE of the lab's own machines", text: ownPue },
    { label: 'PUE of cloud regions', text: `the region's own, else the provider's fleet PUE: ${providers}.` },
    {
      label: 'Location-based emissions',
      text: "facility energy (kWh) × grid intensity (gCO2e/kWh) / 1000, the yearly average of the run's location and year."
    },
    { label: "The lab's default location", text: describeLocation(lab.location) },
    {
      label: 'Unknown location',
      text: `world average, ${formatQuantity(d.worldIntensityGPerKWh)} gCO2e/kWh, with a wide range.`
    },
    {
      label: 'Market-based emissions',
      text: `location-based × (1 − renewable share): the run's share, else the cloud provider's purchases, else the lab's contract (${
        lab.renewableShare === undefined ? 'none set' : `${formatQuantity(lab.renewableShare * 100)} %`
      }).`
    },
    {
      label: 'Embodied emissions',
      text: `device total × hours / (lifespan × 8760 h) × devices reserved; ${embodied}. Reported separately.`
    },
    {
      label: 'Equivalents',
      text: `car ${formatQuantity(d.equivalents.carGPerKm)} g/km; tree ${formatQuantity(d.equivalents.treeMonthG)} g per month; flight ${formatQuantity(d.equivalents.flightKg)} kg (${d.equivalents.flightLabel}).`
    },
    {
      label: 'Ranges',
      text: 'every factor has a low and a high bound; they multiply through (interval arithmetic). They are judgement bounds, not statistical confidence intervals.'
    },
    {
      label: 'Months',
      text: 'a run spanning months is shared among them by its time in each; it is counted once, in the month it started.'
    },
    {
      label: "The lab's own entries",
      text: `${lab.hardware.length} custom hardware entr${lab.hardware.length === 1 ? 'y' : 'ies'}, ${lab.locations.length} custom location${lab.locations.length === 1 ? '' : 's'}.`
    }
  ]
}
