import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createElement as h, type ReactElement } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it, vi } from 'vitest'
import type { ChargeView } from '@/lib/charges/view'
import { LOCALES, type Locale } from '@/lib/locale'
import { TIME_CONFIG } from '@/lib/time-text'
import { namespaceOf } from '@/messages/load'
import { ACTION_ERRORS } from './action-error'

/*
 * The charge screen's cancel and switch as the cashier sees them when their action answers an
 * error: a sentence in the screen's language, never the error's key ("操作未完成：switch-failed").
 * The action's answer is set by standing in for useActionState; the rest is the real components
 * and messages.
 */

const answer = vi.hoisted(() => ({ state: { status: 'idle' } as unknown }))
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>()
  return { ...react, useActionState: () => [answer.state, () => {}, false] }
})

const { SwitchPayWay } = await import('./switch-pay-way')
const { ChargeActions } = await import('./charge-actions')

function messages(locale: string) {
  const dir = join(process.cwd(), 'messages', locale)
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  return Object.fromEntries(
    files.map((f) => [namespaceOf(f), JSON.parse(readFileSync(join(dir, f), 'utf8'))]),
  )
}

async function render(el: ReactElement, locale: Locale): Promise<string> {
  const missing: string[] = []
  const provider = h(NextIntlClientProvider, {
    locale,
    ...TIME_CONFIG,
    messages: messages(locale),
    onError: (e: { message: string }) => void missing.push(e.message),
    children: el,
  })
  const stream = await renderToReadableStream(provider)
  await stream.allReady
  const html = await new Response(stream).text()
  expect(missing).toEqual([])
  return html
}

/** The text of the error line (data-testid=charge-action-error), markup and entities removed. */
function errorLine(html: string): string {
  const m = /data-testid="charge-action-error"[^>]*>([\s\S]*?)<\/p>/.exec(html)
  if (!m) throw new Error('no error line rendered')
  return m[1]!.replace(/<[^>]*>/g, '').replace(/&#x27;|&#39;/g, "'")
}

const view = {
  id: '0b9c6f1e-3a52-4c1b-9a57-2f0d5e1c8a11',
  status: 'pending',
  payWay: 'SCAN_WEIXIN',
  cancelRequested: false,
} as ChargeView
const noop = async () => ({ status: 'idle' as const })
const errors = [...ACTION_ERRORS, 'something-new']

describe.each(LOCALES)('the charge screen’s action errors [%s]', (locale) => {
  it.each(errors)('the switch says %s as a sentence, not its key', async (error) => {
    answer.state = { status: 'error', error }
    const line = errorLine(
      await render(
        h(SwitchPayWay, {
          chargeId: view.id,
          payWay: 'SCAN_WEIXIN',
          busy: false,
          action: noop,
          onChange: () => {},
          onSwitching: () => {},
        }),
        locale,
      ),
    )
    expect(line).not.toContain(error)
    expect(line.length).toBeGreaterThan(5)
    if (locale === 'zh-CN') expect(line).not.toMatch(/[A-Za-z]/)
  })

  it.each(errors)('the cancel says %s as a sentence, not its key', async (error) => {
    answer.state = { status: 'error', error }
    const actions = { cancel: noop, switchPayWay: noop }
    const line = errorLine(
      await render(
        h(ChargeActions, {
          charge: view,
          actions,
          onChange: () => {},
          switchingTo: null,
          onSwitching: () => {},
        }),
        locale,
      ),
    )
    expect(line).not.toContain(error)
    if (locale === 'zh-CN') expect(line).not.toMatch(/[A-Za-z]/)
  })
})
