import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { leaks } from './exposure'
import { E2E_SECRETS } from './secrets'

/*
 * What the browser can be sent without asking the server anything: the client build (.next/static)
 * and the pages prerendered at build time. Scanned for the e2e secrets by secrets.spec.ts, on a
 * build made with those very values (tests/e2e/build.ts), so a secret inlined at build time carries
 * the value searched for.
 */

const PRERENDERED = /\.(html|rsc|body)$/

function filesUnder(dir: string, keep: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name))
}

export interface ClientBuildScan {
  files: number
  /** "<file>: <secret name>" for every secret found. */
  found: string[]
}

export function scanClientBuild(distDir = '.next'): ClientBuildScan {
  const files = [
    ...filesUnder(join(distDir, 'static')),
    ...filesUnder(join(distDir, 'server', 'app'), (name) => PRERENDERED.test(name)),
  ]
  const found = files.flatMap((file) =>
    leaks(readFileSync(file).toString('latin1')).map((name) => `${file}: ${name}`),
  )
  return { files: files.length, found }
}

/** Written beside a build made with the e2e secrets; the scan trusts only a build that has it. */
export const STAMP = 'e2e-secrets-build.json'

export const secretsDigest = () =>
  createHash('sha256').update(JSON.stringify(E2E_SECRETS)).digest('hex')

export interface BuildStamp {
  buildId: string
  secrets: string
}

/** Why the build in `distDir` cannot be scanned for the e2e secrets, or null when it can. */
export function stampProblem(distDir = '.next'): string | null {
  const fix = 'build it with `npm run build:e2e` (next build given the e2e secrets)'
  const stampFile = join(distDir, STAMP)
  if (!existsSync(stampFile)) return `${distDir} was not built with the e2e secrets: ${fix}`
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BuildStamp
  const buildId = readFileSync(join(distDir, 'BUILD_ID'), 'utf8').trim()
  if (stamp.buildId !== buildId) return `${distDir} was rebuilt since it was stamped: ${fix}`
  if (stamp.secrets !== secretsDigest())
    return `the e2e secrets changed since ${distDir} was built: ${fix}`
  return null
}
