import pg from 'pg'

/*
 * Watches the charges' claim columns (claim_until, claim_owner) in PostgreSQL, to tell which process
 * took each check: the owner is "<pid>-<random>" of the process that claimed it.
 */
export class ClaimSampler {
  private readonly claims = new Map<string, string>()
  private running = true
  private loop: Promise<void> = Promise.resolve()

  private constructor(private readonly client: pg.Client) {}

  static async start(url: string, ids: string[], everyMs = 100): Promise<ClaimSampler> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const sampler = new ClaimSampler(client)
    sampler.loop = (async () => {
      while (sampler.running) {
        const { rows } = await client.query<{
          id: string
          claim_until: string
          claim_owner: string
        }>(
          'SELECT id, claim_until, claim_owner FROM charges WHERE id = ANY($1) AND claim_owner IS NOT NULL',
          [ids],
        )
        for (const r of rows) sampler.claims.set(`${r.id}@${r.claim_until}`, r.claim_owner)
        await new Promise((res) => setTimeout(res, everyMs))
      }
    })()
    return sampler
  }

  /** Stops and returns how many distinct claims each owner pid took. */
  async stop(): Promise<Map<number, number>> {
    this.running = false
    await this.loop
    await this.client.end()
    const byPid = new Map<number, number>()
    for (const owner of this.claims.values()) {
      const pid = Number(owner.split('-')[0])
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1)
    }
    return byPid
  }
}
