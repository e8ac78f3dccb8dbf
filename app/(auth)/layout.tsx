import { NextIntlClientProvider } from 'next-intl'

// The i18n provider sits here and in the staff layout, not in the root layout, so that the customer
// tablet (/display) ships no i18n library to the browser.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>
}
