import 'server-only'
import { Worker } from 'node:worker_threads'

/*
 * bcrypt off the event loop. bcryptjs is JavaScript: a cost-12 comparison is a quarter to a full
 * second of CPU, handed back to the event loop only every 100 ms. On the main thread every sign-in
 * attempt then stalls the status answers of every screen in the shop by up to 100 ms at a time.
 * One worker thread does the hashing instead, one job after another, at a lower priority (two cores:
 * the server's thread comes first), and the main thread only waits for the answer.
 */

const SOURCE = `
const { parentPort } = require('node:worker_threads')
const bcrypt = require('bcryptjs')
// On Linux a thread has its own niceness: this one yields the CPU to the thread serving screens.
if (process.platform === 'linux') {
  try { require('node:os').setPriority(10) } catch {}
}
parentPort.on('message', ({ id, op, a, b }) => {
  try {
    const value = op === 'hash' ? bcrypt.hashSync(a, b) : bcrypt.compareSync(a, b)
    parentPort.postMessage({ id, value })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) })
  }
})
`

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void }
type Reply = { id: number; value?: unknown; error?: string }

const STATE = Symbol.for('dms-cashier.bcrypt-thread')
type State = { worker: Worker; pending: Map<number, Pending>; next: number }

function thread(): State {
  const g = globalThis as { [STATE]?: State }
  if (g[STATE]) return g[STATE]
  // eval: the worker's `require` resolves bcryptjs from the app's node_modules, not the bundle.
  const worker = new Worker(SOURCE, { eval: true })
  const state: State = { worker, pending: new Map(), next: 1 }
  worker.unref()
  worker.on('message', ({ id, value, error }: Reply) => {
    const p = state.pending.get(id)
    state.pending.delete(id)
    if (state.pending.size === 0) worker.unref()
    if (error !== undefined) p?.reject(new Error(error))
    else p?.resolve(value)
  })
  worker.on('error', (error) => {
    for (const p of state.pending.values()) p.reject(error)
    state.pending.clear()
    if (g[STATE] === state) g[STATE] = undefined
  })
  g[STATE] = state
  return state
}

function run<T>(op: 'hash' | 'compare', a: string, b: string | number): Promise<T> {
  const s = thread()
  const id = s.next++
  return new Promise<T>((resolve, reject) => {
    s.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
    // Kept alive while a job is pending; let go when idle, so a finished script can exit.
    s.worker.ref()
    s.worker.postMessage({ id, op, a, b })
  })
}

/** The two jobs, as one object so that a test can watch what is compared (not how long it takes). */
export const bcryptThread = {
  hash: (password: string, cost: number) => run<string>('hash', password, cost),
  compare: (password: string, hash: string) => run<boolean>('compare', password, hash),
}
