import { existsSync } from 'node:fs'

/** The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never a downloaded one. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable.`
    )
  }
  return candidate
}

/** Flags for a closed network: no background connections that would be refused by the hundred. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
