/**
 * An error raised by one of the Go-emulating helpers, carrying exactly the
 * text Go's `err.Error()` would produce. A distinct class lets the flag layer
 * turn these (and only these) into docker's "invalid argument" messages
 * without swallowing programming errors.
 *
 * @example
 * throw new GoValueError('strconv.ParseInt: parsing "x": invalid syntax')
 */
export class GoValueError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoValueError'
  }
}
