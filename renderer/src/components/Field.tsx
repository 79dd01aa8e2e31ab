import type { ReactNode } from 'react'

export interface FieldControlProps {
  id: string
  'aria-invalid'?: boolean
  'aria-describedby': string
}

/** A labelled form control with its message beneath: the error when there is one, else the hint. */
export function Field({
  id,
  label,
  error,
  hint,
  wide,
  children
}: {
  id: string
  label: string
  error?: string
  hint?: string
  wide?: boolean
  children: (props: FieldControlProps) => ReactNode
}) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': `${id}-msg` })}
      <span id={`${id}-msg`} className={error ? 'field-error' : 'hint'}>
        {error ?? hint ?? ''}
      </span>
    </div>
  )
}
