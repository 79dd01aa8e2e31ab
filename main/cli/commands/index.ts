import type { Command } from '../command'
import { compare } from './compare'
import { data } from './data'
import { estimate } from './estimate'
import { importCommand } from './import'
import { report } from './report'
import { timeshift } from './timeshift'

export const commands: Command[] = [estimate, importCommand, data, timeshift, compare, report]
