import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TempDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

async function admin<T>(adminUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database on the server of `adminUrl`, for one benchmark run. */
export async function createTempDatabase(adminUrl: string, prefix: string): Promise<TempDatabase> {
  // Only [a-z0-9_]: the name goes into DDL, which takes no parameters.
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    // FORCE: a pool of a killed instance may still hold connections.
    drop: () =>
      admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(),
  }
}
