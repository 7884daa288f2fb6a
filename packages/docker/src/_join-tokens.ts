/**
 * A multi-node scenario writes `docker swarm join --token WORKER_TOKEN ...`
 * (or MANAGER_TOKEN): the token is the swarm's, drawn when node1 ran
 * `docker swarm init`, so the script cannot hold it. The recorder puts the
 * real one in the line it runs (and records the line as written); the
 * simulator puts its own.
 */
import type Docker from 'dockerode'
import { engineRequest } from './_engine-request.js'

/** The join tokens of a swarm, as `GET /swarm` gives them on a manager. */
export interface JoinTokens {
  Worker: string
  Manager: string
}

const PLACEHOLDER = /\b(WORKER|MANAGER)_TOKEN\b/g

/** Whether a line names a join token. */
export function namesJoinToken(line: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(line)
}

/**
 * The line with WORKER_TOKEN / MANAGER_TOKEN (whole words) replaced by the
 * swarm's tokens; as it is without tokens (node1 in no swarm): the join
 * then fails as it would with a wrong token.
 *
 * @example
 * withJoinTokens('docker swarm join --token WORKER_TOKEN 203.0.113.11:2377', { Worker: 'SWMTKN-1-a-b', Manager: 'SWMTKN-1-a-c' })
 * // 'docker swarm join --token SWMTKN-1-a-b 203.0.113.11:2377'
 */
export function withJoinTokens(line: string, tokens: JoinTokens | undefined): string {
  if (!tokens) return line
  return line.replace(PLACEHOLDER, (_, role: string) => (role === 'WORKER' ? tokens.Worker : tokens.Manager))
}

/** The tokens of the swarm a manager is in (undefined when it is in none, or is no manager). */
export async function joinTokens(docker: Docker): Promise<JoinTokens | undefined> {
  const answer = await engineRequest(docker, { method: 'GET', path: '/swarm' })
  if (answer.status !== 200) return undefined
  const tokens = (JSON.parse(answer.text) as { JoinTokens?: Partial<JoinTokens> }).JoinTokens
  return tokens?.Worker && tokens.Manager ? { Worker: tokens.Worker, Manager: tokens.Manager } : undefined
}
