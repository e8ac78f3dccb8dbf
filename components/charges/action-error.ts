/*
 * The errors the charge screen's actions answer with (its cancel and its switch: defineAction's own
 * and the handlers' keys), as the message key that says each to the cashier. An error is a key,
 * never text to show: one this list does not know gets the general sentence, not its key.
 * Client-safe and pure.
 */

export const ACTION_ERRORS = [
  'not-found',
  'busy',
  'switch-failed',
  'unauthenticated',
  'forbidden',
  'invalid-input',
] as const

export type ActionErrorKey = (typeof ACTION_ERRORS)[number] | 'other'

/** The `charge.actionErrors` key for an action's error. */
export function actionErrorKey(error: string): ActionErrorKey {
  return (ACTION_ERRORS as readonly string[]).includes(error) ? (error as ActionErrorKey) : 'other'
}
