import type { ReportModel } from '../../shared/report/model'
import { reportText } from '../../shared/report/text/index'
import { reportContext, Section } from './parts'
import { Cover } from './sections/cover'
import { SECTIONS } from './sections/index'

/** The whole printed report: the cover, then every section of sections/index.ts in order. */
export function ReportPage({ model }: { model: ReportModel }) {
  const t = reportText(model.language)
  const ctx = reportContext(model, t)
  return (
    <article lang={model.language}>
      <Cover ctx={ctx} contents={SECTIONS.map((s) => s.title(t))} />
      {SECTIONS.map(({ id, title, Body }) => (
        <Section key={id} id={id} title={title(t)}>
          <Body ctx={ctx} />
        </Section>
      ))}
    </article>
  )
}
