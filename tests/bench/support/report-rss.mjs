// Preloaded (node --import) into a benchmarked child process: writes its peak resident set size in bytes to
// $BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024))
})
