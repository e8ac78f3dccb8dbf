import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import { CLIENT_NAMESPACES, pickMessages, type ClientScope } from '@/messages/client-namespaces'

/**
 * next-intl's provider with only the messages the scope's client components read
 * (messages/client-namespaces.ts): whatever it is given is serialised into the page's HTML.
 * A nested one replaces its parent's messages (it does not add to them).
 */
export async function ClientMessages({
  scope,
  children,
}: {
  scope: ClientScope
  children: React.ReactNode
}) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[scope])
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
}
