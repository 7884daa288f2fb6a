import { describe, expect, test } from 'vitest'
import { nearestNode } from '../src/lib/nearest-node.js'

const at = (x: number, y: number) => ({ x, y, width: 10, height: 10 })

describe('the arrow keys on the drawing', () => {
  const bridge = at(100, 0)
  const others = [at(100, 60), at(20, 60), at(300, 10), at(40, 0), undefined]

  test('go to the nearest node that way, a sideways offset counting double', () => {
    expect(nearestNode(bridge, others, 'down')).toBe(0)
    expect(nearestNode(bridge, others, 'right')).toBe(2)
    expect(nearestNode(bridge, others, 'left')).toBe(3)
  })

  test('go nowhere when nothing lies that way', () => {
    expect(nearestNode(bridge, others, 'up')).toBeUndefined()
    expect(nearestNode(bridge, [], 'down')).toBeUndefined()
  })
})
