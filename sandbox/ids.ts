import type { PayWay } from './types'

/*
 * Identifier generators. Everything random goes through the injected `random` so tests are
 * reproducible; everything time-based takes `now` from the caller.
 */

/** Twitter's snowflake epoch: with it a 2020 id is 19 digits, like the DMS example 1285453080879468544. */
const SNOWFLAKE_EPOCH = 1288834974657
/** Below this timestamp a snowflake would have fewer than 19 digits (only reachable with a fake clock). */
const MIN_SNOWFLAKE_MS = SNOWFLAKE_EPOCH + Math.ceil(1e18 / 2 ** 22)

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'

export interface IdSource {
  /** A 19-digit snowflake (above 2^53, so only safe as a string). Unique within this process. */
  orderNo(now: number): string
  /** QR content in the format each network uses. */
  payInfo(payWay: PayWay): string
  notifyId(): string
  /** Where a new day's bizOrderNo sequence starts: small, like the doc's 2020072100000257. */
  seqStart(): number
  /** An integer in [min, max]. */
  between(min: number, max: number): number
}

export function createIdSource(random: () => number): IdSource {
  const pick = (alphabet: string, length: number) => {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
    return out
  }
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const worker = BigInt(between(0, 1023))
  let lastMs = 0
  let seq = 0

  return {
    orderNo(now) {
      let ms = Math.max(Math.floor(now), MIN_SNOWFLAKE_MS, lastMs)
      if (ms === lastMs) {
        seq += 1
        // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
        if (seq > 4095) {
          ms += 1
          seq = 0
        }
      } else {
        seq = 0
      }
      lastMs = ms
      const id = (BigInt(ms - SNOWFLAKE_EPOCH) << 22n) | (worker << 12n) | BigInt(seq)
      return id.toString()
    },
    payInfo(payWay) {
      return payWay === 'SCAN_WEIXIN'
        ? `weixin://wxpay/bizpayurl?pr=${pick(ALNUM, 7)}`
        : `https://qr.alipay.com/bax${pick(LOWER_ALNUM, 22)}`
    },
    notifyId: () => pick(HEX, 32),
    seqStart: () => between(100, 999),
    between,
  }
}

/** `yyyyMMdd` + 8-digit sequence: 16 digits, e.g. 2026112500000257. */
export function formatBizOrderNo(day: string, seq: number): string {
  return `${day}${String(seq).padStart(8, '0')}`
}
