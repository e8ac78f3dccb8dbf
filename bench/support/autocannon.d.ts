// autocannon 8 ships no types; only what the load benchmark uses.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string
      connections?: number
      duration?: number
      headers?: Record<string, string>
      timeout?: number
      /** Requests per second from each connection (none: as fast as answers come). */
      connectionRate?: number
    }
    interface Histogram {
      average: number
      mean: number
      min: number
      max: number
      total: number
      p50: number
      p90: number
      p99: number
    }
    interface Result {
      duration: number
      errors: number
      timeouts: number
      non2xx: number
      '2xx': number
      latency: Histogram
      requests: Histogram & { sent: number }
      throughput: Histogram
    }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>
  export = autocannon
}
