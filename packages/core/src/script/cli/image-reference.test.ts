import { describe, expect, it } from 'vitest'
import { validateImageReference } from './image-reference.js'

describe('validateImageReference', () => {
  it('accepts what docker accepts', () => {
    for (const ref of [
      'nginx',
      'nginx:latest',
      'library/nginx',
      'docker.io/library/nginx:1.25',
      'localhost:5000/app',
      'Registry.Example.com/team/app:Tag_1',
      'a/b/c/d',
      'my__img',
      'my---img',
      'img@sha256:0123456789012345678901234567890123456789012345678901234567890123',
      '0123456789012345678901234567890123456789012345678901234567890123',
    ]) {
      expect(() => validateImageReference(ref), ref).not.toThrow()
    }
  })

  // Texts observed with docker CLI 20.10.24 (`docker create REF`, printed as is).
  it('rejects with the CLI’s texts', () => {
    expect(() => validateImageReference('IMG')).toThrow(
      'invalid reference format: repository name must be lowercase',
    )
    expect(() => validateImageReference('localhost:5000/My/img')).toThrow(
      'invalid reference format: repository name must be lowercase',
    )
    expect(() => validateImageReference('a b')).toThrow('invalid reference format')
    expect(() => validateImageReference('img:')).toThrow('invalid reference format')
    expect(() => validateImageReference('-')).toThrow('invalid reference format')
    expect(() => validateImageReference('my_-img')).toThrow('invalid reference format')
    expect(() => validateImageReference('nginx@sha256:abc')).toThrow('invalid reference format')
    expect(() => validateImageReference(`${'a'.repeat(250)}/b`)).toThrow(
      'repository name must not be more than 255 characters',
    )
  })
})
