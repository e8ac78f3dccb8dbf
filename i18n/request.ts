import { getRequestConfig } from 'next-intl/server'
import { TIME_CONFIG } from '@/lib/time-text'
import { loadMessages } from '@/messages/load'
import { requestLocale } from './request-locale'

// The zone and the date-time formats (lib/time-text.ts) reach client components too: the staff
// and login layouts' NextIntlClientProvider, rendered on the server, inherits both from here.
export default getRequestConfig(async () => {
  const locale = await requestLocale()
  return { locale, messages: await loadMessages(locale), ...TIME_CONFIG }
})
