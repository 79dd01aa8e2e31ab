// @vitest-environment jsdom
/**
 * Settings' list forms (custom locations): add, edit and remove an entry, with each problem shown at its field in the
 * app's language; the saved list is the ledger's.
 */
import 'fake-indexeddb/auto'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useI18n } from '../../../../renderer/src/i18n/I18nProvider'
import { useLedgerQuery } from '../../../../renderer/src/ledger/useLedgerQuery'
import { CustomLocations } from '../../../../renderer/src/screens/settings/CustomLocations'
import { renderInApp } from './render'

/** The section as Settings composes it: the lab defaults read live from the ledger. */
function Locations() {
  const lab = useLedgerQuery(({ ledger }) => ledger.settings.getLabDefaults(), [])
  return lab.data ? <CustomLocations lab={lab.data} /> : null
}

/** The top bar's language choice, reduced to one button. */
function SwitchToGerman() {
  const { setLanguage } = useI18n()
  return (
    <button type="button" onClick={() => setLanguage('de')}>
      Deutsch
    </button>
  )
}

const section = async (name: RegExp) => screen.findByRole('region', { name })

describe('Settings: custom locations', () => {
  it('shows every problem at its field and saves nothing until they are fixed', async () => {
    const user = userEvent.setup()
    renderInApp(<Locations />, { ledger: true })
    const locations = await section(/^Custom locations$/)
    const form = within(locations).getByRole('form', { name: 'Add a location' })
    await user.type(within(form).getByLabelText('Intensity (g CO2e/kWh)'), 'lots')
    await user.clear(within(form).getByLabelText('Year of the intensity'))
    await user.type(within(form).getByLabelText('Year of the intensity'), '1900')
    await user.type(within(form).getByLabelText('PUE (optional)'), '9')
    await user.click(within(form).getByRole('button', { name: 'Add location' }))

    const code = within(form).getByLabelText('Zone id (e.g. DE-LU)')
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(code).toHaveAccessibleDescription('Required.')
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Required.')
    expect(within(form).getByLabelText('Intensity (g CO2e/kWh)')).toHaveAccessibleDescription('Enter a number.')
    expect(within(form).getByLabelText('Year of the intensity')).toHaveAccessibleDescription('Must be at least 1990.')
    expect(within(form).getByLabelText('PUE (optional)')).toHaveAccessibleDescription('Must be at most 5.')
    expect(within(locations).getByText('None: the reference data is used as it is.')).toBeInTheDocument()
  })

  it('adds, edits and removes a location, the list following the ledger', async () => {
    const user = userEvent.setup()
    renderInApp(<Locations />, { ledger: true })
    const locations = await section(/^Custom locations$/)
    const form = within(locations).getByRole('form', { name: 'Add a location' })
    await user.type(within(form).getByLabelText('Zone id (e.g. DE-LU)'), 'LAB-1')
    await user.type(within(form).getByLabelText('Name'), 'Basement cluster')
    await user.type(within(form).getByLabelText('Intensity (g CO2e/kWh)'), '120')
    await user.click(within(form).getByRole('button', { name: 'Add location' }))

    const row = await within(locations).findByRole('row', { name: /Basement cluster/ })
    expect(within(row).getByRole('cell', { name: 'zone:LAB-1' })).toBeInTheDocument()
    expect(within(row).getByRole('cell', { name: '120' })).toBeInTheDocument()
    expect(await screen.findByText('Basement cluster saved. The runs are being recomputed.')).toBeInTheDocument()

    // Adding the same zone again is refused at the code field.
    await user.type(within(form).getByLabelText('Zone id (e.g. DE-LU)'), 'LAB-1')
    await user.type(within(form).getByLabelText('Name'), 'Again')
    await user.type(within(form).getByLabelText('Intensity (g CO2e/kWh)'), '1')
    await user.click(within(form).getByRole('button', { name: 'Add location' }))
    expect(within(form).getByLabelText('Zone id (e.g. DE-LU)')).toHaveAccessibleDescription(
      'LAB-1 is already in the list.'
    )

    await user.click(within(locations).getByRole('button', { name: 'Edit Basement cluster' }))
    const edit = within(locations).getByRole('form', { name: 'Edit location' })
    expect(within(edit).getByLabelText('Zone id (e.g. DE-LU)')).toBeDisabled()
    const name = within(edit).getByLabelText('Name')
    expect(name).toHaveValue('Basement cluster')
    await user.clear(name)
    await user.type(name, 'Cellar cluster')
    await user.click(within(edit).getByRole('button', { name: 'Save' }))
    await within(locations).findByRole('row', { name: /Cellar cluster/ })
    expect(within(locations).queryByRole('row', { name: /Basement cluster/ })).toBeNull()
    expect(within(locations).getByRole('form', { name: 'Add a location' })).toBeInTheDocument()

    await user.click(within(locations).getByRole('button', { name: 'Remove Cellar cluster' }))
    await waitFor(() => expect(within(locations).queryByRole('table')).toBeNull())
    expect(screen.getByText('Cellar cluster removed.')).toBeInTheDocument()
  })

  it('shows a notice in the language chosen after it was raised', async () => {
    const user = userEvent.setup()
    renderInApp(
      <>
        <SwitchToGerman />
        <Locations />
      </>,
      { ledger: true }
    )
    const locations = await section(/^Custom locations$/)
    await user.type(within(locations).getByLabelText('Zone id (e.g. DE-LU)'), 'LAB-2')
    await user.type(within(locations).getByLabelText('Name'), 'Roof array')
    await user.type(within(locations).getByLabelText('Intensity (g CO2e/kWh)'), '40')
    await user.click(within(locations).getByRole('button', { name: 'Add location' }))
    expect(await screen.findByText('Roof array saved. The runs are being recomputed.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Deutsch' }))
    expect(await screen.findByText('Roof array gespeichert. Die Läufe werden neu berechnet.')).toBeInTheDocument()
    expect(screen.queryByText(/saved\. The runs/)).toBeNull()
  })

  it('speaks German at the fields when the app does', async () => {
    const user = userEvent.setup()
    renderInApp(<Locations />, { ledger: true, language: 'de' })
    const locations = await section(/^Eigene Standorte$/)
    await user.type(within(locations).getByLabelText('Jahr der Intensität'), 'x')
    await user.click(within(locations).getByRole('button', { name: 'Standort hinzufügen' }))
    expect(within(locations).getByLabelText('Zonenkennung (z. B. DE-LU)')).toHaveAccessibleDescription('Pflichtfeld.')
    expect(within(locations).getByLabelText('Jahr der Intensität')).toHaveAccessibleDescription(
      'Geben Sie eine Zahl ein.'
    )
  })
})
