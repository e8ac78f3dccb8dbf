import { pollRoute } from '@/lib/polling/next-route'
import { answerTodayPoll } from '@/lib/polling/today'

export const GET = pollRoute<{ id: string }>((req, { id }) => answerTodayPoll(req, id))
