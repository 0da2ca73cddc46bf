import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './src/cli/chromium';

// Debian's Chromium where present (our machines cannot download Playwright's browsers);
// elsewhere Playwright's own Chromium (`npx playwright install chromium`).
if (!SYSTEM_CHROMIUM) {
  console.warn(
    "No system Chromium found (looked for /usr/bin/chromium). Using Playwright's own: if it is missing, run `npx playwright install chromium` (or `apt-get install chromium` on Debian).",
  );
}

// E2E_PORT and E2E_DIST let several checkouts or builds be tested side by side (default: dist/ on 4173).
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  // CI fails on a stray test.only; a test that fails once is retried with a trace to look at
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
