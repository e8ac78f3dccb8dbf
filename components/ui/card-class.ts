/*
 * The card's look as a class string (card.tsx is the card itself): a module of its own, so a
 * screen that only needs the class (the charge screen's first load) does not load the component.
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
