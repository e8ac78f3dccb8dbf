import type { ActionState } from '@/lib/actions/define-action'
import type { ReceiptView } from '@/lib/charges/receipt-view'
import type { ChargeView } from '@/lib/charges/view'

/** A server action as a form's `useActionState` takes it. */
export type FormAction<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>

export type ChargeActionState = ActionState<ChargeView>

/** The receipt's actions: print one (a reprint after the first), and a station's automatic first copy. */
export interface ReceiptActions {
  print: FormAction<ReceiptView>
  autoPrint: FormAction<ReceiptView>
}

/**
 * What the charge screen can do to its charge. The actions live beside their route
 * (app/(staff)/charge/[id]/actions.ts) and come in as props from the server page that renders the
 * screen: components never import from app/ (dependencies point one way).
 */
export interface ChargeScreenActions {
  cancel: FormAction<ChargeView>
  switchPayWay: FormAction<ChargeView>
  receipt: ReceiptActions
}
