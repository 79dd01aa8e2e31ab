import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { Range } from '../../../shared/domain/range'
import type { Message } from '../../../shared/messages/message'
import * as f from '../format/format'
import type { MessageKey, PluralKey } from './en'
import {
  initialLanguage,
  type Language,
  localeOf,
  type MessageParams,
  setZodLanguage,
  translate,
  translateError,
  translateMessage,
  translatePlural,
  translateUnit
} from './translate'

const STORAGE_KEY = 'carbon-ledger.language'

export interface I18n {
  language: Language
  locale: string
  setLanguage(language: Language): void
  t(key: MessageKey, params?: MessageParams): string
  /** A countable message in the form the count asks for: plural('runs.count', 1) → "1 run". */
  plural(key: PluralKey, count: number, params?: MessageParams): string
  /** A message made in shared/ (shared/messages), or the stored English fallback when there is none. */
  msg(message: Message | undefined, fallback?: string): string
  /** What went wrong, for the user: an error's message in the language when it carries one (LedgerError.msg). */
  error(err: unknown): string
  /** A unit of the computation trace in the language ('tree-months' → 'Baum-Monate'). */
  unit(unit: string): string
  /** Formatters bound to the current locale. */
  num(value: number, maxFraction?: number): string
  int(value: number): string
  /** Mass in g, kg or t; scale (a range's larger end) chooses the unit when given. */
  kg(value: number, scale?: number): string
  kWh(value: number, scale?: number): string
  pct(ratio: number, signed?: boolean): string
  date(epochMs: number): string
  dateTime(epochMs: number): string
  month(month: string): string
  duration(durationS: number): string
  /** An uncertain figure's "range 15.3 kg – 18.7 kg", both ends in one unit; '' for an exact figure. */
  rangeText(range: Range, unit: f.UnitFormat): string
  /** A moment as the locale's date and time in UTC, marked so: "1 Mar 2024, 09:00 UTC". */
  dateTimeUtc(epochMs: number): string
  parse(text: string): number | undefined
}

const I18nContext = createContext<I18n | null>(null)

const savedLanguage = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    initialLanguage(savedLanguage(), navigator.languages ?? [])
  )
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private windows may refuse storage: the choice then lasts for this session only.
    }
  }, [])
  useEffect(() => {
    setZodLanguage(language)
    document.documentElement.lang = language
    document.title = translate(language, 'app.title')
  }, [language])
  const value = useMemo<I18n>(() => {
    const locale = localeOf[language]
    const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params)
    return {
      language,
      locale,
      setLanguage,
      t,
      plural: (key, count, params) => translatePlural(language, key, count, params),
      msg: (message, fallback) => translateMessage(language, message, fallback),
      error: (err) => translateError(language, err),
      unit: (unit) => translateUnit(language, unit),
      num: (v, d) => f.formatNumber(locale, v, d),
      int: (v) => f.formatInteger(locale, v),
      kg: (v, scale) => f.formatMassKg(locale, v, scale),
      kWh: (v, scale) => f.formatEnergyKWh(locale, v, scale),
      pct: (r, s) => f.formatPercent(locale, r, s),
      date: (ms) => f.formatDate(locale, ms),
      dateTime: (ms) => f.formatDateTime(locale, ms),
      month: (m) => f.formatMonth(locale, m),
      duration: (s) => f.formatDuration(locale, s),
      dateTimeUtc: (ms) => f.formatDateTimeUtc(locale, ms),
      rangeText: (range, unit) => {
        const bounds = f.rangeBounds(range, unit)
        return bounds ? t('common.range', bounds) : ''
      },
      parse: (text) => f.parseLocaleNumber(locale, text)
    }
  }, [language, setLanguage])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export const useI18n = (): I18n => {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
