import { describe, expect, it } from 'vitest'
import { catalogueMatcher, createImporter } from '../../../shared/import'
import type { HardwareEntry } from '../../../shared/refdata/schema'
import { importFixture } from './support'

const a100: HardwareEntry = {
  id: 'gpu:nvidia-a100-sxm4-40gb',
  kind: 'gpu',
  name: 'NVIDIA A100-SXM4-40GB',
  vendor: 'NVIDIA',
  tdpW: 400,
  aliases: [],
  sourceIds: ['test']
}
const epyc: HardwareEntry = {
  id: 'cpu:amd-epyc-7742',
  kind: 'cpu',
  name: 'AMD EPYC 7742 64-Core Processor',
  vendor: 'AMD',
  tdpW: 225,
  aliases: [],
  sourceIds: ['test']
}

describe('catalogueMatcher', () => {
  const match = catalogueMatcher({ hardware: [a100, epyc] })

  it('adapts the catalogue lookup to the importers', () => {
    expect(match('NVIDIA A100-SXM4-40GB', 'gpu')).toEqual({ id: a100.id, name: a100.name, confidence: 1 })
    expect(match('NVIDIA A100-SXM4-40GB', 'cpu')).toBeUndefined()
  })

  it('gives the imported devices their catalogue ids', () => {
    const result = importFixture('codecarbon/layout-H7.csv', { matchHardware: match })
    expect(result.runs[0]?.input.devices.map((d) => d.hardwareId)).toEqual([epyc.id, a100.id])
    expect(result.runs[0]?.warnings).toEqual([])
  })

  it('asks the matcher once per model and kind in an import', () => {
    const asked: string[] = []
    const importer = createImporter('codecarbon', {
      fileName: 'm.csv',
      matchHardware: (text, kind) => {
        asked.push(`${kind}:${text}`)
        return undefined
      }
    })
    importer.push(
      'timestamp,run_id,duration,cpu_model\n2025-01-01T00:00:00,a,1,Xeon\n2025-01-01T00:00:00,b,1,Xeon\n2025-01-01T00:00:00,c,1,EPYC\n'
    )
    importer.finish()
    expect(asked).toEqual(['cpu:Xeon', 'cpu:EPYC'])
  })
})
