import { describe, expect, test } from 'vitest'
import { displayWidth } from './display-width.js'
import { wrapText } from './wrap.js'

describe('wrapText', () => {
  test('Latin text breaks at spaces', () => {
    expect(wrapText('one veth pair per container', 10)).toEqual(['one veth', 'pair per', 'container'])
  })
  test('Chinese text breaks between characters, two columns each', () => {
    const lines = wrapText('容器和宿主机共享网络命名空间', 10)
    expect(lines).toEqual(['容器和宿主', '机共享网络', '命名空间'])
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10)
  })
  test('closing punctuation never starts a line, opening never ends one', () => {
    for (const line of wrapText(
      '有：从网桥网段分配的私有 IP（Container-IP，docker0 为 172.17.0.0/16）。宿主机',
      16,
    )) {
      expect(line).not.toMatch(/^[，。）：；]/)
      expect(line).not.toMatch(/（$/)
    }
  })
  test('a word longer than the line is cut', () => {
    expect(wrapText('br-0123456789ab', 6)).toEqual(['br-012', '345678', '9ab'])
  })
})
