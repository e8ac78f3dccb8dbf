import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/*
 * A reverse proxy that holds every answer until it is complete, as some corporate proxies and
 * misconfigured nginx do: an event stream, which never completes, reaches the browser never.
 * Counts what it forwarded, so a test can tell which way the screens were served.
 */
export interface BufferingProxy {
  url: string
  /** Paths requested through it, in order. */
  paths: string[]
  close(): Promise<void>
}

export async function startBufferingProxy(target: string): Promise<BufferingProxy> {
  const upstream = new URL(target)
  const paths: string[] = []
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '')
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (c: Buffer) => chunks.push(c))
        answer.on('end', () => {
          const headers = { ...answer.headers }
          delete headers['transfer-encoding']
          const body = Buffer.concat(chunks)
          headers['content-length'] = String(body.length)
          res.writeHead(answer.statusCode ?? 502, headers).end(body)
        })
        answer.on('error', () => res.destroy())
      },
    )
    out.on('error', () => res.destroy())
    // The browser gave up (a stream it stopped waiting for): so does the upstream request.
    res.on('close', () => out.destroy())
    req.pipe(out)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
