'use client'

import { useTranslations } from 'next-intl'
import type { TabletActionState } from './actions'

/** The action's error as a sentence (an unknown key reads as the generic one). */
export function useTabletError(state: TabletActionState): string | null {
  const t = useTranslations('tablets.errors')
  if (state.status !== 'error') return null
  return t.has(state.error) ? t(state.error) : t('unexpected')
}
