/*
 * The production build the end-to-end suite and the proofs run on, made with the e2e secrets in its
 * environment: a secret inlined into the client at build time then carries the very value
 * secrets.spec.ts searches for. Stamps the build (support/client-build-scan.ts) so the scan can tell.
 *
 *   npm run build:e2e          the build, stamped
 *   npm run test:secrets-scan  the test of that scan: a secret planted in a throwaway client module
 *                              must be found. Builds once with the plant (app/e2e-plant/, ignored by
 *                              git, removed whatever happens), then deletes that build: run
 *                              build:e2e afterwards.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { scanClientBuild, secretsDigest, STAMP, type BuildStamp } from './support/client-build-scan'
import { E2E_SECRET_ENV, E2E_SECRETS } from './support/secrets'

const PLANT_DIR = 'app/e2e-plant'

function nextBuild(): void {
  const run = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ...E2E_SECRET_ENV, NODE_ENV: 'production' },
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

function plant(): void {
  mkdirSync(PLANT_DIR, { recursive: true })
  writeFileSync(
    `${PLANT_DIR}/planted.tsx`,
    `'use client'\n// Throwaway (tests/e2e/build.ts): a secret pasted into a client module.\nexport function Planted() {\n  return <p>{${JSON.stringify(E2E_SECRETS.dmsToken)}}</p>\n}\n`,
  )
  writeFileSync(
    `${PLANT_DIR}/page.tsx`,
    `import { Planted } from './planted'\n\nexport default function Page() {\n  return <Planted />\n}\n`,
  )
}

function plantCheck(): void {
  const removePlant = () => rmSync(PLANT_DIR, { recursive: true, force: true })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      removePlant()
      process.exit(130)
    })
  }
  plant()
  try {
    nextBuild()
  } finally {
    removePlant()
  }
  const scan = scanClientBuild()
  // Nothing may run on a build with a secret in it.
  rmSync('.next', { recursive: true, force: true })
  const caught = scan.found.filter((f) => f.endsWith(': dmsToken') && f.includes('/static/'))
  console.log(
    `secrets scan on a build with a DMS token planted in a client module: ${scan.files} files, ${scan.found.length} finding(s), ${caught.length} in the client JS`,
  )
  for (const f of scan.found) console.log(`  ${f}`)
  if (caught.length === 0) {
    console.error('the scan MISSED the planted secret: it cannot fail, so it proves nothing')
    process.exit(1)
  }
  console.log('the scan fails on the planted secret, as it must (the plant and its build are gone)')
}

if (process.argv.includes('--plant')) {
  plantCheck()
} else {
  nextBuild()
  const stamp: BuildStamp = {
    buildId: readFileSync('.next/BUILD_ID', 'utf8').trim(),
    secrets: secretsDigest(),
  }
  writeFileSync(`.next/${STAMP}`, JSON.stringify(stamp))
  console.log(`build stamped as made with the e2e secrets (.next/${STAMP})`)
}
