import { expect, test } from 'vitest'
import { internalErrorText } from './run-cli.js'

test('a defect reaches the user as one line, without a stack trace', () => {
  const error = new Error('network swbridge has no IPv4 gateway\nsecond line')
  const text = internalErrorText(error, false)
  expect(text).toBe(
    'netmodes: internal error (please report it, NETMODES_DEBUG=1 shows where): network swbridge has no IPv4 gateway\n',
  )
  expect(text).not.toMatch(/\bat /)
})

test('NETMODES_DEBUG=1 adds the stack for whoever fixes it', () => {
  const error = new Error('boom')
  expect(internalErrorText(error, true)).toContain(`${error.stack}\n`)
})
