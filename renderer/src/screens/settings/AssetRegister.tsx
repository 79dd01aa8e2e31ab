import { Field } from '../../components/Field'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { useLedger } from '../../ledger/LedgerProvider'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { assetFieldsOf, assetOf, BLANK_ASSET } from './asset-fields'
import { useEntryEditor, useMessage } from './form-hooks'

/**
 * Settings › Hardware bought: the asset register the quarterly report counts in full under Scope 3 category 2.
 * Stored as a settings record (it travels in backups); every change can be undone from its notice.
 */
export function AssetRegister() {
  const i18n = useI18n()
  const { t } = i18n
  const { ledger } = useLedger()
  const message = useMessage()
  const assets = useLedgerQuery(({ ledger }) => ledger.settings.getAssets(), [])
  const list = assets.data ?? []
  // The register shows what the lab stated, to the gram (the app's usual rounding would turn 1,234.5 into 1,235).
  const stated = (kg: number) => i18n.num(kg, 3)
  // Every change offers to put the register before it back.
  const { fields, set, editing, errors, submit, edit, cancel, remove } = useEntryEditor(
    BLANK_ASSET,
    list,
    (f, editingId) => assetOf(f, i18n.parse, editingId ?? crypto.randomUUID()),
    (next) => ledger.settings.setAssets(next),
    (asset) => (i) => i.t('assets.saved', { name: asset.device }),
    { undoable: true }
  )
  const heading = editing ? t('assets.edit') : t('assets.add')

  return (
    <section className="card settings-block" aria-labelledby="assets-title" id="settings-assets">
      <h2 id="assets-title">{t('assets.title')}</h2>
      <p className="muted">{t('assets.intro')}</p>
      <LoadStatus state={assets}>
        {list.length === 0 ? (
          <p className="muted">{t('assets.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="assets-title" className="assets">
              <thead>
                <tr>
                  <th>{t('assets.device')}</th>
                  <th className="num">{t('assets.count')}</th>
                  <th>{t('assets.purchasedOn')}</th>
                  <th className="num">{t('assets.embodied')}</th>
                  <th className="num">{t('assets.total')}</th>
                  <th>{t('assets.source')}</th>
                  <th>
                    <span className="visually-hidden">{t('import.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...list]
                  .sort((a, b) => b.purchasedOn.localeCompare(a.purchasedOn))
                  .map((a) => (
                    <tr key={a.id}>
                      <td className="wrap-text">{a.device}</td>
                      <td className="num">{i18n.int(a.count)}</td>
                      <td>{i18n.date(Date.parse(`${a.purchasedOn}T00:00:00Z`))}</td>
                      <td className="num">{stated(a.embodiedKgEach)}</td>
                      <td className="num">{stated(a.count * a.embodiedKgEach)}</td>
                      <td className="wrap-text">{a.source}</td>
                      <td className="row">
                        <button
                          type="button"
                          aria-label={t('settings.editItem', { name: a.device })}
                          onClick={() =>
                            edit(
                              a,
                              assetFieldsOf(a, (n) => i18n.num(n, 6))
                            )
                          }
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="danger"
                          aria-label={t('settings.removeItem', { name: a.device })}
                          onClick={() => remove(a, (i) => i.t('settings.removed', { name: a.device }))}
                        >
                          {t('common.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadStatus>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={heading}>
        <h3>{heading}</h3>
        <div className="fields">
          <Field id="asset-device" label={t('assets.device')} error={message(errors, 'device')}>
            {(p) => (
              <input {...p} maxLength={200} value={fields.device} onChange={(e) => set({ device: e.target.value })} />
            )}
          </Field>
          <Field id="asset-count" label={t('assets.count')} error={message(errors, 'count')}>
            {(p) => (
              <input {...p} inputMode="numeric" value={fields.count} onChange={(e) => set({ count: e.target.value })} />
            )}
          </Field>
          <Field id="asset-date" label={t('assets.purchasedOn')} error={message(errors, 'purchasedOn')}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={fields.purchasedOn}
                onChange={(e) => set({ purchasedOn: e.target.value })}
              />
            )}
          </Field>
          <Field id="asset-embodied" label={t('assets.embodied')} error={message(errors, 'embodiedKgEach')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={fields.embodiedKgEach}
                onChange={(e) => set({ embodiedKgEach: e.target.value })}
              />
            )}
          </Field>
          <Field
            id="asset-source"
            label={t('assets.source')}
            hint={t('assets.sourceHint')}
            error={message(errors, 'source')}
            wide
          >
            {(p) => (
              <input {...p} maxLength={500} value={fields.source} onChange={(e) => set({ source: e.target.value })} />
            )}
          </Field>
        </div>
        <p className="field-error" role={errors?.form ? 'alert' : undefined}>
          {message(errors, 'form') ?? ''}
        </p>
        <div className="row">
          <button type="submit" className="primary">
            {editing ? t('common.save') : t('assets.addButton')}
          </button>
          {editing && (
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
