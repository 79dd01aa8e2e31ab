// @vitest-environment jsdom
/**
 * The Import screen's project plan over the files of one pick: a name typed for a source project holds in every file
 * naming it, "All to one project" and "Name after the file" send every run where they say. The screen is driven as a
 * user does (pick files, choose, import); what lands is read back from the ledger.
 */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { openLedger } from '../../../../renderer/db'
import { lazyEngine } from '../../../../renderer/src/ledger/engine'
import Import from '../../../../renderer/src/screens/import'
import { freshDatabase, renderInApp } from './render'

// A real CodeCarbon row (the repository sample's) as the template: each generated row is a run of its own.
const SAMPLE = readFileSync('tests/fixtures/import/codecarbon/codecarbon-repo-sample.csv', 'utf8').split('\n')
const csv = (tag: string, projects: readonly string[]): File =>
  new File(
    [
      [
        SAMPLE[0],
        ...projects.map((project, i) => {
          const cells = SAMPLE[1]!.split(',')
          cells[0] = new Date(Date.UTC(2024, 4, 1) + i * 3_600_000).toISOString().slice(0, 19)
          cells[1] = project
          cells[2] = `${tag}-${i}`
          return cells.join(',')
        })
      ].join('\n')
    ],
    `${tag}.csv`,
    { type: 'text/csv' }
  )

/** The ledger's projects and how many runs each holds, by name. */
const runsByProject = async (database: string): Promise<Record<string, number>> => {
  const ledger = await openLedger({ name: database, engine: lazyEngine })
  try {
    const projects = await ledger.projects.list()
    const runs = await ledger.runs.list()
    return Object.fromEntries(projects.map((p) => [p.name, runs.filter((r) => r.projectId === p.id).length]))
  } finally {
    ledger.close()
  }
}

const pickFiles = async (user: ReturnType<typeof userEvent.setup>, files: File[]) => {
  await user.upload(await screen.findByLabelText('Choose files to import'), files)
  // Both previews are ready when both offer their import.
  await waitFor(
    () => expect(screen.getAllByRole('button', { name: /^Import \d+ runs?$/ })).toHaveLength(files.length),
    {
      timeout: 20_000
    }
  )
  return screen.getByRole('group', { name: 'Projects of the chosen files' })
}

describe('Import: the project plan of one pick', () => {
  it('lists each source project name once, with its runs over all files, and a typed name holds in every file', async () => {
    const user = userEvent.setup()
    const database = freshDatabase()
    renderInApp(<Import />, { ledger: true, database })
    const plan = await pickFiles(user, [csv('week-1', ['vision', 'vision', 'nlp']), csv('week-2', ['vision', 'audio'])])
    expect(within(plan).getByText(/^3 project names \(files chosen: 2\)\./)).toBeInTheDocument()
    const vision = within(plan).getByRole('row', { name: /^vision/ })
    expect(within(vision).getByRole('cell', { name: '3' })).toBeInTheDocument()

    const visionTo = within(plan).getByRole('combobox', { name: 'Ledger project for vision' })
    await user.type(visionTo, 'Computer vision')
    expect(within(plan).getByText('A new project “Computer vision” will be created.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Import all: 2 files' }))
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Undo this import' })).toHaveLength(2), {
      timeout: 20_000
    })
    expect(await runsByProject(database)).toEqual({ 'Computer vision': 3, nlp: 1, audio: 1 })
    // A name chosen one by one is a mapping, remembered for later imports.
    const mappings = screen.getByRole('region', { name: 'Remembered project mappings' })
    expect(within(mappings).getByRole('row', { name: /^vision .*Computer vision/ })).toBeInTheDocument()
  }, 60_000)

  it('sends every run of both files to one project', async () => {
    const user = userEvent.setup()
    const database = freshDatabase()
    renderInApp(<Import />, { ledger: true, database })
    const plan = await pickFiles(user, [csv('sweep-a', ['a', 'b', 'c']), csv('sweep-b', ['d', 'e'])])
    await user.click(within(plan).getByRole('radio', { name: 'All to one project' }))
    expect(
      within(plan).getByText(
        'For this import only: later imports still send each project name to its own project or its mapping.'
      )
    ).toBeInTheDocument()
    expect(within(plan).getByText('Type a new name or pick an existing project.')).toBeInTheDocument()
    await user.type(within(plan).getByRole('combobox', { name: 'Project for all runs' }), '  Hyper-parameter   sweep ')
    expect(within(plan).getByText('A new project “Hyper-parameter sweep” will be created.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Import all: 2 files' }))
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Undo this import' })).toHaveLength(2), {
      timeout: 20_000
    })
    expect(await runsByProject(database)).toEqual({ 'Hyper-parameter sweep': 5 })
    // Not remembered: a later file's "a" runs go to a project "a", not to this pick's project.
    expect(screen.getByText('None yet: the first import remembers them.')).toBeInTheDocument()
    await user.upload(screen.getByLabelText('Choose files to import'), [csv('later', ['a'])])
    const later = await screen.findByRole('region', { name: 'later.csv' }, { timeout: 20_000 })
    await user.click(await within(later).findByRole('button', { name: 'Import 1 run' }, { timeout: 20_000 }))
    await within(later).findByRole('button', { name: 'Undo this import' }, { timeout: 20_000 })
    expect(await runsByProject(database)).toEqual({ 'Hyper-parameter sweep': 5, a: 1 })
  }, 60_000)

  it('names a project after each file', async () => {
    const user = userEvent.setup()
    const database = freshDatabase()
    renderInApp(<Import />, { ledger: true, database })
    const plan = await pickFiles(user, [csv('thesis_runs', ['x', 'y']), csv('paper_runs', ['x'])])
    await user.click(within(plan).getByRole('radio', { name: 'Name after the file' }))
    expect(within(plan).getByText(/thesis_runs\.csv → “thesis runs”/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Import all: 2 files' }))
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Undo this import' })).toHaveLength(2), {
      timeout: 20_000
    })
    expect(await runsByProject(database)).toEqual({ 'thesis runs': 2, 'paper runs': 1 })
  }, 60_000)
})
