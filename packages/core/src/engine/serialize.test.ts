import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

test('a snapshot restores the lab exactly, and the restored lab goes on the same way', () => {
  const lab = createLab()
  runDocker(lab, 'docker network create app')
  runDocker(lab, 'docker run -d --name web --network app -p 8080:80 nginx')
  const copy = fromJSON(toJSON(lab))
  expect(copy).toEqual(lab)
  expect(runDocker(copy, 'docker run -d --name db --network app postgres')).toEqual(
    runDocker(lab, 'docker run -d --name db --network app postgres'),
  )
  expect(copy).toEqual(lab)
})

test('damaged lab files are refused with what is wrong', () => {
  expect(() => fromJSON('{oops')).toThrow(/^lab file is not valid JSON/)
  expect(() => fromJSON('{"schema":1,"namespaces":{},"networks":[],"netfilter":{}}')).toThrow(
    'lab file is not a netmodes lab (schema 1): profile: is missing',
  )
  const lab = JSON.parse(toJSON(createLab()))
  delete lab.namespaces.host
  expect(() => fromJSON(JSON.stringify(lab))).toThrow('namespaces.host: is missing')
})
