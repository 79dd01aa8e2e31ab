import type { ReportLanguage } from '../format'
import { de } from './de'
import { en, type ReportText } from './en'

export type { ReportText } from './en'

const texts: Record<ReportLanguage, ReportText> = { en, de }

/** The report's own words in a language. */
export const reportText = (language: ReportLanguage): ReportText => texts[language]
