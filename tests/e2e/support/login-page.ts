import type { APIRequestContext, Page } from '@playwright/test'
import { waitForHydration } from '@/tests/support/hydration'

/** The login page as a person uses it, through its stable hooks. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(path = '/login') {
    await this.page.goto(path)
  }

  async signIn(username: string, password: string) {
    // A server action's form: filled before React takes it over, what was typed can be lost.
    await waitForHydration(this.page.locator('form:has(input[name=username])'))
    await this.page.locator('input[name=username]').fill(username)
    await this.page.locator('input[name=password]').fill(password)
    await this.page.locator('input[name=password]').press('Enter')
  }

  error() {
    return this.page.getByTestId('login-error')
  }
}

/**
 * A sign-in at Auth.js's own endpoint, past the form: a CSRF token, then the credentials, the
 * redirect not followed (its Location says how the sign-in went).
 */
export async function postCredentials(
  api: APIRequestContext,
  credentials: { username: string; password: string; callbackUrl?: string },
  headers?: Record<string, string>,
) {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const { username, password, callbackUrl = '/' } = credentials
  return api.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password, callbackUrl },
    ...(headers ? { headers } : {}),
    maxRedirects: 0,
  })
}
