import type { ComponentPropsWithoutRef } from 'react'

/*
 * A pill that names a state: a charge's status, a user's role. Its shape lives here; its colours
 * come from the caller's own table (status-badge.tsx, the users table), so a colour keeps one
 * meaning everywhere.
 */

const SIZE = {
  md: 'px-2.5 py-0.5 text-sm font-medium ring-1',
  lg: 'px-5 py-2 text-2xl font-bold ring-2',
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
  const look = `inline-flex items-center rounded-full whitespace-nowrap ${SIZE[size]} ${tone}`
  return <span className={className ? `${look} ${className}` : look} {...rest} />
}
