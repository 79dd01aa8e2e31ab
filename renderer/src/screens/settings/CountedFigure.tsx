import { type FormEvent, useState } from 'react'
import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { useNotify } from '../../app/Notices'
import { useI18n } from '../../i18n/I18nProvider'
import { useSaveLab } from './form-hooks'

type Counted = LabDefaults['countedEmissions']
const CHOICES: Counted[] = ['recomputed', 'reported']

/**
 * Which emissions the ledger counts for runs whose file reported its own (issue 11; shared/emissions/counted.ts):
 * a lab default, so saving it recomputes the runs like the others, and Undo puts the previous choice back.
 */
export function CountedFigure({ lab }: { lab: LabDefaults }) {
  const { t } = useI18n()
  const notify = useNotify()
  const save = useSaveLab()
  const [choice, setChoice] = useState<Counted>(lab.countedEmissions)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const before = lab
    await save({ ...lab, countedEmissions: choice })
    notify({
      message: (i) => i.t('settings.counted.saved', { choice: i.t(`settings.counted.${choice}`) }),
      undo: () => save(before)
    })
  }
  return (
    <form
      id="settings-counted"
      className="card settings-block"
      aria-labelledby="counted-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="counted-title">{t('settings.counted.title')}</h2>
      <p className="muted">{t('settings.counted.hint')}</p>
      <fieldset className="plain">
        <legend className="visually-hidden">{t('settings.counted.title')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="radio">
            <input type="radio" name="counted" checked={choice === c} onChange={() => setChoice(c)} />
            {t(`settings.counted.${c}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={choice === lab.countedEmissions}>
        {t('common.save')}
      </button>
    </form>
  )
}
