import { loadReferenceData, searchHardware, searchLocations } from '../../../shared/refdata'
import { UsageError } from '../args'
import { type Command, writeJson } from '../command'

const usage = `
usage: data [--hardware QUERY | --locations QUERY] [--json]

Shows the reference data's version, tables, sources and licences; or searches the hardware catalogue or the locations.
`

export const data: Command = {
  name: 'data',
  summary: 'reference data: version, tables, sources and licences; search hardware and locations',
  usage,
  booleanFlags: [],
  async run(positionals, flags, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    flags.exclusive('hardware', 'locations')
    const hardwareQuery = flags.string('hardware')
    const locationQuery = flags.string('locations')
    const json = flags.boolean('json')
    flags.rejectUnknown()
    const ref = loadReferenceData()
    if (hardwareQuery !== undefined || locationQuery !== undefined) {
      const found =
        hardwareQuery !== undefined
          ? searchHardware(ref, hardwareQuery, undefined, 20).map((e) => ({
              id: e.id,
              name: e.name,
              kind: e.kind,
              tdpW: e.tdpW
            }))
          : searchLocations(ref, locationQuery ?? '', 20).map((e) => ({ id: e.id, name: e.name, kind: e.kind }))
      if (json) writeJson(io, found)
      else if (found.length === 0) io.stdout(`Nothing matches '${hardwareQuery ?? locationQuery}'.\n`)
      else io.stdout(found.map((f) => `${f.id}\t${f.name}${'tdpW' in f ? `\t${f.tdpW} W` : ''}`).join('\n') + '\n')
      return
    }
    const count = (kind: string) => ref.hardware.filter((h) => h.kind === kind).length
    const tables = {
      gpus: count('gpu'),
      cpus: count('cpu'),
      tpus: count('tpu'),
      countries: ref.locations.filter((l) => l.kind === 'country').length,
      zones: ref.locations.filter((l) => l.kind === 'zone').length,
      cloudRegions: ref.locations.filter((l) => l.kind === 'cloud').length
    }
    const doc = {
      dataVersion: ref.manifest.dataVersion,
      tables,
      sources: ref.manifest.sources,
      generatedFrom: ref.manifest.generatedFrom
    }
    if (json) {
      writeJson(io, doc)
      return
    }
    io.stdout(
      [
        `Reference data ${doc.dataVersion}`,
        `Tables: ${Object.entries(tables)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
        '',
        'Sources:',
        ...doc.sources.map((s) => `  ${s.title} (${s.licence ?? 'licence unknown'})\n    ${s.attribution}`),
        ''
      ].join('\n')
    )
  }
}
