import type { ChargeScreenActions } from '@/components/charges/screen-actions'
import {
  autoPrintReceiptAction,
  cancelChargeAction,
  printReceiptAction,
  switchPayWayAction,
} from './actions'

/**
 * The charge screen's actions, handed to it as props by the server pages that render it (this
 * route's page, and the new-charge page, which shows the screen from the create's answer).
 */
export const chargeScreenActions: ChargeScreenActions = {
  cancel: cancelChargeAction,
  switchPayWay: switchPayWayAction,
  receipt: { print: printReceiptAction, autoPrint: autoPrintReceiptAction },
}
