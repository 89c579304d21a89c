import { describe, expect, it } from 'vitest'
import { Conversation } from '../src/bot/conversation.js'

describe('the conversation a follow-up is read with', () => {
  it('keeps each person’s last question per channel, for a while', () => {
    let now = 0
    const conversation = new Conversation({ ttlMs: 1000, maxEntries: 10 }, () => now)
    conversation.remember('channel', 'alice', { query: 'who is tzeng yi-suo', answer: 'Tzeng Yi-suo' })
    conversation.remember('channel', 'alice', { query: 'who runs goldman', answer: null })
    expect(conversation.previous('channel', 'alice')?.query).toBe('who runs goldman')
    expect(conversation.previous('channel', 'bob')).toBeUndefined()
    expect(conversation.previous('elsewhere', 'alice')).toBeUndefined()
    now = 1001
    expect(conversation.previous('channel', 'alice')).toBeUndefined()
  })

  it('forgets the oldest first when it holds too many', () => {
    const conversation = new Conversation({ ttlMs: 1000, maxEntries: 2 }, () => 0)
    for (const user of ['a', 'b', 'c']) conversation.remember('channel', user, { query: `question of ${user}`, answer: null })
    expect(conversation.previous('channel', 'a')).toBeUndefined()
    expect(conversation.previous('channel', 'c')?.query).toBe('question of c')
  })
})
