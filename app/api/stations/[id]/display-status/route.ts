import { answerDisplayStatusPoll } from '@/lib/polling/display-status-poll'
import { pollRoute } from '@/lib/polling/next-route'

export const GET = pollRoute<{ id: string }>((req, { id }) => answerDisplayStatusPoll(req, id))
