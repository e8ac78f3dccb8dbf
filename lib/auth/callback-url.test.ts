import { describe, expect, it } from 'vitest'
import { loginPathFor, sameOriginPath, sameOriginRedirect } from './callback-url'

describe('sign-in callbackUrl', () => {
  it.each([
    '/charges',
    '/charges?status=paid&from=2025-06-01',
    '/charge/0d8f3c1a-1111-4222-8333-444455556666#top',
    '/admin/users?q=%E5%B0%8F%E7%8E%8B',
  ])('keeps a path on this site: %s', (path) => {
    expect(sameOriginPath(path)).toBe(path)
  })

  it.each([
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '//evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '///evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    'https://evil.example',
    'http:evil.example',
    'HTTPS://evil.example/charges',
    'javascript:alert(1)',
    'data:text/html,hi',
    '%2F%2Fevil.example',
    'evil.example',
    ' /charges',
    '',
    '/%E0%A4%A',
  ])('refuses %j', (raw) => {
    expect(sameOriginPath(raw)).toBeNull()
  })

  it('re-spells what it keeps the way a browser would', () => {
    expect(sameOriginPath('/charges/../admin/users')).toBe('/admin/users')
    expect(sameOriginPath('/a b')).toBe('/a%20b')
  })

  it('answers Auth.js with an absolute URL on the site, or the site itself', () => {
    const base = 'http://127.0.0.1:5200'
    expect(sameOriginRedirect('/charges', base)).toBe(`${base}/charges`)
    expect(sameOriginRedirect(`${base}/charges?x=1`, base)).toBe(`${base}/charges?x=1`)
    expect(sameOriginRedirect('/\\evil.example', base)).toBe(base)
    expect(sameOriginRedirect('https://evil.example/', base)).toBe(base)
    expect(sameOriginRedirect(`${base}//evil.example`, base)).toBe(base)
  })

  it('sends to the login page and back only to a page of this site', () => {
    expect(loginPathFor('/charge/new')).toBe('/login?callbackUrl=%2Fcharge%2Fnew')
    expect(loginPathFor('/charges?status=paid')).toBe(
      '/login?callbackUrl=%2Fcharges%3Fstatus%3Dpaid',
    )
    expect(loginPathFor('/')).toBe('/login')
    expect(loginPathFor(null)).toBe('/login')
    expect(loginPathFor('//evil.example')).toBe('/login')
    expect(loginPathFor('https://evil.example/')).toBe('/login')
  })
})
