/** Drawn, not typed (a font's ✓ differs from device to device): the same marks as the tablet's. */
const MARKS = {
  paid: { d: 'M5.5 12.5l4.5 4.5 8.5-9.5', circle: 'bg-status-paid' },
  failed: { d: 'M7 7l10 10M17 7L7 17', circle: 'bg-status-failed' },
  closed: { d: 'M6 12h12', circle: 'bg-status-closed' },
} as const

export function OutcomeMark({
  kind,
  size = 'h-28 w-28',
}: {
  kind: keyof typeof MARKS
  size?: string
}) {
  const mark = MARKS[kind]
  return (
    <span
      data-testid={`mark-${kind}`}
      className={`flex shrink-0 items-center justify-center rounded-full ${mark.circle} ${size}`}
      aria-hidden
    >
      <svg viewBox="0 0 24 24" className="h-[60%] w-[60%]" fill="none">
        <path
          d={mark.d}
          stroke="white"
          strokeWidth="2.4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  )
}
