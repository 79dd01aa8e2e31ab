/**
 * Hardware choices grouped by vendor for the model picker (<optgroup>): the catalogue has no vendor field, and its
 * names begin with the vendor ("NVIDIA A100 SXM4 80 GB", "AMD EPYC 7763", "Intel Xeon …"). The groups come in the
 * order of their best match, the entries within a group keep the search's order.
 */
export const groupByVendor = <T extends { name: string }>(
  entries: readonly T[]
): { vendor: string; entries: T[] }[] => {
  const groups = new Map<string, T[]>()
  for (const entry of entries) {
    const vendor = entry.name.trim().split(/\s+/)[0] ?? ''
    const group = groups.get(vendor)
    if (group) group.push(entry)
    else groups.set(vendor, [entry])
  }
  return [...groups].map(([vendor, grouped]) => ({ vendor, entries: grouped }))
}
