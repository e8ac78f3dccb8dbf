/*
 * The DMS client's public API. Server-only through client.ts; pure helpers (error texts, notification
 * parsing) can also be imported from their own modules where server-only is not wanted.
 */

export { createDmsClient, DMS_PATHS } from './client'
export type { CreatePaymentInput, DmsClient, DmsClientConfig, PaymentQuery } from './client'
export { describeDmsError } from './error-text'
export type { ErrorText, Locale } from './error-text'
export {
  NOTIFY_SIGNATURE_HEADER,
  parseNotification,
  signNotification,
  verifyNotificationSignature,
} from './notify'
export { PAY_WAYS } from './types'
export type {
  CloseResult,
  CreatedPayment,
  DmsError,
  DmsNotification,
  DmsOrderStatus,
  DmsResult,
  PayerAccount,
  PayWay,
  PaymentStatus,
  ReceivingAccount,
  UnavailableReason,
} from './types'
