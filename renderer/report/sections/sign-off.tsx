import type { ReportContext } from '../parts'

/** Prepared by, reviewed by, date and notes (filed with a closed quarter); blank fields print as lines to complete and sign by hand. */
export function SignOff({ ctx }: { ctx: ReportContext }) {
  const { m, t, date } = ctx
  const fields: [string, string][] = [
    [t.signOff.preparedBy, m.signOff.preparedBy],
    [t.signOff.reviewedBy, m.signOff.reviewedBy],
    // Signed on a calendar date (YYYY-MM-DD), written as the report's locale writes dates.
    [t.signOff.date, m.signOff.date ? date(m.signOff.date) : ''],
    [t.signOff.notes, m.signOff.notes]
  ]
  return (
    <dl className="sign-off">
      {fields.map(([label, value]) => (
        <div key={label} className="sign-line">
          <dt>{label}</dt>
          <dd className={value ? undefined : 'blank'} aria-label={value ? undefined : t.signOff.blank}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
