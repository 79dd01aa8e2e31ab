import type { ReportText } from './en'
/** The bundled data names its flight in English (data/defaults.json); the German report says it in German. */
import { FLIGHTS_DE } from './flights'

/** The printed report's own words in German (same keys as en.ts). */
export const de: ReportText = {
  kicker: 'Carbon Ledger · Energie- und CO2-Bericht',
  pageTitle: (lab, period) => `${lab} · ${period} · Carbon-Ledger-Bericht`,
  failure: 'Der Bericht konnte nicht erstellt werden',
  contents: 'Inhalt',
  cover: {
    period: 'Zeitraum',
    periodText: (start, end) => `${start} bis ${end} (ganze Monate, UTC)`,
    scope: 'Umfang',
    generated: 'Erstellt',
    data: 'Referenzdaten',
    dataVersion: (v) => `Version ${v}`,
    staleRuns: (versions) => `(einige Läufe wurden mit ${versions} berechnet: in der App neu berechnen)`,
    runs: 'Läufe',
    headline: (kg, low, high, kWh) => `${kg} standortbasiert (Spanne ${low} – ${high}), aus ${kWh} Strom.`
  },
  sections: {
    keyFigures: 'Kennzahlen',
    boundary: 'Systemgrenze und Ausschlüsse',
    scopes: 'Emissionen nach Scope und Kategorie',
    energy: 'Energie',
    factors: 'Faktorenverzeichnis',
    intensity: 'Intensitätskennzahlen',
    trend: 'Monatlicher Verlauf',
    projects: 'Nach Projekt',
    people: 'Nach Person',
    hardware: 'Nach Hardware',
    locations: 'Nach Standort',
    waste: 'Verschwendung',
    largest: 'Größte Läufe',
    whatIf: 'Was wäre, wenn',
    timeShift: 'Was wäre, wenn Läufe später gestartet wären',
    restatements: 'Korrekturen früherer Berichte',
    uncertainty: 'Unsicherheit und Datenqualität',
    methodology: 'Methodik',
    assumptions: 'Annahmen',
    sources: 'Quellen und Lizenzen',
    glossary: 'Glossar',
    statement: 'Zitierfähige Aussage',
    signOff: 'Freigabe',
    hardwareBought: 'Im Zeitraum gekaufte Hardware'
  },
  keyFigure: {
    emissions: 'Emissionen, standortbasiert',
    market: 'Emissionen, marktbasiert',
    embodied: 'Grauemissionen (Hardware-Anteil)',
    energy: 'Energie (Rechenzentrum)',
    runs: 'Läufe',
    gpuHours: 'GPU-Stunden'
  },
  unit: { runs: 'Läufe', hours: 'h' },
  range: (low, high) => `Spanne ${low} – ${high}`,
  versus: (period) => `ggü. ${period}:`,
  was: (value) => `(damals ${value})`,
  noComparable: 'kein vergleichbarer Wert',
  equivalents: (car, trees, flights, flight) =>
    `Die standortbasierten Emissionen entsprechen etwa ${car} km mit einem durchschnittlichen Auto, ${trees} Baum-Monaten Bindung oder ${flights} Flügen (${FLIGHTS_DE[flight] ?? flight}).`,
  rangesNote:
    'Spannen sind untere und obere Grenzen aus der Unsicherheit jedes Faktors. Grauemissionen werden getrennt ausgewiesen und sind in den anderen Werten nicht enthalten. Eine Veränderung wird nur angegeben, wenn beide Werte wesentlich sind (mindestens 1 kg, 1 kWh, 1 GPU-Stunde oder 10 Läufe und mindestens 1 % des anderen).',
  boundary: {
    covers: 'Erfasst',
    coversText:
      'Der Strom der im Ledger erfassten Läufe des maschinellen Lernens: eigene Rechner (Scope 2) und eingekaufte Cloud-Rechenleistung (Scope 3 Kategorie 1), mit dem Mehrverbrauch des Rechenzentrums (PUE); der Anteil der Grauemissionen der genutzten Hardware (GSF SCI); im Zeitraum gekaufte Hardware laut Anlagenverzeichnis (Scope 3 Kategorie 2).',
    excludes: 'Nicht erfasst',
    excludesText:
      'Nicht als Lauf erfasste Arbeit; Leerlauf der Hardware zwischen Läufen; Speicher, Netzwerk und Büros außerhalb der Läufe; Reisen, Pendeln und andere Kategorien von Scope 1 und Scope 3; die Vorkette des Stroms (Scope 3 Kategorie 3), wo die Daten keine direkten Faktoren haben.',
    basis: 'Grundlage',
    basisText: (runs, projects, people) =>
      `${runs} im Zeitraum begonnene Läufe, ${projects} Projekte, ${people} Personen. Ein Lauf über mehrere Monate wird nach seiner Zeit in jedem Monat aufgeteilt.`
  },
  scopes: {
    line: 'Scope und Kategorie',
    method: 'Methode',
    emissions: 'Emissionen',
    runs: 'Läufe',
    names: {
      scope2Location: 'Scope 2, standortbasiert',
      scope2Market: 'Scope 2, marktbasiert',
      scope3Cat1Cloud: 'Scope 3 Kat. 1, eingekaufte Cloud-Rechenleistung',
      scope3Cat2Hardware: 'Scope 3 Kat. 2, im Zeitraum gekaufte Hardware (vollständig)',
      scope3Cat3Upstream: 'Scope 3 Kat. 3, Vorkette des Stroms',
      sciEmbodied: 'Anteil der Grauemissionen der genutzten Hardware (SCI, abgeschrieben)'
    },
    methods: {
      scope2Location:
        'Energie der eigenen Rechner im Rechenzentrum × mittlere Intensität des Stromnetzes (Lebenszyklusfaktoren)',
      scope2Market: 'aus vertraglichen Instrumenten; Residualmix für nicht gedeckte Energie',
      'scope2Market-fallback':
        'keine vertraglichen Instrumente erfasst: gleich dem standortbasierten Wert (ein Residualmix-Faktor wäre meist höher)',
      scope3Cat1Cloud: 'Energie der Cloud-Läufe × Intensität des Netzes der Region, PUE des Anbieters',
      scope3Cat2Hardware: 'im Zeitraum gekaufte Geräte × ihr Grauemissionsfaktor, vollständig (nicht abgeschrieben)',
      'scope3Cat2Hardware-none': 'kein Kauf im Anlagenverzeichnis für diesen Zeitraum',
      scope3Cat3Upstream:
        '(Lebenszyklus- − direkter Stundenfaktor) × Rechenzentrumsenergie der eigenen Maschinen, aus den beiden Grundlagen der Stundenprofile; im standortbasierten Scope-2-Wert enthalten, der Lebenszyklusfaktoren verwendet',
      'scope3Cat3Upstream-none':
        'nicht trennbar: die mitgelieferten Faktoren sind nur Lebenszyklusfaktoren, die Vorkette steckt in den Scope-2-Werten',
      sciEmbodied: 'Grauemissionen des Geräts × genutzte Stunden / Lebensdauer × reservierte Geräte'
    },
    upstreamPartly: (share) =>
      `(Lebenszyklus- − direkter Stundenfaktor) × Energie der Läufe mit Stundenprofilen (${share} der Energie der eigenen Maschinen); der Rest ist nicht trennbar (Jahresfaktoren sind nur Lebenszyklusfaktoren). Im standortbasierten Scope-2-Wert enthalten.`,
    dual: 'Scope 2, beide Methoden nebeneinander',
    location: 'Standortbasiert',
    market: 'Marktbasiert',
    instruments: 'Instrumente hinter dem marktbasierten Wert',
    instrumentLines: {
      certificate: (what, period, kWh, left) =>
        `${what}, ${period}: deckt ${kWh} kWh des Zeitraums (${left} MWh bis zum Ende des Zeitraums verbraucht)`,
      supplier: (what, period, kWh) => `${what}, ${period}: ${kWh} kWh`,
      labSupplier: (g, kWh) => `Versorgerfaktor des Labors ${g} g/kWh: ${kWh} kWh`,
      provider: (what, kWh) => `${what}: ${kWh} kWh`,
      residual: (g, source, year, kWh) => `Residualmix ${g} g/kWh (${source}, ${year}): ${kWh} kWh`,
      location: (kWh) =>
        `${kWh} kWh mit dem standortbasierten Faktor: kein Instrument und kein Residualmix deckt sie, der marktbasierte Wert ist daher wahrscheinlich zu niedrig`
    },
    noInstruments:
      'Keine erfasst. Der marktbasierte Wert wendet den Ökostromanteil des Laufs, der Käufe des Cloud-Anbieters oder des Vertrags des Labors an, wo einer gesetzt ist, sonst den standortbasierten Faktor; die App liefert keinen Residualmix-Faktor mit.'
  },
  energy: {
    part: 'Teil',
    mwh: 'MWh (Spanne)',
    it: 'IT-Geräte (Geräte und Arbeitsspeicher)',
    overhead: 'Mehrverbrauch des Rechenzentrums (PUE)',
    facility: 'Energie des Rechenzentrums',
    how: 'Woher die Energie bekannt ist',
    share: 'Anteil an der Energie',
    measured: 'Gemessen (CodeCarbon, nvidia-smi, Slurm)',
    estimated: 'Geschätzt aus Leistungsangaben und Dauer',
    defaulted: 'Standardwert (Leistung eines Geräts oder PUE unbekannt)',
    note: 'Energie der im Zeitraum begonnenen Läufe; die Kennzahlen teilen monatsübergreifende Läufe auf die Monate auf.'
  },
  factors: {
    location: 'Ort',
    factor: 'g CO2e/kWh (Spanne)',
    year: 'Jahr',
    granularity: 'Auflösung',
    basis: 'Grundlage',
    source: 'Quelle',
    runs: 'Läufe',
    hourly: 'stündlich',
    yearly: 'jährlich',
    custom: 'eigener Wert des Labors',
    lifeCycle: 'Lebenszyklus',
    direct: 'direkt',
    directToo: 'und direkt, für Scope 3 Kat. 3',
    note: 'Stündliche Faktoren stehen einmal je Ort und Jahr: der energiegewichtete Mittelwert der Läufe, mit der niedrigsten und höchsten Grenze unter ihnen.',
    more: (n) => `… und ${n} weitere Faktoren (alle im CSV-Export).`
  },
  bought: {
    intro:
      'Im Zeitraum gekaufte Geräte aus dem Anlagenverzeichnis (Einstellungen), vollständig im Zeitraum des Kaufs angerechnet (GHG Protocol Scope 3 Kategorie 2, nicht abgeschrieben). Daneben der auf die Lebensdauer verteilte Anteil der Grauemissionen der von den Läufen genutzten Hardware (GSF SCI). Beide beantworten verschiedene Fragen und werden nicht addiert.',
    device: 'Gerät',
    count: 'Stück',
    purchased: 'Gekauft am',
    each: (unit) => `${unit} je Stück`,
    total: (unit) => `${unit} vollständig`,
    source: 'Grauemissionsfaktor laut',
    none: 'Kein Kauf im Anlagenverzeichnis fällt in diesen Zeitraum (Einstellungen › Gekaufte Hardware).',
    figure: 'Wert',
    value: (unit) => `${unit} (Spanne)`,
    inFull: (units) => `Scope 3 Kategorie 2, gekaufte Hardware, vollständig (${units} Stück)`,
    amortised: 'Anteil der Grauemissionen der von den Läufen genutzten Hardware (SCI, verteilt)'
  },
  intensity: {
    metric: 'Kennzahl',
    value: 'kg CO2e, standortbasiert',
    perGpuHour: 'je GPU-Stunde',
    perPerson: 'je Person',
    perProject: 'je Projekt',
    perMWh: 'je MWh Energie',
    none: '–'
  },
  trend: {
    label: 'Monatliche Emissionen, standort- und marktbasiert',
    caption: (unit) =>
      `Standortbasierte Emissionen je Monat (${unit}) in den zwölf Monaten bis zum Ende des Zeitraums, marktbasierte Emissionen als gestrichelte Linie.`,
    inPeriod: 'Standortbasiert, Monate des Berichts (gefüllt)',
    before: 'Standortbasiert, frühere Monate (schraffiert)',
    market: 'Marktbasiert (gestrichelt, Dreiecke)'
  },
  table: {
    project: 'Projekt',
    person: 'Person',
    hardware: 'Hardware (Hauptgerät)',
    class: 'Klasse',
    location: 'Standort',
    kind: 'Art',
    runs: 'Läufe',
    gpuHours: 'GPU-h',
    energy: (unit) => `Energie ${unit}`,
    location_: (unit) => `Standortbasiert ${unit} (Spanne)`,
    market: (unit) => `Marktbasiert ${unit}`,
    embodied: (unit) => `Grauemissionen ${unit}`,
    share: 'Anteil',
    fullNames: 'Vollständige Namen'
  },
  breakdownChart: (unit) => `${unit}, standortbasiert (Fehlerbalken: Spanne)`,
  chartLabel: { hardware: 'Emissionen nach Hardware', locations: 'Emissionen nach Standort' },
  waste: {
    intro:
      'Läufe, die Energie ohne ein gewolltes Ergebnis verbrauchten: Jobs, die fehlschlugen, abgebrochen wurden oder an Zeit- oder Speichergrenzen scheiterten (ihre ganze Energie), und Läufe, deren GPUs meist ungenutzt waren (mittlere Auslastung unter 25 %, wo gemessen). Jeder Lauf zählt einmal.',
    kind: 'Verschwendung',
    unsuccessful: 'Erfolglose Jobs',
    lowUtilisation: 'Geringe GPU-Auslastung',
    saved: 'Ohne sie eingespart',
    runs: 'Läufe',
    energy: (unit) => `Energie ${unit}`,
    emissions: (unit) => `${unit} (Spanne)`,
    share: 'Anteil am Zeitraum',
    savedText: (kg, kWh, share) =>
      `Ohne diese Läufe hätte die Gruppe ${kg} und ${kWh} eingespart, ${share} der standortbasierten Emissionen des Zeitraums: eine Obergrenze, denn manche Fehlschläge gehören zur Forschung und ein neuer Lauf kann ohnehin nötig sein.`,
    none: 'Kein Lauf des Zeitraums schlug fehl oder ließ seine GPUs meist ungenutzt (die Auslastung ist nur bekannt, wo sie gemessen wurde).',
    byPerson: 'Verschwendung je Person',
    byProject: 'Verschwendung je Projekt',
    person: 'Person',
    project: 'Projekt',
    ofAll: 'Von seinen Emissionen'
  },
  largest: {
    run: 'Lauf',
    projectPerson: 'Projekt · Person',
    started: 'Beginn (UTC)',
    hardware: 'Hardware',
    location: 'Standort',
    energy: (unit) => unit,
    emissions: (unit) => `${unit} (Spanne)`
  },
  whatIf: {
    region: 'Sauberste Region desselben Anbieters',
    regionText:
      'Dieselbe Arbeit in der saubersten Region jedes Cloud-Anbieters (derselbe Anbieter, PUE und Stromnetz jener Region).',
    hardware: 'Effizientere Hardware',
    hardwareText:
      'Dieselbe Arbeit auf dem effizientesten Beschleuniger derselben Art, Klasse (Laptop, Desktop, Rechenzentrum) und Verwendung (Training, Inferenz) mit mindestens ebenso viel Speicher.',
    none: 'Kein Lauf des Zeitraums hat eine sauberere Möglichkeit dieser Art.',
    saved: (kg, low, high, share, runs) =>
      `Eingespart: ${kg} (Spanne ${low} – ${high}), ${share} der standortbasierten Emissionen des Zeitraums, über ${runs} Läufe.`,
    from: 'Von',
    to: 'Nach',
    runs: 'Läufe',
    savedColumn: (unit) => `${unit} eingespart (Spanne)`,
    recommendations: 'Empfehlungen',
    recommendationsNote:
      'Nur Änderungen, die mindestens 1 % der Emissionen des Zeitraums und mindestens 1 kg einsparen; Hardware nur innerhalb derselben Klasse und Verwendung.',
    noRecommendation: 'Keine einzelne Änderung im Zeitraum würde eine wesentliche Menge einsparen.',
    move: (runs, from, to) => `${runs} von ${from} nach ${to} verlegen`,
    startLater: (runs, where, window) => `${runs} in ${where} ${window} starten, zu den saubersten Stunden`,
    theRun: 'Den Lauf',
    theRuns: (n) => `Die ${n} Läufe`,
    saves: (saved, of) => `spart ${saved} von deren ${of}.`,
    timeShift:
      'Zeitverschiebungen stehen im nächsten Abschnitt, auf den eigenen Stunden jedes Laufs im Stundenprofil seiner Zone.'
  },
  timeShift: {
    intro:
      'Was jede Einstellung von Dodge et al. (2022) gespart hätte, wären die Läufe des Zeitraums später gestartet, jeweils mit der stündlichen Lebenszyklus-Intensität ihrer eigenen Zone und Stunden (Electricity Maps, ODbL): Flexible Start wartet bis zu W Stunden auf den saubersten Block; Pause & Resume darf den Lauf um p % seiner Dauer strecken und rechnet in seinen saubersten Stunden.',
    strategy: 'Einstellung',
    flexible: (hours) => `Flexible Start, W = ${hours} h`,
    pauseResume: (pct) => `Pause & Resume, +${pct} %`,
    savedColumn: (unit) => `Gespart (${unit})`,
    shareColumn: 'Anteil ihrer Emissionen',
    covered: (runs, baseline) =>
      `Erfasst: ${runs} Läufe, die bei der Lebenszyklus-Intensität ihrer Stunden ${baseline} emittierten (die Basis der Anteile).`,
    projected: (runs, years) =>
      `${runs} davon liefen jenseits der mitgelieferten Stundendaten: geplant auf Stunden, projiziert aus ${years} (Median derselben Wochen und Stunden).`,
    notCovered: (runs, kg) =>
      `Nicht erfasst: ${runs} Läufe (${kg} standortbasiert), deren Standort kein Stundenprofil hat (benutzerdefiniert, unbekannt oder eine Zone ohne Daten), die als Dauerdienst laufen oder länger als die Daten sind.`,
    noneCovered:
      'Kein Lauf des Zeitraums hat stündliche Netzdaten für seinen Standort; eine Ersparnis durch Zeitverschiebung lässt sich nicht angeben.'
  },
  restatements: {
    policy:
      'Korrekturregel: Ein abgeschlossenes Quartal behält seine eingereichten Werte. Ändert eine spätere Bearbeitung, ein Import, eine Neuberechnung oder ein Datenupdate einen davon, steht er hier mit altem und neuem Wert und Ursache; Basisjahr ist das erste abgeschlossene Quartal.',
    none: 'Kein Wert eines abgeschlossenen Quartals hat sich seit der Einreichung geändert.',
    period: 'Quartal',
    figure: 'Wert',
    old: 'Eingereicht',
    now: 'Jetzt',
    cause: 'Ursache',
    causes: {
      edit: (n: number) => `Bearbeitung (${n} ${n === 1 ? 'Lauf' : 'Läufe'})`,
      import: (n: number) => `Import (${n} ${n === 1 ? 'Lauf' : 'Läufe'})`,
      recompute: (n: number) => `Neuberechnung mit neuen Laborvorgaben (${n} ${n === 1 ? 'Lauf' : 'Läufe'})`,
      dataUpdate: (n: number) => `Daten- oder Methodenupdate (${n} ${n === 1 ? 'Lauf' : 'Läufe'})`,
      deletion: (n: number) => `Löschung (${n} ${n === 1 ? 'Lauf' : 'Läufe'})`,
      unexplained: 'kein Lauf geändert: Summen neu gezählt'
    }
  },
  quality: {
    measured: (measured, runs, share, estimated, estShare) =>
      `Energie gemessen für ${measured} von ${runs} Läufen (${share}); aus Leistung und Dauer geschätzt für ${estimated} (${estShare}).`,
    unknown: (n, share, emissions, width) =>
      `Läufe mit unbekanntem Standort: ${n} (${share}), ${emissions} der Emissionen und ${width} der Spannenbreite. Für sie gilt die weltweite mittlere Intensität.`,
    width: (width, share) =>
      `Die standortbasierte Spanne ist ${width} breit, ${share} des besten Schätzwerts. Spannen sind begründete Grenzen, die halten, was echte Geräte messen, keine statistischen Konfidenzintervalle.`,
    from: 'Woher die Unsicherheit kommt',
    share: 'Anteil an der Spanne',
    factors: {
      itEnergy: 'IT-Energie (Geräteleistung, Auslastung, Dauer)',
      pue: 'PUE (Mehrverbrauch des Rechenzentrums)',
      intensity: 'CO2-Intensität des Stromnetzes'
    }
  },
  assumptions: {
    none: 'Kein Lauf des Zeitraums brauchte eine Annahme.',
    text: 'Annahme in der Berechnung'
  },
  sources: { source: 'Quelle', version: 'Version', licence: 'Lizenz', runs: 'Läufe, die sie nutzen' },
  latex: 'LaTeX',
  signOff: {
    preparedBy: 'Erstellt von',
    reviewedBy: 'Geprüft von',
    date: 'Datum',
    notes: 'Anmerkungen',
    blank: 'auszufüllen und zu unterschreiben'
  },
  names: {
    nobody: '(niemand genannt)',
    noDevice: 'Kein Gerät angegeben',
    unknownLocation: 'Unbekannter Standort',
    wholeLab: 'Ganzes Labor',
    projects: 'Projekte',
    people: 'Personen',
    untitled: '(ohne Titel)',
    kinds: { cloud: 'Cloud', country: 'Land', zone: 'Zone', custom: 'eigener', unknown: 'unbekannt' },
    runKinds: {
      training: 'Training',
      'fine-tuning': 'Feinabstimmung',
      // Soft hyphens: the word is wider than the largest-runs column and would break before its comma.
      'hyperparameter-search': 'Hyper\u00adparameter\u00adsuche',
      inference: 'Inferenz',
      other: 'sonstige'
    },
    methods: { estimated: 'geschätzt', measured: 'gemessen' }
  }
}
