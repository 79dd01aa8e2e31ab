// @vitest-environment jsdom
/**
 * Compare's workload inputs: each problem at its field (in the app's language, numbers read in its locale), and a
 * valid GPU-hours workload ranks the hardware with the chosen GPU marked as the current one.
 */
import 'fake-indexeddb/auto'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Compare from '../../../../renderer/src/screens/compare'
import { renderInApp } from './render'

const compareScreen = () => <Compare params={{}} query={new URLSearchParams()} />

/** The workload form, once the reference data has loaded (its submit button waits for it). */
const workloadForm = async (name: string, submit: string) => {
  const form = await screen.findByRole('form', { name }, { timeout: 10_000 })
  await waitFor(() => expect(within(form).getByRole('button', { name: submit })).toBeEnabled(), { timeout: 10_000 })
  return form
}

describe('Compare: the workload inputs', () => {
  it('shows what is missing or wrong at each field and ranks nothing', async () => {
    const user = userEvent.setup()
    renderInApp(compareScreen(), { ledger: true })
    const form = await workloadForm('Workload', 'Compare')
    await user.type(within(form).getByLabelText('GPU-hours'), '-3')
    await user.clear(within(form).getByLabelText('Number of devices'))
    await user.type(within(form).getByLabelText('Number of devices'), '2.5')
    await user.clear(within(form).getByLabelText('MFU high (%)'))
    await user.type(within(form).getByLabelText('MFU high (%)'), '20')
    await user.click(within(form).getByRole('button', { name: 'Compare' }))

    expect(within(form).getByLabelText('Reference GPU')).toHaveAccessibleDescription('Required.')
    expect(within(form).getByLabelText('GPU-hours')).toHaveAccessibleDescription('Must be more than 0.')
    expect(within(form).getByLabelText('Number of devices')).toHaveAccessibleDescription('Enter a whole number.')
    expect(within(form).getByLabelText('Assumed utilisation (MFU, %)')).toHaveAccessibleDescription(
      'Need 0 < low ≤ MFU ≤ high ≤ 100.'
    )
    expect(screen.queryByRole('table', { name: /hardware/i })).toBeNull()
  }, 30_000)

  it('ranks the hardware for GPU-hours typed the German way, the chosen GPU marked', async () => {
    const user = userEvent.setup()
    renderInApp(compareScreen(), { ledger: true, language: 'de' })
    const form = await workloadForm('Arbeitslast', 'Vergleichen')
    await user.type(within(form).getByLabelText('Hardware suchen'), 'H100')
    const gpu = within(form).getByLabelText('Referenz-GPU')
    const h100 = within(gpu)
      .getAllByRole('option')
      .find((o) => /H100 SXM/.test(o.textContent ?? ''))!
    await user.selectOptions(gpu, h100)
    await user.type(within(form).getByLabelText('GPU-Stunden'), '1.000,5')
    await user.click(within(form).getByRole('button', { name: 'Vergleichen' }))

    const ranking = await screen.findByRole('region', { name: 'Hardware-Rangliste' }, { timeout: 10_000 })
    const current = within(ranking).getByRole('rowheader', { name: /H100 SXM.*aktuell/ })
    expect(current.textContent).toContain(h100.textContent!.split(' (')[0])
    // "1.000,5" read as a thousand and a half hours: no complaint at the field.
    expect(within(form).getByLabelText('GPU-Stunden')).not.toHaveAttribute('aria-invalid')
    expect(within(ranking).getAllByRole('row').length).toBeGreaterThan(5)
  }, 30_000)
})
