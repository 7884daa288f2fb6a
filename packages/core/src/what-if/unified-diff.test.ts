import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editScript, unifiedDiff } from './unified-diff.js'

/** GNU diff -u's hunks (headers dropped: they carry file names and times). */
function gnuDiff(a: string, b: string, dir: string): string {
  writeFileSync(join(dir, 'a'), a)
  writeFileSync(join(dir, 'b'), b)
  try {
    execFileSync('diff', ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' })
    return ''
  } catch (error) {
    const out = (error as { stdout: string }).stdout
    return out.split('\n').slice(2).join('\n')
  }
}

function apply(script: ReturnType<typeof editScript>): { a: string[]; b: string[] } {
  return {
    a: script.filter((l) => l.op !== '+').map((l) => l.text),
    b: script.filter((l) => l.op !== '-').map((l) => l.text),
  }
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { from: 'x', to: 'y' })).toBe('')
  })

  it('prints a changed rule between its context lines', () => {
    const before = '*nat\n:DOCKER - [0:0]\n-A DOCKER -i docker0 -j RETURN\nCOMMIT\n'
    const after = '*nat\n:DOCKER - [0:0]\n-A DOCKER -i br-1 -j RETURN\nCOMMIT\n'
    expect(unifiedDiff(before, after, { from: 'A', to: 'B' })).toBe(
      '--- A\n+++ B\n@@ -1,4 +1,4 @@\n *nat\n :DOCKER - [0:0]\n--A DOCKER -i docker0 -j RETURN\n+-A DOCKER -i br-1 -j RETURN\n COMMIT\n',
    )
  })

  it('names an empty side by the line before it, as diff -u does', () => {
    expect(unifiedDiff('', 'x\n', { from: 'A', to: 'B' })).toBe('--- A\n+++ B\n@@ -0,0 +1 @@\n+x\n')
  })

  it('finds a shortest edit script that rebuilds both texts', () => {
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: rand(12) }, () => 'abc'[rand(3)] as string)
      const b = Array.from({ length: rand(12) }, () => 'abc'[rand(3)] as string)
      const script = editScript(a, b)
      expect(apply(script)).toEqual({ a, b })
      // The LCS by dynamic programming: the script keeps exactly that many lines.
      const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--)
          (lcs[i] as number[])[j] =
            a[i] === b[j]
              ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
              : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number)
      expect(script.filter((l) => l.op === ' ').length).toBe((lcs[0] as number[])[0])
    }
  })

  it('groups hunks as GNU diff -u does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-diff-'))
    try {
      const base = Array.from({ length: 40 }, (_, i) => `-A DOCKER rule ${i}`)
      const cases: [string[], string[]][] = [
        [base, base.map((l, i) => (i === 5 || i === 30 ? `${l} changed` : l))],
        [base, base.map((l, i) => (i === 5 || i === 11 ? `${l} changed` : l))],
        [base, base.map((l, i) => (i === 5 || i === 12 ? `${l} changed` : l))],
        [base, [...base.slice(0, 2), ...base.slice(3), 'new']],
        [base, ['first', ...base]],
        [base.slice(0, 3), []],
      ]
      for (const [a, b] of cases) {
        const ours = unifiedDiff(`${a.join('\n')}\n`, `${b.join('\n')}\n`, { from: 'a', to: 'b' })
        expect(ours.split('\n').slice(2).join('\n')).toBe(
          gnuDiff(`${a.join('\n')}\n`, `${b.join('\n')}\n`, dir),
        )
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
