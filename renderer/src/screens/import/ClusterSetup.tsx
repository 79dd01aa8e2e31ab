import { useState } from 'react'
import type { SlurmPartition } from '../../../../shared/import'
import { PartitionForm } from '../../components/PartitionForm'
import { TimeZonePicker } from '../../components/TimeZonePicker'
import { useI18n } from '../../i18n/I18nProvider'
import type { Catalogue } from '../../ledger/engine'
import type { FileState } from './file-state'

/**
 * A sacct export's choices in its preview: the zone the cluster wrote its times in (per import, the last one
 * offered first), and the hardware and location of each partition the lab has not set yet (remembered once set).
 */
export function ClusterSetup({
  file,
  catalogue,
  onTimeZone,
  onPartition
}: {
  file: FileState
  catalogue?: Catalogue
  onTimeZone: (timeZone: string | undefined) => void
  onPartition: (partition: string, setting: SlurmPartition) => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState<string | undefined>()
  if (file.parsed?.format !== 'slurm' || file.phase === 'committing' || file.phase === 'committed') return null
  const busy = file.phase !== 'ready' && file.phase !== 'failed'
  const unset = (file.parsed.partitionsUnset ?? []).filter((p) => p !== '(none)')
  const titleId = `cluster-${file.key}`
  return (
    <section className="cluster-setup" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('cluster.title')}</h3>
      <TimeZonePicker
        id={`zone-${file.key}`}
        label={t('cluster.zone')}
        value={file.timeZone}
        disabled={busy}
        onChange={onTimeZone}
      />
      {file.clockRemembered && <p className="hint">{t('import.zoneRemembered')}</p>}
      {unset.length > 0 && (
        <>
          <p>{t('cluster.unsetHint')}</p>
          <ul className="partition-list">
            {unset.map((partition) => (
              <li key={partition}>
                <span className="tag">{partition}</span>{' '}
                {open === partition ? (
                  <PartitionForm
                    partition={partition}
                    catalogue={catalogue}
                    onSave={(setting) => {
                      setOpen(undefined)
                      onPartition(partition, setting)
                    }}
                    onCancel={() => setOpen(undefined)}
                  />
                ) : (
                  <button type="button" disabled={busy} onClick={() => setOpen(partition)}>
                    {t('cluster.setPartition', { partition })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
