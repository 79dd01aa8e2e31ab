import { useEffect } from 'react'
import type { ScreenProps } from '../../app/screens'
import { useAsync } from '../../app/useAsync'
import { LoadStatus } from '../../components/Status'
import { useI18n } from '../../i18n/I18nProvider'
import { loadCatalogue } from '../../ledger/engine'
import { useLedgerQuery } from '../../ledger/useLedgerQuery'
import { AssetRegister } from './AssetRegister'
import { Backups } from './Backups'
import { ClusterSettings } from './ClusterSettings'
import { ContractualInstruments } from './ContractualInstruments'
import { CountedFigure } from './CountedFigure'
import { CustomHardware } from './CustomHardware'
import { CustomLocations } from './CustomLocations'
import { LabDefaultsForm } from './LabDefaultsForm'
import { Recompute } from './Recompute'
import { ReferenceData } from './ReferenceData'
import { Storage } from './Storage'
import { Trash } from './Trash'
import { WatchedFolders } from './WatchedFolders'

export default function Settings({ query }: ScreenProps) {
  const { t } = useI18n()
  const lab = useLedgerQuery(({ ledger }) => ledger.settings.getLabDefaults(), [])
  const catalogue = useAsync(loadCatalogue, [])
  const section = query.get('section')
  useEffect(() => {
    if (section) document.getElementById(`settings-${section}`)?.scrollIntoView()
  }, [section])
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LoadStatus state={lab}>
        {lab.data && (
          <>
            <LabDefaultsForm lab={lab.data} catalogue={catalogue.data} />
            <CountedFigure key={lab.data.countedEmissions} lab={lab.data} />
            <Recompute />
            <CustomHardware lab={lab.data} />
            <CustomLocations lab={lab.data} />
            <ContractualInstruments lab={lab.data} />
          </>
        )}
      </LoadStatus>
      <AssetRegister />
      <Backups />
      <ClusterSettings catalogue={catalogue.data} />
      <WatchedFolders />
      <Trash />
      <Storage />
      <ReferenceData catalogue={catalogue.data} />
    </section>
  )
}
