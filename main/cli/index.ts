// Headless command line: `npm run --silent cli -- <command>`. Plain Node: never imports electron.
// Exit codes: 0 success, 1 bad input (one clear line on stderr), 2 bad usage.
import { run } from './run'

run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
}).then((code) => {
  process.exitCode = code
})
