import { useState } from 'react'
import type { WatchedFoldersApi, WatchOverview } from '../../../../shared/host-api'
import type { SlurmPartition } from '../../../../shared/import/types'
import type { WatchedFolder } from '../../../../shared/watch/schema'
import { useAsync } from '../../app/useAsync'
import { PartitionForm } from '../../components/PartitionForm'
import { TimeZonePicker } from '../../components/TimeZonePicker'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'

/**
 * A watched folder's own zone and Slurm partitions, edited in place (main keeps them in its state file). Where the
 * folder sets none, the lab's (Settings › Cluster partitions) apply. Files imported from now on use them.
 */
export function FolderSettings({
  folder,
  watched,
  act
}: {
  folder: WatchedFolder
  watched: WatchedFoldersApi
  act: (action: () => Promise<WatchOverview | null>) => Promise<void>
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const catalogue = useAsync(loadCatalogue, [])
  const partitions = folder.slurmPartitions ?? {}
  const save = (timeZone: string | undefined, next: Record<string, SlurmPartition>) =>
    act(() =>
      watched.update(folder.id, {
        timeZone: timeZone ?? null,
        slurmPartitions: Object.keys(next).length > 0 ? next : null
      })
    )
  const idBase = `folder-${folder.id}`
  if (!open)
    return (
      <button type="button" aria-label={t('watch.editFolder', { folder: folder.path })} onClick={() => setOpen(true)}>
        {t('watch.edit')}
      </button>
    )
  const adding = name.trim()
  return (
    <div className="folder-settings" role="group" aria-label={t('watch.folderSettings', { folder: folder.path })}>
      <TimeZonePicker
        id={`${idBase}-zone`}
        label={t('watch.timeZone')}
        value={folder.timeZone}
        onChange={(zone) => void save(zone, partitions)}
      />
      <p className="muted">{t('watch.partitionsHint')}</p>
      {Object.keys(partitions).length > 0 && (
        <ul aria-label={t('watch.partitions', { folder: folder.path })}>
          {Object.entries(partitions).map(([partition, setting]) => (
            <li key={partition}>
              <span className="tag">{partition}</span> {setting.gpu ?? t('cluster.gpuFromSlurm')}{' '}
              <button
                type="button"
                aria-label={t('cluster.removePartition', { partition })}
                onClick={() => {
                  const { [partition]: _gone, ...rest } = partitions
                  void save(folder.timeZone, rest)
                }}
              >
                {t('cluster.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${idBase}-partition`}>{t('cluster.newPartition')}</label>
        <input id={`${idBase}-partition`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {adding !== '' && (
        <PartitionForm
          key={adding}
          partition={adding}
          initial={partitions[adding]}
          catalogue={catalogue.data}
          onSave={(setting) => {
            setName('')
            void save(folder.timeZone, { ...partitions, [adding]: setting })
          }}
        />
      )}
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.close')}
      </button>
    </div>
  )
}
