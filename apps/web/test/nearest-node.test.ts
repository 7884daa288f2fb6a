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

  test("from a container's interface, Down reaches its box's name below it, though their centres are apart", () => {
    const eth1 = { x: 640, y: 400, width: 80, height: 30 }
    const name = { x: 530, y: 440, width: 200, height: 30 }
    const farRight = { x: 900, y: 445, width: 80, height: 30 }
    expect(nearestNode(eth1, [farRight, name], 'down')).toBe(1)
  })

  test("Right from a container's name goes to the next container's name, not to an interface above", () => {
    const web = { x: 530, y: 440, width: 200, height: 30 }
    const eth1 = { x: 640, y: 400, width: 80, height: 30 }
    const db = { x: 760, y: 440, width: 110, height: 30 }
    expect(nearestNode(web, [eth1, db], 'right')).toBe(1)
  })
})
