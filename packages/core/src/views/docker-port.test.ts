import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'

// Each expectation is what the docker 20.10.24 CLI printed against a real
// 20.10.24 engine for the same containers (stdout, stderr, exit code).
describe('docker port', () => {
  const lab = createLab({ engine: '20.10' })
  runDocker(lab, 'docker run -d --name p0 busybox sleep 3600')
  runDocker(
    lab,
    'docker run -d --name p1 -p 127.0.0.1:28080:80 -p 28081:81/udp --expose 90 busybox sleep 3600',
  )
  const port = (args: string) => {
    const r = runDocker(lab, `docker port ${args}`)
    return { out: r.output, err: r.error ?? '', code: r.exitCode }
  }
  test.each([
    ['p0', '', '', 0],
    ['p0 80/udp', '', "Error: No public port '80/udp' published for p0\n", 1],
    ['p0 80', '', "Error: No public port '80/tcp' published for p0\n", 1],
    ['nosuch', '', 'Error: No such container: nosuch\n', 1],
    ['nosuch 80', '', 'Error: No such container: nosuch\n', 1],
    ['p1 80', '127.0.0.1:28080\n', '', 0],
    ['p1 080/tcp', '127.0.0.1:28080\n', '', 0],
    ['p1 80-80', '127.0.0.1:28080\n', '', 0],
    ['p1 81/udp', '0.0.0.0:28081\n:::28081\n', '', 0],
    ['p1 90', '', "Error: No public port '90/tcp' published for p1\n", 1],
    ['p1 80/xyz', '', "Error: No public port '80/xyz' published for p1\n", 1],
    ['p1 80/TCP', '', "Error: No public port '80/TCP' published for p1\n", 1],
    ['p1 80/tcp/x', '', "Error: No public port '80/tcp/x' published for p1\n", 1],
    ['p1 80-81', '', "Error: No public port '80-81/tcp' published for p1\n", 1],
    ['p1 /udp', '', "Error: No public port '/udp' published for p1\n", 1],
    ['p1 0', '', "Error: No public port '0/tcp' published for p1\n", 1],
    ['p1 abc', '', 'strconv.ParseUint: parsing "abc": invalid syntax\n', 1],
    ['p1 80/', '', 'strconv.ParseUint: parsing "80/": invalid syntax\n', 1],
    ['p1 99999', '', 'strconv.ParseUint: parsing "99999": value out of range\n', 1],
    ['p1 65536', '', 'strconv.ParseUint: parsing "65536": value out of range\n', 1],
    ['p1 1-x', '', 'strconv.ParseUint: parsing "x": invalid syntax\n', 1],
    ['p1 81-80', '', 'Invalid range specified for the Port: 81-80\n', 1],
  ])('docker port %s', (args, out, err, code) => {
    expect(port(args)).toEqual({ out, err, code })
  })
  test('all bindings; a stopped container has none', () => {
    expect(port('p1').out).toBe('80/tcp -> 127.0.0.1:28080\n81/udp -> 0.0.0.0:28081\n81/udp -> :::28081\n')
    runDocker(lab, 'docker stop -t 0 p1')
    expect(port('p1')).toEqual({ out: '', err: '', code: 0 })
    expect(port('p1 80')).toEqual({
      out: '',
      err: "Error: No public port '80/tcp' published for p1\n",
      code: 1,
    })
  })
})
