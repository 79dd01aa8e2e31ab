import { lazy, type ComponentType } from 'react'
import type { MessageKey } from '../i18n/en'

/**
 * Every screen of the app, one line each. A screen is loaded on first visit (its own chunk), receives the path's
 * parameters and the query, and appears in the navigation when it has a nav label. First match wins.
 */
export interface ScreenProps {
  params: Record<string, string>
  query: URLSearchParams
}

export interface Screen {
  path: string
  title: MessageKey
  nav?: boolean
  component: ComponentType<ScreenProps>
}

export const screens: Screen[] = [
  { path: '/', title: 'nav.dashboard', nav: true, component: lazy(() => import('../screens/Dashboard')) },
  { path: '/runs', title: 'nav.runs', nav: true, component: lazy(() => import('../screens/Runs')) },
  { path: '/runs/new', title: 'nav.newRun', nav: true, component: lazy(() => import('../screens/RunForm')) },
  { path: '/runs/:id/:mode', title: 'form.editTitle', component: lazy(() => import('../screens/RunForm')) },
  { path: '/compare', title: 'nav.compare', nav: true, component: lazy(() => import('../screens/Compare')) },
  { path: '/projects', title: 'nav.projects', nav: true, component: lazy(() => import('../screens/Projects')) },
  { path: '/projects/:id', title: 'nav.projects', component: lazy(() => import('../screens/Project')) },
  { path: '/import', title: 'nav.import', nav: true, component: lazy(() => import('../screens/Import')) },
  { path: '/reports', title: 'nav.reports', nav: true, component: lazy(() => import('../screens/Reports')) },
  { path: '/settings', title: 'nav.settings', nav: true, component: lazy(() => import('../screens/Settings')) },
  { path: '/about', title: 'nav.about', nav: true, component: lazy(() => import('../screens/About')) }
]
