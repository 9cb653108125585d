import { defineConfig, devices } from '@playwright/test';

// Driven by scripts/browser-test.sh against a running API that serves the built UI. Debian's
// chromium is used: Playwright's own browser download cannot work on these machines.
const baseURL = process.env.PUBLIC_URL ?? 'http://127.0.0.1:3301';

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../../test-results/browser',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: process.env.BROWSER_REPORT ?? '../../reports/browser.json' }]],
  use: {
    baseURL,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'off',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: [
        'application-phone.spec.ts',
        'committee-phone.spec.ts',
        'mentoring-phone.spec.ts',
        'accessibility.spec.ts',
        'whole-year.spec.ts',
      ],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      // The whole year in the browser (issue 13): its trace is always kept, one zip per person's
      // browser context, in test-results/browser/whole-year-…-year/ (open with `npx playwright show-trace`).
      name: 'year',
      testMatch: ['whole-year.spec.ts'],
      // A step that cannot happen fails in 30 s and names itself, not at the test's end.
      use: { viewport: { width: 1280, height: 800 }, trace: 'on', actionTimeout: 30_000, navigationTimeout: 30_000 },
    },
    {
      name: 'phone',
      // The sign-up journey and the reset run once, on the desktop; the phone checks layout-heavy pages.
      testMatch: [
        'login.spec.ts',
        'account-page.spec.ts',
        'application-phone.spec.ts',
        'committee-phone.spec.ts',
        'mentoring-phone.spec.ts',
        'shell.spec.ts',
      ],
      // A mid-range Android phone, the device many applicants use (Chromium's emulation, not a download).
      use: { ...devices['Pixel 7'], defaultBrowserType: 'chromium', locale: 'vi-VN' },
    },
    {
      // The axe sweep and the language sweep (issue 14: every page in Vietnamese, a screenshot each)
      // switch the demo accounts' language back and forth: they run after every other spec, so none of
      // them meets a demo account in the other language.
      name: 'accessibility',
      testMatch: ['accessibility.spec.ts'],
      dependencies: ['desktop', 'phone', 'year'],
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
});
