import type { Command } from '../command'
import { data } from './data'
import { estimate } from './estimate'
import { importCommand } from './import'
import { compare } from './compare'
import { timeshift } from './timeshift'
import { report } from './report'

export const commands: Command[] = [estimate, importCommand, data, timeshift, compare, report]
