import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { linkParents } from './link-parents.js'

const names = (lab: ReturnType<typeof createLab>) => linkParents(lab).map((c) => c.name)

test('the containers with links are listed as they are made, removed or loaded', () => {
  const lab = createLab()
  runDocker(lab, 'docker run -d --name aa busybox')
  expect(names(lab)).toEqual([])
  runDocker(lab, 'docker run -d --name bb --link aa busybox')
  expect(names(lab)).toEqual(['bb'])
  // A refused creation (no such link target) leaves nothing listed.
  expect(runDocker(lab, 'docker run -d --name cc --link nobody busybox').ok).toBe(false)
  expect(names(lab)).toEqual(['bb'])
  expect(names(structuredClone(lab))).toEqual(['bb'])
  runDocker(lab, 'docker rm -f bb')
  expect(names(lab)).toEqual([])
})

test("a linked child's new address reaches its parent's /etc/hosts", () => {
  const lab = createLab()
  runDocker(lab, 'docker run -d --name aa busybox')
  runDocker(lab, 'docker run -d --name xx busybox')
  runDocker(lab, 'docker run -d --name bb --link aa:al busybox')
  runDocker(lab, 'docker stop aa')
  runDocker(lab, 'docker stop xx')
  runDocker(lab, 'docker start xx')
  runDocker(lab, 'docker start aa')
  const b = Object.values(lab.containers).find((c) => c.name === 'bb')!
  const a = Object.values(lab.containers).find((c) => c.name === 'aa')!
  const ip = Object.values(lab.networks[0]!.endpoints).find((e) => e.containerId === a.id)!.ipv4
  expect(b.etc?.hosts).toContain(`${ip}\tal `)
})
