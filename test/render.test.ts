import type { APIEmbed } from 'discord.js'
import { describe, expect, it } from 'vitest'
import type { Answer, AnswerPassage } from '../src/answer/types.js'
import { answerEmbed, embedAsText, escapeUserText, LIMITS, truncate } from '../src/render/discord.js'
import { renderAnswerText } from '../src/render/text.js'
import { defined } from './support/defined.js'

const outletOf = (id: string) => `Outlet ${id}`

function passage(text: string, highlight = text, extra: Partial<AnswerPassage> = {}): AnswerPassage {
  return {
    text,
    highlight,
    article: 'a1',
    paragraph: 1,
    outlet: 'Example News',
    wire: 'Reuters',
    published: '2020-10-08',
    url: 'https://example.org/a',
    score: 1,
    alsoIn: ['a2'],
    ...extra,
  }
}

function answer(passages: AnswerPassage[], extra: Partial<Answer> = {}): Answer {
  return { command: 'ask', query: 'q', found: true, answer: 'short', date: null, passages, suggestions: [], message: null, ...extra }
}

function total(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  )
}

function expectWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title)
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description)
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields)
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName)
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue)
  }
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer)
  expect(total(embed)).toBeLessThanOrEqual(LIMITS.embedTotal)
  expect(JSON.stringify(embed)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
}

describe('truncate', () => {
  it('cuts at a sentence end, else a word boundary, with an ellipsis', () => {
    expect(truncate('First sentence here. Second sentence is much longer than the room.', 30)).toBe('First sentence here.…')
    expect(truncate('one two three four five six', 15)).toBe('one two three…')
    expect(truncate('short', 10)).toBe('short')
  })

  it('never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(50)
    const cut = truncate(emoji, 11)
    expect(cut.length).toBeLessThanOrEqual(11)
    expect(cut).toMatch(/^(😀)+…$/u)
  })
})

describe('answer embeds', () => {
  it('quotes the passage with the answering sentence in bold, and credits outlet, wire, date and copies', () => {
    const embed = answerEmbed(answer([passage('First sentence. The answer is here. Last one.', 'The answer is here.')]), { outletOf, question: 'q' })
    expect(embed.description).toContain('> First sentence. **The answer is here.** Last one.')
    expect(embed.description).toContain('Example News (Reuters) · 2020-10-08 · also in Outlet a2')
    expect(embed.description).toContain('https://example.org/a')
  })

  it('says when an outlet later corrected the passage', () => {
    const embed = answerEmbed(answer([passage('It notified regulators on March 1.', undefined, { correctedIn: 'a3' })]), { outletOf, question: 'q' })
    expect(embed.description).toContain('also in Outlet a2 · corrected later by Outlet a3')
  })

  it('stays within every Discord limit for very long passages, answers and many results', () => {
    const long = 'A sentence of article text that goes on. '.repeat(400)
    const many = Array.from({ length: 40 }, (_, i) => passage(long, long.slice(0, 3000), { article: `a${i}`, outlet: 'O'.repeat(300) }))
    for (const command of ['ask', 'source', 'timeline'] as const) {
      const embed = answerEmbed(answer(many, { command, answer: 'x'.repeat(5000) }), { outletOf, question: 'q'.repeat(5000) })
      expectWithinLimits(embed)
    }
  })

  it('escapes hostile text so it neither pings nor renders as markdown', () => {
    const hostile = '@everyone @here <@123456789012345678> <@&987654321098765432> **bold** `code` ||spoiler|| [link](http://x)'
    const refused = answerEmbed(
      { ...answer([]), found: false, message: `The story does not say anything about “${hostile}”.`, suggestions: ['Ant Group'] },
      { outletOf, question: hostile },
    )
    const text = JSON.stringify(refused)
    expect(text).not.toMatch(/@everyone|@here|<@123456789012345678>|<@&987654321098765432>/)
    expect(refused.description).toContain('\\*\\*bold\\*\\*')
    expect(refused.title).toBe('The story does not say')
    expect(refused.description).toContain('The story does cover: **Ant Group**')
    const noAnswer = answerEmbed(answer([passage('Text.')], { answer: null }), { outletOf, question: hostile })
    expect(noAnswer.title).not.toContain('@everyone')
    expectWithinLimits(noAnswer)
  })

  it('escapes markdown that article text happens to contain', () => {
    const embed = answerEmbed(answer([passage('Shares rose *sharply* to $5_000.')]), { outletOf, question: 'q' })
    expect(embed.description).toContain('\\*sharply\\*')
  })

  it('removes control and bidi-override characters from echoed text', () => {
    expect(escapeUserText('a\u202eb\u0000c')).toBe('abc')
  })

  it('reads as text in the console with the same content', () => {
    const text = embedAsText(answerEmbed(answer([passage('The answer is here.')]), { outletOf, question: 'q' }))
    expect(text).toContain('# short')
    expect(text).toContain('> **The answer is here.**')
  })
})

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const PIECES = ['. ', '.” ', '? ', ' ', 'word', 'x', '😀', '**', '[a](https://e.x)', '\n', '@everyone', '_', '#']

function randomText(next: () => number, length: number): string {
  let text = ''
  while (text.length < length) text += defined(PIECES[Math.floor(next() * PIECES.length)], 'a piece')
  return text
}

describe('limits under random text', () => {
  it('truncate never returns more than the limit, whatever the text ends with', () => {
    const next = random(42)
    for (let run = 0; run < 3000; run++) {
      const max = 2 + Math.floor(next() * 300)
      const text = randomText(next, max + Math.floor(next() * 50))
      expect(truncate(text, max).length, JSON.stringify({ text, max })).toBeLessThanOrEqual(max)
    }
    expect(truncate(`${'a'.repeat(254)}. ${'b'.repeat(8)}`, 256).length).toBeLessThanOrEqual(256)
    expect(truncate('. '.repeat(1100), 2048).length).toBeLessThanOrEqual(2048)
  })

  it('every field of every embed stays within its limit', () => {
    const next = random(7)
    for (let run = 0; run < 300; run++) {
      const long = () => randomText(next, Math.floor(next() * 3000))
      const passages = Array.from({ length: 1 + Math.floor(next() * 30) }, () => passage(long(), undefined, { outlet: long().slice(0, 300) }))
      const found = next() > 0.3
      const embed = answerEmbed(answer(passages, { found, answer: next() > 0.5 ? long() : null, message: long(), suggestions: [long(), long()] }), {
        outletOf,
        question: long(),
      })
      expectWithinLimits(embed)
    }
  })
})

describe('echoed text', () => {
  it('never posts a live masked link, bare link, heading, list, spoiler or underline', () => {
    const hostile = '[Click here to verify](https://evil.example/login) # Heading\n- item ||spoiler|| <:ok:1> did __Trump__ sign https://evil.example'
    const escaped = escapeUserText(hostile)
    expect(escaped).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/)
    expect(escaped).not.toMatch(/https:\/\//)
    expect(escaped).toContain('https\\://')
    expect(escaped).toContain('\\_\\_Trump\\_\\_')
    expect(escaped).toContain('\\|\\|spoiler\\|\\|')
    expect(escaped).toContain('\\# Heading')
    expect(escaped).toContain('\\- item')
  })

  it('shows what was found, not the question, when there is no short answer', () => {
    const embed = answerEmbed(answer([passage('Text one.'), passage('Text two.', undefined, { outlet: 'Other News' })], { answer: null }), {
      outletOf,
      question: '[Click](https://evil.example)',
    })
    expect(embed.title).toBe('2 passages from Example News and Other News')
    expect(JSON.stringify(embed)).not.toContain('](https://evil')
  })

  it('says a who or when question got no name or date when its passages tell of the event but give none', () => {
    const shown = (command: 'who' | 'when') => answerEmbed(answer([passage('Text one.')], { command, answer: null }), { outletOf, question: 'q' }).title
    expect(shown('who')).toBe('No one named · 1 passage from Example News')
    expect(shown('when')).toBe('No date given · 1 passage from Example News')
    expect(renderAnswerText(answer([passage('Text one.')], { command: 'who', answer: null })).split('\n')[0]).toBe(
      'who “q” → no one named in the passages below',
    )
  })
})

describe('closest passages', () => {
  it('are shown under a title that says the story may not say exactly this', () => {
    const embed = answerEmbed(answer([passage('Near text.')], { found: false, answer: null, message: 'No passage clearly answers “x”.' }), {
      outletOf,
      question: 'x',
    })
    expect(embed.title).toMatch(/Closest passages/)
    expect(embed.fields?.[0]?.value).toContain('Near text.')
    expect(embed.description).toContain('No passage clearly answers')
  })
})
