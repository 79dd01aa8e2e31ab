import { describe, expect, it, vi } from 'vitest'
import { createHandle, type InvokeEventLike, invokeSafely, isTrustedSender } from '../../../main/ipc/handle'
import { HostError } from '../../../main/ipc/host-error'
import { invokeChannels } from '../../../shared/ipc/channels'

const fromApp: InvokeEventLike = {
  sender: { id: 7 },
  senderFrame: { url: 'app://carbon-ledger/index.html', parent: null }
}
const from = (url: string, parent: unknown = null): InvokeEventLike => ({
  sender: { id: 7 },
  senderFrame: { url, parent }
})
const appInfo = {
  name: 'Carbon Ledger',
  version: '0.1.0',
  platform: 'linux',
  arch: 'x64',
  electronVersion: '40.10.2',
  chromeVersion: '144.0.0.0',
  isPackaged: false
}

describe('isTrustedSender', () => {
  it('trusts the top frame of app://carbon-ledger, whatever the path or query', () => {
    expect(isTrustedSender(fromApp)).toBe(true)
    expect(isTrustedSender(from('app://carbon-ledger/report.html?quarter=2026-Q3'))).toBe(true)
  })
  it.each([
    ['another host', 'app://evil/index.html'],
    ['a lookalike host', 'app://carbon-ledger.evil/index.html'],
    ['userinfo before the host', 'app://carbon-ledger@evil/index.html'],
    ['the dev server', 'http://localhost:5173/'],
    ['a file page', 'file:///C:/Users/me/index.html'],
    ['https', 'https://carbon-ledger/index.html'],
    ['about:blank', 'about:blank'],
    ['an unparsable URL', 'not a url']
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender(from(url))).toBe(false)
  })
  it('refuses a missing sender frame (destroyed or navigated away)', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null })).toBe(false)
  })
  it('refuses a sub-frame even on the app origin', () => {
    expect(isTrustedSender(from('app://carbon-ledger/index.html', { url: 'app://carbon-ledger/index.html' }))).toBe(
      false
    )
  })
})

describe('invokeSafely', () => {
  it('runs the handler with the parsed argument and the sender id, and returns its value', async () => {
    const handler = vi.fn(({ url }: { url: string }) => ({ opened: url.startsWith('https://') }))
    const result = await invokeSafely(
      invokeChannels.openLink,
      handler,
      fromApp,
      [{ url: 'https://github.com/' }],
      vi.fn()
    )
    expect(result).toEqual({ ok: true, value: { opened: true } })
    expect(handler).toHaveBeenCalledWith({ url: 'https://github.com/' }, { senderId: 7 })
  })

  it('never runs the handler for an untrusted sender', async () => {
    const handler = vi.fn(() => appInfo)
    const log = vi.fn()
    const result = await invokeSafely(invokeChannels.appInfo, handler, from('https://evil.example/'), [], log)
    expect(result).toEqual({ ok: false, error: 'This request is not allowed from this page.' })
    expect(handler).not.toHaveBeenCalled()
    expect(log.mock.calls[0]?.[0]).toContain('https://evil.example/')
  })

  it('never runs the handler without a sender frame', async () => {
    const handler = vi.fn(() => appInfo)
    const result = await invokeSafely(
      invokeChannels.appInfo,
      handler,
      { sender: { id: 1 }, senderFrame: null },
      [],
      vi.fn()
    )
    expect(result.ok).toBe(false)
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses invalid arguments before the handler, naming the field', async () => {
    const handler = vi.fn(() => ({ status: 'cancelled' as const }))
    const result = await invokeSafely(
      invokeChannels.saveFile,
      handler,
      fromApp,
      [{ suggestedName: 'a.csv', content: 42, filters: [] }],
      vi.fn()
    )
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/^Invalid request to files:save: content: /)
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses unknown extra fields (strict objects) and extra arguments', async () => {
    const handler = vi.fn(() => ({ opened: true }))
    const extraField = await invokeSafely(
      invokeChannels.openLink,
      handler,
      fromApp,
      [{ url: 'https://github.com/', shell: true }],
      vi.fn()
    )
    const extraArgument = await invokeSafely(
      invokeChannels.openLink,
      handler,
      fromApp,
      [{ url: 'https://github.com/' }, 'more'],
      vi.fn()
    )
    expect(extraField.ok).toBe(false)
    expect(extraArgument).toEqual({
      ok: false,
      error: 'Invalid request to app:open-link: one argument expected, got 2.'
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses an argument to a channel that takes none', async () => {
    const handler = vi.fn(() => appInfo)
    const result = await invokeSafely(invokeChannels.appInfo, handler, fromApp, [{ please: 1 }], vi.fn())
    expect(result.ok).toBe(false)
    expect(handler).not.toHaveBeenCalled()
  })

  it('passes a HostError message through as written', async () => {
    const result = await invokeSafely(
      invokeChannels.backupOpen,
      () => {
        throw new HostError('The backup carbon-ledger-backup-2026-01-02.json no longer exists.')
      },
      fromApp,
      [{ fileName: 'carbon-ledger-backup-2026-01-02.json' }],
      vi.fn()
    )
    expect(result).toEqual({ ok: false, error: 'The backup carbon-ledger-backup-2026-01-02.json no longer exists.' })
  })

  it('hides any other error (paths, stacks) behind a generic message and logs it', async () => {
    const log = vi.fn()
    const secret = new Error("EACCES: permission denied, open '/home/alice/.config/Carbon Ledger/backups/x'")
    const result = await invokeSafely(
      invokeChannels.backupStatus,
      async () => {
        throw secret
      },
      fromApp,
      [],
      log
    )
    expect(result).toEqual({
      ok: false,
      error: 'Carbon Ledger could not complete this action (backup:status). The details are in the log.'
    })
    expect(log).toHaveBeenCalledWith('IPC backup:status: handler failed', secret)
  })

  it('refuses a result outside the contract instead of sending it', async () => {
    const log = vi.fn()
    const result = await invokeSafely(
      invokeChannels.appInfo,
      () => ({ ...appInfo, userData: '/home/alice' }) as typeof appInfo,
      fromApp,
      [],
      log
    )
    expect(result.ok).toBe(false)
    expect(log.mock.calls[0]?.[0]).toContain('outside the contract')
  })
})

describe('createHandle', () => {
  it('registers the channel on ipcMain and answers through the same checks', async () => {
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
    const handle = createHandle({ handle: (channel, listener) => listeners.set(channel, listener) }, vi.fn())
    handle(invokeChannels.appInfo, () => appInfo)
    const listener = listeners.get('app:info')
    expect(listener).toBeDefined()
    await expect(listener?.(fromApp)).resolves.toEqual({ ok: true, value: appInfo })
    await expect(listener?.(from('file:///etc/passwd'))).resolves.toMatchObject({ ok: false })
  })
})
