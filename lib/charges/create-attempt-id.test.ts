import { afterEach, expect, it } from 'vitest'
import { createDmsClient, setDmsClientForTests } from '@/lib/dms/client'
import { DMS_TOKEN, TIMEOUT_MS, describeChargeService } from '@/tests/support/charges/harness'
import { create, created, newBill, PATHS, row } from '@/tests/support/charges/helpers'

/*
 * A create DMS answers without the attempt's number (bizOrderNo ""): every later query and close
 * names the attempt by it, so such an answer cannot be used. The charge is settled by asking the
 * bill instead (unknown → reconcile), and nothing is stored under an empty number, which the next
 * such answer would collide with. The DMS here is the sandbox, its create's answer rewritten.
 */
describeChargeService('charge service: a create answered without an attempt number', (h) => {
  afterEach(() => setDmsClientForTests(undefined))

  function dmsBlankingTheAttempt() {
    const blank = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const answer = await fetch(input, init)
      if (!String(input).endsWith(PATHS.create)) return answer
      const body = (await answer.json()) as { data: Record<string, unknown> }
      body.data = { ...body.data, bizOrderNo: '' }
      return Response.json(body)
    }
    setDmsClientForTests(
      createDmsClient({ baseUrl: h.url, token: DMS_TOKEN, timeoutMs: TIMEOUT_MS, fetch: blank }),
    )
  }

  it('leaves the charge to be settled by the bill, twice in a row, storing no empty number', async () => {
    await created(h, newBill()) // the station's accounts, read from DMS before the rewriting starts
    dmsBlankingTheAttempt()
    for (const bill of [newBill(), newBill()]) {
      const res = await create(h, bill)
      if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
      expect(res.charge).toMatchObject({ status: 'unknown', bizOrderNo: null, payInfo: null })
      expect(await row(res.charge.id)).toMatchObject({ biz_order_no: null, pay_info: null })
    }
  })
})
