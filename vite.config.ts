import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The policy the app is served with (README, "Serving the app"): the same as index.html's meta
 * tag, plus what a meta tag cannot say: no framing by other origins. A header also reaches the
 * worker's own script; the worker made from a kept Blob URL inherits the page's policy.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

// Relative base so the build works from any folder or static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  preview: {
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'SAMEORIGIN',
      'X-Content-Type-Options': 'nosniff',
    },
  },
});
