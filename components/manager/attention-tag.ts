/*
 * The look of a "needs a manager" tag (取消后付款, 结果待核实…), wherever a charge carries one: the
 * charges list tagged a paid-after-cancel charge red, the attention page the same reason amber.
 * Amber, not the failed red: the money is in, someone has to decide what to do with it.
 */
export const ATTENTION_TAG =
  'rounded bg-amber-50 px-1.5 py-0.5 text-status-waiting ring-1 ring-amber-200'
