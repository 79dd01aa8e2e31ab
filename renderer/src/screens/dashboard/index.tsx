import { useEffect } from 'react'
import { dashboardMemory, dashboardPeriodOf } from '../../app/period'
import type { ScreenProps } from '../../app/screens'
import { Figures } from '../../components/Figures'
import { PeriodPicker } from '../../components/PeriodPicker'
import { useI18n } from '../../i18n/I18nProvider'
import { Restatements } from './Restatements'
import { Waste } from './Waste'

export default function Dashboard({ query }: ScreenProps) {
  const { t } = useI18n()
  const period = dashboardPeriodOf(query, Date.now(), dashboardMemory.get())
  useEffect(() => dashboardMemory.set(period), [period])
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <PeriodPicker period={period} path="/" />
      <Restatements />
      <Figures period={period} />
      <Waste period={period} />
    </section>
  )
}
