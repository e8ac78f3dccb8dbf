import type { Page } from '@playwright/test'

/** The login page as a person uses it, through its stable hooks. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(path = '/login') {
    await this.page.goto(path)
  }

  async signIn(username: string, password: string) {
    await this.page.locator('input[name=username]').fill(username)
    await this.page.locator('input[name=password]').fill(password)
    await this.page.locator('input[name=password]').press('Enter')
  }

  error() {
    return this.page.getByTestId('login-error')
  }
}
