/**
 * Project names as people type them: "vision inference " and "Vision  Inference" name the same project. Pure, used
 * by the ledger (which project a typed or imported name refers to) and by the project picker (what to offer).
 */

/** The form two names are compared in: Unicode-normalised, spaces trimmed and collapsed, case folded. */
export const projectKey = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')

/** A name as it is stored: trimmed, inner runs of spaces collapsed, case kept. */
export const tidyProjectName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ')

/** The project a name refers to, whatever its case and spacing; undefined when none does. */
export const findProjectByName = <P extends { name: string }>(projects: readonly P[], name: string): P | undefined => {
  const key = projectKey(name)
  return key === '' ? undefined : projects.find((p) => projectKey(p.name) === key)
}

/**
 * The projects to offer for what was typed, best first: the same name, then names starting with it, then names
 * containing it; an empty query offers all. Case and spacing do not matter.
 */
export const suggestProjects = <P extends { name: string }>(projects: readonly P[], query: string, limit = 50): P[] => {
  const key = projectKey(query)
  const rank = (p: P): number => {
    const k = projectKey(p.name)
    if (key === '') return 3
    if (k === key) return 0
    if (k.startsWith(key)) return 1
    if (k.includes(key)) return 2
    return -1
  }
  return projects
    .map((p) => ({ p, r: rank(p) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.p.name.localeCompare(b.p.name))
    .slice(0, limit)
    .map((x) => x.p)
}

/** A file's name without its folder and extension, tidied: the project "name after the file" gives. */
export const projectNameOfFile = (fileName: string): string =>
  tidyProjectName(
    fileName
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]*$/, '')
      .replace(/[_]+/g, ' ')
  ) || tidyProjectName(fileName)

/**
 * Where the source projects of an imported file go. 'each': every source name to the project of that name (or the
 * name chosen for it, a choice that carries across the files of one pick); 'one': all to one project; 'file': all to
 * a project named after the file.
 */
export type ProjectPlan =
  { kind: 'each'; names: Record<string, string> } | { kind: 'one'; name: string } | { kind: 'file' }

/**
 * The project name each source name of a file goes to under a plan; a source name left out keeps the ledger's own
 * choice (its remembered mapping, or the project of its name). A blank chosen name counts as no choice.
 */
export const plannedProjectNames = (
  plan: ProjectPlan,
  fileName: string,
  sourceNames: readonly string[]
): Record<string, string> => {
  const target =
    plan.kind === 'one' ? tidyProjectName(plan.name) : plan.kind === 'file' ? projectNameOfFile(fileName) : undefined
  const out: Record<string, string> = {}
  for (const source of sourceNames) {
    const name = target ?? (plan.kind === 'each' ? tidyProjectName(plan.names[source] ?? '') : '')
    if (name !== '') out[source] = name
  }
  return out
}
