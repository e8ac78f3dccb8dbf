import type { ComponentPropsWithoutRef } from 'react'

/*
 * A pill that names a state: a charge's status, a user's role. Its shape lives here; its colours
 * come from the caller's own table (status-badge.tsx, the users table), so a colour keeps one
 * meaning everywhere.
 */

// A small pill stays one line. A large one (the charge screen's status) may take two on a phone
// rather than run off its card (English "Waiting for the customer to scan" is wider than 390 px):
// its radius is half its one-line height, so on one line it is the same pill.
const SIZE = {
  md: 'rounded-full whitespace-nowrap px-2.5 py-0.5 text-sm font-medium ring-1',
  lg: 'rounded-3xl text-balance px-5 py-2 text-2xl font-bold ring-2',
} as const

export function Badge({
  tone,
  size = 'md',
  className,
  ...rest
}: {
  /** Background, text and ring colours, e.g. `bg-green-50 text-status-paid ring-green-200`. */
  tone: string
  size?: keyof typeof SIZE
} & ComponentPropsWithoutRef<'span'>) {
  const look = `inline-flex items-center ${SIZE[size]} ${tone}`
  return <span className={className ? `${look} ${className}` : look} {...rest} />
}
