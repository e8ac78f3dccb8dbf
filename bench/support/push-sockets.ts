import { readFileSync } from 'node:fs'

/*
 * Established TCP connections whose local end is `port` (the app server's side of every client
 * connection), from /proc/net/tcp and tcp6 of this network namespace. The app exposes no count of
 * its open subscriptions, so the benchmark sees their release from outside: the connections that
 * carried the streams are gone.
 */

const ESTABLISHED = '01'

function count(file: string, portHex: string): number {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return 0
  }
  let n = 0
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    // sl, local_address (ADDR:PORT in hex), rem_address, st
    if (fields.length > 3 && fields[1]!.endsWith(`:${portHex}`) && fields[3] === ESTABLISHED) n++
  }
  return n
}

export function establishedTo(port: number): number {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0')
  return count('/proc/net/tcp', portHex) + count('/proc/net/tcp6', portHex)
}
