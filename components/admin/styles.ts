/*
 * Class names shared by the admin screens, so every control has the same size (44 px touch targets)
 * and every card the same frame.
 */

export const card = 'rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200'

/** A text input or select; `control` fills its column, `controlBase` takes a width from the caller. */
export const controlBase =
  'h-11 rounded-lg border border-gray-300 bg-white px-3 focus:border-accent aria-[invalid=true]:border-status-failed disabled:bg-gray-100'

export const control = `${controlBase} w-full`

export const primaryButton =
  'inline-flex h-11 shrink-0 items-center justify-center rounded-lg bg-accent px-4 font-semibold text-white hover:bg-accent-strong disabled:opacity-60'

export const secondaryButton =
  'inline-flex h-11 shrink-0 items-center justify-center rounded-lg border border-gray-300 bg-white px-4 font-medium text-gray-800 hover:bg-gray-50 disabled:opacity-60'

export const dangerButton =
  'inline-flex h-11 shrink-0 items-center justify-center rounded-lg border border-red-300 bg-white px-4 font-medium text-status-failed hover:bg-red-50 disabled:opacity-60'
