import { useState } from 'react'
import type { LocationInput } from '../../../../shared/domain/run'
import type { ClusterSettings as Cluster } from '../../../../shared/import/cluster'
import type { SlurmPartition } from '../../../../shared/import/types'
import { type NoticeText, useNotify } from '../../app/Notices'
import { PartitionForm } from '../../components/PartitionForm'
import { LoadStatus } from '../../components/Status'
import { TimeZonePicker } from '../../components/TimeZonePicker'
import { useI18n } from '../../i18n/I18nProvider'
import { locationName } from '../../i18n/location-names'
import type { Catalogue } from '../../ledger/engine'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'

/**
 * Settings › Cluster partitions: what the lab set once for its Slurm cluster (each partition's GPU model and location,
 * the person behind each Slurm user, the zone sacct runs in), applied to every later sacct import and watched
 * folder. Changes apply to later imports; a removal can be undone.
 */
export function ClusterSettings({ catalogue }: { catalogue?: Catalogue }) {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const notify = useNotify()
  const cluster = useLedgerQuery(({ ledger }) => ledger.settings.getCluster(), [])
  const [editing, setEditing] = useState<string | undefined>()
  const [newName, setNewName] = useState('')
  const [user, setUser] = useState('')
  const [person, setPerson] = useState('')

  const save = async (next: Cluster, message: NoticeText, previous?: Cluster) => {
    try {
      await ledger.settings.setCluster(next)
      notify({
        message,
        ...(previous
          ? {
              undo: async () => {
                await ledger.settings.setCluster(previous)
              }
            }
          : {})
      })
    } catch (err) {
      notify({ message: (i) => i.t('settings.invalid', { message: i.error(err) }), tone: 'error' })
    }
  }
  const locationText = (l: LocationInput | undefined): string => {
    if (!l || l.kind === 'unknown') return t('cluster.locationUnset')
    if (l.kind === 'custom') return `${l.label} (${i18n.num(l.intensityGPerKWh)} g/kWh)`
    const entry = catalogue?.resolveLocation(catalogue.ref, l)
    if (entry) return locationName(entry.id, entry.name, i18n.language)
    return l.kind === 'country' ? l.code : l.kind === 'zone' ? l.zone : `${l.provider} ${l.region}`
  }

  return (
    <section id="settings-cluster" className="card settings-block" aria-labelledby="cluster-settings-title">
      <h2 id="cluster-settings-title">{t('cluster.settingsTitle')}</h2>
      <p className="muted">{t('cluster.settingsHint')}</p>
      <LoadStatus state={cluster}>
        {cluster.data &&
          (() => {
            const c = cluster.data
            const partitions = Object.entries(c.partitions).sort(([a], [b]) => a.localeCompare(b))
            const people = Object.entries(c.people).sort(([a], [b]) => a.localeCompare(b))
            const setPartition = (name: string, setting: SlurmPartition) => {
              setEditing(undefined)
              void save({ ...c, partitions: { ...c.partitions, [name]: setting } }, (i) =>
                i.t('cluster.partitionSaved', { partition: name })
              )
            }
            const adding = newName.trim()
            return (
              <>
                <TimeZonePicker
                  id="cluster-zone"
                  label={t('cluster.defaultZone')}
                  value={c.timeZone}
                  onChange={(timeZone) => {
                    const { timeZone: _old, ...rest } = c
                    void save(timeZone ? { ...rest, timeZone } : rest, (i) => i.t('cluster.zoneSaved'))
                  }}
                />
                <h3>{t('cluster.partitions')}</h3>
                {partitions.length === 0 ? (
                  <p className="muted">{t('cluster.noPartitions')}</p>
                ) : (
                  <table aria-label={t('cluster.partitions')}>
                    <thead>
                      <tr>
                        <th>{t('cluster.partition')}</th>
                        <th>{t('cluster.gpuModel')}</th>
                        <th>{t('cluster.location')}</th>
                        <th>
                          <span className="visually-hidden">{t('import.col.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {partitions.map(([name, p]) => (
                        <tr key={name}>
                          <td>{name}</td>
                          <td>{p.gpu ?? t('cluster.gpuFromSlurm')}</td>
                          <td>{locationText(p.location)}</td>
                          <td>
                            <button
                              type="button"
                              aria-label={t('cluster.editPartition', { partition: name })}
                              onClick={() => setEditing(name)}
                            >
                              {t('common.edit')}
                            </button>{' '}
                            <button
                              type="button"
                              aria-label={t('cluster.removePartition', { partition: name })}
                              onClick={() => {
                                const { [name]: _gone, ...rest } = c.partitions
                                void save(
                                  { ...c, partitions: rest },
                                  (i) => i.t('cluster.partitionRemoved', { partition: name }),
                                  c
                                )
                              }}
                            >
                              {t('cluster.remove')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {editing !== undefined && c.partitions[editing] && (
                  <PartitionForm
                    key={editing}
                    partition={editing}
                    initial={c.partitions[editing]}
                    catalogue={catalogue}
                    onSave={(setting) => setPartition(editing, setting)}
                    onCancel={() => setEditing(undefined)}
                  />
                )}
                <div className="field">
                  <label htmlFor="cluster-new-partition">{t('cluster.newPartition')}</label>
                  <input id="cluster-new-partition" value={newName} onChange={(e) => setNewName(e.target.value)} />
                </div>
                {adding !== '' && (
                  <PartitionForm
                    key={`new-${adding}`}
                    partition={adding}
                    initial={c.partitions[adding]}
                    catalogue={catalogue}
                    onSave={(setting) => {
                      setNewName('')
                      setPartition(adding, setting)
                    }}
                  />
                )}

                <h3>{t('cluster.people')}</h3>
                {people.length === 0 ? (
                  <p className="muted">{t('cluster.noPeople')}</p>
                ) : (
                  <table aria-label={t('cluster.people')}>
                    <thead>
                      <tr>
                        <th>{t('cluster.slurmUser')}</th>
                        <th>{t('cluster.person')}</th>
                        <th>
                          <span className="visually-hidden">{t('import.col.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {people.map(([u, p]) => (
                        <tr key={u}>
                          <td>{u}</td>
                          <td>{p}</td>
                          <td>
                            <button
                              type="button"
                              aria-label={t('cluster.removeUser', { user: u })}
                              onClick={() => {
                                const { [u]: _gone, ...rest } = c.people
                                void save({ ...c, people: rest }, (i) => i.t('cluster.userRemoved', { user: u }), c)
                              }}
                            >
                              {t('cluster.remove')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <form
                  className="row"
                  aria-label={t('cluster.addUser')}
                  onSubmit={(e) => {
                    e.preventDefault()
                    if (user.trim() === '' || person.trim() === '') return
                    void save({ ...c, people: { ...c.people, [user.trim()]: person.trim() } }, (i) =>
                      i.t('cluster.userSaved', { user: user.trim(), person: person.trim() })
                    )
                    setUser('')
                    setPerson('')
                  }}
                >
                  <div className="field">
                    <label htmlFor="cluster-user">{t('cluster.slurmUser')}</label>
                    <input id="cluster-user" value={user} onChange={(e) => setUser(e.target.value)} />
                  </div>
                  <div className="field">
                    <label htmlFor="cluster-person">{t('cluster.person')}</label>
                    <input id="cluster-person" value={person} onChange={(e) => setPerson(e.target.value)} />
                  </div>
                  <button type="submit" disabled={user.trim() === '' || person.trim() === ''}>
                    {t('cluster.addUser')}
                  </button>
                </form>
              </>
            )
          })()}
      </LoadStatus>
    </section>
  )
}
