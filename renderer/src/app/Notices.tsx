import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { type I18n, useI18n } from '../i18n/I18nProvider'

/**
 * A notice's text, made when it is shown: a language switch while it stands shows it in the new language. Made from
 * message keys and parameters, never from text already translated (`(i) => i.t('runs.deleted', { … })`).
 */
export type NoticeText = (i18n: I18n) => string

/** Short messages after a change, with an Undo button when the change can be undone. */
export interface Notice {
  message: NoticeText
  undo?: () => Promise<void>
  tone?: 'info' | 'error'
}

const NoticesContext = createContext<((notice: Notice) => void) | null>(null)

const VISIBLE_MS = 10_000

export function NoticesProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n()
  const { t } = i18n
  const [notice, setNotice] = useState<(Notice & { id: number }) | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const counter = useRef(0)
  // A notice belongs to the page that raised it: a navigation clears it, except the one its own action makes in
  // the same task (save a run, then open the runs table with "Run saved. Undo").
  const justRaised = useRef(false)
  const notify = useCallback((next: Notice) => {
    clearTimeout(timer.current)
    counter.current += 1
    setNotice({ ...next, id: counter.current })
    timer.current = setTimeout(() => setNotice(null), VISIBLE_MS)
    justRaised.current = true
    setTimeout(() => (justRaised.current = false), 0)
  }, [])
  useEffect(() => {
    const leave = () => {
      if (!justRaised.current) setNotice(null)
    }
    window.addEventListener('hashchange', leave)
    return () => window.removeEventListener('hashchange', leave)
  }, [])
  const undo = async () => {
    const current = notice
    setNotice(null)
    try {
      await current?.undo?.()
    } catch (err) {
      notify({ message: (i) => i.error(err), tone: 'error' })
    }
  }
  const value = useMemo(() => notify, [notify])
  return (
    <NoticesContext.Provider value={value}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notice && (
          <div className={`notice ${notice.tone === 'error' ? 'error' : ''}`} key={notice.id}>
            <span>{notice.message(i18n)}</span>
            {notice.undo && (
              <button type="button" onClick={() => void undo()}>
                {t('common.undo')}
              </button>
            )}
            <button type="button" aria-label={t('common.close')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </NoticesContext.Provider>
  )
}

export const useNotify = (): ((notice: Notice) => void) => {
  const value = useContext(NoticesContext)
  if (!value) throw new Error('useNotify outside NoticesProvider')
  return value
}
