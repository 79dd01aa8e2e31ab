import { describe, expect, it } from 'vitest'
import {
  findProjectByName,
  plannedProjectNames,
  projectKey,
  projectNameOfFile,
  suggestProjects,
  tidyProjectName
} from '../../../shared/ledger/project-names'

const projects = [
  { name: 'Vision inference' },
  { name: 'Vision training' },
  { name: 'LLM fine-tuning' },
  { name: 'Revision' }
]

describe('project names', () => {
  it('compares names whatever their case and spacing', () => {
    expect(projectKey('  vision   INFERENCE ')).toBe('vision inference')
    expect(tidyProjectName('  vision   Inference ')).toBe('vision Inference')
    expect(findProjectByName(projects, 'vision inference ')?.name).toBe('Vision inference')
    expect(findProjectByName(projects, 'vision\tinference')?.name).toBe('Vision inference')
    expect(findProjectByName(projects, 'vision')).toBeUndefined()
    expect(findProjectByName(projects, '   ')).toBeUndefined()
  })

  it('offers the same name first, then names starting with the query, then containing it', () => {
    expect(suggestProjects(projects, 'vision ').map((p) => p.name)).toEqual([
      'Vision inference',
      'Vision training',
      'Revision'
    ])
    expect(suggestProjects(projects, 'VISION INFERENCE').map((p) => p.name)).toEqual(['Vision inference'])
    expect(suggestProjects(projects, '').map((p) => p.name)).toEqual([
      'LLM fine-tuning',
      'Revision',
      'Vision inference',
      'Vision training'
    ])
    expect(suggestProjects(projects, 'zzz')).toEqual([])
    expect(suggestProjects(projects, '', 2)).toHaveLength(2)
  })

  it('names a project after a file without its folder and extension', () => {
    expect(projectNameOfFile('/data/runs/emissions_h100_sweep.csv')).toBe('emissions h100 sweep')
    expect(projectNameOfFile('C:\\logs\\gpu-log.txt')).toBe('gpu-log')
    expect(projectNameOfFile('.csv')).toBe('.csv')
  })

  it('plans where the source projects of a file go: each, all to one, after the file', () => {
    const sources = ['exp-1', 'exp-2', '']
    expect(plannedProjectNames({ kind: 'one', name: ' Sweep ' }, 'a.csv', sources)).toEqual({
      'exp-1': 'Sweep',
      'exp-2': 'Sweep',
      '': 'Sweep'
    })
    expect(plannedProjectNames({ kind: 'file' }, 'runs/h100.csv', sources)).toEqual({
      'exp-1': 'h100',
      'exp-2': 'h100',
      '': 'h100'
    })
    // Names chosen in one file carry to another file of the pick with the same source names; blank is no choice.
    expect(plannedProjectNames({ kind: 'each', names: { 'exp-1': 'Sweep', 'exp-2': ' ' } }, 'b.csv', sources)).toEqual({
      'exp-1': 'Sweep'
    })
    // "All to one" with no name typed yet leaves the ledger's own choice.
    expect(plannedProjectNames({ kind: 'one', name: '' }, 'a.csv', sources)).toEqual({})
  })
})
