// Scenario benchmark: what a page re-simulating a scenario on every
// keystroke pays. A fresh lab, one user network and 50 `docker run -d -p`
// commands, parsed and executed through the public API; and the parse of one
// `docker run` line alone (the docker CLI's flag grammar). Run after `pnpm build`.
import { createLab, parseDockerCommand, runDocker } from '../dist/index.js'

function fiftyContainers(engine = '20.10') {
  const lab = createLab({ engine })
  const r = runDocker(lab, 'docker network create app')
  if (!r.ok) throw new Error(r.error)
  for (let i = 0; i < 50; i++) {
    const run = runDocker(lab, `docker run -d --name web${i} --network app -p ${8000 + i}:80 nginx`)
    if (!run.ok) throw new Error(run.error)
  }
  return lab
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

// Median of `rounds` timings of `batch` calls, per call, in ms.
function timeEach(fn, rounds, batch) {
  for (let i = 0; i < batch * 5; i++) fn() // let the JIT settle first
  const samples = []
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    for (let i = 0; i < batch; i++) fn()
    samples.push((performance.now() - t0) / batch)
  }
  return median(samples)
}

/**
 * Measures the scenario figures and returns one row per figure.
 *
 * @example
 * for (const { name, value, unit } of await benchScenario()) console.log(name, value, unit)
 */
export async function benchScenario() {
  // Both profiles run the same engine code: whichever is timed first would pay for the JIT
  // compiling it (its median came out at twice the other's). A page re-simulating on every
  // keystroke runs warm code, so both are run a while before either is timed.
  for (let i = 0; i < 200; i++) {
    fiftyContainers()
    fiftyContainers('28')
  }
  const argv = ['docker', 'run', '-d', '--name', 'web', '--network', 'app', '-p', '8080:80', 'nginx']
  return [
    {
      name: 'scenario: fresh lab, 1 network + 50 containers with -p (median of 30)',
      goal: 'scenario',
      profile: '20.10',
      value: timeEach(() => fiftyContainers(), 30, 5),
      unit: 'ms',
    },
    {
      name: 'scenario: the same on the Docker 28 profile (median of 30)',
      goal: 'scenario',
      profile: '28',
      value: timeEach(() => fiftyContainers('28'), 30, 5),
      unit: 'ms',
    },
    {
      name: 'scenario: parse one `docker run -d --name --network -p` line (median)',
      // The docker CLI's grammar is the same for both engine profiles: one figure stands for both.
      goal: 'parse',
      profile: 'both',
      value: timeEach(() => parseDockerCommand(argv), 50, 200) * 1000,
      unit: 'µs',
    },
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchScenario()) console.log(r.name, r.value, r.unit)
}
