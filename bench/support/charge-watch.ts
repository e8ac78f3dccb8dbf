import type { APIRequestContext } from '@playwright/test'
import type { ChargeView } from '@/lib/charges/view'

/*
 * Screens watching charges, reduced to what they do on the wire: GET /api/charges/<id> with the
 * cashier's session. Keeps the last view of each charge; errors while the app is down are counted,
 * not thrown.
 */
export class ChargeWatch {
  readonly views = new Map<string, ChargeView>()
  errors = 0
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly request: APIRequestContext) {}

  async poll(id: string): Promise<ChargeView | null> {
    try {
      const res = await this.request.get(`/api/charges/${id}`, {
        failOnStatusCode: false,
        timeout: 15_000,
      })
      if (!res.ok()) {
        this.errors += 1
        return null
      }
      const view = (await res.json()) as ChargeView
      this.views.set(id, view)
      return view
    } catch {
      this.errors += 1
      return null
    }
  }

  /** Polls `ids()` every `everyMs`, all at once, like that many open screens. */
  start(ids: () => string[], everyMs: number): void {
    const tick = async () => {
      await Promise.all(ids().map((id) => this.poll(id)))
      if (this.timer) this.timer = setTimeout(tick, everyMs)
    }
    this.timer = setTimeout(tick, everyMs)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
