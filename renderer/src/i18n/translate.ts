import { z } from 'zod'
import zodGerman from 'zod/v4/locales/de.js'
import zodEnglish from 'zod/v4/locales/en.js'
import {
  fillTemplate,
  formatMessage,
  localeNumberWriter,
  type Message,
  messageCatalogues,
  messageSchema,
  type WriteNumber
} from '../../../shared/messages/index'
import { formatInteger } from '../format/format'
import { de } from './de'
import { type Catalogue, en, type MessageKey, type PluralKey, type PluralMessage } from './en'

export const languages = ['en', 'de'] as const
export type Language = (typeof languages)[number]

/** The BCP 47 locale each language formats numbers and dates with. */
export const localeOf: Record<Language, string> = { en: 'en-GB', de: 'de-DE' }

const catalogues: Record<Language, Catalogue> = { en, de }

export type MessageParams = Record<string, string | number>

/** The app's parameters are already written for the UI (or plain counts and limits): numbers go in as they are. */
const asWritten = (value: number): string => String(value)

const fill = (text: string, params?: MessageParams): string => fillTemplate(text, params, asWritten) ?? text

/** The message in the language with {name} placeholders filled; a missing parameter stays visible as {name}. */
export const translate = (language: Language, key: MessageKey, params?: MessageParams): string =>
  fill(catalogues[language][key], params)

const numberWriters = new Map<Language, WriteNumber>()
const numberWriter = (language: Language): WriteNumber => {
  let writer = numberWriters.get(language)
  if (!writer) numberWriters.set(language, (writer = localeNumberWriter(localeOf[language])))
  return writer
}

/**
 * A message made in shared/ (trace, assumption, import problem, planning note) in the language, its numbers in the
 * language's locale. The text stored beside it (fallback) is shown when there is no message (a record written
 * before messages existed) or the catalogue no longer knows its id.
 */
export const translateMessage = (language: Language, message: Message | undefined, fallback = ''): string =>
  (message && formatMessage(messageCatalogues[language], message, numberWriter(language))) ?? fallback

/** An error's text in the language: its message (errors that users meet carry one, e.g. LedgerError), else its own text. */
export const translateError = (language: Language, err: unknown): string => {
  if (!(err instanceof Error)) return String(err)
  const message = (err as { msg?: unknown }).msg
  return messageSchema.safeParse(message).success
    ? translateMessage(language, message as Message, err.message)
    : err.message
}

/** A unit of the trace ('kWh', 'tree-months'): translated when the catalogue names it, else as it is. */
export const translateUnit = (language: Language, unit: string): string => {
  const id = `unit.${unit}`
  return Object.hasOwn(messageCatalogues[language], id) ? translateMessage(language, { id }, unit) : unit
}

const pluralRules = new Map<Language, Intl.PluralRules>()

/** The plural form of the language's grammar for a count: English and German have 'one' (1) and 'other'. */
export const pluralForm = (language: Language, count: number): keyof PluralMessage => {
  let rules = pluralRules.get(language)
  if (!rules) {
    rules = new Intl.PluralRules(localeOf[language])
    pluralRules.set(language, rules)
  }
  return rules.select(count) === 'one' ? 'one' : 'other'
}

/**
 * A countable message in the form the count asks for ("1 run", "2 runs"), {count} filled with the count formatted
 * in the language's locale (1,234 / 1.234); the other placeholders from params.
 */
export const translatePlural = (language: Language, key: PluralKey, count: number, params?: MessageParams): string =>
  fill(catalogues[language][key][pluralForm(language, count)], {
    ...params,
    count: formatInteger(localeOf[language], count)
  })

/** The language to start in: the saved choice, else the browser's when we have it, else English. */
export const initialLanguage = (saved: string | null, preferred: readonly string[]): Language => {
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if ((languages as readonly string[]).includes(base ?? '')) return base as Language
  }
  return 'en'
}

/**
 * zod's own issue texts (inside import and form errors: "expected number, received string") in the language. zod's
 * error map is global to the page, which shows one language at a time; the command line keeps zod's English.
 */
export const setZodLanguage = (language: Language): void => {
  z.config((language === 'de' ? zodGerman : zodEnglish)())
}
