// Headless command line: `npm run --silent cli -- <command>`. Plain Node: never imports electron.
// Exit codes: 0 success, 1 bad input (one clear line on stderr), 2 bad usage.
import { outputTo } from './output'
import { run } from './run'

// Output that cannot be written for another reason than a closed pipe (a full disk behind `> file`) is a failure. The
// stream reports it after the write, possibly after the command has returned its code.
let outputFailed = false
const onOutputFailure = (error: NodeJS.ErrnoException): void => {
  if (!outputFailed) stderr(`carbon-ledger: the output could not be written (${error.code ?? error.message})\n`)
  outputFailed = true
  if (!process.exitCode) process.exitCode = 1
}
const stderr = outputTo(process.stderr, onOutputFailure)

run(process.argv.slice(2), { stdout: outputTo(process.stdout, onOutputFailure), stderr }).then((code) => {
  process.exitCode = outputFailed && code === 0 ? 1 : code
})
