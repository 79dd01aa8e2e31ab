// @vitest-environment jsdom
/**
 * The time zone chosen for a file is remembered by its name: the same file picked again is read on the same clock,
 * so its runs are unchanged rather than moved by two hours.
 */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { openLedger } from '../../../../renderer/db'
import { lazyEngine } from '../../../../renderer/src/ledger/engine'
import Import from '../../../../renderer/src/screens/import'
import { freshDatabase, renderInApp } from './render'

const SAMPLE = readFileSync('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv', 'utf8')
const sample = () => new File([SAMPLE], 'emissions.csv', { type: 'text/csv' })
const WAIT = { timeout: 20_000 }

describe('Import: the clock of a file', () => {
  it('offers the zone chosen for a file of this name before, and reads the file on it', async () => {
    const user = userEvent.setup()
    const database = freshDatabase()
    renderInApp(<Import />, { ledger: true, database })
    const pick = screen.getByLabelText.bind(screen, 'Choose files to import')

    await user.upload(await screen.findByLabelText('Choose files to import'), sample())
    let card = await screen.findByRole('region', { name: 'emissions.csv' }, WAIT)
    await within(card).findByRole('button', { name: /^Import \d+ runs$/ }, WAIT)
    const zone = () => within(card).getByRole('combobox', { name: 'Time zone of the file’s timestamps' })
    expect(zone()).toHaveValue('')
    await user.selectOptions(zone(), 'UTC+02:00')
    // Read again on that clock: the row logged at 10:39:13 (UTC+2), 355 s long, started at 08:33 UTC.
    const row = await within(card).findByRole(
      'row',
      { name: /CodeCarbon run 2024-05-31T10:39:13 31 May 2024, 08:33/ },
      WAIT
    )
    expect(row).toBeInTheDocument()
    await user.click(await within(card).findByRole('button', { name: /^Import \d+ runs$/ }, WAIT))
    await within(card).findByRole('button', { name: 'Undo this import' }, WAIT)
    const ledger = await openLedger({ name: database, engine: lazyEngine })
    const starts = (await ledger.runs.list()).map((r) => new Date(r.startedAtMs).toISOString())
    ledger.close()
    expect(starts.some((s) => s.startsWith('2024-05-31T08:33:'))).toBe(true)

    await user.upload(pick(), sample())
    card = (await screen.findAllByRole('region', { name: 'emissions.csv' }, WAIT))[0]!
    await within(card).findByText('Everything in this file is already in the ledger.', undefined, WAIT)
    expect(zone()).toHaveValue('120')
    expect(within(card).getByText('The time zone chosen when a file of this name was last imported.')).toBeVisible()
    expect(within(card).getByTestId('import-counts')).toHaveTextContent(/0 new, 0 updated, \d+ unchanged\./)
  }, 60_000)
})
