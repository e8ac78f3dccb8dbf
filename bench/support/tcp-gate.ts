import { createServer, connect, type Server, type Socket } from 'node:net'

/*
 * A loopback TCP relay between the app and DMS that can be shut: while shut, connecting to it is
 * refused (nothing listens on the port) and open connections are cut. This is a real
 * ECONNREFUSED without stopping the sandbox, whose orders and request log must survive.
 */

export interface TcpGate {
  url: string
  /** Stop listening and cut every open connection. */
  refuse(): Promise<void>
  open(): Promise<void>
  close(): Promise<void>
}

export async function startTcpGate(port: number, targetPort: number): Promise<TcpGate> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  const shut = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      for (const s of sockets) s.destroy()
    })
  await listen()
  return { url: `http://127.0.0.1:${port}`, refuse: shut, open: listen, close: shut }
}
