// The command line's two output streams. A reader that goes away early (`import FILE --json | head`) is normal use:
// the rest of the output is dropped and the command ends with its own exit code, instead of Node's uncaught EPIPE
// stack trace. The command still runs to its end, so files it writes (report --csv) are never left half done.

/** A write function for `stream` that becomes a no-op once the stream's reader has closed it. */
export function outputTo(stream: NodeJS.WriteStream, onFailure: (error: NodeJS.ErrnoException) => void) {
  let open = true
  stream.on('error', (error: NodeJS.ErrnoException) => {
    open = false
    if (error.code !== 'EPIPE') onFailure(error)
  })
  return (text: string): void => {
    if (open) stream.write(text)
  }
}
