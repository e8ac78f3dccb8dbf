import { streamRoute } from '@/lib/polling/next-route'
import { answerTodayStream } from '@/lib/polling/today'

export const GET = streamRoute<{ id: string }>((req, { id }) => answerTodayStream(req, id))
