import 'server-only'
import { randomUUID } from 'node:crypto'

/** A new random id for our own rows (users, stations, charges, devices). */
export function newId(): string {
  return randomUUID()
}
