import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/session'
import { parseBillNumber } from '@/lib/charges/bill-number'
import { findPaidByBill } from '@/lib/charges/repo'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { firstParam, type SearchParam } from '@/lib/search-param'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('charge'))('viewPaid') }
}

type Search = { bill?: SearchParam }

/**
 * "View the paid charge" of a bill DMS refused as already paid: its screen when the ledger has it,
 * else a plain word that the payment was taken outside this cashier (the manager checks it in DMS).
 */
export default async function PaidBillPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser('charge:view')
  const bill = parseBillNumber(firstParam((await searchParams).bill) ?? '')
  // No bill to speak of (an address typed by hand): the form, not a sentence about bill “”.
  if (!bill.ok) redirect('/charge/new')
  const paid = await findPaidByBill(bill.value)
  if (paid) redirect(`/charge/${paid.id}`)
  const t = await getTranslations('charge')
  return (
    <Card pad="lg" className="mx-auto max-w-2xl">
      <p data-testid="paid-elsewhere" className="text-xl font-medium">
        {t('paidElsewhere', { bill: bill.value })}
      </p>
      <Link href="/charge/new" className={`${buttonClass()} mt-6`}>
        {t('newCharge')}
      </Link>
    </Card>
  )
}
