import { de } from './de'
import { en, type MessageId } from './en'
import { formatMessage, type Message, type MessageParam, writeEnglishNumber } from './message'

export { de } from './de'
export { en, type MessageId } from './en'
export * from './message'

/** The catalogues of shared/'s messages, one per language the app speaks; English is the reference. */
export const messageCatalogues = { en, de } as const

/** A message of the catalogue (the id is checked against the English catalogue). */
export const msg = (id: MessageId, params?: Record<string, MessageParam>): Message =>
  params === undefined ? { id } : { id, params }

/** A text that is not translated: a name or sentence from data or from a file, shown as it is in every language. */
export const verbatim = (text: string): Message => ({ id: 'text', params: { text } })

/** The English text of a message, numbers written as the command line and reports write them. */
export function english(message: Message): string {
  const text = formatMessage(en, message, writeEnglishNumber)
  if (text === undefined) throw new Error(`messages: no English text for '${message.id}'`)
  return text
}

const englishTexts = new WeakMap<Message, string>()

/** english, remembered per message object: an import shares one warning object among thousands of runs. */
export function englishOnce(message: Message): string {
  let text = englishTexts.get(message)
  if (text === undefined) englishTexts.set(message, (text = english(message)))
  return text
}
