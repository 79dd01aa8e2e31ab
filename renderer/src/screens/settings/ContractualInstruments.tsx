import { useMemo } from 'react'
import type { Instruments } from '../../../../shared/emissions/instruments'
import type { LabDefaults } from '../../../../shared/emissions/lab-defaults'
import { knownPlaces } from '../../../../shared/emissions/market'
import { useAsync } from '../../app/useAsync'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'
import { useSaveLab } from './form-hooks'
import { InstrumentList } from './InstrumentList'

/**
 * The lab's contractual instruments for the market-based figure (shared/emissions/instruments.ts) and its carbon
 * offsets, which are recorded here but reported apart.
 */
export function ContractualInstruments({ lab }: { lab: LabDefaults }) {
  const i18n = useI18n()
  const { t } = i18n
  const save = useSaveLab()
  const instruments = lab.instruments
  const storeInstruments = (patch: Partial<Instruments>) => save({ ...lab, instruments: { ...instruments, ...patch } })
  const g = (n: number) => i18n.num(n)
  // A certificate or factor for a place no location answers to would count nothing: refused at its field.
  const ref = useAsync(loadCatalogue, []).data?.ref
  const places = useMemo(() => ref && knownPlaces([...ref.locations, ...lab.locations]), [ref, lab.locations])
  const isKnownPlace = (place: string) => places === undefined || places.has(place)
  return (
    <section className="card settings-block" aria-labelledby="instr-title" id="settings-instruments">
      <h2 id="instr-title">{t('instr.title')}</h2>
      <p className="muted">{t('instr.intro')}</p>
      <InstrumentList
        kind="certificate"
        entries={instruments.certificates}
        title="instr.certificate.title"
        empty="instr.certificate.empty"
        add="instr.certificate.add"
        edit="instr.certificate.edit"
        describe={(c) =>
          t('instr.summary.certificate', {
            type: c.type,
            reference: c.reference,
            volume: g(c.volumeMWh),
            place: c.place,
            intensity: g(c.intensityGPerKWh)
          })
        }
        store={(certificates) => storeInstruments({ certificates })}
        isKnownPlace={isKnownPlace}
      />
      <InstrumentList
        kind="supplier"
        entries={instruments.supplierFactors}
        title="instr.supplier.title"
        empty="instr.supplier.empty"
        add="instr.supplier.add"
        edit="instr.supplier.edit"
        describe={(s) =>
          t('instr.summary.supplier', { place: s.place, intensity: g(s.intensityGPerKWh), source: s.source })
        }
        store={(supplierFactors) => storeInstruments({ supplierFactors })}
        isKnownPlace={isKnownPlace}
      />
      <InstrumentList
        kind="residual"
        entries={instruments.residualMixes}
        title="instr.residual.title"
        empty="instr.residual.empty"
        add="instr.residual.add"
        edit="instr.residual.edit"
        describe={(r) =>
          t('instr.summary.residual', {
            place: r.place,
            year: r.year,
            intensity: g(r.intensityGPerKWh),
            source: r.source
          })
        }
        store={(residualMixes) => storeInstruments({ residualMixes })}
        isKnownPlace={isKnownPlace}
      />
      <p className="muted" id="instr-residual-hint">
        {t('instr.residual.hint')}
      </p>
      <div className="settings-sub">
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={instruments.optInProviderClaims}
              onChange={(e) => void storeInstruments({ optInProviderClaims: e.target.checked })}
              aria-describedby="instr-claims-hint"
            />{' '}
            {t('instr.claim.optIn')}
          </label>
          <span id="instr-claims-hint" className="hint">
            {t('instr.claim.optInHint')}
          </span>
        </div>
        {instruments.optInProviderClaims && (
          <InstrumentList
            kind="claim"
            entries={instruments.providerClaims}
            title="instr.claim.title"
            empty="instr.claim.empty"
            add="instr.claim.add"
            edit="instr.claim.edit"
            describe={(c) =>
              t('instr.summary.claim', {
                provider: c.provider,
                year: c.year,
                intensity: g(c.intensityGPerKWh),
                source: c.source
              })
            }
            store={(providerClaims) => storeInstruments({ providerClaims })}
          />
        )}
      </div>
      <InstrumentList
        kind="offset"
        entries={lab.offsets}
        title="instr.offset.title"
        empty="instr.offset.empty"
        add="instr.offset.add"
        edit="instr.offset.edit"
        describe={(o) => t('instr.summary.offset', { tonnes: g(o.tonnes), project: o.project, year: o.year })}
        store={(offsets) => save({ ...lab, offsets })}
      />
      <p className="muted">{t('instr.offset.apart')}</p>
    </section>
  )
}
