import 'server-only'
import { env } from '@/lib/env'
import { postForm, type Params, type TransportConfig } from './transport'
import {
  parseCloseResult,
  parseCreatedPayment,
  parsePaidOnClose,
  parsePayer,
  parsePaymentStatus,
  parseReceivers,
  type Parsed,
} from './transform'
import type {
  CloseResult,
  CreatedPayment,
  DmsResult,
  PayWay,
  PayerAccount,
  PaymentStatus,
  ReceivingAccount,
} from './types'

/*
 * The DMS endpoints the cashier uses. Paths and parameter names are DMS's (including its spelling
 * `reciever_id`); everything returned is a domain type or a DmsError.
 */

export type DmsClientConfig = TransportConfig

export interface CreatePaymentInput {
  bzOrder: string
  amountFen: number
  payWay: PayWay
  payerId: string
  recieverId: string
}

export type PaymentQuery = { bizOrderNo: string } | { bzOrder: string }

export interface DmsClient {
  createPayment(input: CreatePaymentInput): Promise<DmsResult<CreatedPayment>>
  getPayer(): Promise<DmsResult<PayerAccount>>
  listReceivers(): Promise<DmsResult<ReceivingAccount[]>>
  queryPayment(by: PaymentQuery): Promise<DmsResult<PaymentStatus>>
  closePayment(bizOrderNo: string): Promise<DmsResult<CloseResult>>
}

export const DMS_PATHS = {
  createPayment: '/dms/cash-out/payment',
  payer: '/fin-account/biz-user',
  receivers: '/dms/payment/get-pay-way-tonglian',
  query: '/dms/cash-out/query',
  close: '/dms/cash-out/close',
} as const

export const BILL_ALREADY_PAID = 2003

function shapeError(path: string, detail: string): DmsResult<never> {
  return {
    ok: false,
    error: { kind: 'unavailable', reason: 'shape', detail: `${path}: ${detail}`, sent: true },
  }
}

export function createDmsClient(config: DmsClientConfig): DmsClient {
  async function call<T>(
    path: string,
    params: Params,
    parse: (data: unknown) => Parsed<T>,
  ): Promise<DmsResult<T>> {
    const reply = await postForm(config, path, params)
    // Raw DMS data stays inside lib/dms: only the error goes out.
    if (!reply.ok) return { ok: false, error: reply.error }
    const parsed = parse(reply.data)
    return parsed.ok ? { ok: true, data: parsed.value } : shapeError(path, parsed.detail)
  }

  return {
    async createPayment(input) {
      // Fen are whole numbers by construction upstream; a fraction here is a bug, not a DMS condition.
      if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1) {
        throw new RangeError(`amountFen must be a whole number of fen >= 1, got ${input.amountFen}`)
      }
      const params = {
        bz_order: input.bzOrder,
        amount: String(input.amountFen),
        pay_way: input.payWay,
        payer_id: input.payerId,
        reciever_id: input.recieverId,
      }
      return call(DMS_PATHS.createPayment, params, parseCreatedPayment)
    },

    getPayer: () => call(DMS_PATHS.payer, {}, parsePayer),

    listReceivers: () => call(DMS_PATHS.receivers, {}, parseReceivers),

    queryPayment(by) {
      const params: Params =
        'bizOrderNo' in by ? { biz_order_no: by.bizOrderNo } : { bz_order: by.bzOrder }
      // An answer about another attempt or bill than `by` is refused there (transform.ts).
      return call(DMS_PATHS.query, params, (data) => parsePaymentStatus(data, by))
    },

    async closePayment(bizOrderNo) {
      const params = { biz_order_no: bizOrderNo }
      const reply = await postForm(config, DMS_PATHS.close, params)
      if (!reply.ok && reply.error.kind === 'rejected' && reply.error.code === BILL_ALREADY_PAID) {
        // The payment won the race against the close: hand the paid status to the caller.
        const paid = parsePaidOnClose(reply.data, bizOrderNo)
        return { ok: false, error: paid ? { ...reply.error, paid } : reply.error }
      }
      if (!reply.ok) return { ok: false, error: reply.error }
      const parsed = parseCloseResult(reply.data, bizOrderNo)
      return parsed.ok
        ? { ok: true, data: parsed.value }
        : shapeError(DMS_PATHS.close, parsed.detail)
    },
  }
}

const holder = globalThis as unknown as { __dmsClient?: DmsClient }

/** The one DMS client of this process (charges and admin alike), configured from the validated env. */
export function dms(): DmsClient {
  if (!holder.__dmsClient) {
    const { baseUrl, token, timeoutMs } = env().dms
    holder.__dmsClient = createDmsClient({ baseUrl, token, timeoutMs })
  }
  return holder.__dmsClient
}

/** Tests swap in a client pointed elsewhere. */
export function setDmsClientForTests(client: DmsClient | undefined): void {
  holder.__dmsClient = client
}
