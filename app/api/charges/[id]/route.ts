import { answerChargePoll } from '@/lib/polling/charge-poll'
import { pollRoute } from '@/lib/polling/next-route'

export const GET = pollRoute<{ id: string }>((req, { id }) => answerChargePoll(req, id))
