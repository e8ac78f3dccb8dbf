import { answerDisplayStatusStream } from '@/lib/polling/display-status-stream'
import { streamRoute } from '@/lib/polling/next-route'

export const GET = streamRoute<{ id: string }>((req, { id }) => answerDisplayStatusStream(req, id))
