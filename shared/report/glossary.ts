/** Terms the report uses, for readers who are not specialists. */
export const GLOSSARY: { term: string; definition: string }[] = [
  {
    term: 'CO2e',
    definition: 'Carbon dioxide equivalent: all greenhouse gases counted as the CO2 with the same warming effect.'
  },
  {
    term: 'Location-based',
    definition:
      'Emissions from the average carbon intensity of the grid where the electricity was used (GHG Protocol Scope 2).'
  },
  {
    term: 'Market-based',
    definition:
      'Location-based emissions reduced by the renewable electricity bought for them (contracts, certificates); reported beside, never instead of, location-based.'
  },
  {
    term: 'Embodied',
    definition:
      "The share of the hardware's manufacturing emissions charged to the time it was used (Green Software Foundation SCI)."
  },
  {
    term: 'PUE',
    definition:
      'Power Usage Effectiveness: total facility energy divided by the IT equipment energy (1.0 means no overhead for cooling and power conversion).'
  },
  {
    term: 'Grid intensity',
    definition: 'Grams of CO2e emitted per kWh of electricity in a grid zone, country or cloud region.'
  },
  {
    term: 'TDP',
    definition:
      'Thermal Design Power: the power a device is built to dissipate, used as its power draw when none was measured.'
  },
  { term: 'GPU-hour', definition: 'One GPU reserved for one hour.' },
  {
    term: 'Measured / estimated',
    definition:
      'Measured: the energy came from a tool (CodeCarbon, nvidia-smi). Estimated: computed from the devices, their power and the duration.'
  },
  {
    term: 'Range',
    definition:
      'Low and high bounds around the best estimate, from the uncertainty of each factor; not a statistical confidence interval.'
  }
]
