/**
 * A host tool's failure (iproute2's, sysctl's): what it wrote to stderr and
 * its exit code. A `host` statement that fails answers with these, as the
 * real tool would, and changes nothing.
 */
export class HostToolFailure extends Error {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
  ) {
    super(stderr)
  }
}
