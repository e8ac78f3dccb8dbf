import type { ElementType, HTMLAttributes } from 'react'

/*
 * The white card every screen is built of (design.md: `rounded-2xl bg-white p-6 shadow-sm ring-1
 * ring-gray-200`). Its frame is written here only; a caller adds layout (grid, overflow, print
 * rules) through `className`, never another padding, ring or shadow.
 */

const PAD = { none: '', sm: 'p-4', md: 'p-6', lg: 'p-8' } as const
const RING = { plain: 'ring-gray-200', warning: 'ring-amber-300' } as const

export interface CardLook {
  /** `none` for a table that runs edge to edge; `sm` for a toolbar; `lg` for a page on its own. */
  pad?: keyof typeof PAD
  /** `warning`: a card that asks for a decision (settle a stuck charge). */
  tone?: keyof typeof RING
  /** No shadow: an empty state, quieter than a card with content. */
  flat?: boolean
}

export function cardClass({ pad = 'md', tone = 'plain', flat = false }: CardLook = {}): string {
  return ['rounded-2xl bg-white ring-1', RING[tone], flat ? '' : 'shadow-sm', PAD[pad]]
    .filter(Boolean)
    .join(' ')
}

/** A form takes `cardClass()` on its own `<form>` (its props are not an element's plain ones). */
type CardTag = 'div' | 'section' | 'ul' | 'li' | 'p'

/** A card as `as` (a `div` unless said otherwise), with its look and the caller's own classes. */
export function Card({
  as,
  pad,
  tone,
  flat,
  className,
  ...rest
}: CardLook & { as?: CardTag } & HTMLAttributes<HTMLElement>) {
  const Tag: ElementType = as ?? 'div'
  const look = cardClass({ pad, tone, flat })
  return <Tag className={className ? `${look} ${className}` : look} {...rest} />
}
