import { useI18n } from '../../i18n/I18nProvider'
import type { FileState } from './file-state'

/**
 * CodeCarbon rows that look like the ranks of one distributed run: merge them into one run or keep them apart, each
 * choice with the measured energy it stores. In machine mode every rank measured the whole machine, so apart they
 * count it once per rank.
 */
export function RankChoices({
  file,
  onChoose
}: {
  file: FileState
  onChoose: (groupId: string, merge: boolean) => void
}) {
  const i18n = useI18n()
  const { t } = i18n
  const groups = file.rankGroups ?? []
  if (groups.length === 0 || file.phase === 'committing' || file.phase === 'committed') return null
  const busy = file.phase !== 'ready'
  const energy = (kWh: number | undefined) => (kWh === undefined ? t('ranks.notMeasured') : i18n.kWh(kWh))
  const titleId = `ranks-${file.key}`
  return (
    <section className="rank-choices" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('ranks.title')}</h3>
      <p className="muted">{t('ranks.hint')}</p>
      {groups.map((g) => {
        const merged = (file.mergeIds ?? []).includes(g.id)
        const name = t('ranks.group', { project: g.project || t('import.noProjectName'), ranks: g.ranks.length })
        return (
          <fieldset key={g.id}>
            <legend>
              {name} · {t(g.trackingMode === 'machine' ? 'ranks.machine' : 'ranks.process')}
            </legend>
            <label>
              <input
                type="radio"
                name={`${titleId}-${g.id}`}
                checked={merged}
                disabled={busy}
                onChange={() => onChoose(g.id, true)}
              />{' '}
              {t('ranks.merge', { energy: energy(g.mergedKWh) })}
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-${g.id}`}
                checked={!merged}
                disabled={busy}
                onChange={() => onChoose(g.id, false)}
              />{' '}
              {i18n.plural('ranks.apart', g.ranks.length, { energy: energy(g.apartKWh) })}
            </label>
          </fieldset>
        )
      })}
    </section>
  )
}
