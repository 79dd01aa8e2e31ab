import type { en } from './en'

/** Deutsche Texte der Meldungen aus shared/. Der Typ verlangt jeden Schlüssel des englischen Katalogs. */
export const de: { readonly [K in keyof typeof en]: string } = {
  text: '{text}',

  'trace.hours': 'Nutzungsstunden',
  'trace.hoursService': 'Nutzungsstunden (Dauerbetrieb, {hoursPerDay} h pro Tag)',
  'trace.power': 'Leistung von {device} ({detail})',
  'trace.deviceEnergy': 'Energie von {count} × {device}',
  'trace.memoryEnergy': 'Energie des Arbeitsspeichers',
  'trace.itEnergy': 'IT-Energie',
  'trace.estimatedItEnergy': 'Geschätzte IT-Energie (zum Vergleich; verwendet wird die gemessene Energie)',
  'trace.pue': 'PUE ({origin})',
  'trace.facilityEnergy': 'Energie des Rechenzentrums',
  'trace.measuredEnergy': 'Gemessene Energie ({source})',
  'trace.measuredEnergyWithPue': 'Gemessene Energie ({source}, einschließlich Rechenzentrums-Overhead)',
  'trace.itFromMeasured': 'IT-Energie (gemessen / PUE)',
  'trace.intensity': 'Netzintensität ({detail})',
  'trace.locationEmissions': 'Emissionen, standortbasiert',
  'trace.renewable': 'Anteil erneuerbarer Energie ({origin})',
  'trace.marketEmissions': 'Emissionen, marktbasiert',
  'trace.embodied': 'Grauemissionen von {count} × {device} ({note})',
  'embodiedNote.cpu':
    'Die Hälfte des Zwei-Sockel-Servers von Cloud Carbon Footprint: (Basis 1000 kg mit einer CPU + 100 kg für die zweite CPU) / 2; Basis = Gesamtwert der Instanz abzüglich ihrer Zusätze, ein Wert über die AWS-, GCP- und Azure-Tabellen von CCF.',
  'embodiedNote.gpu':
    'additional_gpus eines GPU-Servers bei Cloud Carbon Footprint geteilt durch seine GPU-Anzahl (p4d.24xlarge, p3.16xlarge, g4dn.metal /8; a2-megagpu-16g /16; Azure NC24 /4): in jedem Fall 150 kg.',
  'embodiedNote.tpu':
    'Annahme: Für TPUs gibt es keinen öffentlichen Wert je Chip; ein TPU-Chip zählt wie eine GPU (150 kg, Cloud Carbon Footprint).',
  'trace.carKm': 'Entspricht: km mit dem Auto',
  'trace.treeMonths': 'Entspricht: Bindung durch Bäume',
  'trace.flights': 'Entspricht: Flüge ({flight})',
  'flight.parisLondon': 'ein Fluggast, Flug Paris–London',
  'unit.tree-months': 'Baum-Monate',
  'unit.flights': 'Flüge',

  'formula.hours': '{durationS} s / 3600',
  'formula.hoursService': '{durationS} s / 3600 × {hoursPerDay} h / 24 h',
  'formula.deviceEnergy': '{count} × {powerW} W × {utilization} × {hours} h / 1000',
  // issue 11: power model
  'formula.deviceEnergyDraw': '{count} × {powerW} W × {hours} h / 1000',
  'trace.powerModel': 'Mittlere Leistung von {device} bei seiner Auslastung (Leistungsmodell, TDP {tdpW} W)',
  'formula.powerModel': '{idleW} W im Leerlauf + {utilization} × ({fullW} W unter Volllast − {idleW} W)',
  'formula.memoryEnergy': '{memoryGB} GB × {wPerGB} W/GB × {hours} h / 1000',
  'formula.sum': '{terms}',
  'formula.facilityEnergy': '{itKWh} kWh × {pue}',
  'formula.itFromMeasured': '{measuredKWh} kWh / {pue}',
  'formula.locationEmissions': '{energyKWh} kWh × {intensity} g/kWh / 1000',
  'formula.marketEmissions': '{emissionsKg} kg × (1 − {share})',
  'formula.embodied': '{totalKg} kg × {hours} h / ({lifespanYears} a × 8760 h) × {count}',
  'formula.carKm': '{emissionsG} g / {carGPerKm} g/km',
  'formula.treeMonths': '{emissionsG} g / {treeMonthG} g',
  'formula.flights': '{emissionsKg} kg / {flightKg} kg',

  'power.measured': 'gemessene mittlere Leistung',
  'power.user': 'für diesen Lauf eingegebene Leistung',
  'power.unknown': 'Leistung unbekannt',
  'power.ambiguous': 'Volllast ({full} × TDP; Leerlauf {idle} × TDP), aus den Katalog-TDPs von {names}',
  'power.catalogue': 'Volllast ({full} × TDP; Leerlauf {idle} × TDP), aus der TDP laut Katalog für {name}',
  'power.cataloguePerCore':
    'Volllast ({full} × TDP; Leerlauf {idle} × TDP), aus der TDP laut Katalog für {name}, {perCoreW} W pro Kern × {cores} Kerne',
  'pue.run': 'für diesen Lauf angegeben',
  'pue.provider': 'veröffentlichte PUE des Cloud-Anbieters',
  'pue.lab': 'PUE des Labors für seine eigenen Rechner',
  'pue.unknown-data-centre': 'Durchschnitt eines unbekannten Rechenzentrums',
  'pue.personal-computer': 'ein PC hat keinen Rechenzentrums-Overhead',
  'renewable.run': 'für diesen Lauf angegeben',
  'renewable.provider': 'Ökostromkäufe des Cloud-Anbieters',
  'renewable.lab': 'Stromvertrag des Labors',
  'renewable.none': 'keine Ökostromkäufe bekannt',
  'sourceKind.manual': 'manuell',
  'sourceKind.codecarbon': 'CodeCarbon',
  'sourceKind.nvidia-smi': 'nvidia-smi',
  'sourceKind.ledger': 'Ledger-Datei',
  'sourceKind.slurm': 'Slurm',
  'intensity.labLocation': '{location}, Standardstandort des Labors',
  'intensity.hourly': '{where}, Mittel des Stundenprofils über die Stunden des Laufs',
  'intensity.hourlyMeasured':
    '{where}, Mittel des Stundenprofils über die Stunden des Laufs, gewichtet mit den gemessenen Leistungswerten des Laufs',
  'intensity.yearly': '{where}, Jahresmittel {year:raw}',
  'intensity.yearlyOther': '{where}, Jahresmittel {year:raw}, das Jahr des Laufs fehlt in den Daten',
  'intensity.custom': '{where}, eigener Wert',
  'intensity.unknown': '{where}, Weltdurchschnitt',
  'location.cloud': '{provider}-Region {region}',
  'location.country': 'Land {code}',
  'location.zone': 'Netzzone {zone}',
  'location.unknown': 'unbekannter Standort',
  'location.unknownLabel': 'Unbekannter Standort',
  'location.notFound': '{location} (nicht gefunden)',

  'assume.ambiguousHardware':
    '{device} kann jedes dieser Modelle sein: {names}. Seine Leistung wird mit {valueW} W angesetzt, zwischen ihren TDPs ({minW}–{maxW} W); wählen Sie das genaue Modell, um die Spanne zu verkleinern.',
  'assume.unknownPower':
    'Die Leistung von {device} ist unbekannt; sie zählt daher als 0 W und die Energie ist zu niedrig: wählen Sie das Gerät aus dem Katalog oder geben Sie seine Leistung ein.',
  'assume.measuredPowerUtilisation':
    'Die gemessene Leistung von {device} ist ein Mittel über den Lauf; seine Auslastung ({utilization}) wird daher nicht noch einmal angewandt.',
  'assume.measuredIncludesPue':
    'Die gemessene Energie enthält den Rechenzentrums-Overhead bereits und wird daher nicht noch einmal mit der PUE multipliziert; ihr IT-Anteil ist gemessen / {pue}.',
  'assume.traceUnavailable':
    'Die Berechnung dieses Laufs wird aus seinen Eingaben mit Datenversion {dataVersion} und den Laborvorgaben, mit denen er berechnet wurde, neu aufgebaut; diese hat das Ledger nicht mehr: Berechnen Sie den Lauf neu, um Berechnung, Annahmen und Quellen zu sehen.',
  'assume.noDevice':
    'Der Lauf nennt kein Gerät; seine gemessene Energie steht daher in der Aufteilung in der GPU-Zeile.',
  'assume.noEmbodied':
    "Für die Klasse '{embodiedClass}' von {device} sind keine Grauemissionen bekannt: ihr Anteil zählt 0.",
  'assume.coresMissing':
    'Die auf {device} reservierten Kerne sind nicht angegeben: die TDP des ganzen Prozessors ({tdpW} W) wird verwendet.',
  'assume.hardwareIdMissing':
    "Der Katalog hat keine Hardware '{hardwareId}'; {device} wird stattdessen nach dem Namen gesucht.",
  'assume.weakMatch':
    '{device} ist nicht im Katalog (der nächste Eintrag, {entry}, passt zu unsicher, um ihn zu verwenden).',
  'assume.fuzzyMatch': '{device} wurde als {entry} aus dem Katalog angenommen.',
  'assume.unknownLocation':
    'Der Standort des Laufs ist unbekannt; daher wird die weltweite mittlere Netzintensität ({world} g/kWh) mit einer weiten Spanne ({low}–{high}) verwendet: geben Sie den Standort des Laufs oder des Labors an.',
  'assume.locationNotFound':
    'Der Standort {location} ist nicht in den Referenzdaten; daher wird die weltweite mittlere Netzintensität ({world} g/kWh) mit einer weiten Spanne verwendet.',
  'assume.serviceHours':
    'Die Betriebsstunden des Dienstes innerhalb eines Tages sind unbekannt: die stündliche Intensität wird über alle Stunden gemittelt.',
  // issue 11: one intensity per place and time
  'assume.sourcesDisagree':
    'Die Quellen für {location} im Jahr {year:raw} weichen voneinander ab ({value} g/kWh; {other}: {otherValue} g/kWh): die Spanne umfasst beide.',
  'assume.providerIntensity':
    'Das Labor hat für {location} den veröffentlichten Faktor des Cloud-Anbieters ({year:raw}) statt der Intensität des Stromnetzes gewählt.',
  'trace.providerIntensity': 'Veröffentlichter Faktor des Cloud-Anbieters ({year:raw}), zum Vergleich: nicht verwendet',
  'intensity.grid': '{where}: Stromnetz {grid}, Jahresmittel {year:raw}',
  'intensity.gridOther': '{where}: Stromnetz {grid}, Jahresmittel {year:raw}, das Jahr des Laufs fehlt in den Daten',
  // issue 11: market-based by Scope 2
  'assume.marketLocationBased':
    'Keine vertraglichen Instrumente decken diese Energie: marktbasiert wird die standortbasierte Intensität verwendet, was sie wahrscheinlich unterschätzt (der Residualmix ist meist höher).',
  'formula.marketSupplier': '{energyKWh} kWh × (1 − {share}) × {supplier} g/kWh (Versorger) / 1000',
  'assume.otherYear':
    '{location} hat keine Netzintensität für {year:raw}: das Mittel von {usedYear:raw} wird verwendet, mit auf ±{pct} % erweiterter Spanne.',
  // Issue 12: Läufe mit der Intensität ihrer Stunden
  'assume.hourlyPartly':
    'Das Stundenprofil von {location} deckt {pct} % der Energie des Laufs ab; die übrigen Stunden verwenden das Jahresmittel der Zone ({years:raw}).',
  'assume.hourlyEnergyMismatch':
    'Die gemessene Energie des Laufs je Stunde umfasst {given:raw} Stunden, der Lauf berührt aber {hours:raw} (seine Zeiten wurden nach dem Import geändert): seine Stunden werden stattdessen mit gleichmäßiger Leistung gewichtet.',
  'assume.unknownPue':
    'Die PUE des Rechenzentrums ist unbekannt: der Durchschnitt von {pue} wird verwendet (Spanne {low}–{high}); geben Sie die PUE des Labors oder des Laufs an.',
  'detect.utf16': '{file} ist UTF-16-Text: speichern Sie sie erneut als „CSV UTF-8“',
  'detect.binary': '{file} ist eine Binärdatei, kein Textexport (sie enthält NUL-Bytes)',
  'detect.notUtf8': '{file} ist kein UTF-8-Text ({count:raw} nicht lesbare Zeichen in ihren ersten {length:raw})',
  'detect.semicolons':
    '{file} trennt ihre Spalten mit „;“ (Ländereinstellung einer Tabellenkalkulation): speichern Sie sie erneut als CSV mit Kommas',
  'detect.unknown':
    '{file}: unbekanntes Format. Erwartet wird eine CodeCarbon-Emissions-CSV, ein nvidia-smi --query-gpu-CSV-Protokoll oder eine Carbon-Ledger-Laufdatei (CSV oder JSON); ihre erste Zeile ist: {firstRow}',
  'backup.notJson':
    'Diese Datei ist keine Carbon-Ledger-Sicherung: Sie ist kein gültiges JSON (abgeschnitten oder beschädigt?).',
  'backup.notBackup': 'Diese Datei ist keine Carbon-Ledger-Sicherung (ihr Format ist nicht „{format}“).',
  'backup.newer':
    'Diese Sicherung stammt von einem neueren Carbon Ledger (Schema {schema:raw}, dieses liest bis {reads:raw}). Aktualisieren Sie die App, um sie wiederherzustellen.',
  'backup.damagedAt': 'Diese Sicherung ist beschädigt: {path}: {issue}.',
  'backup.damaged': 'Diese Sicherung ist beschädigt: ungültiger Inhalt.',
  'backup.checksum':
    'Diese Sicherung ist beschädigt: Ihre Prüfsumme passt nicht zum Inhalt (verändert oder abgeschnitten).',
  // issue 15: streaming archives, record checks on restore, disk space
  'archive.invalidRecord': 'ungültiger Datensatz: {path}: {issue}',
  'archive.duplicateId': 'ein zweiter Datensatz mit dieser ID: der erste wird behalten',
  'archive.danglingProject': 'sein Projekt {project} ist weder in der Sicherung noch im Ledger',
  'archive.danglingImport': 'sein Importvorgang {batch} ist nicht in der Sicherung',
  'archive.repaired': 'aus dem Lauf selbst korrigiert: {fields}',
  'archive.truncated':
    'Diese Sicherung ist beschädigt: Sie endet vor ihrer letzten Zeile (abgeschnitten oder von einer fehlgeschlagenen Sicherung geschrieben).',
  'archive.countMismatch':
    'Diese Sicherung ist beschädigt: Ihre Tabelle „{table}“ sollte {expected:raw} enthalten, enthält aber {found:raw}.',
  'archive.unreadable': 'Diese Sicherung kann nicht gelesen werden: {reason}',
  'space.tooLittle':
    'Nicht genug Speicherplatz: Benötigt werden etwa {neededMB:raw} MB, frei sind nur {freeMB:raw} MB ({where}). Es wurde nichts geändert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
  'space.where.quota': 'Speicherkontingent des Browsers für das Ledger',
  'space.where.disk': 'Festplatte des Ledgers',
  'ledger.safetyBackupFailed':
    'Die Sicherheitssicherung vor dieser Änderung ist fehlgeschlagen, daher wurde nichts geändert: {reason}',
  'ledger.quota':
    'Die Festplatte ist voll oder das Ledger hat sein Speicherkontingent erreicht: Von dieser Änderung wurde nichts gespeichert. Geben Sie Speicherplatz frei (oder leeren Sie den Papierkorb), starten Sie Carbon Ledger neu und prüfen Sie, ob Ihre Läufe da sind, bevor Sie es erneut versuchen: Ein Browser kann ein Ledger verwerfen, dessen Festplatte vollgelaufen ist (stellen Sie dann die letzte Sicherung wieder her).',
  'ledger.diskFull':
    'Die Festplatte ist beim Schreiben des Ledgers vollgelaufen, und der Browser hat das Ledger geschlossen (Chromium verwirft dabei die gespeicherten Daten). Geben Sie Speicherplatz frei, starten Sie Carbon Ledger neu und prüfen Sie Ihre Läufe; fehlen sie, stellen Sie die letzte Sicherung wieder her (Einstellungen → Sicherungen).',
  'ledger.closed':
    'Das Ledger wurde geschlossen (ein anderes Fenster hat es aktualisiert). Laden Sie dieses Fenster neu.',
  'ledger.blocked':
    'Dieses Ledger wurde von einem neueren Carbon Ledger geschrieben. Aktualisieren Sie die App, um es zu öffnen.',
  'project.nameTaken': 'Ein Projekt namens „{name}“ gibt es schon.',
  'import.cancelled': 'Der Import von {file} wurde abgebrochen: nichts davon wurde übernommen.',
  'project.notEmpty':
    'Dieses Projekt hat noch {runs:raw} Läufe (Papierkorb eingeschlossen): Verschieben oder löschen Sie sie zuerst.',
  'import.readFailed': '{file}: {reason}',
  'import.empty': '{file} ist leer',
  'import.noDataRows': '{file} hat eine Kopfzeile, aber keine Datenzeilen',
  'import.noHeaderColumn': '{file}: der Kopfzeile fehlt die Spalte „{column}“',
  'import.noLogColumn': '{file}: dem Protokoll fehlt die Spalte „{column}“',
  'import.cell': '{file} Zeile {row:raw}: {field} {problem}',
  'import.fieldIssue': '{file} Zeile {row:raw}: {field}: {issue}',
  'cell.notNumber': '„{text}“ ist keine Zahl',
  'cell.outOfRange': '„{text}“ liegt außerhalb des Zahlenbereichs',
  'cell.negative': '{text} ist negativ',
  'cell.notYesNo': '„{text}“ ist weder ja noch nein',
  'cell.notDateTime': '„{text}“ ist kein Datum mit Uhrzeit',
  'cell.notWatts': '„{text}“ ist keine Leistung in Watt',
  // issue 11: limits of plausible figures
  'cell.aboveLimit': '{text} liegt über der Grenze von {limit:raw} {unit}',
  'cell.notWhole': '{text} ist keine ganze Zahl',
  'cell.yearOutside': '„{text}“ liegt nicht zwischen den Jahren {min:raw} und {max:raw}',
  'import.startYearOutside':
    '{file} Zeile {row:raw}: der Lauf beginnt im Jahr {year:raw} (Zeitstempel − Dauer), nicht zwischen {min:raw} und {max:raw}',
  'import.pueOutside': '{file} Zeile {row:raw}: PUE {pue:raw} liegt außerhalb von 1–5',
  'import.durationEmpty': '{file} Zeile {row:raw}: duration ist leer',
  'import.timeBackwards': '{file} Zeile {row:raw}: die Zeit läuft rückwärts (GPU {gpu})',
  'import.unclosedQuote':
    '{file} Zeile {row:raw}: eine Zelle in Anführungszeichen wird nie geschlossen; die Datei ist vielleicht abgeschnitten',
  'import.unclosedQuoteShort': '{file} Zeile {row:raw}: eine Zelle in Anführungszeichen wird nie geschlossen',
  'import.snapshots':
    '{file}: frühere kumulative Zwischenstände von Läufen, die schon in der Datei stehen, wurden übergangen (Zeilen: {count:raw}); von jedem Lauf wurde nur die Zeile mit der längsten Dauer behalten',
  'import.utcAssumed':
    '{file}: die Zeitstempel haben keine Zeitzone und wurden als UTC gelesen (geben Sie die Zeitzone der Datei an, um sie zu korrigieren)',
  'import.noHeaderAssumed': '{file} hat keine Kopfzeile: als Spalten wurden {columns} angenommen',
  'import.noPowerSample': '{file} enthält keinen verwendbaren Leistungswert',
  'import.gap':
    '{file} Zeile {row:raw}: GPU {gpu} hat {gapS:d1} s lang nichts protokolliert (mehr als {times:raw} × das mittlere Intervall von {medianS:d3} s): diese Lücke zählt nicht zur Energie',
  'import.unknownColumns': '{file}: unbekannte Spalte(n) übergangen: {columns}',
  'import.duplicateId':
    '{file} Zeile {row:raw}: die ID {id} wurde schon in Zeile {earlier:raw} verwendet; der Import behält die spätere Zeile',
  'import.notJson': '{file} ist kein gültiges JSON: {reason}',
  'import.notRunList': '{file}: erwartet wird eine Liste von Läufen oder ein Objekt mit einer Liste „runs“',
  'import.notObject': '{file} Lauf {row:raw}: kein Objekt',
  'import.energySum': 'energy_consumed ist leer: die Energie ist die Summe der angegebenen CPU-, GPU- und RAM-Energien',
  'import.noEnergy': 'die Datei nennt für diesen Lauf keine Energie: sie wird aus der Hardware geschätzt',
  'import.projectCut': 'der Projektname wurde auf {max:raw} Zeichen gekürzt',
  'import.quebec':
    'CodeCarbon konnte den Rechner nicht orten (es schrieb seinen Ersatzstandort Québec): der Standort ist unbekannt, bitte angeben',
  'import.noLocation': 'die Datei nennt keinen Standort: bitte angeben',
  'import.badCountry': 'country_iso_code „{code}“ ist kein ISO-Code: der Standort ist unbekannt',
  'import.gpuCountMismatch':
    'gpu_model nennt {listed:raw} GPU(s), gpu_count aber {count:raw}: die Anzahlen aus gpu_model wurden behalten',
  'import.gpuModelEmpty':
    'gpu_count ist {count:raw}, gpu_model aber leer: fügen Sie die GPUs von Hand hinzu, wenn sie zählen',
  'import.notInCatalogue':
    '{kind} „{name}“ ist nicht im Hardwarekatalog: ihre Leistung ist unbekannt, bis Sie einen Eintrag wählen',
  'import.weakMatch':
    '{kind} „{name}“ ist vielleicht „{match}“ (unsichere Zuordnung): wählen Sie den Eintrag, um seine Leistung zu verwenden',
  'import.singleSample': 'GPU {gpu} hat nur einen Messwert: für sie lässt sich keine Energie integrieren',
  'import.gpuOnly':
    'ein nvidia-smi-Protokoll misst nur die GPUs: CPU, Arbeitsspeicher und der Rest des Rechners fehlen in seiner Energie',
  'import.where.row': '{file} Zeile {row:raw}',
  'import.where.run': '{file} Lauf {row:raw}',
  'import.where.file': '{file}',
  'import.longDuration':
    '{where}: {field} {durationS:raw} s sind {years:d1} Jahre, länger als jeder ML-Lauf: bitte den Wert prüfen (der Lauf würde am {start:utc} beginnen, und seine Emissionen würden über diese ganze Zeit verteilt)',
  'import.highPower':
    '{where}: {field} {energyKWh} kWh in {hours:short} h ergeben eine mittlere Leistung von {powerKW:short} kW, mehr als {devices:raw} Gerät(e) aufnehmen können (höchstens {limitKW:raw} kW): bitte Wert und Einheit prüfen',
  'import.highPowerNoDevices':
    '{where}: {field} {energyKWh} kWh in {hours:short} h ergeben eine mittlere Leistung von {powerKW:short} kW, mehr als für einen Lauf mit unbekannten Geräten angenommen wird (höchstens {limitKW:raw} kW): bitte Wert und Einheit prüfen',
  'import.implausibleIntensity':
    '{where}: {emissions} {emissionsKg} kg für {energy} {energyKWh} kWh ergeben {intensityGPerKWh:p3} g/kWh, außerhalb dessen, was ein Stromnetz ausstößt ({low:raw}–{high:raw} g/kWh): vermutlich ist einer der beiden Werte in der falschen Einheit (kg, kWh); das Hauptbuch berechnet seine eigenen Emissionen aus der Energie',
  'import.highDevicePower':
    '{where}: {field} {powerW} W für ein einzelnes Gerät ({device}) sind mehr, als ein Gerät aufnehmen kann (höchstens {limitW:raw} W): bitte Wert und Einheit prüfen',
  // issue 14: Slurm sacct, multi-rank CodeCarbon
  'ranks.mergedMachine':
    'zusammengeführt aus {ranks:raw} CodeCarbon-Zeilen eines verteilten Laufs; jede maß die ganze Maschine (tracking_mode machine), die Energie zählt also einmal',
  'ranks.mergedProcess':
    'zusammengeführt aus {ranks:raw} CodeCarbon-Zeilen eines verteilten Laufs; jede maß ihren eigenen Prozess (tracking_mode process), ihre Energien werden addiert',
  'detect.sacctTable':
    '{file} ist die aufgefüllte Tabelle von sacct, deren Werte auf die Spaltenbreite gekürzt sind: bitte mit --parsable2 neu exportieren, z. B. {command}',
  'slurm.badTimeZone': '{file}: „{zone}“ ist kein Zeitzonenname (wie Europe/Berlin): die Zeiten wurden als UTC gelesen',
  'slurm.noHeader':
    '{file} hat keine Kopfzeile und nicht die Spalten des empfohlenen Befehls, die Spalten sind also unbekannt: bitte mit Kopfzeile exportieren, z. B. {command}',
  'slurm.noHeaderAssumed':
    '{file} hat keine Kopfzeile: die Spalten wurden als die des empfohlenen Befehls angenommen ({command})',
  'slurm.missingColumns':
    '{file}: der Kopfzeile fehlen die Spalten {columns}, die jeder Lauf braucht: bitte neu exportieren mit {command}',
  'slurm.lackingColumns':
    '{file}: der Kopfzeile fehlen {columns}, den Läufen fehlt also, was darin steht; der empfohlene Befehl exportiert sie: {command}',
  'slurm.noJobId': '{file} Zeile {row:raw}: JobID ist leer',
  'slurm.zonedAfterLocal':
    '{file} Zeile {row:raw}: die Zeit hat eine Zeitzone, Zeile {first:raw} hatte keine: die Datei mischt Zeitzonen (bitte mit einer TZ neu exportieren)',
  'slurm.localAfterZoned':
    '{file} Zeile {row:raw}: die Zeit hat keine Zeitzone, Zeile {first:raw} hatte eine: die Datei mischt Zeitzonen (bitte mit einer TZ neu exportieren)',
  'slurm.fieldCount':
    '{file} Zeile {row:raw}: {fields:raw} Felder, die Kopfzeile hat {width:raw}: die Zeile wurde nicht importiert',
  'slurm.energyRejected': '{file} Zeile {row:raw}: {field} von Job {jobId} wurde nicht verwendet: {reason}',
  'slurm.energyImpossible': '{joules:raw} J ist unmöglich',
  'slurm.energyWithoutTime': '{joules:raw} J in 0 s Laufzeit ist unmöglich',
  'slurm.energyTooHigh':
    '{joules:raw} J sind im Mittel {powerKW:short} kW je Knoten, mehr als ein Knoten aufnimmt (höchstens {limitKW:raw} kW)',
  'slurm.notStarted':
    '{file}: {count:raw} Job(s) sind nie gestartet (wartend oder vor dem Start abgebrochen) und ergeben keinen Lauf: {jobs}',
  'slurm.stepWithoutJob':
    '{file} Zeile {row:raw}: zu Schritt {jobId} fehlt die Job-Zeile (gekürzter oder gefilterter Export): er ergibt keinen Lauf',
  'slurm.partitionsUnset':
    '{file}: Hardware und Standort der Partition(en) {partitions} bitte einmal festlegen: bis dahin heißen ihre GPUs nach dem GPU-Typ von Slurm und der Standort ist unbekannt',
  'slurm.sharedNode':
    'Job {jobId} teilte seinen Knoten mit {others}: Slurm rechnete ihm den ganzen Knoten an ({recordedKWh:p3} kWh); gezählt werden {share:d1} %, sein zugeteilter Anteil {by}',
  'slurm.byGpus': 'nach GPUs',
  'slurm.byCpus': 'nach CPUs',
  'slurm.energyPartial':
    'einige Komponenten dieses heterogenen Jobs haben keine gemessene Energie: die Energie wird aus der Hardware geschätzt',
  'slurm.noEnergy': 'der Cluster hat für diesen Job keine Energie erfasst: sie wird aus der Hardware geschätzt',
  'slurm.inProgress': 'der Job war beim Export {state}: seine Zahlen sind vorläufig, ein späterer Export ersetzt sie',
  'cell.notWholeSeconds': '„{text}“ ist keine ganze Zahl von Sekunden',
  'cell.notElapsed': '„{text}“ ist keine Dauer ([T-]HH:MM:SS)',
  'cell.notTres': '„{text}“ ist kein TRES-Eintrag (Name=Anzahl)',
  'cell.notJoules': '„{text}“ ist keine Energie in Joule',
  'cell.notSlurmTime':
    '„{text}“ ist kein Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM:SS oder Epochensekunden): SLURM_TIME_FORMAT aufheben und neu exportieren',
  'cell.notPositiveCount': '„{text}“ ist keine positive ganze Zahl',
  'cell.endBeforeStart': '{end} liegt vor Start {start}',
  'cell.elapsedPastEnd': '{elapsedS:raw} s ist länger als End − Start ({spanS:raw} s)',
  'list.or': '{first} oder {rest}',
  'plan.invalidArgument': '{what}{path}: {issue}',
  'plan.unknownHardware': "Hardware '{id}' ist weder im Katalog noch in der Hardware des Labors",
  'plan.noFlops': '{hardware} hat im Katalog keine FLOPS bei {precision}: vergleichen Sie bei der anderen Genauigkeit',
  'plan.noAccelerator': 'der Lauf hat keine {kinds} aus dem Katalog, mit der verglichen werden kann',
  'plan.badProfileStart': "Stundenprofil {zone}: Beginn '{start}' ist kein Datum mit Uhrzeit",
  'plan.workRun':
    'Die Arbeit umfasst die {deviceHours:short} Gerätestunden des Laufs auf {hardware}, bei gleicher Auslastung auf anderer Hardware.',
  'plan.catalogueTdps':
    'Jede Zeile, auch die aktuelle, verwendet die TDP laut Katalog, damit die Zeilen vergleichbar sind; die gemessene Energie des Laufs wird hier nicht verwendet.',
  'plan.workGpuHours':
    'Die Arbeit umfasst {gpuHours:short} Gerätestunden auf {hardware}, bei gleicher Auslastung auf anderer Hardware.',
  'plan.workFlops':
    '{flops:exp} FLOPs bei einer Modell-FLOPs-Auslastung von {mfu:short} ({low:short}–{high:short}) der Spitzenleistung.',
  'plan.peakFlops':
    'Spitzen-FLOPS bei {precision} laut Katalog; Energie aus TDP × Auslastung jedes Geräts für die Zeit, die die Arbeit braucht.',
  'plan.sameScenario':
    'Einsparungen stellen beide Varianten ins gleiche Szenario (gleiche Auslastung, Leistungsfaktor, PUE und Grenzen der Netzintensität).',
  'plan.noCurrent': 'Es wurde keine aktuelle Hardware angegeben; daher wird keine Einsparung gezeigt.',
  'plan.yearlyAverages':
    'Jeder Standort verwendet das Jahresmittel seiner Netzintensität für das Jahr der Arbeitslast; die Zahlen können daher von den erfassten Emissionen eines Laufs abweichen (die stündliche Daten verwenden können).',
  'plan.cloudBrings':
    'Der Wechsel in eine Cloud-Region bringt die PUE und die Ökostromkäufe ihres Anbieters mit; eine Netzzone oder ein Land behält die der Arbeitslast.',
  'plan.notCloud': 'Der aktuelle Standort ist keine Cloud-Region; daher gibt es keine Rangfolge desselben Anbieters.',
  'plan.startSlot': 'Der Beginn {start:utc} zählt ab seiner UTC-Stunde {slot:utcHour}.',
  'plan.covers': 'die Stundendaten von {zone} reichen von {from:utcHour} bis {to:utcHour}',
  'plan.outsideData': 'Der Beginn {slot:utcHour} liegt außerhalb der Daten: {covers}.',
  'plan.longerThanData':
    'Eine Arbeit von {hours:raw} Stunden ist länger als die {length:raw} Stunden an Stundendaten von {zone}.',
  'plan.pastEnd': '{hours:raw} Stunden ab {slot:utcHour} reichen über das Ende der Daten hinaus: {covers}.',
  'plan.windowCut':
    'Das Fenster von {window:raw} Stunden wird auf {hours:raw} Stunden gekürzt: spätere Starts reichten über das Ende der Daten hinaus ({last:utcHour}).',
  'plan.spanCut':
    'Die Spanne von {wanted:raw} Stunden wird auf {hours:raw} gekürzt: sie reichte über das Ende der Daten hinaus ({last:utcHour}).',
  'plan.continuous': 'Ein Dauerdienst (Stunden pro Tag angegeben) hat keinen Beginn, der sich verschieben ließe.',
  'plan.noDuration': 'Der Lauf hat keine Dauer; es gibt nichts zu verschieben.',
  'plan.runHoursOne':
    'Die {duration} des Laufs zählen als 1 volle Stunde ab {slot:utcHour}{started}, bei seiner mittleren Leistung von {powerKW:short} kW.',
  'plan.runHours':
    'Die {duration} des Laufs zählen als {hours:raw} volle Stunden ab {slot:utcHour}{started}, bei seiner mittleren Leistung von {powerKW:short} kW.',
  'plan.startedAt': ' (er begann am {at:utc})',
  'plan.scaledToRun':
    'Der eingesparte Anteil jeder Einstellung folgt aus der stündlichen Lebenszyklus-Intensität der Zone; die Kilogramm sind dieser Anteil der Emissionen des Laufs.',
  'hourlyImport.empty': '{file}: Die Datei ist leer',
  'hourlyImport.noRows': '{file}: keine Datenzeilen',
  'hourlyImport.noColumn':
    '{file}: Zeile 1: keine Spalte {column} (ein Export von Electricity Maps oder zwei Spalten: Zeit und gCO2eq/kWh)',
  'hourlyImport.columnTime': '„Datetime (UTC)“',
  'hourlyImport.columnZone': '„Zone Id“',
  'hourlyImport.columnDirect': 'für die direkte CO2-Intensität',
  'hourlyImport.columnLifecycle': 'für die Lebenszyklus-CO2-Intensität (LCA)',
  'hourlyImport.emptyZone': '{file}: Zeile {row:raw}, Feld „{field}“: leer, die Datei muss ihre Zone nennen',
  'hourlyImport.notNumber': '{file}: Zeile {row:raw}, Feld „{field}“: „{value}“ ist keine Zahl (eine fehlende Stunde?)',
  'hourlyImport.negative':
    '{file}: Zeile {row:raw}, Feld „{field}“: {value} ist negativ; das kann eine Intensität nicht sein',
  'hourlyImport.notTime':
    '{file}: Zeile {row:raw}, Feld „{field}“: „{value}“ ist kein Zeitpunkt wie 2024-03-01T14:00:00Z',
  'hourlyImport.noOffset':
    '{file}: Zeile {row:raw}, Feld „{field}“: „{value}“ ist eine Ortszeit ohne Versatz; schreiben Sie sie in UTC mit Z oder mit ihrem Versatz, etwa 2024-03-01T15:00:00+01:00',
  'hourlyImport.notWholeHour':
    '{file}: Zeile {row:raw}, Feld „{field}“: {value} liegt nicht auf einer vollen UTC-Stunde',
  'hourlyImport.duplicate':
    '{file}: Zeile {row:raw}, Feld „{field}“: {value} wiederholt die Stunde von Zeile {previous:raw} (ein Duplikat)',
  'hourlyImport.gap':
    '{file}: Zeile {row:raw}, Feld „{field}“: {value} lässt nach Zeile {previous:raw} eine Lücke von {hours:raw} h; die Stunden müssen aufeinander folgen',
  'hourlyImport.notHourly':
    '{file}: Zeile {row:raw}, Feld „{field}“: {value} liegt nicht eine Stunde nach Zeile {previous:raw} (die Daten müssen stündlich sein)',
  'hourlyImport.otherZone':
    '{file}: Zeile {row:raw}, Feld „{field}“: „{value}“ weicht von der Zone {zone} der Datei ab',
  'duration.min': '{minutes:raw} min',
  'duration.h': '{hours:raw} h',
  'duration.hMin': '{hours:raw} h {minutes:raw} min',
  // issue 11: Abgleich mit den Dateien (shared/emissions/reconcile.ts, counted.ts)
  'trace.countedReported': 'Gezählte Emissionen: wie von der Datei gemeldet (Laboreinstellung)',
  'formula.countedReported':
    'der Wert der Datei; Spanne {low:p3}–{high:p3} kg (die relative Unsicherheit des Ledgers, bis zu seinem neu berechneten Wert)',
  'assume.countedReported':
    'Das Labor zählt die Emissionen, die die Datei meldet ({reportedKg:p3} kg, bei {intensity:short} g/kWh der Datei), statt der {recomputedKg:p3} kg, die mit den Daten des Ledgers berechnet sind; beide bleiben sichtbar.',
  'reconcile.intensity':
    'Netzintensität: die Datei verwendet {fileG:short} g/kWh für {written}; der Ledger {ledgerG:short} g/kWh ({detail}; {source})',
  'reconcile.pue': 'PUE: die Datei wendet {filePue:d2} an; der Ledger {ledgerPue:d2} ({origin})',
  'reconcile.pueNone':
    'PUE: die Datei wendet keine an (sie hat keine Spalte pue); der Ledger {ledgerPue:d2} ({origin})',
  'reconcile.energy': 'IT-Energie: die Datei misst {fileKWh} kWh; der Ledger zählt {ledgerKWh} kWh',
  'reconcile.share': '{part} ({pct:raw} % der Differenz)',
  'reconcile.fallback':
    'CodeCarbon konnte den Rechner nicht orten und nahm seinen Standardort ({written}): die Intensität der Datei ist nicht die des Netzes des Rechners; der Ledger verwendet den Standort des Laufs oder des Labors.',
  'reconcile.noLocation':
    'Die Datei nennt keinen Standort: die Intensität von CodeCarbon ist nicht die des Netzes des Rechners; der Ledger verwendet den Standort des Labors.',
  'reconcile.notSplit':
    'Die Differenz lässt sich nicht in ihre Teile zerlegen: Datei oder Ledger haben einen Energie- oder Emissionswert von null oder keinen.',
  'reconcile.agree': 'Datei und Ledger stimmen überein: dieselbe Energie, PUE und Intensität.',

  'report.badPeriod': '„{text}“ ist kein Zeitraum (schreiben Sie 2025-Q1, 2025-03, 2025 oder 2025-01..2025-05)',
  'report.noPeriod': 'Der Bericht braucht einen Parameter period (z. B. period=2025-Q1)',
  'report.badList': 'Der Berichtsparameter „{name}“ ist keine JSON-Liste von Zeichenketten',
  'report.badLanguage': 'Der Berichtsparameter lang ist „{text}“: schreiben Sie en oder de'
}
