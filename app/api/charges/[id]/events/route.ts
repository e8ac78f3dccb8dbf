import { answerChargeStream } from '@/lib/polling/charge-stream'
import { streamRoute } from '@/lib/polling/next-route'

export const GET = streamRoute<{ id: string }>((req, { id }) => answerChargeStream(req, id))
