import type { ReactNode } from 'react'
import type { AsyncState } from '../app/useAsync'
import { useI18n } from '../i18n/I18nProvider'

/** The loading and error lines every screen shows in the same place, so content does not jump when data arrives. */
export function LoadStatus<T>({ state, children }: { state: AsyncState<T>; children?: ReactNode }) {
  const { t, error: errorText } = useI18n()
  if (state.status === 'error')
    return (
      <p role="alert" className="screen-status error">
        {errorText(state.error)}
      </p>
    )
  if (state.status === 'loading' && state.data === undefined)
    return (
      <p role="status" className="screen-status">
        {t('common.loading')}
      </p>
    )
  return <>{children}</>
}
