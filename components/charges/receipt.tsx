import { useFormatter, useLocale, useTranslations } from 'next-intl'
import type { ReceiptPaper, ReceiptView } from '@/lib/charges/receipt-view'
import { formatFen } from '@/lib/money'
import { BillNumber } from './bill-number'

/*
 * The printed receipt. On screen it is hidden; in print it is the only thing on the page, laid out
 * for the chosen paper: a 58 or 80 mm thermal roll (narrow, one column) or an A4 sheet.
 */
const PAGE: Record<ReceiptPaper, string> = {
  '58': '@page { size: 58mm 200mm; margin: 2mm }',
  '80': '@page { size: 80mm 200mm; margin: 3mm }',
  a4: '@page { size: A4; margin: 20mm }',
}

const WIDTH: Record<ReceiptPaper, string> = {
  '58': 'w-[54mm] text-[9pt]',
  '80': 'w-[74mm] text-[10.5pt]',
  a4: 'w-[120mm] text-[13pt]',
}

export function Receipt({ receipt, paper }: { receipt: ReceiptView; paper: ReceiptPaper }) {
  const t = useTranslations('receipt')
  const tWay = useTranslations('payWay')
  const format = useFormatter()
  const locale = useLocale()
  const paidAt = format.dateTime(receipt.paidAt, 'dateTimeMedium')
  // The bill and DMS's order number (19 digits) are read aloud and typed in elsewhere: broken
  // mid-number on a 58 mm roll they read as two. Where one does not fit beside its label it takes
  // the line below (the row wraps), and the order number never breaks (in the code face, 19 digits
  // are some 36 mm at 9 pt: a 58 mm roll's line holds them); the bill breaks only after a separator.
  const rows: [string, React.ReactNode, 'id' | 'text'][] = [
    [t('bill'), <BillNumber key="bill" value={receipt.bzOrder} />, 'id'],
    [t('payWay'), tWay(receipt.payWay), 'text'],
    [
      t('orderNo'),
      receipt.orderNo ? (
        <code key="order" translate="no" className="font-mono whitespace-nowrap">
          {receipt.orderNo}
        </code>
      ) : (
        '—'
      ),
      'id',
    ],
    [t('paidAt'), paidAt, 'text'],
    [t('cashier'), receipt.cashierName, 'text'],
    [t('station'), receipt.stationName, 'text'],
  ]
  return (
    <div className="receipt-print hidden print:block" data-testid="receipt" data-paper={paper}>
      <style>{`@media print { ${PAGE[paper]} }`}</style>
      <div className={`${WIDTH[paper]} text-black`}>
        <p className="text-center text-[1.3em] font-bold">{receipt.shopName}</p>
        <p className="text-center">{t('title')}</p>
        {receipt.copy > 1 ? (
          <p
            data-testid="receipt-reprint"
            className="mt-1 border border-black text-center font-bold"
          >
            {t('reprint', { copy: receipt.copy })}
          </p>
        ) : null}
        <p className="my-2 border-y border-dashed border-black py-2 text-center text-[2em] font-bold tabular">
          {formatFen(receipt.amountFen, locale)}
        </p>
        <dl className="space-y-1">
          {rows.map(([k, v, kind]) => (
            <div
              key={k}
              className={`flex justify-between gap-x-2 ${kind === 'id' ? 'flex-wrap' : ''}`}
            >
              <dt className="shrink-0 whitespace-nowrap">{k}</dt>
              <dd className={`min-w-0 text-right ${kind === 'id' ? 'ml-auto' : 'break-all'}`}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-center">{t('thanks')}</p>
      </div>
    </div>
  )
}
