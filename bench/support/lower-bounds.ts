/*
 * What must have happened for a proof's verdict to count: charges created, creates that reached DMS,
 * faults applied, sweeps per instance... Each bound is printed with its count beside the verdict,
 * and a run with any bound short fails, so a broken form or station cannot pass as "0 lost of 0".
 */

interface Bound {
  what: string
  got: number | string
  wanted: string
  ok: boolean
}

export class LowerBounds {
  private readonly bounds: Bound[] = []

  atLeast(what: string, got: number, least: number): boolean {
    return this.add({ what, got, wanted: `at least ${least}`, ok: got >= least })
  }

  atMost(what: string, got: number, most: number): boolean {
    return this.add({ what, got, wanted: `at most ${most}`, ok: got <= most })
  }

  exactly(what: string, got: number, want: number): boolean {
    return this.add({ what, got, wanted: `exactly ${want}`, ok: got === want })
  }

  /** A fact that is not a count (e.g. "every create had reached DMS before the kill"). */
  holds(what: string, ok: boolean, got: string): boolean {
    return this.add({ what, got, wanted: 'must hold', ok })
  }

  private add(b: Bound): boolean {
    this.bounds.push(b)
    return b.ok
  }

  get short(): Bound[] {
    return this.bounds.filter((b) => !b.ok)
  }

  /** Prints every bound with its count and verdict; returns whether all of them hold. */
  print(title: string): boolean {
    console.log(`${title}: ${this.bounds.length - this.short.length} of ${this.bounds.length} hold`)
    for (const b of this.bounds) {
      console.log(`  ${b.ok ? 'ok   ' : 'SHORT'} ${b.what}: ${b.got} (${b.wanted})`)
    }
    return this.short.length === 0
  }
}
