import type { ChargeScreenActions } from '@/components/charges/screen-actions'
import {
  autoPrintReceiptAction,
  cancelChargeAction,
  printReceiptAction,
  switchPayWayAction,
} from './actions'

/** The charge screen's actions, handed to it as props (charge-screen-view.tsx). */
export const chargeScreenActions: ChargeScreenActions = {
  cancel: cancelChargeAction,
  switchPayWay: switchPayWayAction,
  receipt: { print: printReceiptAction, autoPrint: autoPrintReceiptAction },
}
