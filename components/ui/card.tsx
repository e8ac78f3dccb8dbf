/*
 * The white card every screen is built of (design.md: `rounded-2xl bg-white p-6 shadow-sm ring-1
 * ring-gray-200`). Its frame is written in card-class.ts only; a caller adds layout (grid, overflow, print
 * rules) through `className`, never another padding, ring or shadow.
 */

import type { ElementType, HTMLAttributes } from 'react'
import { cardClass, type CardLook } from './card-class'

export { cardClass, type CardLook }

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
