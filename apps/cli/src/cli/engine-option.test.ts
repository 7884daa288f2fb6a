import { ENGINE_VERSIONS } from '@netmodes/core'
import { expect, test } from 'vitest'
import { ENGINE_CHOICES, engineArgs } from './engine-option.js'

test("--engine offers exactly core's engine versions", () => {
  expect([...ENGINE_CHOICES]).toEqual([...ENGINE_VERSIONS])
  expect(engineArgs.engine.options).toEqual([...ENGINE_VERSIONS])
})
