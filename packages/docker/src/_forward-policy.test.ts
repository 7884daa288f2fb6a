import { expect, test } from 'vitest'
import { daemonDropsForward } from './_forward-policy.js'

test('the daemon sets FORWARD to DROP unless its flags keep it from writing rules or forwarding', () => {
  expect(daemonDropsForward([])).toBe(true)
  expect(daemonDropsForward(['-H', 'unix:///x.sock', '--icc=false'])).toBe(true)
  expect(daemonDropsForward(['--iptables=false'])).toBe(false)
  expect(daemonDropsForward(['--ip-forward=false'])).toBe(false)
  expect(daemonDropsForward(['--ip-forward-no-drop'])).toBe(false)
  // The last one wins, as pflag sets a flag each time it is given.
  expect(daemonDropsForward(['--iptables=false', '--iptables'])).toBe(true)
  expect(daemonDropsForward(['--iptables=true', '--iptables=FALSE'])).toBe(false)
})
