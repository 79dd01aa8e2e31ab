// Saves files together in a new folder: a report's CSV files and their README. The folder is made fresh (a second
// export of the same quarter gets "name (2)"), so nothing a user already keeps there is ever overwritten.
import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'

export interface NewFolderFs {
  /** Fails with code EEXIST when the path exists (mkdir without recursive). */
  mkdir(path: string): Promise<unknown>
  writeFile(path: string, data: string): Promise<void>
}

const nodeNewFolderFs: NewFolderFs = {
  mkdir: (path) => nodeFs.mkdir(path),
  writeFile: (path, data) => writeFileAtomic(path, data)
}

/** Tries "name", "name (2)", … up to this many before giving up. */
const MAX_TRIES = 100

export async function writeNewFolder(
  parent: string,
  name: string,
  files: readonly { name: string; content: string }[],
  fs: NewFolderFs = nodeNewFolderFs
): Promise<string> {
  for (let n = 1; n <= MAX_TRIES; n++) {
    const path = join(parent, n === 1 ? name : `${name} (${n})`)
    try {
      await fs.mkdir(path)
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue
      throw error
    }
    for (const file of files) await fs.writeFile(join(path, file.name), file.content)
    return path
  }
  throw new Error(`"${name}" and ${MAX_TRIES - 1} numbered copies of it exist already in ${parent}.`)
}
