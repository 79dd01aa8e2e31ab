import type { LocationInput } from '../domain/run'
import { formatNumber } from '../emissions/format'
import type { LabDefaults } from '../emissions/lab-defaults'
import type { ReferenceData } from '../refdata/index'
import { formatQuantity, type ReportLanguage } from './format'

export interface MethodologyLine {
  label: string
  text: string
}

const describeLocation = (l: LocationInput, de: boolean): string => {
  switch (l.kind) {
    case 'cloud':
      return `${de ? 'Cloud-Region' : 'cloud region'} ${l.provider} ${l.region}`
    case 'country':
      return `${de ? 'Land' : 'country'} ${l.code}`
    case 'zone':
      return `${de ? 'Netzzone' : 'grid zone'} ${l.zone}`
    case 'custom':
      return `${l.label} (${formatQuantity(l.intensityGPerKWh, de ? 'de' : 'en')} gCO2e/kWh)`
    case 'unknown':
      return de
        ? 'keiner gesetzt: Läufe ohne Standort erhalten die weltweite mittlere Intensität'
        : 'none set: runs without a location get the world average intensity'
  }
}

/** The method's formulas with the numbers this lab's report used (docs/methodology.md has the reasoning). */
export function methodologyOf(
  ref: ReferenceData,
  lab: LabDefaults,
  language: ReportLanguage = 'en'
): MethodologyLine[] {
  const de = language === 'de'
  const q = (x: number) => formatQuantity(x, language)
  // Six significant digits as in the trace, with the locale's decimal mark.
  const n = (x: number) => (de ? formatNumber(x).replace('.', ',') : formatNumber(x))
  const d = ref.defaults
  const ownPue =
    lab.ownMachines.kind === 'personal-computer'
      ? de
        ? '1,0 (das Labor rechnet auf PCs: kein Mehrverbrauch eines Rechenzentrums)'
        : '1.0 (the lab runs on personal computers: no facility overhead)'
      : lab.ownMachines.pue !== undefined
        ? `${n(lab.ownMachines.pue)} ${de ? '(Rechenzentrum des Labors)' : "(the lab's data centre)"}`
        : `${q(d.pue.unknownDataCentre)} ${
            de
              ? '(durchschnittliches Rechenzentrum; das Labor hat keinen eigenen Wert gesetzt)'
              : '(average data centre; the lab has not set its own)'
          }`
  const providers = Object.entries(d.pue.byProvider)
    .map(([p, v]) => `${p} ${n(v)}`)
    .join(', ')
  const embodied = Object.entries(d.embodied)
    .map(
      ([cls, e]) =>
        `${cls.toUpperCase()} ${q(e.totalKg)} kg ${de ? 'über' : 'over'} ${q(e.lifespanYears)} ${de ? 'Jahre' : 'years'}`
    )
    .join('; ')
  const share =
    lab.renewableShare === undefined ? (de ? 'keiner gesetzt' : 'none set') : `${q(lab.renewableShare * 100)} %`
  const own = `${lab.hardware.length} ${de ? 'eigene Hardware-Einträge' : `custom hardware entr${lab.hardware.length === 1 ? 'y' : 'ies'}`}, ${lab.locations.length} ${de ? 'eigene Standorte' : `custom location${lab.locations.length === 1 ? '' : 's'}`}.`
  const line = (label: [string, string], text: [string, string]): MethodologyLine => ({
    label: de ? label[1] : label[0],
    text: de ? text[1] : text[0]
  })
  return [
    line(
      ['IT energy', 'IT-Energie'],
      [
        `Σ devices (count × power W × utilisation × hours) / 1000 + memory GB × ${n(d.memoryWPerGB)} W/GB × hours / 1000. Power: measured, else entered, else the catalogue TDP. A measured energy replaces the estimate.`,
        `Σ Geräte (Anzahl × Leistung W × Auslastung × Stunden) / 1000 + Arbeitsspeicher GB × ${n(d.memoryWPerGB)} W/GB × Stunden / 1000. Leistung: gemessen, sonst eingegeben, sonst die TDP des Katalogs. Eine gemessene Energie ersetzt die Schätzung.`
      ]
    ),
    line(['Facility energy', 'Energie des Rechenzentrums'], ['IT energy × PUE.', 'IT-Energie × PUE.']),
    line(["PUE of the lab's own machines", 'PUE der eigenen Rechner'], [ownPue, ownPue]),
    line(
      ['PUE of cloud regions', 'PUE von Cloud-Regionen'],
      [
        `the region's own, else the provider's fleet PUE: ${providers}.`,
        `die der Region, sonst die des Anbieters: ${providers}.`
      ]
    ),
    line(
      ['Location-based emissions', 'Standortbasierte Emissionen'],
      [
        "facility energy (kWh) × grid intensity (gCO2e/kWh) / 1000: the hourly mean over the run's hours where an hourly profile covers them, else the yearly average of the run's location and year. Life-cycle factors.",
        'Energie (kWh) × Netzintensität (gCO2e/kWh) / 1000: der stündliche Mittelwert über die Stunden des Laufs, wo ein Stundenprofil sie abdeckt, sonst der Jahresmittelwert des Standorts und Jahres. Lebenszyklusfaktoren.'
      ]
    ),
    line(
      ["Files' own figures", 'Werte der Dateien'],
      lab.countedEmissions === 'reported'
        ? [
            "a run whose file reported its own emissions (CodeCarbon) counts the file's figure, as the lab chose; its range is the ledger's relative uncertainty, widened to reach the figure recomputed with the ledger's data, which the runs CSV gives beside it.",
            'ein Lauf, dessen Datei eigene Emissionen meldet (CodeCarbon), zählt den Wert der Datei, wie das Labor gewählt hat; seine Spanne ist die relative Unsicherheit des Ledgers, erweitert bis zum mit den Daten des Ledgers neu berechneten Wert, den die Lauf-CSV daneben angibt.'
          ]
        : [
            "recomputed with the ledger's data, as above; the emissions a file reported (CodeCarbon) are kept beside them, and the runs CSV splits the difference into intensity, PUE and IT energy.",
            'mit den Daten des Ledgers neu berechnet, wie oben; die Emissionen, die eine Datei meldet (CodeCarbon), bleiben daneben erhalten, und die Lauf-CSV zerlegt die Differenz in Intensität, PUE und IT-Energie.'
          ]
    ),
    line(
      ['Upstream of electricity (Scope 3 cat. 3)', 'Vorkette des Stroms (Scope 3 Kat. 3)'],
      [
        "facility energy × (life-cycle − direct intensity) over the run's hours, for the lab's own machines where an hourly profile gives both bases (Electricity Maps); part of the location-based figure, shown apart. Yearly factors are life-cycle only: their upstream is not separated.",
        'Energie × (Lebenszyklus- − direkte Intensität) über die Stunden des Laufs, für die eigenen Rechner, wo ein Stundenprofil beide Grundlagen hat (Electricity Maps); Teil des standortbasierten Werts, getrennt ausgewiesen. Jahresfaktoren sind nur Lebenszyklusfaktoren: Ihre Vorkette wird nicht getrennt.'
      ]
    ),
    line(
      ['Hardware bought (Scope 3 cat. 2)', 'Gekaufte Hardware (Scope 3 Kat. 2)'],
      [
        'units × embodied kg CO2e per unit from the asset register, with its source, in full in the period of purchase (not depreciated).',
        'Stück × graue kg CO2e je Stück aus dem Anlagenverzeichnis, mit Quelle, vollständig im Zeitraum des Kaufs (nicht abgeschrieben).'
      ]
    ),
    line(
      ["The lab's default location", 'Standardstandort des Labors'],
      [describeLocation(lab.location, false), describeLocation(lab.location, true)]
    ),
    line(
      ['Unknown location', 'Unbekannter Standort'],
      [
        `world average, ${q(d.worldIntensityGPerKWh)} gCO2e/kWh, with a wide range.`,
        `Weltdurchschnitt, ${q(d.worldIntensityGPerKWh)} gCO2e/kWh, mit weiter Spanne.`
      ]
    ),
    line(
      ['Market-based emissions', 'Marktbasierte Emissionen'],
      [
        `location-based × (1 − renewable share): the run's share, else the cloud provider's purchases, else the lab's contract (${share}).`,
        `standortbasiert × (1 − Ökostromanteil): der Anteil des Laufs, sonst die Käufe des Cloud-Anbieters, sonst der Vertrag des Labors (${share}).`
      ]
    ),
    line(
      ['Embodied emissions', 'Graue Emissionen'],
      [
        `device total × hours / (lifespan × 8760 h) × devices reserved; ${embodied}. Reported separately.`,
        `Gesamtwert des Geräts × Stunden / (Lebensdauer × 8760 h) × reservierte Geräte; ${embodied}. Getrennt ausgewiesen.`
      ]
    ),
    line(
      ['Equivalents', 'Vergleiche'],
      [
        `car ${q(d.equivalents.carGPerKm)} g/km; tree ${q(d.equivalents.treeMonthG)} g per month; flight ${q(d.equivalents.flightKg)} kg (${d.equivalents.flightLabel}).`,
        `Auto ${q(d.equivalents.carGPerKm)} g/km; Baum ${q(d.equivalents.treeMonthG)} g je Monat; Flug ${q(d.equivalents.flightKg)} kg (${d.equivalents.flightLabel}).`
      ]
    ),
    line(
      ['Ranges', 'Spannen'],
      [
        'every factor has a low and a high bound; they multiply through (interval arithmetic). They are judgement bounds, not statistical confidence intervals.',
        'jeder Faktor hat eine untere und eine obere Grenze; sie werden durchmultipliziert (Intervallarithmetik). Es sind begründete Grenzen, keine statistischen Konfidenzintervalle.'
      ]
    ),
    line(
      ['Months', 'Monate'],
      [
        'a run spanning months is shared among them by its time in each; it is counted once, in the month it started.',
        'ein Lauf über mehrere Monate wird nach seiner Zeit in jedem aufgeteilt; gezählt wird er einmal, im Monat seines Beginns.'
      ]
    ),
    line(["The lab's own entries", 'Eigene Einträge des Labors'], [own, own])
  ]
}
