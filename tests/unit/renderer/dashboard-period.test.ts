import { describe, expect, it } from 'vitest'
import { dashboardPeriodOf } from '../../../renderer/src/app/period'
import { monthPeriod, quarterPeriod, yearPeriod } from '../../../shared/ledger/period'

const NOW = Date.UTC(2026, 11, 5)

describe("the dashboard's period when opened from the navigation", () => {
  it('keeps the period the user chose in this window when the link names none', () => {
    expect(dashboardPeriodOf(new URLSearchParams(''), NOW, yearPeriod(2024))).toEqual(yearPeriod(2024))
  })
  it('follows a period the URL names over the remembered one', () => {
    const q = new URLSearchParams('period=month&start=2025-02')
    expect(dashboardPeriodOf(q, NOW, yearPeriod(2024))).toEqual(monthPeriod('2025-02'))
  })
  it('opens on the current quarter the first time', () => {
    expect(dashboardPeriodOf(new URLSearchParams(''), NOW, undefined)).toEqual(quarterPeriod(2026, 4))
  })
})
