import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'

// The build is plain files that apps/server serves at `/` under its CSP: no inline script or style.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  worker: { format: 'es' },
})
