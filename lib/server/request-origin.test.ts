import { describe, expect, it } from 'vitest'
import { isSameOrigin } from './request-origin'

const h = (init: Record<string, string>) => new Headers({ host: 'shop.example:3000', ...init })

describe('a POST from this site’s own page', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['a browser on our page', { 'sec-fetch-site': 'same-origin', origin: 'null' }, true],
    ['a browser on another site', { 'sec-fetch-site': 'cross-site', origin: 'null' }, false],
    ['a browser on a sibling subdomain', { 'sec-fetch-site': 'same-site' }, false],
    ['an older browser with our Origin', { origin: 'http://shop.example:3000' }, true],
    ['an older browser with another Origin', { origin: 'https://evil.example' }, false],
    [
      'our Origin behind a proxy',
      { origin: 'https://cashier.shop', 'x-forwarded-host': 'cashier.shop' },
      true,
    ],
    [
      'another Origin behind a proxy',
      { origin: 'https://evil.example', 'x-forwarded-host': 'cashier.shop' },
      false,
    ],
    ['a mangled Origin', { origin: 'http://[::' }, false],
    ['an older browser under no-referrer (Origin: null)', { origin: 'null' }, true],
    ['no browser signal at all', {}, true],
  ])('%s', (_, headers, expected) => {
    expect(isSameOrigin(h(headers))).toBe(expected)
  })
})
