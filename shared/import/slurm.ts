import type { DeviceInput, LocationInput, RunInput } from '../domain/run'
import { type Message, msg } from '../messages/index'
import { importedDevice } from './devices'
import { distinctRows, importWarning, rowError, runWarnings } from './issues'
import {
  classifyState,
  expandHostList,
  jobIdParts,
  readElapsed,
  readElapsedRaw,
  readEnergyWithSuffix,
  readGres,
  readTres,
  SACCT_COLUMNS,
  SACCT_COMMAND,
  stateOf,
  type Tres
} from './slurm-fields'
import { findSacctDelimiter } from './slurm-header'
import { slurmJobKind } from './slurm-kind'
import { allocationShares, type NodeUse } from './slurm-shares'
import { isTimeZone, offsetMinutesAt, zonedWallToMs } from './time-zone'
import type { ImportedRun, Importer, ImportError, ImportOptions, ImportWarning, SlurmPartition } from './types'
import { clip, detach, toIso, utcAssumedWarning } from './values'

/**
 * The most a node is taken to draw on average: an 8-GPU B200 server is rated 14.3 kW. Above it a ConsumedEnergyRaw
 * is one of the absurd values sites report (LUMI documents ~1e20 J) and is not used.
 */
export const MAX_NODE_POWER_W = 15_000
/** Daylight-saving changes make End − Start differ from ElapsedRaw by up to an hour, and steps end seconds late. */
const CLOCK_SLACK_S = 3600 + 120
const MAX_JOULES = 2 ** 63
const MAX_TITLE_CHARS = 500
const MAX_NAME_CHARS = 200

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$/

/** One allocation row (a job, an array task, or a heterogeneous component), read and checked. */
interface Allocation {
  row: number
  jobId: string
  runId: string
  het: boolean
  jobIdRaw: string
  cluster: string
  name: string
  user: string
  account: string
  partition: string
  state: string
  exitCode: string
  startMs: number
  startText: string
  offsetMinutes: number
  elapsedS: number
  tres: Tres
  energyJ?: number
  hosts: string[]
  nodes: number
}

/** Where a row's time sits: each file keeps to one kind, zone-less (the cluster's clock) or zoned (ISO, epoch). */
type TimeKind = 'local' | 'zoned'

export function createSlurmImporter(options: ImportOptions): Importer {
  const { fileName } = options
  const errors: ImportError[] = []
  const warnings: ImportWarning[] = []
  const zone = options.timeZone !== undefined && isTimeZone(options.timeZone) ? options.timeZone : undefined
  if (options.timeZone !== undefined && zone === undefined) {
    warnings.push(importWarning(msg('slurm.badTimeZone', { file: fileName, zone: clip(options.timeZone) })))
  }
  let columns: Map<string, number> | undefined
  let width = 0
  let delimiter = '|'
  let trailing = false
  let missing = false
  let lineNo = 0
  let rest = ''
  /** A line with too few fields, waiting for the next: a newline inside a job name. */
  let held: { text: string; line: number } | undefined
  let dataRows = 0
  let zoneAssumed = false
  let timeKind: { kind: TimeKind; row: number } | undefined
  const allocations = new Map<string, Allocation[]>()
  const stepsOf = new Map<string, { row: number; jobId: string }>()
  const notStarted: { row: number; jobId: string }[] = []

  const cellReader = (cells: string[]) => (name: string) => {
    const index = columns?.get(name)
    return index === undefined ? undefined : (cells[index] ?? '').trim()
  }

  const readHeader = (text: string): boolean => {
    const found = findSacctDelimiter(text)
    let names: string[]
    if (found === undefined) {
      // no header: the recommended command's columns, when the field count says so
      const fields = text.split('|')
      if (fields.length === SACCT_COLUMNS.length + 1 && fields.at(-1) === '') trailing = true
      else if (fields.length !== SACCT_COLUMNS.length) {
        missing = true
        errors.push(rowError(1, '(header)', msg('slurm.noHeader', { file: fileName, command: SACCT_COMMAND })))
        return false
      }
      names = [...SACCT_COLUMNS]
      warnings.push(importWarning(msg('slurm.noHeaderAssumed', { file: fileName, command: SACCT_COMMAND })))
    } else {
      delimiter = found
      names = text.split(delimiter)
      if (names.at(-1) === '') {
        trailing = true
        names.pop()
      }
    }
    columns = new Map()
    names.forEach((name, index) => {
      const key = name.trim().toLowerCase()
      if (key !== '' && !columns?.has(key)) columns?.set(key, index)
    })
    width = names.length
    const has = (name: string): boolean => columns?.has(name) ?? false
    const absent = ['JobID', 'State', 'Start'].filter((c) => !has(c.toLowerCase()))
    if (!has('elapsedraw') && !has('elapsed')) absent.push('ElapsedRaw')
    if (absent.length > 0) {
      missing = true
      for (const column of absent) {
        errors.push(
          rowError(
            1,
            column,
            msg('slurm.missingColumns', { file: fileName, columns: absent.join(', '), command: SACCT_COMMAND })
          )
        )
      }
      return found !== undefined
    }
    const wanted = ['JobIDRaw', 'User', 'Account', 'Partition', 'End', 'AllocTRES', 'ConsumedEnergyRaw', 'NodeList']
    const lacking = wanted.filter((c) => {
      const key = c.toLowerCase()
      if (has(key)) return false
      if (key === 'alloctres') return !has('allocgres') && !has('reqgres')
      if (key === 'consumedenergyraw') return !has('consumedenergy')
      return true
    })
    if (lacking.length > 0) {
      warnings.push(
        importWarning(
          msg('slurm.lackingColumns', { file: fileName, columns: lacking.join(', '), command: SACCT_COMMAND })
        )
      )
    }
    return found !== undefined
  }

  /** The instant of a Start or End cell, or why it has none. */
  const readTime = (
    text: string,
    row: number,
    field: string,
    rowErrors: ImportError[]
  ): { ms: number; offsetMinutes: number; kind: TimeKind } | 'never' | undefined => {
    if (text === 'Unknown' || text === 'None' || text === '') return 'never'
    const fail = (problem: Message): undefined => {
      rowErrors.push(rowError(row, field, msg('import.cell', { file: fileName, row, field, problem })))
      return undefined
    }
    if (/^\d+$/.test(text)) {
      const ms = Number(text) * 1000
      return Number.isFinite(ms) && ms <= 8.64e15
        ? { ms, offsetMinutes: 0, kind: 'zoned' }
        : fail(msg('cell.outOfRange', { text: clip(text) }))
    }
    const m = DATE_TIME.exec(text)
    if (!m) return fail(msg('cell.notSlurmTime', { text: clip(text) }))
    const [, y, mo, d, h, mi, s, offset] = m
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
    if (
      Number(mo) < 1 ||
      Number(mo) > 12 ||
      Number(h) > 23 ||
      Number(mi) > 59 ||
      Number(s) > 59 ||
      new Date(wall).getUTCDate() !== Number(d)
    ) {
      return fail(msg('cell.notDateTime', { text: clip(text) }))
    }
    if (offset !== undefined) {
      const sign = offset.startsWith('-') ? -1 : 1
      const digits = offset.slice(1).replace(':', '')
      const minutes = offset === 'Z' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
      return { ms: wall - minutes * 60_000, offsetMinutes: minutes, kind: 'zoned' }
    }
    if (zone !== undefined) {
      const ms = zonedWallToMs(zone, wall)
      return { ms, offsetMinutes: offsetMinutesAt(zone, ms), kind: 'local' }
    }
    const fixed = options.timeZoneOffsetMinutes
    if (fixed === undefined) zoneAssumed = true
    return { ms: wall - (fixed ?? 0) * 60_000, offsetMinutes: fixed ?? 0, kind: 'local' }
  }

  const onRecord = (cells: string[], row: number): void => {
    dataRows += 1
    if (missing) return
    const cell = cellReader(cells)
    const jobId = cell('jobid') ?? ''
    if (jobId === '') {
      errors.push(rowError(row, 'JobID', msg('slurm.noJobId', { file: fileName, row })))
      return
    }
    const parts = jobIdParts(jobId)
    if (parts.step !== undefined) {
      if (!stepsOf.has(parts.allocation)) stepsOf.set(parts.allocation, { row, jobId: detach(jobId) })
      return
    }
    const state = stateOf(cell('state') ?? '')
    const startText = cell('start') ?? ''
    const rowErrors: ImportError[] = []
    const cellError = (field: string, problem: Message): void => {
      rowErrors.push(rowError(row, field, msg('import.cell', { file: fileName, row, field, problem })))
    }
    const start = readTime(startText, row, 'Start', rowErrors)
    if (parts.pendingArray || classifyState(state) === 'pending' || start === 'never') {
      if (rowErrors.length === 0) notStarted.push({ row, jobId: detach(jobId) })
      else errors.push(...rowErrors)
      return
    }
    const endText = cell('end') ?? ''
    const end = endText === '' ? 'never' : readTime(endText, row, 'End', rowErrors)

    let elapsedS: number | undefined
    const elapsedRaw = cell('elapsedraw')
    const elapsed = elapsedRaw ?? cell('elapsed') ?? ''
    const elapsedField = elapsedRaw !== undefined ? 'ElapsedRaw' : 'Elapsed'
    const readElapsedCell = elapsedRaw !== undefined ? readElapsedRaw(elapsed) : readElapsed(elapsed)
    if (readElapsedCell.ok) elapsedS = readElapsedCell.value
    else cellError(elapsedField, readElapsedCell.problem)

    let tres: Tres = { gpus: 0, gpuTypes: [] }
    const tresText = cell('alloctres')
    if (tresText !== undefined) {
      const read = readTres(tresText)
      if (read.ok) tres = read.value
      else cellError('AllocTRES', read.problem)
    } else {
      const gpuTypes = readGres(cell('allocgres') ?? cell('reqgres') ?? '')
      tres = { gpus: gpuTypes.reduce((n, t) => n + t.count, 0), gpuTypes: gpuTypes.filter((t) => t.type !== '') }
    }
    const nnodesText = cell('nnodes')
    let nodes = tres.nodes ?? 1
    if (nnodesText !== undefined && nnodesText !== '') {
      if (/^\d+$/.test(nnodesText) && Number(nnodesText) > 0) nodes = Number(nnodesText)
      else cellError('NNodes', msg('cell.notPositiveCount', { text: clip(nnodesText) }))
    }

    if (start !== undefined && typeof end === 'object' && elapsedS !== undefined) {
      const spanS = (end.ms - start.ms) / 1000
      if (spanS < -CLOCK_SLACK_S)
        cellError('End', msg('cell.endBeforeStart', { end: clip(endText), start: clip(startText) }))
      else if (elapsedS > spanS + CLOCK_SLACK_S)
        cellError(elapsedField, msg('cell.elapsedPastEnd', { elapsedS, spanS: Math.round(spanS) }))
    }
    for (const t of [start, end]) {
      if (typeof t !== 'object') continue
      if (timeKind === undefined) timeKind = { kind: t.kind, row }
      else if (timeKind.kind !== t.kind) {
        rowErrors.push(
          rowError(
            row,
            t === start ? 'Start' : 'End',
            msg(t.kind === 'zoned' ? 'slurm.zonedAfterLocal' : 'slurm.localAfterZoned', {
              file: fileName,
              row,
              first: timeKind.row
            })
          )
        )
        break
      }
    }
    if (rowErrors.length > 0 || start === undefined || elapsedS === undefined) {
      errors.push(...rowErrors)
      return
    }

    const energyJ = readEnergy(cell, tres, row, elapsedS, nodes, jobId)
    const allocation: Allocation = {
      row,
      jobId: detach(jobId),
      runId: detach(parts.run),
      het: parts.run !== parts.allocation,
      jobIdRaw: detach(cell('jobidraw') || jobId),
      cluster: detach(cell('cluster') ?? ''),
      name: detach(cell('jobname') ?? ''),
      user: detach(cell('user') ?? ''),
      account: detach(cell('account') ?? ''),
      partition: detach(cell('partition') ?? ''),
      state: state || 'UNKNOWN',
      exitCode: detach(cell('exitcode') ?? ''),
      startMs: start.ms,
      startText: detach(startText),
      offsetMinutes: start.offsetMinutes,
      elapsedS,
      tres,
      ...(energyJ !== undefined ? { energyJ } : {}),
      hosts: expandHostList(cell('nodelist') ?? ''),
      nodes
    }
    // heterogeneous components are one run; other allocations (array tasks, requeued runs) are told apart by Start
    const key = allocation.het
      ? `${allocation.cluster}|${allocation.runId}`
      : `${allocation.cluster}|${jobId}|${startText}`
    const list = allocations.get(key)
    if (list) list.push(allocation)
    else allocations.set(key, [allocation])
  }

  /** Joules of the allocation (ConsumedEnergyRaw, else ConsumedEnergy, else AllocTRES energy=); 0 is "not measured". */
  const readEnergy = (
    cell: (name: string) => string | undefined,
    tres: Tres,
    row: number,
    elapsedS: number,
    nodes: number,
    jobId: string
  ): number | undefined => {
    const raw = cell('consumedenergyraw')
    let joules: number | undefined
    let field = 'ConsumedEnergyRaw'
    const reject = (reason: Message): undefined => {
      warnings.push(
        importWarning(msg('slurm.energyRejected', { file: fileName, row, field, jobId, reason }), row, field)
      )
      return undefined
    }
    if (raw !== undefined) {
      if (raw === '') joules = undefined
      else if (!/^-?\d+$/.test(raw)) return reject(msg('cell.notJoules', { text: clip(raw) }))
      else joules = Number(raw)
    } else if (cell('consumedenergy') !== undefined) {
      field = 'ConsumedEnergy'
      const read = readEnergyWithSuffix(cell('consumedenergy') ?? '')
      if (!read.ok) return reject(read.problem)
      joules = read.value
    } else {
      field = 'AllocTRES'
      joules = tres.energyJ
    }
    if (joules === undefined || joules === 0) return undefined
    if (joules < 0 || joules >= MAX_JOULES) return reject(msg('slurm.energyImpossible', { joules }))
    if (elapsedS === 0) return reject(msg('slurm.energyWithoutTime', { joules }))
    const powerW = joules / elapsedS / nodes
    if (powerW > MAX_NODE_POWER_W) {
      return reject(msg('slurm.energyTooHigh', { joules, powerKW: powerW / 1000, limitKW: MAX_NODE_POWER_W / 1000 }))
    }
    return joules
  }

  const onLine = (text: string, line: number): void => {
    if (text.trim() === '') return
    if (!columns && !missing) {
      if (readHeader(text)) return
      if (missing) return
    }
    if (missing) {
      dataRows += 1
      return
    }
    let fields = text.split(delimiter)
    if (trailing && fields.at(-1) === '') fields.pop()
    if (fields.length < width && held === undefined) {
      held = { text, line }
      return
    }
    const nameIndex = columns?.get('jobname')
    if (fields.length > width && nameIndex !== undefined) {
      // the delimiter inside a job name (sacct does not escape it): the extra fields belong to the name
      const extra = fields.length - width
      fields = [
        ...fields.slice(0, nameIndex),
        fields.slice(nameIndex, nameIndex + extra + 1).join(delimiter),
        ...fields.slice(nameIndex + extra + 1)
      ]
    }
    if (fields.length !== width) {
      dataRows += 1
      errors.push(
        rowError(line, '(row)', msg('slurm.fieldCount', { file: fileName, row: line, fields: fields.length, width }))
      )
      return
    }
    onRecord(fields, line)
  }

  const onPhysicalLine = (raw: string): void => {
    lineNo += 1
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (held !== undefined) {
      const joined = `${held.text}\n${text}`
      const first = held
      held = undefined
      const fields = joined.split(delimiter)
      if (trailing && fields.at(-1) === '') fields.pop()
      if (fields.length === width) {
        onLine(joined, first.line)
        return
      }
      // not a name cut by a newline: the held line is bad on its own
      dataRows += 1
      const count = first.text.split(delimiter).length - (trailing ? 1 : 0)
      errors.push(
        rowError(
          first.line,
          '(row)',
          msg('slurm.fieldCount', { file: fileName, row: first.line, fields: count, width })
        )
      )
    }
    onLine(text, lineNo)
  }

  return {
    push(chunk) {
      const text = rest + chunk
      let from = 0
      let at = text.indexOf('\n')
      while (at !== -1) {
        onPhysicalLine(text.slice(from, at))
        from = at + 1
        at = text.indexOf('\n', from)
      }
      rest = text.slice(from)
    },
    finish() {
      if (rest !== '') onPhysicalLine(rest)
      rest = ''
      if (held !== undefined) {
        const first = held
        held = undefined
        dataRows += 1
        const count = first.text.split(delimiter).length - (trailing ? 1 : 0)
        errors.push(
          rowError(
            first.line,
            '(row)',
            msg('slurm.fieldCount', { file: fileName, row: first.line, fields: count, width })
          )
        )
      }
      if (!columns && !missing) warnings.push(importWarning(msg('import.empty', { file: fileName })))
      else if (dataRows === 0 && !missing) warnings.push(importWarning(msg('import.noDataRows', { file: fileName })))
      if (zoneAssumed) warnings.push(importWarning(utcAssumedWarning(fileName), undefined, 'Start'))
      if (notStarted.length > 0) {
        warnings.push(
          importWarning(
            msg('slurm.notStarted', {
              file: fileName,
              count: notStarted.length,
              jobs: notStarted
                .slice(0, 10)
                .map((j) => `${j.jobId} (row ${j.row})`)
                .join(', ')
            })
          )
        )
      }
      const seen = new Set<string>()
      for (const list of allocations.values()) for (const a of list) seen.add(a.jobId)
      const stepsAlone = [...stepsOf.entries()].filter(([allocation]) => !seen.has(allocation))
      for (const [, step] of stepsAlone) {
        warnings.push(
          importWarning(
            msg('slurm.stepWithoutJob', { file: fileName, row: step.row, jobId: step.jobId }),
            step.row,
            'JobID'
          )
        )
      }

      const all = [...allocations.values()].flat()
      const shares = allocationShares(all.map(nodeUseOf))
      const runs: ImportedRun[] = []
      const partitionsUnset = new Set<string>()
      for (const list of allocations.values()) {
        runs.push(buildRun(list, shares, options, partitionsUnset))
      }
      if (partitionsUnset.size > 0) {
        warnings.push(
          importWarning(msg('slurm.partitionsUnset', { file: fileName, partitions: [...partitionsUnset].join(', ') }))
        )
      }
      errors.sort((a, b) => a.row - b.row)
      const skippedRows = missing ? dataRows : distinctRows(errors)
      return {
        format: 'slurm',
        fileName,
        rows: dataRows,
        skippedRows,
        runs,
        errors,
        warnings,
        ...(partitionsUnset.size > 0 ? { partitionsUnset: [...partitionsUnset] } : {})
      }
    }
  }
}

function nodeUseOf(a: Allocation): NodeUse {
  return {
    id: `${a.cluster}|${a.jobId}|${a.startText}`,
    jobId: a.jobId,
    hosts: a.hosts,
    startMs: a.startMs,
    endMs: a.startMs + a.elapsedS * 1000,
    gpus: a.tres.gpus,
    cpus: a.tres.cpus ?? 0,
    measured: a.energyJ !== undefined
  }
}

/** One ledger run of a job's allocation rows (several for a heterogeneous job). */
function buildRun(
  list: Allocation[],
  shares: Map<string, { share: number; by: 'gpus' | 'cpus'; sharedWith: string[] }>,
  options: ImportOptions,
  partitionsUnset: Set<string>
): ImportedRun {
  const first = list.reduce((a, b) => (b.jobId < a.jobId ? b : a))
  const startMs = Math.min(...list.map((a) => a.startMs))
  const earliest = list.find((a) => a.startMs === startMs) ?? first
  const durationS = Math.max(...list.map((a) => (a.startMs - startMs) / 1000 + a.elapsedS))
  const warnings: Message[] = []
  const devices: DeviceInput[] = []
  let memoryGB: number | undefined
  let energyJ: number | undefined = 0
  let recordedJ = 0
  const notes: string[] = []
  let location: LocationInput | undefined
  for (const a of list) {
    const setting: SlurmPartition | undefined = options.slurmPartitions?.[a.partition]
    if (!setting || (setting.gpu === undefined && a.tres.gpus > 0) || setting.location === undefined) {
      partitionsUnset.add(a.partition || '(none)')
    }
    addDevices(devices, a, setting, options, warnings)
    if (setting?.gpu !== undefined || setting?.cpu !== undefined || setting?.location !== undefined) {
      const given = [
        setting.gpu && `GPU ${setting.gpu}`,
        setting.cpu && `CPU ${setting.cpu}`,
        setting.location && 'location'
      ]
      notes.push(`Partition ${a.partition}: ${given.filter(Boolean).join(', ')} from the lab's partition mapping.`)
    }
    if (a.tres.memoryGB !== undefined) memoryGB = (memoryGB ?? 0) + a.tres.memoryGB
    location ??= setting?.location
    if (a.energyJ === undefined || energyJ === undefined) energyJ = undefined
    else {
      const id = `${a.cluster}|${a.jobId}|${a.startText}`
      const shared = shares.get(id)
      recordedJ += a.energyJ
      if (shared && shared.share < 1) {
        energyJ += a.energyJ * shared.share
        warnings.push(
          msg('slurm.sharedNode', {
            jobId: a.jobId,
            others: shared.sharedWith.join(', '),
            share: shared.share * 100,
            by: msg(shared.by === 'gpus' ? 'slurm.byGpus' : 'slurm.byCpus'),
            recordedKWh: a.energyJ / 3.6e6
          })
        )
      } else energyJ += a.energyJ
    }
    notes.push(
      `Slurm job ${a.jobId} (JobIDRaw ${a.jobIdRaw}${a.cluster ? `, cluster ${a.cluster}` : ''}): partition ${a.partition || '-'}, ` +
        `${a.nodes} node(s) ${a.hosts.join(',') || '-'}, ${a.tres.cpus ?? '?'} CPUs, ${a.tres.gpus} GPUs` +
        `${a.tres.gpuTypes.length ? ` (${a.tres.gpuTypes.map((t) => `${t.count} ${t.type}`).join(', ')})` : ''}, ` +
        `${a.tres.memoryGB ?? '?'} GB memory, state ${a.state}, exit ${a.exitCode || '-'}, ` +
        `ConsumedEnergyRaw ${a.energyJ === undefined ? 'not measured' : `${a.energyJ} J`}`
    )
  }
  if (energyJ !== undefined && list.length > 1 && list.some((a) => a.energyJ === undefined)) energyJ = undefined
  if (energyJ === undefined && recordedJ > 0) warnings.push(msg('slurm.energyPartial'))
  if (energyJ === undefined && recordedJ === 0) warnings.push(msg('slurm.noEnergy'))
  if (energyJ !== undefined && energyJ < recordedJ) {
    notes.push(`Recorded node energy ${recordedJ} J; the job's allocated share ${Math.round(energyJ)} J is used.`)
  }
  const bad = list.find((a) => classifyState(a.state) === 'unsuccessful')
  const going = list.find((a) => classifyState(a.state) === 'in-progress')
  const state = (bad ?? going ?? list.find((a) => a.state !== 'COMPLETED') ?? first).state
  if (going) warnings.push(msg('slurm.inProgress', { state: going.state }))
  const cluster = first.cluster ? `${first.cluster}:` : ''
  const externalId = `slurm:${cluster}${list.length > 1 ? first.runId : first.jobIdRaw}@${earliest.startText}`
  const input: RunInput = {
    kind: slurmJobKind(first.name),
    title: (first.name || `Slurm job ${first.runId}`).slice(0, MAX_TITLE_CHARS),
    project: first.account.slice(0, MAX_NAME_CHARS),
    person: first.user.slice(0, MAX_NAME_CHARS),
    startedAt: toIso(startMs, earliest.offsetMinutes),
    durationS,
    devices,
    ...(memoryGB !== undefined ? { memoryGB } : {}),
    location: location ?? { kind: 'unknown' },
    ...(energyJ !== undefined ? { measuredEnergyKWh: energyJ / 3.6e6 } : {}),
    measuredEnergyIncludesPue: false,
    tags: [],
    outcome: { state, successful: bad === undefined },
    notes: notes.join('\n').slice(0, 10_000),
    source: { kind: 'slurm', fileName: options.fileName, externalId, jobId: first.runId }
  }
  return { externalId, row: first.row, input, emissionsSource: 'computed', ...runWarnings(warnings) }
}

/** The allocation's GPUs and CPUs as devices, merged with those of the run's other components. */
function addDevices(
  devices: DeviceInput[],
  a: Allocation,
  setting: SlurmPartition | undefined,
  options: ImportOptions,
  warnings: Message[]
): void {
  const add = (device: DeviceInput): void => {
    const same = devices.find(
      (d) => d.kind === device.kind && d.name === device.name && d.hardwareId === device.hardwareId
    )
    if (!same) devices.push(device)
    else {
      same.count += device.kind === 'cpu' ? 0 : device.count
      if (device.cores !== undefined) same.cores = (same.cores ?? 0) + device.cores
    }
  }
  if (a.tres.gpus > 0) {
    if (setting?.gpu !== undefined) add(importedDevice('gpu', setting.gpu, a.tres.gpus, options, warnings))
    else if (a.tres.gpuTypes.length > 0 && a.tres.gpuTypes.reduce((n, t) => n + t.count, 0) === a.tres.gpus) {
      for (const t of a.tres.gpuTypes) if (t.count > 0) add(importedDevice('gpu', t.type, t.count, options, warnings))
    } else add({ kind: 'gpu', name: `GPU (partition ${a.partition || '-'})`, count: a.tres.gpus, utilization: 1 })
  }
  if (a.tres.cpus !== undefined && a.tres.cpus > 0) {
    if (setting?.cpu !== undefined)
      add(importedDevice('cpu', setting.cpu, 1, options, warnings, { cores: a.tres.cpus }))
    else
      add({ kind: 'cpu', name: `CPU (partition ${a.partition || '-'})`, count: 1, utilization: 1, cores: a.tres.cpus })
  }
}
