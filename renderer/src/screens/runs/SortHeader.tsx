import type { RunSort, SortColumn } from './runs-query'

/** A column header that sorts the table by its column; a second click reverses the order. */
export function SortHeader({
  column,
  label,
  sort,
  onSort,
  className
}: {
  column: SortColumn
  label: string
  sort: RunSort
  onSort: (column: SortColumn) => void
  className?: string
}) {
  const active = sort.column === column
  return (
    <span
      role="columnheader"
      className={className}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </span>
  )
}
