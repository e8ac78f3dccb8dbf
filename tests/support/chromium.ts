/*
 * The one Chromium every browser run uses (Debian's, installed by scripts/ensure-chromium.sh), and
 * how it is launched: Playwright's config (tests/e2e) and the benchmarks' own launches share it.
 */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
