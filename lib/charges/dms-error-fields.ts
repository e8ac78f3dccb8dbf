import type { DmsError } from '@/lib/dms/types'

/** What of a DMS error is kept on the charge and its event: the code DMS gave, and its own words. */
export function dmsErrorFields(error: DmsError): {
  code: number | null
  message: string
  detail: Record<string, unknown>
} {
  switch (error.kind) {
    case 'rejected':
      return { code: error.code, message: error.message, detail: { kind: 'rejected' } }
    case 'unavailable':
      return {
        code: null,
        message: error.detail,
        detail: {
          kind: 'unavailable',
          reason: error.reason,
          status: error.status ?? null,
          sent: error.sent,
        },
      }
    case 'unknown':
      return { code: null, message: error.detail, detail: { kind: 'unknown' } }
  }
}

/**
 * What a failed check keeps of why: our client's words when DMS was not reached or its answer could
 * not be used (unreadable, or about another payment than asked). A refusal is DMS's own word, kept
 * by its own event where there is one.
 */
export function checkNote(error: DmsError): string | undefined {
  return error.kind === 'rejected' ? undefined : error.detail
}
