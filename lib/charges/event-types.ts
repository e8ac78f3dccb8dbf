import { CHARGE_EVENT_TYPES } from './status-machine'

/*
 * Every event type a charge's timeline can hold, in one list: the status machine's, and those written
 * beside it (the create, checks and closes that failed, the tablet showing it, a manager's review).
 * Each has a sentence in both languages (messages/<locale>/manager.json `events`); a test walks them.
 */
export const TIMELINE_EVENT_TYPES = [
  'created',
  ...CHARGE_EVENT_TYPES,
  'check-failed',
  'query-rejected',
  'close-failed',
  'attention-reviewed',
  'shown-on-display',
] as const

export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number]
