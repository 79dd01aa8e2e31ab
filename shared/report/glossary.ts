import type { ReportLanguage } from './format'

type Glossary = { term: string; definition: string }[]

/** Terms the report uses, for readers who are not specialists. */
const ENGLISH: Glossary = [
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

const GERMAN: Glossary = [
  {
    term: 'CO2e',
    definition:
      'Kohlendioxid-Äquivalent: alle Treibhausgase, gezählt als die CO2-Menge mit derselben Erwärmungswirkung.'
  },
  {
    term: 'Standortbasiert',
    definition:
      'Emissionen aus der mittleren CO2-Intensität des Stromnetzes, in dem der Strom verbraucht wurde (GHG Protocol Scope 2).'
  },
  {
    term: 'Marktbasiert',
    definition:
      'Standortbasierte Emissionen, gemindert um den dafür eingekauften Ökostrom (Verträge, Zertifikate); neben, nie anstelle der standortbasierten ausgewiesen.'
  },
  {
    term: 'Graue Emissionen',
    definition:
      'Der Anteil der Herstellungsemissionen der Hardware, der auf die Nutzungszeit entfällt (Green Software Foundation SCI).'
  },
  {
    term: 'PUE',
    definition:
      'Power Usage Effectiveness: Energie des ganzen Rechenzentrums geteilt durch die der IT-Geräte (1,0 heißt kein Mehrverbrauch für Kühlung und Stromwandlung).'
  },
  {
    term: 'Netzintensität',
    definition: 'Gramm CO2e je kWh Strom in einer Netzzone, einem Land oder einer Cloud-Region.'
  },
  {
    term: 'TDP',
    definition:
      'Thermal Design Power: die Leistung, für deren Abwärme ein Gerät gebaut ist; dient als Leistungsaufnahme, wenn keine gemessen wurde.'
  },
  { term: 'GPU-Stunde', definition: 'Eine GPU, eine Stunde lang reserviert.' },
  {
    term: 'Gemessen / geschätzt',
    definition:
      'Gemessen: die Energie stammt aus einem Werkzeug (CodeCarbon, nvidia-smi). Geschätzt: berechnet aus den Geräten, ihrer Leistung und der Dauer.'
  },
  {
    term: 'Spanne',
    definition:
      'Untere und obere Grenze um den besten Schätzwert, aus der Unsicherheit jedes Faktors; kein statistisches Konfidenzintervall.'
  }
]

export const GLOSSARY: Record<ReportLanguage, Glossary> = { en: ENGLISH, de: GERMAN }
