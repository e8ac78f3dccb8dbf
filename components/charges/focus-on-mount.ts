/**
 * A ref that focuses its element once, when it appears: the next action after a result, so Enter
 * does what the screen says. React's autoFocus only covers form controls, not links. Module-level,
 * so React sees the same ref on every render and never focuses again behind the cashier's back.
 */
export function focusOnMount(el: HTMLElement | null): void {
  el?.focus()
}
