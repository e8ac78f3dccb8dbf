/*
 * The look of a "needs a manager" tag (取消后付款, 结果待核实…), wherever a charge carries one: the
 * charges list tagged a paid-after-cancel charge red, the attention page the same reason amber.
 * Amber, not the failed red: the money is in, someone has to decide what to do with it. One word,
 * never broken: where its line is full it moves under the bill whole (at 1024 px the list's bill
 * cell broke it as 取消后付|款).
 */
export const ATTENTION_TAG =
  'rounded bg-amber-50 px-1.5 py-0.5 whitespace-nowrap text-status-waiting ring-1 ring-amber-200'
