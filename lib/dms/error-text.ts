import { enText } from './error-text-en'
import { zhText } from './error-text-zh'
import type { ErrorText, Locale, LocaleText } from './error-messages'
import type { DmsError } from './types'

export type { ErrorText, Locale } from './error-messages'

/*
 * A DmsError as a sentence for the cashier. An `unknown` outcome is never worded as a failure: the
 * payment may have gone through, and the cashier is checking.
 */

const TEXT: Record<Locale, LocaleText> = { 'zh-CN': zhText, en: enText }

const MAX_DMS_TEXT = 200

export function describeDmsError(error: DmsError, locale: Locale): ErrorText {
  const text = TEXT[locale]
  switch (error.kind) {
    case 'rejected': {
      const dms = error.message.trim().slice(0, MAX_DMS_TEXT)
      const known = Object.hasOwn(text.codes, error.code) ? text.codes[error.code] : undefined
      return known ? known(dms) : text.rejected(dms, error.code)
    }
    case 'unavailable':
      return text.unavailable(error.sent, error.reason === 'http' ? error.status : undefined)
    case 'unknown':
      return text.unknown()
  }
}
