/** A table cell whose text may be cut short to fit: the whole text is its title (on hover) and its accessible name. */
export function TextCell({ text, className }: { text: string; className?: string }) {
  return (
    <span role="cell" className={`truncate ${className ?? ''}`} title={text} aria-label={text}>
      {text}
    </span>
  )
}
