/**
 * The printed report's own words in English (the reference catalogue; de.ts has the same keys). Numbers arrive
 * already written in the report's locale, so these functions only place them. Names of projects, people, hardware
 * and places are data and are never translated.
 */
export const en = {
  kicker: 'Carbon Ledger · energy and carbon report',
  pageTitle: (lab: string, period: string) => `${lab} · ${period} · Carbon Ledger report`,
  failure: 'The report could not be made',
  contents: 'Contents',
  cover: {
    period: 'Period',
    periodText: (start: string, end: string) => `${start} to ${end} (whole UTC months)`,
    scope: 'Scope',
    generated: 'Generated',
    data: 'Reference data',
    dataVersion: (v: string) => `version ${v}`,
    staleRuns: (versions: string) => `(some runs computed with ${versions}: recompute them in the app)`,
    runs: 'Runs',
    headline: (kg: string, low: string, high: string, kWh: string) =>
      `${kg} location-based (range ${low} – ${high}), from ${kWh} of electricity.`
  },
  sections: {
    keyFigures: 'Key figures',
    boundary: 'Boundary and exclusions',
    scopes: 'Emissions by scope and category',
    energy: 'Energy',
    factors: 'Factor register',
    intensity: 'Intensity metrics',
    trend: 'Monthly trend',
    projects: 'Per project',
    people: 'Per person',
    hardware: 'By hardware',
    locations: 'By location',
    waste: 'Waste',
    largest: 'Largest runs',
    whatIf: 'What if',
    timeShift: 'What if runs had started later',
    restatements: 'Restatements',
    uncertainty: 'Uncertainty and data quality',
    methodology: 'Methodology',
    assumptions: 'Assumptions',
    sources: 'Sources and licences',
    glossary: 'Glossary',
    statement: 'Citable statement',
    signOff: 'Sign-off',
    hardwareBought: 'Hardware bought in the period'
  },
  keyFigure: {
    emissions: 'Emissions, location-based',
    market: 'Emissions, market-based',
    embodied: 'Embodied emissions (hardware share)',
    energy: 'Energy (facility)',
    runs: 'Runs',
    gpuHours: 'GPU-hours'
  },
  unit: { runs: 'runs', hours: 'h' },
  range: (low: string, high: string) => `range ${low} – ${high}`,
  versus: (period: string) => `vs ${period}:`,
  was: (value: string) => `(was ${value})`,
  noComparable: 'no comparable figure',
  equivalents: (car: string, trees: string, flights: string, flight: string) =>
    `The location-based emissions equal about ${car} km by an average car, ${trees} tree-months of absorption, or ${flights} flights (${flight}).`,
  rangesNote:
    'Ranges are low – high bounds from the uncertainty of each factor. Embodied emissions are reported separately and not included in the other figures. A change is given only where both figures are material (at least 1 kg, 1 kWh, 1 GPU-hour or 10 runs, and at least 1 % of each other).',
  boundary: {
    covers: 'Covered',
    coversText:
      "The electricity of the machine-learning runs logged in the ledger: the lab's own machines (Scope 2) and purchased cloud computing (Scope 3 category 1), with the data-centre overhead (PUE); the embodied share of the hardware used (GSF SCI); hardware bought in the period, from the asset register (Scope 3 category 2).",
    excludes: 'Not covered',
    excludesText:
      'Work not logged as runs; idle hardware between runs; storage, networking and offices outside the runs; travel, commuting and other Scope 1 and Scope 3 categories; the upstream of electricity (Scope 3 category 3) where the data has no direct factors.',
    basis: 'Basis',
    basisText: (runs: string, projects: string, people: string) =>
      `${runs} runs that started in the period, ${projects} projects, ${people} people. A run spanning months is shared among them by its time in each.`
  },
  scopes: {
    line: 'Scope and category',
    method: 'Method',
    emissions: 'Emissions',
    runs: 'Runs',
    names: {
      scope2Location: 'Scope 2, location-based',
      scope2Market: 'Scope 2, market-based',
      scope3Cat1Cloud: 'Scope 3 cat. 1, purchased cloud computing',
      scope3Cat2Hardware: 'Scope 3 cat. 2, hardware bought in the period (in full)',
      scope3Cat3Upstream: 'Scope 3 cat. 3, upstream of electricity',
      sciEmbodied: 'Embodied share of the hardware used (SCI, amortised)'
    },
    methods: {
      scope2Location: "own machines' facility energy × the grid's average intensity (life-cycle factors)",
      scope2Market: 'from contractual instruments; residual mix for uncovered energy',
      'scope2Market-fallback':
        'no contractual instruments recorded: equal to location-based (a residual-mix factor would usually be higher)',
      scope3Cat1Cloud: "cloud runs' facility energy × the region's grid intensity, the provider's PUE",
      scope3Cat2Hardware: 'devices bought in the period × their embodied factor, in full (not depreciated)',
      'scope3Cat2Hardware-none': 'no purchase in the asset register for this period',
      scope3Cat3Upstream:
        "(life-cycle − direct hourly factor) × the own machines' facility energy, from the hourly profiles' two bases; contained in the Scope 2 location-based figure, which uses life-cycle factors",
      'scope3Cat3Upstream-none':
        'not separable: the bundled factors are life-cycle only, so the upstream is inside the Scope 2 figures',
      sciEmbodied: "device's embodied total × hours used / lifespan × devices reserved"
    },
    upstreamPartly: (share: string) =>
      `(life-cycle − direct hourly factor) × energy for the runs on hourly profiles (${share} of the own machines' energy); the rest cannot be separated (yearly factors are life-cycle only). Contained in the Scope 2 location-based figure.`,
    dual: 'Scope 2, both methods side by side',
    location: 'Location-based',
    market: 'Market-based',
    instruments: 'Instruments behind the market-based figure',
    instrumentLines: {
      certificate: (what: string, period: string, kWh: string, left: string) =>
        `${what}, ${period}: covers ${kWh} kWh of the period (${left} MWh used to the period's end)`,
      supplier: (what: string, period: string, kWh: string) => `${what}, ${period}: ${kWh} kWh`,
      labSupplier: (g: string, kWh: string) => `the lab's supplier factor ${g} g/kWh: ${kWh} kWh`,
      provider: (what: string, kWh: string) => `${what}: ${kWh} kWh`,
      residual: (g: string, source: string, year: string, kWh: string) =>
        `residual mix ${g} g/kWh (${source}, ${year}): ${kWh} kWh`,
      location: (kWh: string) =>
        `${kWh} kWh at the location-based factor: no instrument or residual mix covers it, so the market-based figure likely understates`
    },
    noInstruments:
      "None recorded. The market-based figure applies the renewable share of the run, of the cloud provider's purchases or of the lab's contract where one is set, else the location-based factor; no residual-mix factor ships with the app."
  },
  energy: {
    part: 'Part',
    mwh: 'MWh (range)',
    it: 'IT equipment (devices and memory)',
    overhead: 'Data-centre overhead (PUE)',
    facility: 'Facility energy',
    how: 'How the energy is known',
    share: 'Share of the facility energy',
    measured: 'Measured (CodeCarbon, nvidia-smi, Slurm)',
    estimated: 'Estimated from power ratings and duration',
    defaulted: "Defaulted (a device's power or the PUE unknown)",
    note: 'Energy of the runs that started in the period; the key figures share runs spanning months among them.'
  },
  factors: {
    location: 'Place',
    factor: 'g CO2e/kWh (range)',
    year: 'Year',
    granularity: 'Granularity',
    basis: 'Basis',
    source: 'Source',
    runs: 'Runs',
    hourly: 'hourly',
    yearly: 'yearly',
    custom: "lab's own value",
    lifeCycle: 'life-cycle',
    direct: 'direct',
    directToo: 'and direct, for Scope 3 cat. 3',
    note: 'Hourly factors are listed once per place and year: the energy-weighted mean of the runs, with the lowest and highest bound of any of them.',
    more: (n: string) => `… and ${n} more factors (all in the CSV export).`
  },
  bought: {
    intro:
      'Devices bought in the period, from the asset register (Settings), counted in full in the period of purchase (GHG Protocol Scope 3 category 2, not depreciated). Beside them, the embodied share of the hardware the runs used, amortised over its lifespan (GSF SCI). The two answer different questions and are not added.',
    device: 'Device',
    count: 'Units',
    purchased: 'Bought on',
    each: (unit: string) => `${unit} each`,
    total: (unit: string) => `${unit} in full`,
    source: 'Embodied factor from',
    none: 'No purchase in the asset register falls in this period (Settings › Hardware bought).',
    figure: 'Figure',
    value: (unit: string) => `${unit} (range)`,
    inFull: (units: string) => `Scope 3 category 2, hardware bought, in full (${units} units)`,
    amortised: 'Embodied share of the hardware used by the runs (SCI, amortised)'
  },
  intensity: {
    metric: 'Metric',
    value: 'kg CO2e, location-based',
    perGpuHour: 'per GPU-hour',
    perPerson: 'per person',
    perProject: 'per project',
    perMWh: 'per MWh of facility energy',
    none: '–'
  },
  trend: {
    label: 'Monthly emissions, location-based and market-based',
    caption: (unit: string) =>
      `Location-based emissions per month (${unit}) over the twelve months to the end of the period, with market-based emissions as a dashed line.`,
    inPeriod: 'Location-based, months of the report (solid)',
    before: 'Location-based, earlier months (hatched)',
    market: 'Market-based (dashed line, triangles)'
  },
  table: {
    project: 'Project',
    person: 'Person',
    hardware: 'Hardware (main device)',
    class: 'Class',
    location: 'Location',
    kind: 'Kind',
    runs: 'Runs',
    gpuHours: 'GPU-h',
    energy: (unit: string) => `Energy ${unit}`,
    location_: (unit: string) => `Location-based ${unit} (range)`,
    market: (unit: string) => `Market-based ${unit}`,
    embodied: (unit: string) => `Embodied ${unit}`,
    share: 'Share',
    fullNames: 'Full names'
  },
  breakdownChart: (unit: string) => `${unit}, location-based (whiskers: range)`,
  chartLabel: { hardware: 'Emissions by hardware', locations: 'Emissions by location' },
  waste: {
    intro:
      'Runs that used energy without a result the lab wanted: jobs that failed, were cancelled, ran out of time or memory (their whole energy), and runs whose GPUs were mostly idle (mean utilisation below 25 %, where it was measured). Each run counts once.',
    kind: 'Waste',
    unsuccessful: 'Unsuccessful jobs',
    lowUtilisation: 'Low GPU utilisation',
    saved: 'Would have been saved without them',
    runs: 'Runs',
    energy: (unit: string) => `Energy ${unit}`,
    emissions: (unit: string) => `${unit} (range)`,
    share: 'Share of the period',
    savedText: (kg: string, kWh: string, share: string) =>
      `Without these runs the lab would have saved ${kg} and ${kWh}, ${share} of the period's location-based emissions: an upper bound, since some failures are how research finds out and a rerun may be needed anyway.`,
    none: 'No run of the period failed or left its GPUs mostly idle (utilisation is known only where it was measured).',
    byPerson: 'Waste per person',
    byProject: 'Waste per project',
    person: 'Person',
    project: 'Project',
    ofAll: 'Of its emissions'
  },
  largest: {
    run: 'Run',
    projectPerson: 'Project · person',
    started: 'Started (UTC)',
    hardware: 'Hardware',
    location: 'Location',
    energy: (unit: string) => unit,
    emissions: (unit: string) => `${unit} (range)`
  },
  whatIf: {
    region: 'Cleanest region of the same provider',
    regionText: "The same work in each cloud provider's cleanest region (same provider, that region's PUE and grid).",
    hardware: 'More efficient hardware',
    hardwareText:
      'The same work on the most efficient accelerator of the same kind, segment (laptop, desktop, data-centre) and use (training, inference) with at least as much memory.',
    none: 'No run of the period has a cleaner option of this kind.',
    saved: (kg: string, low: string, high: string, share: string, runs: string) =>
      `Saved: ${kg} (range ${low} – ${high}), ${share} of the period's location-based emissions, over ${runs} runs.`,
    from: 'From',
    to: 'To',
    runs: 'Runs',
    savedColumn: (unit: string) => `${unit} saved (range)`,
    recommendations: 'Recommendations',
    recommendationsNote:
      "Only changes that save at least 1 % of the period's emissions and at least 1 kg; hardware within the same segment and use.",
    noRecommendation: 'No single change of the period would save a material amount.',
    move: (runs: string, from: string, to: string) => `Move ${runs} from ${from} to ${to}`,
    startLater: (runs: string, where: string, window: string) =>
      `Start ${runs} in ${where} ${window}, at the cleanest hours`,
    theRun: 'the run',
    theRuns: (n: string) => `the ${n} runs`,
    saves: (saved: string, of: string) => `saves ${saved} of their ${of}.`,
    timeShift: "Start-time shifts are in the next section, on each run's own hours of its zone's hourly grid profile."
  },
  timeShift: {
    intro:
      "What each of Dodge et al. (2022)'s settings would have saved had the period's runs started later, each on the hourly life-cycle intensity of its own zone and hours (Electricity Maps, ODbL): Flexible Start waits up to W hours for the cleanest block; Pause & Resume may stretch the run by p % of its length and runs in its cleanest hours.",
    strategy: 'Setting',
    flexible: (hours: string) => `Flexible Start, W = ${hours} h`,
    pauseResume: (pct: string) => `Pause & Resume, +${pct} %`,
    savedColumn: (unit: string) => `Saved (${unit})`,
    shareColumn: 'Share of their emissions',
    covered: (runs: string, baseline: string) =>
      `Covered: ${runs} runs, which emitted ${baseline} at their hours' life-cycle intensity (the baseline of the shares).`,
    projected: (runs: string, years: string) =>
      `${runs} of them ran beyond the bundled hourly data: planned on hours projected from ${years} (median of the same weeks and hours).`,
    notCovered: (runs: string, kg: string) =>
      `Not covered: ${runs} runs (${kg} location-based), whose location has no hourly profile (custom, unknown, or a zone without data), which run as a continuous service, or which are longer than the data.`,
    noneCovered: 'No run of the period has hourly grid data for its location; no time-shifting saving can be stated.'
  },
  restatements: {
    policy:
      'Restatement policy: a closed quarter keeps its filed figures. A later edit, import, recompute or data update that changes one of them is listed here with the old and the new figure and its cause; the base year is the first closed quarter.',
    none: 'No figure of a closed quarter has changed since it was filed.',
    period: 'Quarter',
    figure: 'Figure',
    old: 'Filed',
    now: 'Now',
    cause: 'Cause',
    causes: {
      edit: (n: number) => `edit (${n} ${n === 1 ? 'run' : 'runs'})`,
      import: (n: number) => `import (${n} ${n === 1 ? 'run' : 'runs'})`,
      recompute: (n: number) => `recompute with new lab defaults (${n} ${n === 1 ? 'run' : 'runs'})`,
      dataUpdate: (n: number) => `data or method update (${n} ${n === 1 ? 'run' : 'runs'})`,
      deletion: (n: number) => `deletion (${n} ${n === 1 ? 'run' : 'runs'})`,
      unexplained: 'no run changed: recounted totals'
    }
  },
  quality: {
    measured: (measured: string, runs: string, share: string, estimated: string, estShare: string) =>
      `Energy measured for ${measured} of ${runs} runs (${share}); estimated from hardware power and duration for ${estimated} (${estShare}).`,
    unknown: (n: string, share: string, emissions: string, width: string) =>
      `Runs with an unknown location: ${n} (${share}), ${emissions} of the emissions and ${width} of the range width. They use the world average intensity.`,
    width: (width: string, share: string) =>
      `The location-based range is ${width} wide, ${share} of the best estimate. Ranges are judgement bounds that hold what real devices measure, not statistical confidence intervals.`,
    from: 'What the uncertainty comes from',
    share: 'Share of the range',
    factors: {
      itEnergy: 'IT energy (device power, utilisation, duration)',
      pue: 'PUE (data-centre overhead)',
      intensity: 'Grid carbon intensity'
    }
  },
  assumptions: { none: 'No run of the period needed an assumption.', text: 'Assumption made in the computation' },
  sources: { source: 'Source', version: 'Version', licence: 'Licence', runs: 'Runs citing it' },
  latex: 'LaTeX',
  signOff: {
    preparedBy: 'Prepared by',
    reviewedBy: 'Reviewed by',
    date: 'Date',
    notes: 'Notes',
    blank: 'to be completed and signed'
  },
  names: {
    nobody: '(nobody named)',
    noDevice: 'No device given',
    unknownLocation: 'Unknown location',
    wholeLab: 'Whole lab',
    projects: 'projects',
    people: 'people',
    untitled: '(untitled)',
    kinds: {
      cloud: 'cloud',
      country: 'country',
      zone: 'zone',
      custom: 'custom',
      unknown: 'unknown'
    } as Record<string, string>,
    runKinds: {
      training: 'training',
      'fine-tuning': 'fine-tuning',
      'hyperparameter-search': 'hyper-parameter search',
      inference: 'inference',
      other: 'other'
    } as Record<string, string>,
    methods: { estimated: 'estimated', measured: 'measured' }
  }
}

export type ReportText = typeof en
