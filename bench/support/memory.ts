import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/*
 * Memory and stream helpers for the export benchmark: peak-RSS samplers and a sink that counts a CSV
 * stream's bytes and lines without keeping any of it.
 */

export const MiB = 1024 * 1024

export interface PeakSampler {
  /** Stops sampling; the highest reading seen, including one taken now. */
  stop(): { peak: number; samples: number }
}

/** Reads `read()` every `everyMs` and remembers the highest value. */
export function samplePeak(read: () => number, everyMs = 50): PeakSampler {
  let peak = read()
  let samples = 1
  const timer = setInterval(() => {
    const v = read()
    if (v > peak) peak = v
    samples++
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, read())
      return { peak, samples: samples + 1 }
    },
  }
}

// RSS is per process, so a worker thread reads the same figure as the main thread, on a timer of its
// own: an export over SQLite runs on promises that settle at once and would starve a main-thread timer.
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads')
let peak = process.memoryUsage.rss()
let samples = 1
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss())
  samples++
}, workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  parentPort.postMessage({ peak: Math.max(peak, process.memoryUsage.rss()), samples: samples + 1 })
})
`

/** samplePeak for this process's own RSS, from a worker thread (started before the baseline). */
export async function startRssWorker(everyMs = 50) {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { everyMs } })
  await once(worker, 'online')
  return {
    async stop(): Promise<{ peak: number; samples: number }> {
      worker.postMessage('stop')
      const [result] = (await once(worker, 'message')) as [{ peak: number; samples: number }]
      await worker.terminate()
      return result
    },
  }
}

/** Drains a byte stream as fast as it comes, counting bytes and line feeds; keeps none of it. */
export async function countLines(
  stream: ReadableStream<Uint8Array>,
): Promise<{ bytes: number; lines: number }> {
  let bytes = 0
  let lines = 0
  const reader = stream.getReader()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return { bytes, lines }
    bytes += value.byteLength
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++
  }
}
