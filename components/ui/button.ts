/*
 * The look of every button, and of every link that acts as one: one height (at least 44 px, a
 * finger's touch target on the tablet), one radius, and five variants that mean the same thing on
 * every screen. `buttonClass()` goes on a `<button>` or a `<Link>` alike (a form's submit button is
 * `SubmitButton`); a caller appends width or spacing, never another padding or colour.
 */

const VARIANT = {
  /** The step the screen is for (one per screen). */
  primary: 'bg-accent font-semibold text-white not-disabled:hover:bg-accent-strong',
  /** A second way forward that still matters: exports, print. */
  outline:
    'bg-white font-semibold text-accent inset-ring inset-ring-accent not-disabled:hover:bg-accent-soft',
  /** Everything else: cancel, save a detail, page through. */
  secondary:
    'bg-white font-medium text-gray-800 inset-ring inset-ring-gray-300 not-disabled:hover:bg-gray-50',
  /** Takes something away (revoke, disable, settle by hand). */
  danger:
    'bg-white font-medium text-status-failed inset-ring inset-ring-red-300 not-disabled:hover:bg-red-50',
  /**
   * A quiet way back (clear the filters, today's list): a tinted face with no border, so at rest it
   * still reads as a button, a step below the bordered ones beside it.
   */
  ghost: 'bg-gray-200 font-medium text-gray-800 not-disabled:hover:bg-gray-300',
} as const

// The bordered looks draw their line inside the button (an inset ring), as a control's border is
// inside its 44 px: drawn outside, a button beside a select looked 46 px to the select's 44.

// Hover under `not-disabled:`: a disabled button (busy, or nothing to export) must not light up
// under the pointer as if it could be pressed.

const SIZE = { md: 'min-h-11 px-5', lg: 'min-h-14 px-6 text-lg' } as const

export type ButtonVariant = keyof typeof VARIANT
export type ButtonSize = keyof typeof SIZE

export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'md'): string {
  return `inline-flex shrink-0 items-center justify-center gap-2 rounded-xl disabled:opacity-60 ${SIZE[size]} ${VARIANT[variant]}`
}
