import { answerAttentionStream } from '@/lib/polling/attention'
import { streamRoute } from '@/lib/polling/next-route'

export const GET = streamRoute<object>((req) => answerAttentionStream(req))
