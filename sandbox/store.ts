import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { emptyState, type SandboxState } from './model'
import type { AutoPaySettings } from './types'

/*
 * Keeps orders, daily counts and auto-pay across restarts in one JSON file. Writes are debounced (a
 * burst of requests becomes one write) and atomic (temp file + rename), so a crash mid-write never
 * leaves half a file. Faults, notify settings and the request log are deliberately not kept: a
 * restart is a clean test bench with the same orders.
 */

export interface PersistedData {
  state: SandboxState
  autoPay: AutoPaySettings | null
}

interface FileShape {
  version: 1
  state: SandboxState
  autoPay: AutoPaySettings | null
}

const DEBOUNCE_MS = 50

export interface Store {
  load(): PersistedData
  /** Schedules a write of whatever `snapshot` returns at that time. */
  markDirty(): void
  /** Writes now if anything is pending. */
  flush(): void
}

function isFileShape(v: unknown): v is FileShape {
  if (typeof v !== 'object' || v === null) return false
  const f = v as Partial<FileShape>
  return f.version === 1 && typeof f.state === 'object' && Array.isArray(f.state?.orders)
}

function readFile(file: string): PersistedData {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: emptyState(), autoPay: null }
    throw e
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new Error(
      `DMS sandbox data file ${file} is not valid JSON (${(e as Error).message}); fix or delete it`,
    )
  }
  if (!isFileShape(parsed)) {
    throw new Error(
      `DMS sandbox data file ${file} is not a sandbox data file (version 1); fix or delete it`,
    )
  }
  // Fill fields a hand-edited or older file may lack, so the rest of the code can trust the shape.
  return { state: { ...emptyState(), ...parsed.state }, autoPay: parsed.autoPay ?? null }
}

function writeAtomically(file: string, data: PersistedData): void {
  mkdirSync(dirname(file), { recursive: true })
  const body: FileShape = { version: 1, state: data.state, autoPay: data.autoPay }
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, JSON.stringify(body))
    renameSync(tmp, file)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}

/** `file` null: memory only, every call is a no-op. */
export function createStore(file: string | null, snapshot: () => PersistedData): Store {
  let timer: NodeJS.Timeout | null = null
  const flush = () => {
    if (timer) clearTimeout(timer)
    if (!timer || !file) return
    timer = null
    try {
      writeAtomically(file, snapshot())
    } catch (e) {
      // A full disk must not take the sandbox down mid-test; the next change retries the write.
      console.error(`DMS sandbox: could not write ${file}: ${(e as Error).message}`)
    }
  }
  return {
    load: () => (file ? readFile(file) : { state: emptyState(), autoPay: null }),
    markDirty() {
      if (!file || timer) return
      timer = setTimeout(flush, DEBOUNCE_MS)
    },
    flush,
  }
}
