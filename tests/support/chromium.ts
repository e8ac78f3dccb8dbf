/*
 * The one Chromium every browser run uses (Debian's headless shell, installed by
 * scripts/ensure-chromium.sh), and how it is launched: Playwright's config (tests/e2e) and the
 * benchmarks' own launches share it. The headless shell is the same Blink and V8 as the full
 * browser (same Debian version) without the browser's UI layers; it is what Playwright itself runs
 * headless tests on. On this 2-core machine, where the browser is two thirds of an end-to-end run's
 * CPU, the same three specs took 16.2 s user + 5.4 s system against 24.5 s + 7.2 s with the full
 * browser, 52 s against 60 s wall.
 */
export const CHROMIUM = {
  executablePath: '/usr/lib/chromium/chromium-headless-shell',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
