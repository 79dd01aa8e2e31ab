// The one way main answers IPC: sender check, argument parsing, result validation and safe errors, before and after
// every handler. The core (invokeSafely) is pure; createHandle binds it to an injected ipcMain.
import { z } from 'zod'
import type { InvokeChannel, IpcEnvelope } from '../../shared/ipc/channels'
import { type IpcArgs, ipcContract, type IpcResult } from '../../shared/ipc/contract'
import { isAppUrl } from '../app-origin'
import { HostError } from './host-error'

/** The parts of Electron's IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

export interface HandlerContext {
  /** webContents id of the sender, e.g. to match report:ready to the hidden report window. */
  senderId: number
}

export type Handler<C extends InvokeChannel> = (
  args: IpcArgs<C>,
  context: HandlerContext
) => Promise<IpcResult<C>> | IpcResult<C>

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>): void
}

export type Logger = (message: string, error?: unknown) => void

/**
 * A sender is trusted when its frame still exists, is a top-level frame and shows app://carbon-ledger/…
 * (a destroyed or navigated-away frame has senderFrame null; an iframe would have a parent).
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame
  return frame !== null && (frame.parent === null || frame.parent === undefined) && isAppUrl(frame.url)
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'argument'}: ${issue.message}`)
    .join('; ')
}

export async function invokeSafely<C extends InvokeChannel>(
  channel: C,
  handler: Handler<C>,
  event: InvokeEventLike,
  rawArgs: unknown[],
  log: Logger
): Promise<IpcEnvelope<IpcResult<C>>> {
  if (!isTrustedSender(event)) {
    log(`IPC ${channel}: refused a sender that is not app://carbon-ledger (${event.senderFrame?.url ?? 'no frame'})`)
    return { ok: false, error: 'This request is not allowed from this page.' }
  }
  const contract = ipcContract[channel]
  if (rawArgs.length > 1)
    return { ok: false, error: `Invalid request to ${channel}: one argument expected, got ${rawArgs.length}.` }
  const parsed = contract.args.safeParse(rawArgs[0])
  if (!parsed.success) return { ok: false, error: `Invalid request to ${channel}: ${describeIssues(parsed.error)}` }
  let result: unknown
  try {
    result = await handler(parsed.data as IpcArgs<C>, { senderId: event.sender.id })
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: error.message }
    log(`IPC ${channel}: handler failed`, error)
    return {
      ok: false,
      error: `Carbon Ledger could not complete this action (${channel}). The details are in the log.`
    }
  }
  const checked = contract.result.safeParse(result)
  if (!checked.success) {
    log(`IPC ${channel}: handler returned a result outside the contract: ${describeIssues(checked.error)}`)
    return {
      ok: false,
      error: `Carbon Ledger could not complete this action (${channel}). The details are in the log.`
    }
  }
  return { ok: true, value: checked.data as IpcResult<C> }
}

export function createHandle(ipcMain: IpcMainLike, log: Logger) {
  return function handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void {
    ipcMain.handle(channel, (event, ...args) => invokeSafely(channel, handler, event, args, log))
  }
}
