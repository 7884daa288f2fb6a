// Where the built UI lives, for a server to serve at `/` (apps/server's `webRoot`).
import { fileURLToPath } from 'node:url'

export const webRoot = fileURLToPath(new URL('./dist/', import.meta.url))
