import { answerDisplayStream } from '@/lib/polling/display-stream'
import { streamRoute } from '@/lib/polling/next-route'

export const GET = streamRoute((req) => answerDisplayStream(req))
