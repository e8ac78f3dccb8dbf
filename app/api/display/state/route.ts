import { answerDisplayPoll } from '@/lib/polling/display-poll'
import { pollRoute } from '@/lib/polling/next-route'

export const GET = pollRoute((req) => answerDisplayPoll(req))
