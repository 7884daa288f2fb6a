/**
 * @netmodes/core: a twin of Docker networking (Docker Engine 20.10, and 28:
 * `createLab({ engine: '28' })`).
 * Pure and isomorphic: no Node built-ins, no I/O, no clock, no Math.random.
 */

export type { ClusterNode, ClusterState } from './cluster/cluster-state.js'
export { traceAcross } from './cluster/cluster-trace.js'
export { createCluster, nodeNamed, SWARM_LAN } from './cluster/create-cluster.js'
export type { ClusterOutcome } from './cluster/run-cluster-scenario.js'
export { runClusterScenario, withTokens } from './cluster/run-cluster-scenario.js'
export { runOnNode, splitNodeFlag } from './cluster/run-on-node.js'
export type { ClusterObservation, ObservedOverlay } from './cluster/simulate-cluster-observation.js'
export { simulateClusterObservation } from './cluster/simulate-cluster-observation.js'
export { appendAll, maxOf } from './collections/append-all.js'
export type { ComposeCommandContext, ComposeCommandProject } from './compose/compose-command.js'
export { parseComposeArgs, readComposeCommand, runComposeCommand } from './compose/compose-command.js'
export type {
  ComposeFileText,
  ComposeNetwork,
  ComposePort,
  ComposeProject,
  ComposeService,
  ComposeServiceNetwork,
  LoadComposeOptions,
} from './compose/compose-file.js'
export { loadComposeFiles, normalizeProjectName, parseComposeFile } from './compose/compose-file.js'
export { runScenarioWithCompose } from './compose/compose-scenario.js'
export type { ComposeOptions, ComposeResult } from './compose/compose-up.js'
export { COMPOSE_VERSION, composeDown, composeUp } from './compose/compose-up.js'
export { portsServedByImage } from './dataplane/image-ports.js'
export * from './dataplane/index.js'
export type { ListeningSocket } from './dataplane/listening-sockets.js'
export { listeningSockets } from './dataplane/listening-sockets.js'
export type {
  BoxKind,
  DeviceRole,
  DiagramBox,
  DiagramContainer,
  DiagramDevice,
  DiagramEdge,
  DiagramGraph,
  EdgeKind,
} from './diagram/graph.js'
export { boxLines, buildDiagramGraph, deviceLines } from './diagram/graph.js'
export type { Layout, PlacedBox, PlacedDevice, Rect } from './diagram/layout.js'
export { layoutGraph } from './diagram/layout.js'
export type { DiagramFormat } from './diagram/render-diagram.js'
export { DIAGRAM_FORMATS, renderDiagram } from './diagram/render-diagram.js'
export type { Finding } from './doctor/doctor.js'
export { doctor } from './doctor/doctor.js'
export {
  checkDaemonSettings,
  mergeDaemonSettings,
} from './engine/daemon-config/daemon-config.js'
export { DaemonConfigError } from './engine/daemon-config/daemon-config-error.js'
export { parseDaemonJson } from './engine/daemon-config/daemon-json.js'
export { parseDockerdArgs } from './engine/daemon-config/dockerd-flags.js'
export { daemonOfScenario } from './engine/daemon-config/scenario-daemon.js'
export { execInContainer, execTarget, runInContainer } from './engine/exec-in-container.js'
export type { StepResult } from './engine/execute.js'
export { executeDocker, runDocker } from './engine/execute.js'
export type { HostDescription, IpJsonAddrEntry, IpJsonRouteEntry } from './engine/host-description.js'
export { TYPICAL_HOST } from './engine/host-description.js'
export type { CreateLabOptions } from './engine/lab.js'
export { createLab, DEFAULT_PROFILE } from './engine/lab.js'
export type { ListContainersOptions } from './engine/list-containers.js'
export { containerStatus, containerSummary, listContainers } from './engine/list-containers.js'
export { listNetworks } from './engine/list-networks.js'
export { PRUNE_WARNINGS } from './engine/prune.js'
export type { ScenarioOutcome, ScenarioReport, ScenarioStep, ScenarioTrace } from './engine/run-scenario.js'
export { listenLine, runScenario, traceLine } from './engine/run-scenario.js'
export { fromJSON, toJSON } from './engine/serialize.js'
export { answerEngineApi } from './engine-api/answer-engine-api.js'
export type { EngineApiSession, ExecInstance } from './engine-api/engine-api-session.js'
export { createEngineApiSession } from './engine-api/engine-api-session.js'
export type { EngineApiAnswer, EngineApiRequest } from './engine-api/engine-api-types.js'
export type { EngineEvent } from './engine-api/engine-events.js'
export type { EventsWatch } from './engine-api/events-route.js'
export { behaviourOf, behaviourOfVersion, ENGINE_VERSIONS } from './engine-profiles/behaviour-of.js'
export { ENGINE_20_10 } from './engine-profiles/engine-20-10.js'
export { ENGINE_28 } from './engine-profiles/engine-28.js'
export type {
  DockerProxyRequest,
  EndpointMacRequest,
  EngineBehaviour,
  InspectDocumentPolicy,
  SandboxFilesPolicy,
} from './engine-profiles/engine-behaviour.js'
export { engineOfServerVersion, parseEngineVersion } from './engine-profiles/engine-version.js'
export type { ErrorCodeMeaning } from './error-codes.js'
export { ERROR_CODES } from './error-codes.js'
export type { ErrorCode } from './errors.js'
export { DockerCliError, DockerDaemonError, isNetmodesError, NetmodesError } from './errors.js'
export type { ContainerFiles } from './etc/container-files.js'
export { containerFiles } from './etc/container-files.js'
export { explainContainer, explainIptables, explainRule } from './explain/explain.js'
export type { ExplainedRule, TopicExplanation } from './explain/explain-topic.js'
export { explainNeedsLab, explainTopic } from './explain/explain-topic.js'
export { explainRuleHop } from './explain/rule-hop.js'
export type { ConcerningRule, RuleSubject } from './explain/rules-concerning.js'
export { rulesConcerning } from './explain/rules-concerning.js'
export { messagesFor } from './i18n/index.js'
export type { Lang, Messages, ModeName, ModeRow, RuleType } from './i18n/messages.js'
export { LANGS, MODE_NAMES, RULE_TYPES } from './i18n/messages.js'
export type { ModeTableJson } from './i18n/mode-table.js'
export { explainMode, isModeName, modeTable, ruleTypeOf } from './i18n/mode-table.js'
export * from './ipam/address-set.js'
export { LOCAL_PREDEFINED_SUBNETS } from './ipam/default-pools.js'
export * from './ipam/ipv4.js'
export type { AddressPool, DaemonSettingName, DaemonSettings } from './model/daemon-settings.js'
export { DAEMON_DEFAULTS, DAEMON_SETTING_NAMES } from './model/daemon-settings.js'
export type {
  Container,
  DriverName,
  Endpoint,
  IpamConfig,
  Network,
  NetworkMode,
  PortBinding,
  PortMapping,
} from './model/docker.js'
export type { Listener } from './model/listener.js'
export { containerByName, findContainer, findNetwork, machineNames } from './model/lookup.js'
export type { Link, LinkAddress, LinkKind, Namespace, Route } from './model/namespace.js'
export type { Chain, Netfilter, Rule, Table, TableName } from './model/netfilter.js'
export type { Operation } from './model/operation.js'
export { defineOwn, ownValue, recordFrom } from './model/own-record.js'
export type { EngineProfile, EngineVersion, HostPortAllocation, LabState } from './model/state.js'
export { renderIptablesSave } from './netfilter/iptables-save.js'
export type { ObservationComparison, ObservationMismatch } from './observe/compare-observations.js'
export { compareObservations, renderObservationDiff } from './observe/compare-observations.js'
export { hostViewNamespaces, withoutMachineLinks } from './observe/host-view.js'
export { labFromObservation } from './observe/lab-from-observation.js'
export type { Observation } from './observe/normalize-observation.js'
export { normalizeObservation } from './observe/normalize-observation.js'
export { observeLab } from './observe/observe-lab.js'
export type {
  ObservedFiles,
  ObservedMachine,
  ObservedNamespace,
  ObservedStep,
  ObservedTrace,
  RawObservation,
} from './observe/raw-observation.js'
export { onlyRecordedViews } from './observe/recorded-views.js'
export {
  hostBeforeScenario,
  hostFromObservation,
  observeHostLine,
  observeTraceLine,
  simulateObservation,
} from './observe/simulate-observation.js'
export type { DockerCommand } from './script/docker-command.js'
export { escapeControl } from './script/escape-control.js'
export type { ListenStatement } from './script/listen-statement.js'
export { ListenSyntaxError, parseListenStatement } from './script/listen-statement.js'
export type { ListenSpec } from './script/listener-command.js'
export { listenersOfCommand } from './script/listener-command.js'
export { parseDockerCommand } from './script/parse-docker-command.js'
export type { ScenarioStatement } from './script/scenario.js'
export { parseScenario, ScenarioSyntaxError } from './script/scenario.js'
export { ScenarioLineError } from './script/scenario-line-error.js'
export { tokenizeCommandLine } from './script/tokenize.js'
export type { TraceStatement } from './script/trace-statement.js'
export { parseTraceStatement, TraceSyntaxError } from './script/trace-statement.js'
export { UsageError } from './script/usage-error.js'
export { inspectContainer } from './views/container-inspect.js'
export type { ContainerSummary } from './views/container-list.js'
export { containerListSize, renderContainerList } from './views/container-list.js'
export type { PortSummary } from './views/displayable-ports.js'
export { displayablePorts } from './views/displayable-ports.js'
export { indentGoJson, marshalGoJson } from './views/go-json.js'
export type { GoTemplate } from './views/go-template.js'
export { compileGoTemplate, GoTemplateError, goStruct, renderGoTemplate } from './views/go-template.js'
export { humanDuration } from './views/human-duration.js'
export { humanSize } from './views/human-size.js'
export { renderIpAddr, renderIpAddrJson } from './views/ip-addr.js'
export type { CommandOutput } from './views/ip-command.js'
export { runIpCommand } from './views/ip-command.js'
export { renderIpLink, renderIpLinkJson } from './views/ip-link.js'
export { renderIpRoute, renderIpRouteJson } from './views/ip-route.js'
export { renderIpRoute6, renderIpRoute6Json } from './views/ip-route6.js'
export { runIp6tablesSave, runIptablesSave } from './views/iptables-save-command.js'
export { labReport, namespaceOfContainer, renderNamespaceText } from './views/lab-report.js'
export { renderLabSummary } from './views/lab-summary.js'
export type { ListOutput } from './views/list-format.js'
export { naturalCompare, naturalLess, sortedObject } from './views/natural-order.js'
export type { BridgeFdbJsonEntry, IpNeighJsonEntry } from './views/neighbors.js'
export { renderBridgeFdb, renderBridgeFdbJson, renderIpNeigh, renderIpNeighJson } from './views/neighbors.js'
export { inspectNetwork, renderTable } from './views/network-inspect.js'
export type { NetworkSummary } from './views/network-list.js'
export { renderNetworkList } from './views/network-list.js'
export { operationText } from './views/operation-text.js'
export { recreateInMode } from './views/recreate-in-mode.js'
export { renderTabwriter } from './views/tabwriter.js'
export type {
  CellFlip,
  DiffOptions,
  FieldChange,
  LabDiff,
  MatrixDiff,
  MatrixQuestion,
  NamespaceLines,
  ObjectChanges,
} from './what-if/lab-diff.js'
export { diffLabs, isEmptyDiff } from './what-if/lab-diff.js'
export { renderLabDiff, renderOneSidedFailures } from './what-if/render-lab-diff.js'
export { withNetworkFlags } from './what-if/scenario-variant.js'
export { unifiedDiff } from './what-if/unified-diff.js'
export type { OneSidedFailure, WhatIfBase, WhatIfChange, WhatIfResult } from './what-if/what-if.js'
export { WhatIfError, whatIf } from './what-if/what-if.js'
