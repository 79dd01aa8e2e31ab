import { type ComponentType, lazy } from 'react'
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
  { path: '/', title: 'nav.dashboard', nav: true, component: lazy(() => import('../screens/dashboard')) },
  { path: '/runs', title: 'nav.runs', nav: true, component: lazy(() => import('../screens/runs')) },
  { path: '/runs/new', title: 'nav.newRun', nav: true, component: lazy(() => import('../screens/run-form')) },
  { path: '/runs/:id/:mode', title: 'form.editTitle', component: lazy(() => import('../screens/run-form')) },
  { path: '/compare', title: 'nav.compare', nav: true, component: lazy(() => import('../screens/compare')) },
  { path: '/projects', title: 'nav.projects', nav: true, component: lazy(() => import('../screens/projects')) },
  { path: '/projects/:id', title: 'nav.projects', component: lazy(() => import('../screens/project')) },
  { path: '/import', title: 'nav.import', nav: true, component: lazy(() => import('../screens/import')) },
  { path: '/reports', title: 'nav.reports', nav: true, component: lazy(() => import('../screens/reports')) },
  { path: '/settings', title: 'nav.settings', nav: true, component: lazy(() => import('../screens/settings')) },
  { path: '/about', title: 'nav.about', nav: true, component: lazy(() => import('../screens/about')) }
]

/**
 * Paths people type or remember from other apps, and where they lead: the screen that does what they ask for.
 * Any other unknown path shows a page naming it, with the navigation to every screen.
 */
export const routeAliases: Readonly<Record<string, string>> = {
  '/dashboard': '/',
  '/home': '/',
  '/add': '/runs/new',
  '/new': '/runs/new',
  '/runs/add': '/runs/new',
  '/run': '/runs',
  '/project': '/projects',
  '/report': '/reports',
  '/compare-plan': '/compare',
  '/plan': '/compare'
}
