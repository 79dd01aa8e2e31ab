import { de } from './de'
import { en, type MessageKey } from './en'

export const languages = ['en', 'de'] as const
export type Language = (typeof languages)[number]

/** The BCP 47 locale each language formats numbers and dates with. */
export const localeOf: Record<Language, string> = { en: 'en-GB', de: 'de-DE' }

const catalogues: Record<Language, Record<MessageKey, string>> = { en, de }

export type MessageParams = Record<string, string | number>

/** The message in the language with {name} placeholders filled; a missing parameter stays visible as {name}. */
export const translate = (language: Language, key: MessageKey, params?: MessageParams): string => {
  const text = catalogues[language][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** The language to start in: the saved choice, else the browser's when we have it, else English. */
export const initialLanguage = (saved: string | null, preferred: readonly string[]): Language => {
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if ((languages as readonly string[]).includes(base ?? '')) return base as Language
  }
  return 'en'
}
