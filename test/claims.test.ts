import { describe, expect, it } from 'vitest'
import { claimsOf, plainText } from '../src/answer/claims.js'

describe('claims of a Discord message', () => {
  it('drop mentions, emoji, links and markdown, keeping a masked link’s words', () => {
    expect(plainText('@everyone <@123456789012345678> <:ok:1> **Trump** __signed__ [the order](https://evil.example) ||today|| https://x.y/z')).toBe(
      'Trump signed the order today',
    )
  })

  it('split a long message into its longest three sentences, in order', () => {
    const message =
      'Wow. Trump signed an order banning Alipay and seven other apps. Ant Group says it was unaware of any talks. The IPO raised $35 billion in Shanghai and Hong Kong. Regulators halted it anyway, people said.'
    expect(claimsOf(message)).toEqual([
      'Trump signed an order banning Alipay and seven other apps.',
      'Ant Group says it was unaware of any talks.',
      'The IPO raised $35 billion in Shanghai and Hong Kong.',
    ])
    expect(claimsOf('ant ipo')).toEqual(['ant ipo'])
    expect(claimsOf('<@123456789012345678> https://x.y')).toEqual([])
  })
})

describe('figures in claims', () => {
  it('a claim with a figure is reported only by outlets that give the figure', async () => {
    const { AnswerEngine } = await import('../src/answer/engine.js')
    const { loadCorpus } = await import('../src/ingest/corpus.js')
    const { defaultSeedsDir } = await import('../src/paths.js')
    const story = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
    const answer = story.answer('source', 'alibaba owns a third of ant')
    expect(answer.passages.map((passage) => passage.outlet)).toEqual(['FashionNetwork'])
    // An ordinal is no figure a passage must give: passages still come back (none dates the talk, so no date).
    expect(story.answer('when', 'when did the white house first talk about blocking chinese payment apps').passages.length).toBeGreaterThan(0)
  })
})
