import type { AnswerEngine, Previous } from '../answer/engine.js'
import type { Answer, Command } from '../answer/types.js'

/** How long a question stays the one a follow-up ("and at quillmark?") is read with, and how many are kept. */
export interface ConversationOptions {
  /** A follow-up after this long starts afresh. */
  ttlMs: number
  /** The most people-and-channels remembered at once; the oldest go first. */
  maxEntries: number
}

export const DEFAULT_CONVERSATION: ConversationOptions = { ttlMs: 10 * 60_000, maxEntries: 10_000 }

/**
 * The last question each person asked in each channel, so that their follow-up is read with it.
 * In memory only: a restart forgets them, and a follow-up is then answered on its own.
 */
export class Conversation {
  private readonly last = new Map<string, Previous & { at: number }>()

  constructor(
    private readonly options: ConversationOptions = DEFAULT_CONVERSATION,
    private readonly now: () => number = Date.now,
  ) {}

  /** The question this person last asked in this channel, if recent enough. */
  previous(channelId: string, userId: string): Previous | undefined {
    const entry = this.last.get(`${channelId}:${userId}`)
    if (!entry || this.now() - entry.at > this.options.ttlMs) return undefined
    return { query: entry.query, answer: entry.answer }
  }

  /**
   * Answers a question as this person's next one in this channel: a follow-up ("and at
   * quillmark?") is read with their last question, and this one, as read, is kept for the next.
   */
  answer(engine: Pick<AnswerEngine, 'answer'>, channelId: string, userId: string, command: Command, query: string): Answer {
    const answer = engine.answer(command, query, this.previous(channelId, userId))
    this.remember(channelId, userId, { query: answer.readAs ?? query, answer: answer.answer })
    return answer
  }

  /** Keeps the question just answered (as read, for a follow-up) for the next one. */
  remember(channelId: string, userId: string, asked: Previous): void {
    const key = `${channelId}:${userId}`
    this.last.delete(key)
    this.last.set(key, { ...asked, at: this.now() })
    for (const oldest of this.last.keys()) {
      if (this.last.size <= this.options.maxEntries) break
      this.last.delete(oldest)
    }
  }
}
