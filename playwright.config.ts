import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './src/cli/chromium';

// Debian's Chromium where present (our machines cannot download Playwright's browsers);
// elsewhere Playwright's own Chromium (`npx playwright install chromium`).
if (!SYSTEM_CHROMIUM) {
  console.warn(
    "No system Chromium found (looked for /usr/bin/chromium). Using Playwright's own: if it is missing, run `npx playwright install chromium` (or `apt-get install chromium` on Debian).",
  );
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: 'http://localhost:4173/',
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
