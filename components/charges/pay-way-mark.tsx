import type { PayWay } from '@/lib/dms/types'

/** The pay way's mark: its brand colour and glyph, the only place these colours are used. */
export function PayWayMark({ payWay, size = 28 }: { payWay: PayWay; size?: number }) {
  const wechat = payWay === 'SCAN_WEIXIN'
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="shrink-0">
      <rect width="32" height="32" rx="8" className={wechat ? 'fill-wechat' : 'fill-alipay'} />
      {wechat ? (
        <g fill="white">
          <ellipse cx="13" cy="14" rx="8" ry="6.5" />
          <ellipse cx="20" cy="19" rx="6.5" ry="5.2" className="stroke-wechat" strokeWidth="1.2" />
          <circle cx="10.5" cy="12.5" r="1.1" className="fill-wechat" />
          <circle cx="15.5" cy="12.5" r="1.1" className="fill-wechat" />
        </g>
      ) : (
        <text x="16" y="22.5" textAnchor="middle" fontSize="17" fontWeight="700" fill="white">
          支
        </text>
      )}
    </svg>
  )
}
