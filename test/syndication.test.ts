import { beforeAll, describe, expect, it } from 'vitest'
import { AnswerEngine } from '../src/answer/engine.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { linkSyndicated } from '../src/ingest/syndication.js'
import type { Passage } from '../src/ingest/types.js'
import { defaultSeedsDir } from '../src/paths.js'

let story: AnswerEngine

beforeAll(async () => {
  story = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
})

function passage(article: string, sentences: string[]): Passage {
  const text = sentences.join(' ')
  let at = 0
  const spans = sentences.map((sentence) => {
    const start = text.indexOf(sentence, at)
    at = start + sentence.length
    return { start, end: at, text: sentence }
  })
  return { id: `${article}#1`, article, paragraph: 1, start: 0, end: text.length, text, sentences: spans, dates: [], entities: [], quotes: [], alsoIn: [] }
}

describe('"also in" credits', () => {
  it('names only the outlets that carry the sentence shown, not merely its paragraph', () => {
    const copied = 'The port authority is weighing new fees on cargo drones operated by SkyFreight, according to people familiar with the plan.'
    const own = 'A second sentence that only the first outlet printed, about the harbour master and the tides.'
    const first = passage('001', [copied, own])
    const second = passage('002', [copied.replace('weighing', 'considering'), 'Something else entirely that the copy adds on its own account here.'])
    linkSyndicated([first, second])
    expect(first.alsoIn).toEqual(['002#1'])
    expect(first.sentences[0]?.alsoIn).toEqual(['002#1'])
    expect(first.sentences[1]?.alsoIn).toEqual([])
  })

  it('does not credit a copy that changed a figure with the sentence it changed ("killing three" against "killing four")', () => {
    const three =
      'A commuter train derailed on a curve in rural Pennsylvania on Monday evening, killing three people and injuring at least 60 others, officials said.'
    const four = three.replace('three', 'four')
    const first = passage('001', [three, 'Its second sentence, about the trestle over the creek, is the same in both.'])
    const second = passage('002', [four, 'Its second sentence, about the trestle over the creek, is the same in both.'])
    linkSyndicated([first, second])
    expect(first.alsoIn).toEqual(['002#1'])
    expect(first.sentences[0]?.alsoIn).toEqual([])
    expect(first.sentences[1]?.alsoIn).toEqual(['002#1'])
  })

  it('does not credit a rewrite that leaves out what the shown sentence says (Jack Ma is not in the Reuters copy)', () => {
    const answer = story.answer('who', 'jack ma')
    const fashionNetwork = [...story.knowledge.articles.values()].find((article) => article.outlet === 'FashionNetwork')
    if (!fashionNetwork) throw new Error('the story has no FashionNetwork article')
    for (const shown of answer.passages) expect(shown.alsoIn).not.toContain(fashionNetwork.id)
  })
})
