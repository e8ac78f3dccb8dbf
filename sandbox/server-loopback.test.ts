import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './server'

/** An address of this machine that is not loopback (a LAN interface), if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
}

const lan = lanAddress()

describe('the sandbox control surface listens to this machine only', () => {
  let sandbox: Sandbox
  let port: number
  beforeAll(async () => {
    sandbox = createSandbox({ dataFile: null, token: 'T' })
    // Bound to every interface, as SANDBOX_HOST=0.0.0.0 would.
    const url = await sandbox.listen(0, '0.0.0.0')
    port = Number(new URL(url).port)
  })
  afterAll(() => sandbox.close())

  it('answers over loopback', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/__control/orders`)
    expect(res.status).toBe(200)
  })

  it.runIf(lan)(
    'refuses the same request from the network, while DMS calls still answer',
    async () => {
      const control = await fetch(`http://${lan}:${port}/__control/orders`)
      expect(control.status).toBe(403)
      expect(await control.json()).toEqual({
        error: 'the sandbox control surface answers this machine only',
      })
      const pay = await fetch(`http://${lan}:${port}/__control/orders/1/pay`, { method: 'POST' })
      expect(pay.status).toBe(403)
      // The DMS contract itself is not loopback-only (it checks its token instead).
      const dms = await fetch(`http://${lan}:${port}/dms/cash-out/query`, {
        method: 'POST',
        headers: { authorization: 'Bearer T', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'biz_order_no=1',
      })
      expect(dms.status).toBe(200)
    },
  )
})
