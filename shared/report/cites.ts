import type { Cites, RunResult, StoredResult } from '../domain/result'
import { citesOf, isExplained } from '../ledger/compact'
import { localeNumberWriter, messageCatalogues } from '../messages/index'
import { formatMessage, type Message, writeEnglishNumber } from '../messages/message'
import { REPORT_LOCALES, type ReportLanguage } from './format'

/**
 * A run's result as a report reads it: whole (stored whole, or rebuilt by runs.explain), or compact with what a report
 * cites of its trace (StoredResult.cites), which the report page reads instead of rebuilding the run.
 */
export type ReportResult = RunResult | (StoredResult & { cites: Cites })

const citesByResult = new WeakMap<object, Cites>()

/** What the report cites of a result: stored with a compact one, else read from its trace (once per result). */
export function citesOfResult(r: ReportResult): Cites {
  if (!isExplained(r)) return r.cites
  let cites = citesByResult.get(r)
  if (cites === undefined) citesByResult.set(r, (cites = citesOf(r)))
  return cites
}

/**
 * A message's English text as english() writes it (the result's own English texts were written so); its id where the
 * catalogue no longer holds it (the report prints rather than fails).
 */
const englishOf = (m: Message): string => formatMessage(messageCatalogues.en, m, writeEnglishNumber) ?? m.id

/**
 * A run's assumptions in the language: a whole result's own English texts, or its messages written in the language
 * (the English text where the language has none). A compact result's English texts are its messages in English, as a
 * rebuild writes them.
 */
export function assumptionTextsOf(r: ReportResult, language: ReportLanguage): string[] {
  if (isExplained(r)) {
    const msgs = r.assumptionMsgs
    if (language === 'en' || !msgs) return r.assumptions
    const write = localeNumberWriter(REPORT_LOCALES[language])
    return msgs.map((m, i) => formatMessage(messageCatalogues[language], m, write) ?? r.assumptions[i] ?? '')
  }
  if (language === 'en') return r.cites.assumptionMsgs.map(englishOf)
  const write = localeNumberWriter(REPORT_LOCALES[language])
  return r.cites.assumptionMsgs.map((m) => formatMessage(messageCatalogues[language], m, write) ?? englishOf(m))
}
