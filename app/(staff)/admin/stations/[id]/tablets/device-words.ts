import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { DeviceWords } from '@/lib/display/device-label'

/** The page's words for a tablet's automatic name: the tablet list and the audit log show it. */
export async function deviceWords(): Promise<DeviceWords> {
  const t = await getTranslations('tablets.autoName')
  return {
    tablet: t('tablet'),
    device: (key) => t(`devices.${key}`),
    browser: (key) => t(`browsers.${key}`),
  }
}
