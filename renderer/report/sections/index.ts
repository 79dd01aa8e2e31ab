import type { FC } from 'react'
import type { ReportText } from '../../../shared/report/text/index'
import type { ReportContext } from '../parts'
import { Assumptions } from './assumptions'
import { Boundary } from './boundary'
import { Energy } from './energy'
import { Factors } from './factors'
import { Glossary } from './glossary'
import { Hardware } from './hardware'
import { HardwareBought } from './hardware-bought'
import { Intensity } from './intensity'
import { KeyFigures } from './key-figures'
import { LargestRuns } from './largest-runs'
import { Locations } from './locations'
import { Methodology } from './methodology'
import { People } from './people'
import { Projects } from './projects'
import { Restatements } from './restatements'
import { Scopes } from './scopes'
import { SignOff } from './sign-off'
import { Sources } from './sources'
import { Statement } from './statement'
import { TimeShiftWhatIf } from './time-shift'
import { Trend } from './trend'
import { Uncertainty } from './uncertainty'
import { Waste } from './waste'
import { WhatIfs } from './what-if'

/**
 * The report's sections in print order, each one file fed by the ReportModel. A new section is a file here and
 * one line below (its title in shared/report/text/en.ts and de.ts).
 */
export interface ReportSection {
  id: string
  title: (t: ReportText) => string
  Body: FC<{ ctx: ReportContext }>
}

export const SECTIONS: ReportSection[] = [
  { id: 'key-figures', title: (t) => t.sections.keyFigures, Body: KeyFigures },
  { id: 'boundary', title: (t) => t.sections.boundary, Body: Boundary },
  { id: 'scopes', title: (t) => t.sections.scopes, Body: Scopes },
  { id: 'hardware-bought', title: (t) => t.sections.hardwareBought, Body: HardwareBought },
  { id: 'energy', title: (t) => t.sections.energy, Body: Energy },
  { id: 'intensity', title: (t) => t.sections.intensity, Body: Intensity },
  { id: 'trend', title: (t) => t.sections.trend, Body: Trend },
  { id: 'projects', title: (t) => t.sections.projects, Body: Projects },
  { id: 'people', title: (t) => t.sections.people, Body: People },
  { id: 'hardware', title: (t) => t.sections.hardware, Body: Hardware },
  { id: 'locations', title: (t) => t.sections.locations, Body: Locations },
  { id: 'largest', title: (t) => t.sections.largest, Body: LargestRuns },
  { id: 'waste', title: (t) => t.sections.waste, Body: Waste },
  { id: 'what-if', title: (t) => t.sections.whatIf, Body: WhatIfs },
  { id: 'time-shift', title: (t) => t.sections.timeShift, Body: TimeShiftWhatIf },
  { id: 'factors', title: (t) => t.sections.factors, Body: Factors },
  { id: 'restatements', title: (t) => t.sections.restatements, Body: Restatements },
  { id: 'uncertainty', title: (t) => t.sections.uncertainty, Body: Uncertainty },
  { id: 'methodology', title: (t) => t.sections.methodology, Body: Methodology },
  { id: 'assumptions', title: (t) => t.sections.assumptions, Body: Assumptions },
  { id: 'sources', title: (t) => t.sections.sources, Body: Sources },
  { id: 'glossary', title: (t) => t.sections.glossary, Body: Glossary },
  { id: 'statement', title: (t) => t.sections.statement, Body: Statement },
  { id: 'sign-off', title: (t) => t.sections.signOff, Body: SignOff }
]
