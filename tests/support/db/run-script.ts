import { childEnv } from '@/lib/env'
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

export interface ScriptResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one of scripts/*.ts in a child process, as `npm run` would, with `env` on top of ours. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<ScriptResult> {
  // Vitest's own mode flags must not leak into the child.
  const merged = childEnv({ ...env, VITEST: undefined, NODE_OPTIONS: undefined })
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['--conditions=react-server', join('scripts', script), ...args], {
      cwd: ROOT,
      env: merged,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
