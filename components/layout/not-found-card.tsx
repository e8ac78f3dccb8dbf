import { getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

/**
 * What a page that is not there says, and the way home: the root not-found page (an address nobody
 * serves, with the demo ribbon of its own) and the staff screens' (a charge or record that does not
 * exist, drawn inside the staff shell, which has the ribbon already) both show this card.
 */
export async function NotFoundCard() {
  const t = await getTranslations('notFound')
  return (
    <Card pad="lg" className="max-w-md text-center">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-gray-600">{t('body')}</p>
      {/* A plain link: the root not-found boundary is part of every page's first load, and
          next/link would add its runtime (3 KB) to the customer tablet's. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className={`${buttonClass()} mt-6`}>
        {t('home')}
      </a>
    </Card>
  )
}
