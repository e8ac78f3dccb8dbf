/*
 * The shape of one language's cashier-facing error texts. Each text says what happened, then what to do
 * next. `dms` is DMS's own errMsg, quoted where it carries the detail.
 */

export type Locale = 'zh-CN' | 'en'

export interface ErrorText {
  message: string
  action: string
}

export interface LocaleText {
  /** Per contract error code. */
  codes: Record<number, (dms: string) => ErrorText>
  /** A code the contract does not list: DMS's own words plus the code to quote. */
  rejected: (dms: string, code: number) => ErrorText
  unavailable: (sent: boolean, status?: number) => ErrorText
  /** The outcome is not known yet: never worded as a failure. */
  unknown: () => ErrorText
}

export const withDetail = (base: string, dms: string, sep: string) =>
  dms ? `${base}${sep}${dms}` : base
