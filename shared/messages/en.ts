/**
 * English texts of the messages shared/ makes (trace, assumptions, import problems, planning notes): the reference
 * catalogue. The command line and reports print these; the app shows them in its language (de.ts has the same keys,
 * tests/unit/renderer/i18n.test.ts checks it). Placeholders: {name}, or {name:style} for a number (message.ts).
 */
export const en = {
  text: '{text}',

  // Computation trace: labels
  'trace.hours': 'Hours of use',
  'trace.hoursService': 'Hours of use (continuous service, {hoursPerDay} h a day)',
  'trace.power': 'Power of {device} ({detail})',
  'trace.deviceEnergy': 'Energy of {count} × {device}',
  'trace.memoryEnergy': 'Energy of memory',
  'trace.itEnergy': 'IT energy',
  'trace.estimatedItEnergy': 'Estimated IT energy (for comparison; the measured energy is used)',
  'trace.pue': 'PUE ({origin})',
  'trace.facilityEnergy': 'Facility energy',
  'trace.measuredEnergy': 'Measured energy ({source})',
  'trace.measuredEnergyWithPue': 'Measured energy ({source}, data centre overhead included)',
  'trace.itFromMeasured': 'IT energy (measured / PUE)',
  'trace.intensity': 'Grid intensity ({detail})',
  'trace.locationEmissions': 'Emissions, location-based',
  'trace.renewable': 'Renewable share ({origin})',
  'trace.marketEmissions': 'Emissions, market-based',
  'trace.embodied': 'Embodied emissions of {count} × {device} ({note})',
  // The reference data's notes on its embodied figures (data/defaults.json), so the app can show them translated.
  'embodiedNote.cpu':
    "Half of Cloud Carbon Footprint's two-socket server: (base 1000 kg with one CPU + 100 kg for the second CPU) / 2; base = instance total less its additions, one value across CCF's AWS, GCP and Azure tables.",
  'embodiedNote.gpu':
    "Cloud Carbon Footprint's additional_gpus of a GPU server divided by its GPU count (p4d.24xlarge, p3.16xlarge, g4dn.metal /8; a2-megagpu-16g /16; Azure NC24 /4): 150 kg in every case.",
  'embodiedNote.tpu':
    'Assumption: no public per-chip figure for TPUs; one TPU chip counted as one GPU (150 kg, Cloud Carbon Footprint).',
  'trace.carKm': 'Equivalent: km by car',
  'trace.treeMonths': 'Equivalent: tree-months of absorption',
  'trace.flights': 'Equivalent: flights {flight}',
  // data/defaults.json names its flight in English; the known label has a message so that German says it in German
  'flight.parisLondon': 'one passenger, Paris–London flight',
  'unit.tree-months': 'tree-months',
  'unit.flights': 'flights',

  // Computation trace: formulas
  'formula.hours': '{durationS} s / 3600',
  'formula.hoursService': '{durationS} s / 3600 × {hoursPerDay} h / 24 h',
  'formula.deviceEnergy': '{count} × {powerW} W × {utilization} × {hours} h / 1000',
  // issue 11: power model
  'formula.deviceEnergyDraw': '{count} × {powerW} W × {hours} h / 1000',
  'trace.powerModel': 'Mean draw of {device} at its utilisation (power model, TDP {tdpW} W)',
  'formula.powerModel': '{idleW} W idle + {utilization} × ({fullW} W full load − {idleW} W)',
  'formula.memoryEnergy': '{memoryGB} GB × {wPerGB} W/GB × {hours} h / 1000',
  'formula.sum': '{terms}',
  'formula.facilityEnergy': '{itKWh} kWh × {pue}',
  'formula.itFromMeasured': '{measuredKWh} kWh / {pue}',
  'formula.locationEmissions': '{energyKWh} kWh × {intensity} g/kWh / 1000',
  'formula.marketEmissions': '{emissionsKg} kg × (1 − {share})',
  'formula.embodied': '{totalKg} kg × {hours} h / ({lifespanYears} y × 8760 h) × {count}',
  'formula.carKm': '{emissionsG} g / {carGPerKm} g/km',
  'formula.treeMonths': '{emissionsG} g / {treeMonthG} g',
  'formula.flights': '{emissionsKg} kg / {flightKg} kg',

  // Where a factor comes from (inside trace labels)
  'power.measured': 'measured mean power',
  'power.user': 'power entered for this run',
  'power.unknown': 'power unknown',
  'power.ambiguous': 'full load ({full} × TDP; idle {idle} × TDP), from the catalogue TDPs of {names}',
  'power.catalogue': 'full load ({full} × TDP; idle {idle} × TDP), from the catalogue TDP of {name}',
  'power.cataloguePerCore':
    'full load ({full} × TDP; idle {idle} × TDP), from the catalogue TDP of {name}, {perCoreW} W per core × {cores} cores',
  'pue.run': 'set for this run',
  'pue.provider': "the cloud provider's published PUE",
  'pue.lab': "the lab's PUE for its own machines",
  'pue.unknown-data-centre': 'average of an unknown data centre',
  'pue.personal-computer': 'a personal computer has no facility overhead',
  'renewable.run': 'set for this run',
  'renewable.provider': "the cloud provider's renewable purchases",
  'renewable.lab': "the lab's electricity contract",
  'renewable.none': 'no renewable purchases known',
  'sourceKind.manual': 'manual',
  'sourceKind.codecarbon': 'codecarbon',
  'sourceKind.nvidia-smi': 'nvidia-smi',
  'sourceKind.ledger': 'ledger',
  'sourceKind.slurm': 'slurm',
  'intensity.labLocation': "{location}, the lab's default location",
  'intensity.hourly': "{where}, mean of the hourly profile over the run's hours",
  'intensity.hourlyMeasured':
    "{where}, mean of the hourly profile over the run's hours, weighted by the run's measured power samples",
  'intensity.yearly': '{where}, {year:raw} yearly average',
  'intensity.yearlyOther': "{where}, {year:raw} yearly average, the run's year is not in the data",
  'intensity.custom': '{where}, custom value',
  'intensity.unknown': '{where}, world average',
  'location.cloud': '{provider} region {region}',
  'location.country': 'country {code}',
  'location.zone': 'grid zone {zone}',
  'location.unknown': 'unknown location',
  'location.unknownLabel': 'Unknown location',
  'location.notFound': '{location} (not found)',

  // Assumptions of a run
  'assume.ambiguousHardware':
    '{device} could be any of {names}: its power is taken as {valueW} W, between their TDPs ({minW}–{maxW} W). Choose the exact model to narrow the range.',
  'assume.unknownPower':
    'The power of {device} is unknown, so it counts as 0 W and the energy is understated: choose it from the catalogue or enter its power.',
  'assume.measuredPowerUtilisation':
    'The measured power of {device} is a mean over the run, so its utilisation ({utilization}) is not applied again.',
  'assume.measuredIncludesPue':
    'The measured energy already includes the data centre overhead, so it is not multiplied by the PUE again; its IT share is taken as measured / {pue}.',
  'assume.traceUnavailable':
    'The computation of this run is rebuilt from its inputs with data version {dataVersion} and the lab defaults it was computed with, which this ledger no longer has: recompute the run to see its trace, assumptions and sources.',
  'assume.noDevice': 'The run lists no device, so its measured energy is shown on the GPU line of the breakdown.',
  'assume.noEmbodied':
    "No embodied emissions are known for the class '{embodiedClass}' of {device}: its embodied share counts 0.",
  'assume.coresMissing': "The cores reserved on {device} are not given: the whole processor's TDP ({tdpW} W) is used.",
  'assume.hardwareIdMissing':
    "The catalogue has no hardware '{hardwareId}'; {device} is looked up by its name instead.",
  'assume.weakMatch': '{device} is not in the catalogue (the closest entry, {entry}, is too uncertain a match to use).',
  'assume.fuzzyMatch': "{device} was taken to be the catalogue's {entry}.",
  'assume.unknownLocation':
    "The run's location is unknown, so the world average grid intensity ({world} g/kWh) is used with a wide range ({low}–{high}): set the run's or the lab's location.",
  'assume.locationNotFound':
    'The {location} is not in the reference data, so the world average grid intensity ({world} g/kWh) is used with a wide range.',
  'assume.serviceHours':
    "The service's working hours within each day are not known: the hourly intensity is averaged over all its hours.",
  // issue 11: one intensity per place and time
  'assume.sourcesDisagree':
    'The sources for {location} in {year:raw} disagree ({value} g/kWh; {other}: {otherValue} g/kWh): the range holds both.',
  'assume.providerIntensity':
    "The lab chose the cloud provider's published factor for {location} ({year:raw}) over its grid's intensity.",
  'trace.providerIntensity': "Cloud provider's published factor ({year:raw}), for comparison: not used",
  'intensity.grid': '{where}: grid of {grid}, {year:raw} yearly average',
  'intensity.gridOther': "{where}: grid of {grid}, {year:raw} yearly average, the run's year is not in the data",
  // issue 11: market-based by Scope 2
  'assume.marketLocationBased':
    'No contractual instruments cover this energy: market-based uses the location-based intensity, which likely understates it (the residual mix is usually higher).',
  'formula.marketSupplier': '{energyKWh} kWh × (1 − {share}) × {supplier} g/kWh (supplier) / 1000',
  'assume.otherYear':
    '{location} has no grid intensity for {year:raw}: the {usedYear:raw} average is used, with a range widened to ±{pct} %.',
  // Issue 12: runs at the intensity of their hours
  'assume.hourlyPartly':
    "{location}'s hourly profile covers {pct} % of the run's energy; the other hours use the zone's yearly average ({years:raw}).",
  'assume.hourlyEnergyMismatch':
    "The run's measured energy per hour has {given:raw} hours, but the run touches {hours:raw} (its times were changed after the import): its hours are weighted by uniform power instead.",
  'assume.unknownPue':
    "The data centre's PUE is unknown: the average data centre's {pue} is used (range {low}–{high}); set the lab's PUE or the run's.",
  // Reading a file (detectFormat) and its rows (the importers); every problem names the file, and a row's its row
  'detect.utf16': '{file} is UTF-16 text: save it again as "CSV UTF-8"',
  'detect.binary': '{file} is a binary file, not a text export (it holds NUL bytes)',
  'detect.notUtf8': '{file} is not UTF-8 text ({count:raw} undecodable characters in its first {length:raw})',
  'detect.semicolons':
    '{file} separates its columns with ";" (a spreadsheet\'s regional setting): save it again as CSV with commas',
  'detect.unknown':
    '{file}: unknown layout. Expected a CodeCarbon emissions CSV, an nvidia-smi --query-gpu CSV log or a Carbon Ledger run file (CSV or JSON); its first row is: {firstRow}',
  'backup.notJson': 'This file is not a Carbon Ledger backup: it is not valid JSON (truncated or corrupt?).',
  'backup.notBackup': 'This file is not a Carbon Ledger backup (its format is not "{format}").',
  'backup.newer':
    'This backup was made by a newer Carbon Ledger (schema {schema:raw}, this one reads up to {reads:raw}). Update the app to restore it.',
  'backup.damagedAt': 'This backup is damaged: {path}: {issue}.',
  'backup.damaged': 'This backup is damaged: invalid content.',
  'backup.checksum': 'This backup is damaged: its checksum does not match its content (it was altered or truncated).',
  // issue 15: streaming archives, record checks on restore, disk space
  'archive.invalidRecord': 'invalid record: {path}: {issue}',
  'archive.duplicateId': 'a second record with this id: the first one is kept',
  'archive.danglingProject': 'its project {project} is neither in the backup nor in the ledger',
  'archive.danglingImport': 'its import batch {batch} is not in the backup',
  'archive.repaired': 'corrected from the run itself: {fields}',
  'archive.truncated':
    'This backup is damaged: it ends before its last line (truncated, or written by a backup that failed).',
  'archive.countMismatch':
    'This backup is damaged: its table {table} should hold {expected:raw} but holds {found:raw}.',
  'archive.unreadable': 'This backup cannot be read: {reason}',
  'space.tooLittle':
    'Not enough space for this: it needs about {neededMB:raw} MB and only {freeMB:raw} MB are free ({where}). Nothing was changed. Free some disk space and try again.',
  'space.where.quota': "the browser's storage quota for the ledger",
  'space.where.disk': 'the disk holding the ledger',
  'ledger.safetyBackupFailed': 'The safety backup taken before this change failed, so nothing was changed: {reason}',
  'ledger.quota':
    'The disk is full or the ledger reached its storage quota: nothing of this change was saved. Free some disk space (or empty the trash), restart Carbon Ledger and check that your runs are there before trying again: a browser may discard a ledger whose disk filled up (restore the latest backup if so).',
  'ledger.diskFull':
    'The disk filled up while the ledger was being written, and the browser closed the ledger (Chromium then discards its stored data). Free some disk space, restart Carbon Ledger and check your runs; if they are gone, restore the latest backup (Settings → Backups).',
  'ledger.closed': 'The ledger was closed (another window upgraded it). Reload this window.',
  'ledger.blocked': 'This ledger was written by a newer Carbon Ledger. Update the app to open it.',
  'project.nameTaken': 'A project named "{name}" already exists.',
  'import.cancelled': 'The import of {file} was cancelled: nothing of it was kept.',
  'project.notEmpty': 'This project still has {runs:raw} runs (trash included): move or delete them first.',
  'import.readFailed': '{file}: {reason}',
  'import.empty': '{file} is empty',
  'import.noDataRows': '{file} has a header but no data rows',
  'import.noHeaderColumn': '{file}: the header has no "{column}" column',
  'import.noLogColumn': '{file}: the log has no "{column}" column',
  'import.cell': '{file} row {row:raw}: {field} {problem}',
  'import.fieldIssue': '{file} row {row:raw}: {field}: {issue}',
  'cell.notNumber': '"{text}" is not a number',
  'cell.outOfRange': '"{text}" is out of range',
  'cell.negative': '{text} is negative',
  'cell.notYesNo': '"{text}" is not yes or no',
  'cell.notDateTime': '"{text}" is not a date and time',
  'cell.notWatts': '"{text}" is not a power in watts',
  // issue 11: limits of plausible figures
  'cell.aboveLimit': '{text} is above the limit of {limit:raw} {unit}',
  'cell.notWhole': '{text} is not a whole number',
  'cell.yearOutside': '"{text}" is not between the years {min:raw} and {max:raw}',
  'import.startYearOutside':
    '{file} row {row:raw}: the run starts in {year:raw} (timestamp − duration), not between {min:raw} and {max:raw}',
  'import.pueOutside': '{file} row {row:raw}: pue {pue:raw} is outside 1–5',
  'import.durationEmpty': '{file} row {row:raw}: duration is empty',
  'import.timeBackwards': '{file} row {row:raw}: the time goes backwards (GPU {gpu})',
  'import.unclosedQuote': '{file} row {row:raw}: a quoted cell is never closed; the file may be cut short',
  'import.unclosedQuoteShort': '{file} row {row:raw}: a quoted cell is never closed',
  'import.snapshots':
    '{file}: {count:raw} row(s) were earlier cumulative snapshots of a run already in the file; each run kept only its row with the longest duration',
  'import.utcAssumed':
    "{file}: the timestamps carry no time zone; they were read as UTC (set the file's time zone to correct them)",
  'import.noHeaderAssumed': '{file} has no header: its columns were taken to be {columns}',
  'import.noPowerSample': '{file} holds no usable power sample',
  'import.gap':
    '{file} row {row:raw}: GPU {gpu} logged nothing for {gapS:d1} s (more than {times:raw} × the median interval of {medianS:d3} s): this gap is not counted in the energy',
  'import.unknownColumns': '{file}: unknown column(s) ignored: {columns}',
  'import.duplicateId':
    '{file} row {row:raw}: the id {id} was already used on row {earlier:raw}; the import keeps the later row',
  'import.notJson': '{file} is not valid JSON: {reason}',
  'import.notRunList': '{file}: expected a list of runs, or an object with a "runs" list',
  'import.notObject': '{file} run {row:raw}: not an object',
  'import.energySum': 'energy_consumed is empty: the energy is the sum of the CPU, GPU and RAM energies given',
  'import.noEnergy': 'the file gives no energy for this run: it is estimated from the hardware',
  'import.projectCut': 'the project name was cut to {max:raw} characters',
  'import.quebec':
    'CodeCarbon could not locate the machine (it wrote its Quebec fallback): the location is unknown, set it',
  'import.noLocation': 'the file gives no location: set it',
  'import.badCountry': 'country_iso_code "{code}" is not an ISO code: the location is unknown',
  'import.gpuCountMismatch':
    'gpu_model lists {listed:raw} GPU(s) but gpu_count says {count:raw}: the counts of gpu_model were kept',
  'import.gpuModelEmpty': 'gpu_count is {count:raw} but gpu_model is empty: add the GPUs by hand if they matter',
  'import.notInCatalogue': '{kind} "{name}" is not in the hardware catalogue: its power is unknown until you pick one',
  'import.weakMatch': '{kind} "{name}" may be "{match}" (weak match): pick it to use its power',
  'import.singleSample': 'GPU {gpu} has a single sample: no energy can be integrated for it',
  'import.gpuOnly':
    'an nvidia-smi log measures the GPUs only: CPU, memory and the rest of the machine are not in its energy',
  'import.where.row': '{file} row {row:raw}',
  'import.where.run': '{file} run {row:raw}',
  'import.where.file': '{file}',
  'import.longDuration':
    '{where}: {field} {durationS:raw} s is {years:d1} years, longer than any ML run: check the value (the run would start on {start:utc} and its emissions would be spread over all that time)',
  'import.highPower':
    '{where}: {field} {energyKWh} kWh in {hours:short} h is a mean draw of {powerKW:short} kW, more than {devices:raw} device(s) can draw ({limitKW:raw} kW at most): check the value and its unit',
  'import.highPowerNoDevices':
    '{where}: {field} {energyKWh} kWh in {hours:short} h is a mean draw of {powerKW:short} kW, more than a run of unknown devices is taken to draw ({limitKW:raw} kW at most): check the value and its unit',
  'import.implausibleIntensity':
    '{where}: {emissions} {emissionsKg} kg for {energy} {energyKWh} kWh implies {intensityGPerKWh:p3} g/kWh, outside what any grid emits ({low:raw}–{high:raw} g/kWh): one of the two is likely in the wrong unit (kg, kWh); the ledger computes its own emissions from the energy',
  'import.highDevicePower':
    '{where}: {field} {powerW} W for a single device ({device}) is more than one device can draw ({limitW:raw} W at most): check the value and its unit',
  // issue 14: Slurm sacct, multi-rank CodeCarbon
  'ranks.mergedMachine':
    'merged from {ranks:raw} CodeCarbon rows of one distributed run; each measured the whole machine (tracking_mode machine), so the energy is counted once',
  'ranks.mergedProcess':
    'merged from {ranks:raw} CodeCarbon rows of one distributed run; each measured its own process (tracking_mode process), so their energies are added',
  'detect.sacctTable':
    "{file} is sacct's padded table, whose values are cut to the column width: export it again with --parsable2, e.g. {command}",
  'slurm.badTimeZone': '{file}: "{zone}" is not a time zone name (such as Europe/Berlin): the times were read as UTC',
  'slurm.noHeader':
    '{file} has no header and not the columns of the recommended command, so its columns are unknown: export it with the header, e.g. {command}',
  'slurm.noHeaderAssumed': "{file} has no header: its columns were taken to be the recommended command's ({command})",
  'slurm.missingColumns':
    '{file}: the header lacks the column(s) {columns}, which every run needs: export it again with {command}',
  'slurm.lackingColumns':
    '{file}: the header lacks {columns}, so the runs miss what they hold; the recommended command exports them: {command}',
  'slurm.noJobId': '{file} row {row:raw}: JobID is empty',
  'slurm.zonedAfterLocal':
    '{file} row {row:raw}: the time carries a zone, but row {first:raw} had none: the file mixes time zones (export it again with one TZ)',
  'slurm.localAfterZoned':
    '{file} row {row:raw}: the time carries no zone, but row {first:raw} had one: the file mixes time zones (export it again with one TZ)',
  'slurm.fieldCount':
    '{file} row {row:raw}: {fields:raw} fields where the header has {width:raw}: the row was not imported',
  'slurm.energyRejected': '{file} row {row:raw}: {field} of job {jobId} was not used: {reason}',
  'slurm.energyImpossible': '{joules:raw} J is impossible',
  'slurm.energyWithoutTime': '{joules:raw} J in 0 s of run time is impossible',
  'slurm.energyTooHigh':
    '{joules:raw} J is a mean draw of {powerKW:short} kW per node, more than a node draws ({limitKW:raw} kW at most)',
  'slurm.notStarted':
    '{file}: {count:raw} job(s) never started (pending, or cancelled before starting) and make no run: {jobs}',
  'slurm.stepWithoutJob':
    '{file} row {row:raw}: step {jobId} has no job row in the file (cut or filtered export): it makes no run',
  'slurm.partitionsUnset':
    '{file}: set the hardware and location of partition(s) {partitions} once: until then their GPUs are named by the GPU type Slurm gives and the location is unknown',
  'slurm.sharedNode':
    'job {jobId} shared its node with {others}: Slurm charged it the whole node ({recordedKWh:p3} kWh); {share:d1} % of it, its allocated share {by}, is counted',
  'slurm.byGpus': 'by GPUs',
  'slurm.byCpus': 'by CPUs',
  'slurm.energyPartial':
    'some components of this heterogeneous job have no measured energy: the energy is estimated from the hardware',
  'slurm.noEnergy': 'the cluster recorded no energy for this job: it is estimated from the hardware',
  'slurm.inProgress': 'the job was {state} when exported: its figures are provisional and a later export replaces them',
  'cell.notWholeSeconds': '"{text}" is not a whole number of seconds',
  'cell.notElapsed': '"{text}" is not a duration ([D-]HH:MM:SS)',
  'cell.notTres': '"{text}" is not a TRES entry (name=count)',
  'cell.notJoules': '"{text}" is not an energy in joules',
  'cell.notSlurmTime':
    '"{text}" is not a date and time (YYYY-MM-DDTHH:MM:SS or epoch seconds): unset SLURM_TIME_FORMAT and export again',
  'cell.notPositiveCount': '"{text}" is not a positive whole number',
  'cell.endBeforeStart': '{end} is before Start {start}',
  'cell.elapsedPastEnd': '{elapsedS:raw} s is longer than End − Start ({spanS:raw} s)',
  // Planning: why a plan cannot be made, and the notes of comparisons and time shifts
  'list.or': '{first} or {rest}',
  'plan.invalidArgument': '{what}{path}: {issue}',
  'plan.unknownHardware': "hardware '{id}' is not in the catalogue nor in the lab's hardware",
  'plan.noFlops': '{hardware} has no {precision} FLOPS in the catalogue: compare at the other precision',
  'plan.noAccelerator': 'the run has no {kinds} of the catalogue to compare against',
  'plan.badProfileStart': "hourly profile {zone}: start '{start}' is not a date-time",
  'plan.workRun':
    "The work is the run's {deviceHours:short} device-hours on {hardware}, at the same utilisation on other hardware.",
  'plan.catalogueTdps':
    "Every row, the current one too, uses catalogue TDPs so that rows compare alike; the run's measured energy is not used here.",
  'plan.workGpuHours':
    'The work is {gpuHours:short} device-hours on {hardware}, at the same utilisation on other hardware.',
  'plan.workFlops': '{flops:exp} FLOPs at a model FLOPs utilisation of {mfu:short} ({low:short}–{high:short}) of peak.',
  'plan.peakFlops':
    "Peak {precision} FLOPS from the catalogue; energy from each device's TDP × utilisation for the time the work takes.",
  'plan.sameScenario':
    'Savings put both choices in the same scenario (same utilisation, power factor, PUE and grid intensity bounds).',
  'plan.noCurrent': 'No current hardware was given, so no saving is shown.',
  'plan.yearlyAverages':
    "Every location uses its yearly average grid intensity for the workload's year, so figures may differ from a run's recorded emissions (which may use hourly data).",
  'plan.cloudBrings':
    "Moving to a cloud region brings its provider's PUE and renewable purchases; a grid zone or country keeps the workload's own.",
  'plan.notCloud': 'The current location is not a cloud region, so there is no same-provider ranking.',
  'plan.startSlot': 'The start {start:utc} counts from its UTC hour slot {slot:utcHour}.',
  'plan.covers': 'the hourly data of {zone} covers {from:utcHour} to {to:utcHour}',
  'plan.outsideData': 'The start {slot:utcHour} is outside the data: {covers}.',
  'plan.longerThanData': 'A job of {hours:raw} hours is longer than the {length:raw} hours of hourly data of {zone}.',
  'plan.pastEnd': '{hours:raw} hours from {slot:utcHour} run past the end of the data: {covers}.',
  'plan.windowCut':
    'The {window:raw}-hour window is cut to {hours:raw} hours: later starts would run past the end of the data ({last:utcHour}).',
  'plan.spanCut':
    'The span of {wanted:raw} hours is cut to {hours:raw}: it would run past the end of the data ({last:utcHour}).',
  'plan.continuous': 'A continuous service (hours per day set) has no start time to move.',
  'plan.noDuration': 'The run has no duration, so there is nothing to move.',
  'plan.runHoursOne':
    "The run's {duration} count as 1 whole hour from {slot:utcHour}{started}, at its mean power of {powerKW:short} kW.",
  'plan.runHours':
    "The run's {duration} count as {hours:raw} whole hours from {slot:utcHour}{started}, at its mean power of {powerKW:short} kW.",
  'plan.startedAt': ' (it started at {at:utc})',
  'plan.scaledToRun':
    "Each setting's share saved comes from the zone's hourly life-cycle intensity; the kilograms are that share of what the run emitted.",
  'hourlyImport.empty': '{file}: the file is empty',
  'hourlyImport.noRows': '{file}: no data rows',
  'hourlyImport.noColumn':
    '{file}: row 1: no {column} column (an Electricity Maps export, or two columns: time and gCO2eq/kWh)',
  'hourlyImport.columnTime': '"Datetime (UTC)"',
  'hourlyImport.columnZone': '"Zone Id"',
  'hourlyImport.columnDirect': 'direct carbon intensity',
  'hourlyImport.columnLifecycle': 'life-cycle (LCA) carbon intensity',
  'hourlyImport.emptyZone': '{file}: row {row:raw}, field "{field}": empty, the file must name its zone',
  'hourlyImport.notNumber': '{file}: row {row:raw}, field "{field}": "{value}" is not a number (a missing hour?)',
  'hourlyImport.negative': '{file}: row {row:raw}, field "{field}": {value} is negative; an intensity cannot be',
  'hourlyImport.notTime':
    '{file}: row {row:raw}, field "{field}": "{value}" is not a date-time such as 2024-03-01T14:00:00Z',
  'hourlyImport.noOffset':
    '{file}: row {row:raw}, field "{field}": "{value}" is a local time without an offset; write it in UTC with Z or with its offset, such as 2024-03-01T15:00:00+01:00',
  'hourlyImport.notWholeHour': '{file}: row {row:raw}, field "{field}": {value} is not on a whole UTC hour',
  'hourlyImport.duplicate':
    '{file}: row {row:raw}, field "{field}": {value} repeats row {previous:raw}\'s hour (a duplicate)',
  'hourlyImport.gap':
    '{file}: row {row:raw}, field "{field}": {value} leaves a gap of {hours:raw} h after row {previous:raw}; the hours must follow each other',
  'hourlyImport.notHourly':
    '{file}: row {row:raw}, field "{field}": {value} is not one hour after row {previous:raw} (the data must be hourly)',
  'hourlyImport.otherZone': '{file}: row {row:raw}, field "{field}": "{value}" differs from the file\'s zone {zone}',
  'duration.min': '{minutes:raw} min',
  'duration.h': '{hours:raw} h',
  'duration.hMin': '{hours:raw} h {minutes:raw} min',
  // issue 11: reconciliation with the files (shared/emissions/reconcile.ts, counted.ts)
  'trace.countedReported': 'Emissions counted: as reported by the file (lab setting)',
  'formula.countedReported':
    "the file's figure; range {low:p3}–{high:p3} kg (the ledger's relative uncertainty, reaching its recomputed figure)",
  'assume.countedReported':
    "The lab counts the emissions the file reported ({reportedKg:p3} kg, at the file's {intensity:short} g/kWh) instead of the {recomputedKg:p3} kg recomputed with the ledger's data; both stay visible.",
  'reconcile.intensity':
    'Grid intensity: the file used {fileG:short} g/kWh for {written}; the ledger uses {ledgerG:short} g/kWh ({detail}; {source})',
  'reconcile.pue': 'PUE: the file applied {filePue:d2}; the ledger applies {ledgerPue:d2} ({origin})',
  'reconcile.pueNone':
    'PUE: the file applied none (it has no pue column); the ledger applies {ledgerPue:d2} ({origin})',
  'reconcile.energy': 'IT energy: the file measured {fileKWh} kWh; the ledger counts {ledgerKWh} kWh',
  'reconcile.share': '{part} ({pct:raw}% of the gap)',
  'reconcile.fallback':
    "CodeCarbon could not locate the machine and fell back to its default ({written}): the file's intensity is not the machine's grid; the ledger uses the run's or the lab's location instead.",
  'reconcile.noLocation':
    "The file names no location: CodeCarbon's intensity is not the machine's grid; the ledger uses the lab's location instead.",
  'reconcile.notSplit':
    'The gap cannot be split into its parts: the file or the ledger has a zero or missing energy or emissions figure.',
  'reconcile.agree': 'The file and the ledger agree: the same energy, PUE and intensity.',

  // The report page's parameters (report.html, the command line's report)
  'report.badPeriod': "'{text}' is not a period (write 2025-Q1, 2025-03, 2025 or 2025-01..2025-05)",
  'report.noPeriod': 'the report needs a period parameter (e.g. period=2025-Q1)',
  'report.badList': "the report parameter '{name}' is not a JSON list of strings",
  'report.badLanguage': "the report parameter 'lang' is '{text}': write en or de"
} as const

export type MessageId = keyof typeof en
