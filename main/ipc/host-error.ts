/** An error whose message is written for the user and may cross to the renderer as is. Any other error does not. */
export class HostError extends Error {
  override readonly name = 'HostError'
}
