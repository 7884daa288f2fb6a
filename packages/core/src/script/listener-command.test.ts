import { describe, expect, test } from 'vitest'
import { listenersOfCommand } from './listener-command.js'

const words = (line: string) => line.split(' ')

describe('listenersOfCommand', () => {
  test('nc: busybox, traditional and OpenBSD forms', () => {
    // Given no address, busybox binds :: (dual-stack): netstat shows :::80.
    const tcp80 = [{ protocol: 'tcp', port: 80, address: '::' }]
    expect(listenersOfCommand(words('nc -l -p 80'))).toEqual(tcp80)
    expect(listenersOfCommand(words('nc -lk -p 80'))).toEqual(tcp80)
    expect(listenersOfCommand(words('nc -ll -p 80 -e echo ok'))).toEqual(tcp80)
    expect(listenersOfCommand(words('nc -lp80'))).toEqual(tcp80)
    expect(listenersOfCommand(words('nc -l 80'))).toEqual(tcp80)
    expect(listenersOfCommand(words('/bin/busybox nc -l 0.0.0.0 -p 80'))).toEqual([
      { protocol: 'tcp', port: 80, address: '0.0.0.0' },
    ])
    expect(listenersOfCommand(words('nc -l 127.0.0.1 -p 8081'))).toEqual([
      { protocol: 'tcp', port: 8081, address: '127.0.0.1' },
    ])
    expect(listenersOfCommand(words('nc -lu -p 53'))).toEqual([{ protocol: 'udp', port: 53, address: '::' }])
  })

  test('nc without -l, or without a port, listens on nothing', () => {
    expect(listenersOfCommand(words('nc web 80'))).toEqual([])
    expect(listenersOfCommand(words('nc -w 2 -e /bin/sh web 80'))).toEqual([])
    expect(listenersOfCommand(words('nc -l'))).toEqual([])
    expect(listenersOfCommand(words('nc -l -p 70000'))).toEqual([])
  })

  test('socat: TCP-LISTEN / UDP-LISTEN addresses, with bind=', () => {
    expect(listenersOfCommand(['socat', 'TCP-LISTEN:8080,fork,reuseaddr', 'TCP:web:80'])).toEqual([
      { protocol: 'tcp', port: 8080, address: '0.0.0.0' },
    ])
    expect(listenersOfCommand(['socat', 'UDP4-LISTEN:53,bind=127.0.0.1', '-'])).toEqual([
      { protocol: 'udp', port: 53, address: '127.0.0.1' },
    ])
    expect(listenersOfCommand(['socat', '-', 'TCP:web:80'])).toEqual([])
  })

  test('python -m http.server: 8000 unless told, --bind', () => {
    expect(listenersOfCommand(words('python3 -m http.server'))).toEqual([
      { protocol: 'tcp', port: 8000, address: '::' },
    ])
    expect(listenersOfCommand(words('python -m http.server 9000 --bind 127.0.0.1'))).toEqual([
      { protocol: 'tcp', port: 9000, address: '127.0.0.1' },
    ])
    expect(listenersOfCommand(words('python3 app.py'))).toEqual([])
  })

  test('busybox httpd: -p [ADDR:]PORT, 80 by default', () => {
    expect(listenersOfCommand(words('httpd -f -p 8080'))).toEqual([
      { protocol: 'tcp', port: 8080, address: '::' },
    ])
    expect(listenersOfCommand(words('busybox httpd -f -p 127.0.0.1:81'))).toEqual([
      { protocol: 'tcp', port: 81, address: '127.0.0.1' },
    ])
    expect(listenersOfCommand(words('busybox httpd -f'))).toEqual([
      { protocol: 'tcp', port: 80, address: '::' },
    ])
  })

  test('other programs listen on nothing the model knows', () => {
    expect(listenersOfCommand(words('sleep 3600'))).toEqual([])
    expect(listenersOfCommand([])).toEqual([])
  })
})
