import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { HostApi } from '../../../shared/host-api'
import { createWebHost } from './web-host'

declare global {
  interface Window {
    /** The preload's bridge, present only in the Electron shell. */
    api?: HostApi
  }
}

export interface Host {
  api: HostApi
  /** 'desktop' in Electron, 'web' in a plain browser (no backups folder, downloads instead of save dialogs). */
  kind: 'desktop' | 'web'
}

const HostContext = createContext<Host | null>(null)

export function HostProvider({ children, api }: { children: ReactNode; api?: HostApi }) {
  const host = useMemo<Host>(() => {
    const given = api ?? window.api
    return given ? { api: given, kind: 'desktop' } : { api: createWebHost(), kind: 'web' }
  }, [api])
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>
}

export const useHost = (): Host => {
  const host = useContext(HostContext)
  if (!host) throw new Error('useHost outside HostProvider')
  return host
}
