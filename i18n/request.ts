import { getRequestConfig } from 'next-intl/server'
import { isLocale } from '@/lib/locale'
import { TIME_CONFIG } from '@/lib/time-text'
import { loadMessages } from '@/messages/load'
import { requestLocale } from './request-locale'

// The zone and the date-time formats (lib/time-text.ts) reach client components too: the staff
// and login layouts' NextIntlClientProvider, rendered on the server, inherits both from here.
// A locale named by the caller (`getTranslations({ locale })`: the tablet speaks the shop's
// language whatever the browser's cookie says) wins over the request's; without this its texts
// came in the cookie's language, the tablet's demo ribbon in English on a Chinese screen.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await requestLocale()
  return { locale, messages: await loadMessages(locale), ...TIME_CONFIG }
})
