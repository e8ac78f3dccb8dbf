import type { KeyboardEvent } from 'react'

/*
 * The charge form without a mouse: Tab from bill to amount to pay way, Alt+1 / Alt+2 pick WeChat /
 * Alipay from any field, Enter submits (from a pay-way radio too). Why Alt+digit: the bill field
 * takes letters and digits and the amount field digits, so a bare W / A / 1 / 2 is the field's own
 * input; Alt+digit types nothing on Windows and Linux (on macOS Option+digit would type a symbol,
 * which is prevented here); F1 / F2 are the browser's (help) or the OS's. Arrow keys on the radio
 * group switch too, as any radio group does.
 */
export const PAY_WAY_KEYS = ['1', '2'] as const

export function onChargeFormKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
  const form = e.currentTarget
  const target = e.target as HTMLInputElement
  if (e.key === 'Enter' && target.type === 'radio') {
    e.preventDefault()
    form.requestSubmit()
    return
  }
  // `code`, not `key`: with Alt held, macOS reports the symbol the key would type.
  const digit = /^Digit([12])$/.exec(e.code)?.[1] ?? /^Numpad([12])$/.exec(e.code)?.[1]
  if (!e.altKey || e.ctrlKey || e.metaKey || !digit) return
  const radios = form.querySelectorAll<HTMLInputElement>('input[type=radio][name=pay_way]')
  const radio = radios[PAY_WAY_KEYS.indexOf(digit as '1' | '2')]
  if (!radio) return
  e.preventDefault()
  // click() checks it and fires the change the form listens to; the focus stays where it was.
  if (!radio.checked) radio.click()
}
