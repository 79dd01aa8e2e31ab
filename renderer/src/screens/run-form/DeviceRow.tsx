import { useMemo, useState } from 'react'
import { Field } from '../../components/Field'
import { useI18n } from '../../i18n/I18nProvider'
import { type Catalogue } from '../../ledger/engine'
import { groupByVendor } from './hardware-groups'
import { type DeviceFields } from './run-draft'

export function DeviceRow({
  index,
  device,
  catalogue,
  onChange,
  onRemove,
  errors
}: {
  index: number
  device: DeviceFields
  catalogue?: Catalogue
  onChange: (d: DeviceFields) => void
  onRemove: () => void
  errors: (name: string) => string | undefined
}) {
  const { t, num } = useI18n()
  const [search, setSearch] = useState('')
  const matches = useMemo(
    () => (catalogue ? catalogue.searchHardware(catalogue.ref, search, device.kind, 30) : []),
    [catalogue, search, device.kind]
  )
  const current = catalogue && device.hardwareId ? catalogue.findHardware(catalogue.ref, device.hardwareId) : undefined
  const options = current && !matches.some((m) => m.id === current.id) ? [current, ...matches] : matches
  const n = index + 1
  return (
    <div className="device-row fields" role="group" aria-label={`${t('form.hardware')} ${n}`}>
      <Field id={`dev${index}-kind`} label={t('form.deviceKind')}>
        {(p) => (
          <select
            {...p}
            value={device.kind}
            onChange={(e) =>
              onChange({ ...device, kind: e.target.value as DeviceFields['kind'], hardwareId: '', name: '' })
            }
          >
            <option value="gpu">GPU</option>
            <option value="cpu">CPU</option>
            <option value="tpu">TPU</option>
          </select>
        )}
      </Field>
      <Field id={`dev${index}-search`} label={t('form.deviceSearch')}>
        {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      <Field
        id={`dev${index}-model`}
        label={t('form.device')}
        error={errors(`device${index}.model`)}
        hint={
          current
            ? t('form.tdp', { power: num(current.tdpW) })
            : catalogue && options.length === 0
              ? t('form.deviceNone')
              : undefined
        }
      >
        {(p) => (
          <select
            {...p}
            value={device.hardwareId}
            disabled={!catalogue}
            onChange={(e) => {
              const entry = options.find((o) => o.id === e.target.value)
              onChange({ ...device, hardwareId: e.target.value, name: entry?.name ?? '' })
            }}
          >
            <option value="">–</option>
            {groupByVendor(options).map(({ vendor, entries }) => (
              <optgroup key={vendor} label={vendor}>
                {entries.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name} ({num(h.tdpW)} W)
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field id={`dev${index}-count`} label={t('form.count')} error={errors(`device${index}.count`)}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={device.count}
            onChange={(e) => onChange({ ...device, count: e.target.value })}
          />
        )}
      </Field>
      <Field id={`dev${index}-util`} label={t('form.utilisation')} error={errors(`device${index}.utilisation`)}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={device.utilisationPct}
            onChange={(e) => onChange({ ...device, utilisationPct: e.target.value })}
          />
        )}
      </Field>
      <Field id={`dev${index}-power`} label={t('form.powerOverride')} error={errors(`device${index}.power`)}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={device.powerW}
            onChange={(e) => onChange({ ...device, powerW: e.target.value })}
          />
        )}
      </Field>
      <div className="field">
        <button type="button" onClick={onRemove}>
          {t('form.removeDevice', { n })}
        </button>
      </div>
    </div>
  )
}
