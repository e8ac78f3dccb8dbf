import { getRequestConfig } from 'next-intl/server'
import { loadMessages } from '@/messages/load'
import { requestLocale } from './request-locale'

export default getRequestConfig(async () => {
  const locale = await requestLocale()
  return { locale, messages: await loadMessages(locale), timeZone: 'Asia/Shanghai' }
})
