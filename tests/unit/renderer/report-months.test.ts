import { describe, expect, it } from 'vitest'
import { reportContext } from '../../../renderer/report/parts'
import { type ReportModel, reportText } from '../../../shared/report'

describe("the report's trend months", () => {
  it("are written with the locale's month names, not ISO months", () => {
    const month = (language: 'en' | 'de') => reportContext({ language } as ReportModel, reportText(language)).month
    expect(['2024-03', '2024-10', '2025-05'].map(month('de'))).toEqual(['März 24', 'Okt. 24', 'Mai 25'])
    expect(['2024-03', '2024-10', '2025-05'].map(month('en'))).toEqual(['Mar 24', 'Oct 24', 'May 25'])
  })
})
