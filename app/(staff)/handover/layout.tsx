import { ClientMessages } from '@/i18n/client-messages'

// Only the messages this part's client components read reach the browser (client-namespaces.ts).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages scope="handover">{children}</ClientMessages>
}
