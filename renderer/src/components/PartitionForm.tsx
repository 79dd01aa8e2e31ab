import { useMemo, useState } from 'react'
import type { LocationInput } from '../../../shared/domain/run'
import type { SlurmPartition } from '../../../shared/import/types'
import { useI18n } from '../i18n/I18nProvider'
import type { Catalogue } from '../ledger/engine'
import { Field } from './Field'
import { LocationPicker, type LocationPickerFields } from './LocationPicker'

/** The location as the lab chose it, or undefined while it is incomplete (no entry picked yet). */
function locationOf(
  fields: LocationPickerFields,
  parse: (text: string) => number | undefined
): LocationInput | undefined {
  const l = fields.location
  if (l.kind === 'unknown') return undefined
  if (l.kind === 'custom') {
    const intensity = parse(fields.customIntensity)
    return intensity === undefined || intensity < 0
      ? undefined
      : { kind: 'custom', intensityGPerKWh: intensity, label: fields.customLabel.trim() || 'custom' }
  }
  if (l.kind === 'country') return l.code ? l : undefined
  if (l.kind === 'zone') return l.zone ? l : undefined
  return l.provider && l.region ? l : undefined
}

/**
 * What the lab sets once for a Slurm partition: the GPU model of its nodes (from the catalogue, searchable) and
 * where they are. Shared by the Import preview (a partition seen for the first time) and Settings › Cluster.
 */
export function PartitionForm({
  partition,
  initial,
  catalogue,
  onSave,
  onCancel
}: {
  partition: string
  initial?: SlurmPartition
  catalogue?: Catalogue
  onSave: (setting: SlurmPartition) => void
  onCancel?: () => void
}) {
  const i18n = useI18n()
  const { t } = i18n
  const idPrefix = `partition-${partition.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const [gpu, setGpu] = useState(initial?.gpu ?? '')
  const [cpu, setCpu] = useState(initial?.cpu ?? '')
  const [fields, setFields] = useState<LocationPickerFields>(() => ({
    location: initial?.location ?? { kind: 'country', code: '' },
    customIntensity: initial?.location?.kind === 'custom' ? i18n.num(initial.location.intensityGPerKWh) : '',
    customLabel: initial?.location?.kind === 'custom' ? initial.location.label : ''
  }))
  const gpus = useMemo(
    () => (catalogue ? catalogue.searchHardware(catalogue.ref, gpu, 'gpu', 40).map((h) => h.name) : []),
    [catalogue, gpu]
  )
  const cpus = useMemo(
    () => (catalogue ? catalogue.searchHardware(catalogue.ref, cpu, 'cpu', 40).map((h) => h.name) : []),
    [catalogue, cpu]
  )
  const location = locationOf(fields, i18n.parse)
  const save = () =>
    onSave({
      ...(gpu.trim() !== '' ? { gpu: gpu.trim() } : {}),
      ...(cpu.trim() !== '' ? { cpu: cpu.trim() } : {}),
      ...(location ? { location } : {})
    })
  return (
    <form
      className="partition-form"
      aria-label={t('cluster.partitionForm', { partition })}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
    >
      <div className="fields">
        <Field id={`${idPrefix}-gpu`} label={t('cluster.gpuModel')} hint={t('cluster.gpuHint')}>
          {(p) => (
            <>
              <input {...p} list={`${idPrefix}-gpus`} value={gpu} onChange={(e) => setGpu(e.target.value)} />
              <datalist id={`${idPrefix}-gpus`}>
                {gpus.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id={`${idPrefix}-cpu`} label={t('cluster.cpuModel')} hint={t('cluster.cpuHint')}>
          {(p) => (
            <>
              <input {...p} list={`${idPrefix}-cpus`} value={cpu} onChange={(e) => setCpu(e.target.value)} />
              <datalist id={`${idPrefix}-cpus`}>
                {cpus.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <LocationPicker
        fields={fields}
        set={(patch) => setFields((f) => ({ ...f, ...patch }))}
        catalogue={catalogue}
        errors={() => undefined}
        idPrefix={`${idPrefix}-loc`}
        kindLabel={t('cluster.locationKind')}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={gpu.trim() === '' && cpu.trim() === '' && !location}>
          {t('cluster.savePartition', { partition })}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
