/** What is selected on the drawing: a namespace box or an interface, by its id in core's graph. */
export type Selection = { kind: 'box'; id: string } | { kind: 'device'; id: string }
