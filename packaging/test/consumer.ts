/** A tiny consumer of the installed packages, as a user would write it: imports, types, one scenario. */
export const consumerSource = `import { createLab, findContainer, inspectContainer, runDocker, type StepResult } from '@netmodes/core'
import { DockerUnavailableError, connectDocker } from '@netmodes/docker'

const lab = createLab()
const created: StepResult = runDocker(lab, 'docker network create --subnet 10.88.0.0/24 app')
const started: StepResult = runDocker(lab, 'docker run -d --name web --network app nginx')
const web = findContainer(lab, 'web')
if (web === undefined) throw new Error('web was not created')
const settings = inspectContainer(lab, web).NetworkSettings as { Networks: Record<string, { IPAddress: string }> }

// @ts-expect-error runDocker takes a command line: this only type-checks if the types resolved to any
runDocker(lab, 42)

console.log(JSON.stringify({
  exitCodes: [created.exitCode, started.exitCode],
  ip: settings.Networks.app?.IPAddress,
  connectDocker: typeof connectDocker,
  unavailable: new DockerUnavailableError('unix:///nonexistent.sock', 'no such file').name,
}))
`

/** What the consumer prints when the packages work. */
export const consumerExpected = {
  exitCodes: [0, 0],
  ip: '10.88.0.2',
  connectDocker: 'function',
  unavailable: 'DockerUnavailableError',
}
