/**
 * Renders a screen or one of its sections as the app does (host, language, notices, the ledger over fake-indexeddb),
 * for component tests in jsdom. A test file starts with `// @vitest-environment jsdom` then `import
 * 'fake-indexeddb/auto'` before anything else: Dexie looks for IndexedDB once, when it is first loaded.
 */
import '@testing-library/jest-dom/vitest'
import { cleanup, configure, render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach } from 'vitest'
import { NoticesProvider } from '../../../../renderer/src/app/Notices'
import { HostProvider } from '../../../../renderer/src/host/HostProvider'
import { I18nProvider } from '../../../../renderer/src/i18n/I18nProvider'
import type { Language } from '../../../../renderer/src/i18n/translate'
import { LedgerProvider } from '../../../../renderer/src/ledger/LedgerProvider'

// jsdom's Blob has no stream(), which the Import screen reads a picked file with: the browser's, in one chunk.
if (typeof Blob !== 'undefined' && !('stream' in Blob.prototype))
  Object.defineProperty(Blob.prototype, 'stream', {
    value(this: Blob) {
      return new ReadableStream<Uint8Array>({
        start: async (controller) => {
          controller.enqueue(new Uint8Array(await this.arrayBuffer()))
          controller.close()
        }
      })
    }
  })

// jsdom lays nothing out, so it has no scrolling either: the screens' scroll calls do nothing here.
if (typeof Element !== 'undefined') {
  Element.prototype.scrollTo ??= () => undefined
  Element.prototype.scrollIntoView ??= () => undefined
}

// The ledger answers in the background, and the machine running the tests may be busy: findBy and waitFor wait up
// to 10 s (a test that passes never waits that long).
configure({ asyncUtilTimeout: 10_000 })

// vitest runs without globals: Testing Library's own cleanup would not register.
afterEach(cleanup)

let counter = 0
/** A database of its own per render, so tests never see each other's ledger. */
export const freshDatabase = (): string => `component-test-${process.pid}-${++counter}`

export interface Options {
  language?: Language
  /** The ledger's database; a fresh one when not given. Without `ledger: true` no ledger is opened. */
  database?: string
  ledger?: boolean
}

/** The app's providers around `ui`, in the app's order, in the language asked for (English by default). */
export function renderInApp(ui: ReactNode, { language = 'en', database, ledger = false }: Options = {}): RenderResult {
  localStorage.setItem('carbon-ledger.language', language)
  const inner = ledger ? <LedgerProvider databaseName={database ?? freshDatabase()}>{ui}</LedgerProvider> : ui
  return render(
    <HostProvider>
      <I18nProvider>
        <NoticesProvider>{inner}</NoticesProvider>
      </I18nProvider>
    </HostProvider>
  )
}
