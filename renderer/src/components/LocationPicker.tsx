import { useMemo, useState } from 'react'
import type { LocationInput } from '../../../shared/domain/run'
import type { LocationEntry } from '../../../shared/refdata'
import { locationInputOf } from '../../../shared/refdata/locations'
import type { MessageKey } from '../i18n/en'
import { useI18n } from '../i18n/I18nProvider'
import { countryOptions, locationName, type LocationOption } from '../i18n/location-names'
import { type Catalogue } from '../ledger/engine'
import { Field } from './Field'

const LOCATION_KINDS = ['cloud', 'country', 'zone', 'custom', 'unknown'] as const

/** What the picker reads and writes: the location, and for a custom one its intensity and label as typed. */
export interface LocationPickerFields {
  location: LocationInput
  customIntensity: string
  customLabel: string
}

const yearlyIntensityOf = (e: LocationEntry) => e.intensities[e.intensities.length - 1]!

const sameLocation = (a: LocationInput | undefined, b: LocationInput) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The one location picker of the app (run form, lab defaults): how the location is given, then a search and a
 * choice among the catalogue's (and the lab's own) entries, countries named and sorted in the UI language, cloud
 * regions with their city. idPrefix keeps the ids unique when two pickers share a page; the labels may be
 * overridden where the meaning differs (the lab's default location, whose "unknown" is the world average).
 */
export function LocationPicker({
  fields,
  set,
  catalogue,
  errors,
  own = [],
  idPrefix = 'loc',
  kindLabel,
  unknownLabel
}: {
  fields: LocationPickerFields
  set: (patch: Partial<LocationPickerFields>) => void
  catalogue?: Catalogue
  errors: (name: string) => string | undefined
  /** The lab's own locations (Settings), offered before the catalogue's. */
  own?: readonly LocationEntry[]
  idPrefix?: string
  kindLabel?: string
  unknownLabel?: string
}) {
  const { t, num, language } = useI18n()
  const [search, setSearch] = useState('')
  const kind = fields.location.kind
  // Countries: every match, named in the UI language and sorted by that name; zones and cloud regions: the 40 best.
  const matches = useMemo((): LocationOption[] => {
    if (!catalogue || kind === 'custom' || kind === 'unknown') return []
    const mine = own.filter((l) => l.kind === kind).map((entry) => ({ entry, name: entry.name }))
    const found =
      kind === 'country'
        ? countryOptions(catalogue.ref.locations, search, language)
        : catalogue
            .searchLocations(catalogue.ref, search, 200)
            .filter((l) => l.kind === kind)
            .slice(0, 40)
            .map((entry) => ({ entry, name: entry.name }))
    return [...mine, ...found.filter((o) => !mine.some((m) => m.entry.id === o.entry.id))]
  }, [catalogue, search, kind, language, own])
  const current =
    catalogue && (kind === 'cloud' || kind === 'country' || kind === 'zone')
      ? (own.find((l) => sameLocation(locationInputOf(l), fields.location)) ??
        catalogue.resolveLocation(catalogue.ref, fields.location))
      : undefined
  const options =
    current && !matches.some((m) => m.entry.id === current.id)
      ? [{ entry: current, name: locationName(current.id, current.name, language) }, ...matches]
      : matches
  // the lab's own entries carry their own value; a catalogue entry shows what runs there take now
  const latest = (e: LocationEntry) =>
    own.includes(e) || !catalogue ? yearlyIntensityOf(e) : catalogue.newestIntensity(e, catalogue.ref)
  return (
    <div className="fields">
      <Field id={`${idPrefix}-kind`} label={kindLabel ?? t('form.locationKind')}>
        {(p) => (
          <select
            {...p}
            value={kind}
            onChange={(e) => {
              const k = e.target.value as (typeof LOCATION_KINDS)[number]
              set({
                location:
                  k === 'custom'
                    ? { kind: 'custom', intensityGPerKWh: 0, label: 'custom' }
                    : k === 'unknown'
                      ? { kind: 'unknown' }
                      : k === 'cloud'
                        ? { kind: 'cloud', provider: '', region: '' }
                        : k === 'country'
                          ? { kind: 'country', code: '' }
                          : { kind: 'zone', zone: '' }
              })
            }}
          >
            {LOCATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'unknown' && unknownLabel ? unknownLabel : t(`form.loc.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'custom' && (
        <>
          <Field id={`${idPrefix}-intensity`} label={t('form.customIntensity')} error={errors('customIntensity')}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={fields.customIntensity}
                onChange={(e) => set({ customIntensity: e.target.value })}
              />
            )}
          </Field>
          <Field id={`${idPrefix}-label`} label={t('form.customLabel')}>
            {(p) => <input {...p} value={fields.customLabel} onChange={(e) => set({ customLabel: e.target.value })} />}
          </Field>
        </>
      )}
      {(kind === 'cloud' || kind === 'country' || kind === 'zone') && (
        <>
          <Field id={`${idPrefix}-search`} label={t('form.locationSearch')}>
            {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
          </Field>
          <Field
            id={`${idPrefix}-entry`}
            label={t('form.location')}
            error={errors('location')}
            hint={!catalogue ? t('form.loadingCatalogue') : options.length === 0 ? t('form.locationNone') : undefined}
            wide
          >
            {(p) => (
              <select
                {...p}
                value={current?.id ?? ''}
                // A narrow window cuts a long region's name: hover shows the whole choice.
                title={options.find((o) => o.entry.id === current?.id)?.name}
                disabled={!catalogue}
                onChange={(e) => {
                  const entry = options.find((o) => o.entry.id === e.target.value)?.entry
                  const input = entry && locationInputOf(entry)
                  if (input) set({ location: input })
                }}
              >
                <option value="">–</option>
                {options.map(({ entry, name }) => {
                  const shown = latest(entry)
                  return (
                    <option key={entry.id} value={entry.id}>
                      {`${name} (${t('form.locationIntensity', { value: num(shown.intensityGPerKWh), year: shown.year })})`}
                    </option>
                  )
                })}
              </select>
            )}
          </Field>
        </>
      )}
    </div>
  )
}
