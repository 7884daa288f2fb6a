/**
 * The data plane: a packet tracer over the lab (routes, veths, bridges,
 * netfilter, NAT, conntrack, docker-proxy, overlay, macvlan) and the
 * reachability matrix built on it.
 */

export { describeHop } from './describe-hop.js'
export type { FlowFieldNames } from './flow-protocol.js'
export { matrixProtocolOf, traceProtocolOf } from './flow-protocol.js'
export type { ChainVerdict, MatchedRule } from './netfilter-eval.js'
export { evaluateChain } from './netfilter-eval.js'
export type { ListenerSpec } from './parse-endpoint.js'
export { formatEndpoint, parseEndpoint, parseListener } from './parse-endpoint.js'
export type { MatrixCell, MatrixEntry, ReachabilityMatrix, ReachabilityOptions } from './reachability.js'
export { matrixCell, reachabilityMatrix } from './reachability.js'
export { reasonsEn, renderReason } from './reasons.js'
export type { NameResolution } from './resolve-name.js'
export { resolveName } from './resolve-name.js'
export type { RouteDecision } from './route-lookup.js'
export { lookupRoute } from './route-lookup.js'
export type { PacketContext } from './rule-index.js'
export { trace } from './trace.js'
export type {
  DeliveredPath,
  DroppedPath,
  Hop,
  HopKind,
  Place,
  ReasonCatalog,
  ReasonCode,
  ReasonDetail,
  ReasonParams,
  TraceCluster,
  TraceEndpoint,
  TraceFlow,
  TracePath,
  TraceProtocol,
  TraceRequest,
  TraceResult,
} from './trace-types.js'
