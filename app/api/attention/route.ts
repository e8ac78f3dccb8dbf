import { answerAttentionPoll } from '@/lib/polling/attention'
import { pollRoute } from '@/lib/polling/next-route'

export const GET = pollRoute<object>((req) => answerAttentionPoll(req))
