/** Docker prints times as RFC 3339 with nanoseconds; the lab's clock counts whole seconds. */
export function formatDockerTime(seconds: number | undefined): string {
  if (seconds === undefined) return '0001-01-01T00:00:00Z'
  return new Date(seconds * 1000).toISOString().replace('.000Z', '.000000000Z')
}

/** RFC 3339 to the second, as Go's time.RFC3339 prints a UTC time (`docker ps`'s CreatedAt source). */
export function formatRfc3339Seconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
}
