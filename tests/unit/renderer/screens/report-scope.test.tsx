// @vitest-environment jsdom
/**
 * The Reports screen's scope panel over many projects: the search narrows the list (case and accents ignored),
 * "select the N shown" and "clear the shown" act on what the search shows, and a list scope with nothing ticked says so.
 */
import 'fake-indexeddb/auto'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { openLedger } from '../../../../renderer/db'
import { lazyEngine } from '../../../../renderer/src/ledger/engine'
import type { ScopeChoice } from '../../../../renderer/src/screens/reports/report-flow'
import { ScopePicker } from '../../../../renderer/src/screens/reports/ScopePicker'
import { freshDatabase, renderInApp } from './render'

const PERIOD = { kind: 'quarter', start: '2026-01', end: '2026-03' } as const

/** The panel as the Reports screen holds it; the last choice is kept for the test to read. */
function Scope({ seen }: { seen: ScopeChoice[] }) {
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'lab', projectIds: [], people: [] })
  seen.push(choice)
  return <ScopePicker choice={choice} onChange={setChoice} period={PERIOD} />
}

/** A ledger with 40 "Sweep n" projects, 20 "Vision n" ones and one "Überwachung (Zürich)". */
const manyProjects = async (): Promise<string> => {
  const database = freshDatabase()
  const ledger = await openLedger({ name: database, engine: lazyEngine })
  for (let i = 1; i <= 40; i++) await ledger.projects.create(`Sweep ${i} — a long name of a hyper-parameter study`)
  for (let i = 1; i <= 20; i++) await ledger.projects.create(`Vision ${i}`)
  await ledger.projects.create('Überwachung (Zürich)')
  ledger.close()
  return database
}

describe('Reports: the scope panel over many projects', () => {
  it('searches, selects all shown and clears them, the count following', async () => {
    const user = userEvent.setup()
    const seen: ScopeChoice[] = []
    renderInApp(<Scope seen={seen} />, { ledger: true, database: await manyProjects() })
    const scope = await screen.findByRole('group', { name: 'Scope' })
    await user.click(within(scope).getByRole('radio', { name: 'Some projects' }))
    expect(within(scope).getByText('Tick at least one project.')).toBeInTheDocument()
    const list = await within(scope).findByRole('list', { name: 'Projects in the report' })
    expect(within(list).getAllByRole('checkbox')).toHaveLength(61)
    expect(within(scope).getByText('0 of 61 chosen')).toBeInTheDocument()

    await user.type(within(scope).getByRole('searchbox', { name: 'Search Projects in the report' }), 'vision')
    expect(within(list).getAllByRole('checkbox')).toHaveLength(20)
    await user.click(within(scope).getByRole('button', { name: 'Select the 20 shown' }))
    expect(within(scope).getByText('20 of 61 chosen')).toBeInTheDocument()
    expect(within(scope).queryByText('Tick at least one project.')).toBeNull()
    expect(within(scope).getByRole('button', { name: 'Select the 20 shown' })).toBeDisabled()

    // Accents and case do not matter; the ticks made under another search stay.
    const search = within(scope).getByRole('searchbox', { name: 'Search Projects in the report' })
    await user.clear(search)
    await user.type(search, 'ZURICH')
    expect(within(list).getAllByRole('checkbox')).toHaveLength(1)
    await user.click(within(list).getByRole('checkbox', { name: 'Überwachung (Zürich)' }))
    expect(within(scope).getByText('21 of 61 chosen')).toBeInTheDocument()
    const chosen = seen.at(-1)!
    expect(chosen.kind).toBe('projects')
    expect(chosen.projectIds).toHaveLength(21)

    await user.clear(search)
    await user.type(search, 'VISION 1')
    // "Vision 1" and "Vision 10" to "Vision 19"
    expect(within(list).getAllByRole('checkbox')).toHaveLength(11)
    await user.click(within(scope).getByRole('button', { name: 'Clear the shown' }))
    expect(within(scope).getByText('10 of 61 chosen')).toBeInTheDocument()
    expect(within(scope).getByRole('button', { name: 'Clear the shown' })).toBeDisabled()
  })

  it('says in German that a project must be ticked', async () => {
    const user = userEvent.setup()
    renderInApp(<Scope seen={[]} />, { ledger: true, database: await manyProjects(), language: 'de' })
    const scope = await screen.findByRole('group', { name: 'Umfang' })
    await user.click(within(scope).getByRole('radio', { name: 'Einzelne Projekte' }))
    expect(await within(scope).findByText('0 von 61 ausgewählt')).toBeInTheDocument()
    expect(within(scope).getByText('Mindestens ein Projekt ankreuzen.')).toBeInTheDocument()
  })
})
