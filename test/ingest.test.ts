import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { annotateDates } from '../src/ingest/annotate/dates.js'
import { annotateEntities } from '../src/ingest/annotate/entities.js'
import { annotateQuotes } from '../src/ingest/annotate/quotes.js'
import { kindOfName, loadLanguage } from '../src/language/index.js'
import { cleanPage } from '../src/ingest/clean.js'
import { loadCorpus } from '../src/ingest/corpus.js'
import { decodeArticleText } from '../src/ingest/read.js'
import { splitParagraphs, splitSentences } from '../src/ingest/segment.js'
import type { Corpus } from '../src/ingest/types.js'
import { defaultSeedsDir } from '../src/paths.js'
import { defined } from './support/defined.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'story')

let seeds: Corpus
let fixtures: Corpus
beforeAll(async () => {
  seeds = await loadCorpus(defaultSeedsDir)
  fixtures = await loadCorpus(FIXTURES)
})

const article = (corpus: Corpus, prefix: string) =>
  defined(
    corpus.articles.find((entry) => entry.id.startsWith(prefix)),
    `an article ${prefix}`,
  )
const bodyText = (corpus: Corpus, prefix: string) =>
  article(corpus, prefix)
    .passages.map((passage) => passage.text)
    .join('\n')

describe('the bundled story', () => {
  it('loads five articles with their outlets, wires and dates', () => {
    expect(seeds.errors).toEqual([])
    expect(seeds.articles.map((entry) => [entry.id.slice(0, 3), entry.outlet, entry.published])).toEqual([
      ['000', 'BTimes', '2020-10-09'],
      ['001', 'London Daily', '2020-10-07'],
      ['002', 'Radio Free Asia', '2020-10'],
      ['003', 'FashionNetwork', '2020-10-08'],
      ['004', 'TechCentral', '2021-01-06'],
    ])
    expect(article(seeds, '003').wire).toBe('Reuters')
    expect(article(seeds, '004').byline).toBe('Justin Sink and Jennifer Jacobs')
  })

  it('does not take the London Daily display date for the article date', () => {
    expect(article(seeds, '001').published).toBe('2020-10-07')
    expect(bodyText(seeds, '001')).not.toContain('2025')
  })

  it('keeps page noise out of every passage', () => {
    const noise = [
      'Permanent ·',
      'Fashion Jobs',
      'Image:',
      'Comments are closed',
      '©',
      '(c) 2020',
      'Related Articles',
      'Keir Starmer',
      'Zelenskyy',
      'Newsletter',
      'Download the article',
      'Text size',
      'Reported by',
      'reprinted with permission',
      'Sunday, Nov 23, 2025',
      'Focus on the big picture',
      'Major Escalation',
      'NewsCentral Media',
    ]
    for (const entry of seeds.articles) for (const passage of entry.passages) for (const marker of noise) expect(passage.text).not.toContain(marker)
  })

  it('keeps the first and last sentence of every article body', () => {
    const edges: [string, string, string][] = [
      ['000', 'After imposing restrictions on some of China', 'Tencent has yet to formally issue a response to the news.'],
      ['001', 'The Trump administration is exploring restrictions', 'And the good news is the tide is absolutely turning.”'],
      ['002', 'The United States is looking at possible restrictions', 'citing security concerns.'],
      ['003', 'The United States is considering restrictions', 'Ant derives 95% of its revenue from China.'],
      ['004', 'US President Donald Trump has signed an order', 'the official said.'],
    ]
    for (const [prefix, first, last] of edges) {
      const passages = article(seeds, prefix).passages
      expect(passages[0]?.text.startsWith(first)).toBe(true)
      expect(passages.at(-1)?.text.endsWith(last)).toBe(true)
    }
    expect(article(seeds, '001').passages).toHaveLength(24)
    expect(article(seeds, '002').passages).toHaveLength(19)
  })

  it('gives every passage offsets that slice its file exactly', async () => {
    for (const corpus of [seeds, fixtures]) {
      for (const entry of corpus.articles) {
        const dir = corpus === seeds ? defaultSeedsDir : FIXTURES
        const file = await readFile(join(dir, entry.file), 'utf8')
        for (const passage of entry.passages) {
          expect(file.slice(passage.start, passage.end)).toBe(passage.text)
          for (const sentence of passage.sentences) expect(file.slice(sentence.start, sentence.end)).toBe(sentence.text)
        }
      }
    }
  })

  it('resolves dates against the article date, including "a day after" an earlier meeting', () => {
    const dates = article(seeds, '001').passages.flatMap((passage) => passage.dates)
    const iso = (text: string) => dates.find((date) => date.text === text)?.iso
    expect(iso('Sept. 30')).toBe('2020-09-30')
    expect(iso('a day after')).toBe('2020-10-01')
    expect(iso('Nov. 3')).toBe('2020-11-03')
    expect(iso('next month')).toBe('2020-11')
    expect(dates.find((date) => date.text === 'in recent weeks')?.iso).toBeNull()
    const order = article(seeds, '004')
      .passages.flatMap((passage) => passage.dates)
      .find((date) => date.text === 'in 45 days')
    expect(order?.iso).toBe('2021-02-20')
  })

  it('tags people and organisations with the role the text gives them', () => {
    const entities = seeds.articles.flatMap((entry) => entry.passages.flatMap((passage) => passage.entities))
    const role = (name: string) => entities.find((entity) => entity.name === name && entity.role)?.role
    expect(role('Tzeng Yi-suo')).toMatch(/^head of cyberwarfare and information security at the Institute/)
    expect(role('Wilbur Ross')).toBe('Commerce secretary')
    expect(role('Robert O’Brien')).toBe('national security advisor')
    expect(role('Francis Fong')).toBe('honorary chairman of Hong Kong’s Information Technology Federation')
    expect(entities.find((entity) => entity.name === 'Tzeng Yi-suo')?.type).toBe('person')
    expect(entities.find((entity) => entity.name === 'Ant Group')?.type).toBe('organisation')
  })

  it('attributes quotes, resolving "he said" and unattributed follow-on quotes', () => {
    const quotes = article(seeds, '002').passages.flatMap((passage) => passage.quotes)
    const speakerOf = (start: string) => quotes.find((quote) => quote.text.includes(start))?.speaker
    expect(speakerOf('real-names only')).toBe('Tzeng Yi-suo')
    expect(speakerOf('neither Tencent nor Ant')).toBe('Tzeng Yi-suo')
    expect(speakerOf('They would have to prove')).toBe('Tzeng Yi-suo')
    expect(speakerOf('Alipay has already started operating')).toBe('Francis Fong')
    expect(article(seeds, '001').passages.flatMap((passage) => passage.quotes)[0]?.speaker).toBe('Ant Group')
  })

  it('links passages that carry the same wire text in several outlets', () => {
    const bloomberg = defined(
      article(seeds, '001').passages.find((passage) => passage.text.startsWith('Debate over how and whether')),
      'the Bloomberg passage',
    )
    const reuters = defined(
      article(seeds, '003').passages.find((passage) => passage.text.startsWith('Talks over how and whether')),
      'the Reuters passage',
    )
    expect(bloomberg.alsoIn).toContain(reuters.id)
    expect(reuters.alsoIn).toContain(bloomberg.id)
  })
})

describe('cleaning and segmenting, on fixture pages', () => {
  it('removes mastheads, display dates, repeated headlines, captions, credits, datelines and link lists', () => {
    const harbor = article(fixtures, '001')
    const rules = new Set(harbor.removed.map((item) => item.rule))
    for (const rule of ['display date', 'repeated line', 'navigation', 'image caption', 'copyright', 'credit line', 'dateline', 'headline']) {
      expect(rules).toContain(rule)
    }
    const text = bodyText(fixtures, '001')
    expect(text).not.toMatch(/ROTTERDAM|Photo:|Comments are closed|Reported by|Storm Closes|Monday, Mar 2/)
    expect(harbor.passages[0]?.text.startsWith('The port authority is weighing')).toBe(true)
    expect(harbor.passages.at(-1)?.text.endsWith('if approved.')).toBe(true)
  })

  it('handles one paragraph per line and hard-wrapped paragraphs', () => {
    expect(article(fixtures, '002').passages.map((passage) => passage.paragraph)).toEqual([1, 2, 3])
    const wrapped = article(fixtures, '003').passages
    expect(wrapped).toHaveLength(2)
    expect(wrapped[0]?.text).toContain('the plan\nwould hurt competition')
    expect(splitParagraphs('One line here that ends.\nAnother line that ends.\n\nThird.')).toHaveLength(3)
  })

  it('splits sentences without breaking on abbreviations or decimals', () => {
    const text = 'Officials met on Sept. 30 with U.S. Steel Inc. about a $29.4 billion float. The plan stalled. “It is over,” he said.'
    const sentences = splitSentences({ start: 0, end: text.length, text }).map((sentence) => sentence.text)
    expect(sentences).toEqual(['Officials met on Sept. 30 with U.S. Steel Inc. about a $29.4 billion float.', 'The plan stalled.', '“It is over,” he said.'])
  })

  it('does not break on the abbreviated titles of AP style ("Capt.", "Det.", "Cmdr.")', () => {
    const text = 'Capt. Lorne Aberdale, who was in command, remains on leave. Det. Ana Ruiz said so.'
    const sentences = splitSentences({ start: 0, end: text.length, text }).map((sentence) => sentence.text)
    expect(sentences).toEqual(['Capt. Lorne Aberdale, who was in command, remains on leave.', 'Det. Ana Ruiz said so.'])
  })

  it('reads outlet, title, date and byline that a page without metadata states itself', () => {
    const coastal = article(fixtures, '002')
    expect(coastal.outlet).toBe('Coastal Wire')
    expect(coastal.title).toBe('Port authority weighs fees on cargo drones')
    expect(coastal.published).toBe('2031-03-06')
    expect(coastal.byline).toBe('Ana Costa')
    expect(coastal.url).toBeNull()
    expect(coastal.provenance.outlet).toBe('text')
  })

  it('names a page by its masthead and footer, never by a menu word, and dates it by its credit line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byline-pages-'))
    const body = (fact: string) => `${fact} The company said it had stopped shipping from the plant while inspectors finished their work on Thursday.`
    await writeFile(
      join(dir, '000_trade.txt'),
      [
        'Dairy recalls 14 soft cheese products after outbreak',
        'FOOD SAFETY DISPATCH | News | Recalls | Outbreaks | Events | Subscribe',
        'By Nora Quist | March 11, 2025',
        body('Tolliver Dairy Co. has recalled 14 soft cheese products made at its plant in Ardenne.'),
        '© 2025 Food Safety Dispatch, a publication of Harrow Trade Media LLC. All rights reserved.',
      ].join('\n\n'),
    )
    await writeFile(
      join(dir, '001_hosted.txt'),
      [
        'Dairy outbreak spreads to a second state',
        'The Ohio Valley Dispatch | Subscribe | Log in | News | Local | Sports',
        'By The Associated Press',
        'Published: Mar. 12, 2025, 10:05 a.m.',
        `ARDENNE, Wis. (AP) — ${body('Health officials in a second state tied two illnesses to the recalled cheese.')}`,
        'Copyright 2025 The Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
        '© 2025 The Ohio Valley Dispatch. All rights reserved. | Privacy Policy | Terms of Use | Contact Us',
      ].join('\n\n'),
    )
    await writeFile(
      join(dir, '002_station.txt'),
      [
        'Second death linked to dairy listeria outbreak',
        'WKAV 8 NEWS | Watch Live | News | Weather | Traffic | Contact Us',
        'By Marcus Bell',
        'March 13, 2025 · Updated 6:05 p.m.',
        body('A second person has died in the listeria outbreak tied to the recalled cheese, state officials said.'),
        'Copyright 2025 Nexbridge Media Inc. All rights reserved.',
      ].join('\n\n'),
    )
    const corpus = await loadCorpus(dir)
    const facts = corpus.articles.map((entry) => [entry.outlet, entry.wire, entry.published, entry.byline])
    expect(facts).toEqual([
      ['Food Safety Dispatch', null, '2025-03-11', 'Nora Quist'],
      ['The Ohio Valley Dispatch', 'Associated Press', '2025-03-12', null],
      ['WKAV 8 NEWS', null, '2025-03-13', 'Marcus Bell'],
    ])
  })

  it('reports what a page does not state as unknown rather than guessing', () => {
    const page = cleanPage('Sunday, Nov 23, 2025\n\nA body sentence that is long enough to be kept as article text.')
    expect(page.paragraphs).toHaveLength(1)
    expect(page.removed[0]?.rule).toBe('display date')
  })

  it('takes a note on how the page was made for furniture, but keeps a correction', () => {
    const body = 'A judge ordered the utility to keep its records of the fire line on Friday.'
    const page = cleanPage(
      `Fire line records kept\n\n${body}\nThis Western Press Wire story has been edited for length by The Harbor City Ledger.\nThis story has been updated to correct the date of the hearing, which is Sept. 9.`,
    )
    expect(page.removed.map((item) => item.rule)).toContain('production note')
    expect(page.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      body,
      'This story has been updated to correct the date of the hearing, which is Sept. 9.',
    ])
  })

  it('keeps a paragraph-long line between a newsletter promo and a subhead on a page with no blank lines, and drops a short one there', () => {
    const body =
      'Brackenridge has said seven workers were hurt. Gil Farrant, president of the union local, said Wednesday that at least 10 members had sought medical care, some of them the day after the collapse, for injuries they first took to be minor.'
    const page = cleanPage(
      [
        'The regulator ordered the quarry shut on Tuesday after the wall collapsed, inspectors said in a written order.',
        'Get Pitface Daily: safety alerts and market news, every weekday at 7 a.m. [Your email] [Subscribe]',
        body,
        'A citation in August',
        'Inspectors cited the quarry on Aug. 19 for loose rock and an unsafe highwall, state records show.',
        'Watch Live | News | Weather | Traffic | Contests',
        'TRAFFIC ALERT: Right lane of the Harbor Bridge closed for repairs until 3 p.m.',
        'Buses are back: Riders return as Port Calder transit strike ends',
      ].join('\n'),
    )
    const kept = page.paragraphs.map((paragraph) => paragraph.text)
    expect(kept).toContain(body)
    expect(kept.some((text) => text.startsWith('TRAFFIC ALERT'))).toBe(false)
  })

  it('keeps a sentence full of names that ends on a word of its own, and drops a title-case headline', () => {
    const body =
      'Voting yes were Council President Howard Lindqvist, Ashworth, Carolyn Dwyer, Tomas Reyes and Phil Santangelo. Councilwoman Maribel Ortega, Paul Benning, Keisha Dunbar and Roy Kettering voted no.'
    const page = cleanPage(`Council Approves Riverfront Arena Financing Plan\n\n${body}`)
    expect(page.paragraphs.map((paragraph) => paragraph.text)).toEqual([body])
    expect(page.removed.map((item) => item.rule)).toEqual(['headline'])
  })

  it('keeps a headline that the lead restates out of the passages without calling it noise', () => {
    const page = cleanPage(
      'Harbor board votes to cap cargo drone fees this year\n\nHARBOR CITY — Harbor board votes to cap cargo drone fees this year.\nCopyright 2031 Coastal Wire.',
    )
    expect(page.paragraphs.map((paragraph) => paragraph.text)).toEqual(['Harbor board votes to cap cargo drone fees this year.'])
    expect(page.removed.map((item) => item.rule)).toEqual(['dateline', 'copyright'])
  })

  it('resolves relative dates in fixtures and leaves unanchored ones unresolved', () => {
    const dates = fixtures.articles.flatMap((entry) => entry.passages.flatMap((passage) => passage.dates))
    expect(dates.find((date) => date.text === 'a day after')?.iso).toBe('2031-03-04')
    expect(dates.find((date) => date.text === 'in 30 days')?.iso).toBe('2031-04-04')
    expect(dates.find((date) => date.text === 'last week')?.iso).toBe('2031-03-03')
    expect(annotateDates('He fell ill a day after the meeting.', { reference: null, earlier: [] })[0]).toMatchObject({ text: 'a day after', iso: null })
    expect(annotateDates('It happened in late September.', { reference: null, earlier: [] })[0]?.iso).toBeNull()
  })

  it('links a light rewrite of the same text across outlets in the fixtures', () => {
    const harbor = defined(article(fixtures, '001').passages[0], 'a first passage in 001')
    expect(harbor.alsoIn).toEqual(['002_coastal#1'])
    expect(article(fixtures, '003').passages.every((passage) => passage.alsoIn.length === 0)).toBe(true)
  })
})

describe('bad files', () => {
  it('names each bad file and still loads the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byline-bad-'))
    await copyFile(join(FIXTURES, '002_coastal.txt'), join(dir, '002_coastal.txt'))
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait is a drink that many people enjoy daily.', 'latin1'))
    await writeFile(join(dir, 'blank.txt'), '  \n\n ')
    const corpus = await loadCorpus(dir)
    expect(corpus.articles.map((entry) => entry.id)).toEqual(['002_coastal'])
    const messages = Object.fromEntries(corpus.errors.map((error) => [error.file, error.message]))
    expect(messages['empty.txt']).toMatch(/empty\.txt: the file is empty/)
    expect(messages['binary.txt']).toMatch(/binary\.txt: .*binary/)
    expect(messages['latin1.txt']).toMatch(/latin1\.txt: .*not valid UTF-8/)
    expect(messages['blank.txt']).toMatch(/blank\.txt: .*white space/)
  })

  it('rejects a metadata file that fails validation, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byline-meta-'))
    await writeFile(
      join(dir, 'articles.json'),
      JSON.stringify({ articles: [{ file: 'a.txt', outlet: 'X', wire: null, published: 'Oct 2020', url: null, byline: null, title: null }] }),
    )
    await expect(loadCorpus(dir)).rejects.toThrow(/articles\.0\.published/)
    await writeFile(join(dir, 'articles.json'), '{ not json')
    await expect(loadCorpus(dir)).rejects.toThrow(/not valid JSON/)
  })

  it('keeps a byte-order mark so offsets still address the file', () => {
    const text = decodeArticleText('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))
    expect(text).toBe('\uFEFFA')
  })
})

describe('language analysis', () => {
  it('reads a possessive name the same whatever it read before ("Pellman\'s" after "shoppers at Pellman\'s.")', () => {
    const language = loadLanguage()
    const sentence = "The outcome was expected: Pellman's is offering $41.25 a share."
    const lemmas = () => language.analyse(sentence).tokens.map((token) => token.lemma)
    const before = lemmas()
    language.analyse("Prices rose for shoppers at Pellman's.")
    expect(lemmas()).toEqual(before)
    expect(before).toContain('pellman')
    // The figures and sentences wink finds keep their places in the text.
    const text = "Pellman's agreed to pay $41.25 a share, a premium of 28%. It rose."
    const analysis = language.analyse(text)
    expect(analysis.values.map((value) => text.slice(value.start, value.end))).toEqual(['$41.25', '28%'])
    expect(analysis.sentences.map((sentence) => text.slice(sentence.start, sentence.end))).toEqual([
      "Pellman's agreed to pay $41.25 a share, a premium of 28%.",
      'It rose.',
    ])
  })
})

describe('names', () => {
  const names = (text: string) => annotateEntities(text, { properNouns: new Set() }).map((entity) => `${entity.name}:${entity.type}`)

  it('takes a speaker named in full for a person, but not a single word that speaks ("FreshWay said")', () => {
    expect(names('Gerald Foss said the plant was safe.')).toEqual(['Gerald Foss:person'])
    expect(names('The vote passed, FreshWay said in a filing.')).toEqual(['FreshWay:other'])
  })

  it('ends a name at a bracket, and joins "X and Y Commission" only when the first part names no organisation itself', () => {
    expect(names('Officials at the Centers for Disease Control and Prevention (CDC) said so.')).toEqual([
      'Centers for Disease Control and Prevention:other',
      'CDC:organisation',
    ])
    expect(names('It filed with the U.S. Securities and Exchange Commission on Friday.')).toEqual(['U.S. Securities and Exchange Commission:organisation'])
    expect(names('Staff for the White House, Treasury Department and State Department declined to comment.').map((name) => name.split(':')[0])).toEqual([
      'White House',
      'Treasury Department',
      'State Department',
    ])
  })

  it('leaves the bracket and the full stop after initials out of them ("(CNA)."), and a number opening a sentence out of a name', () => {
    expect(names('It filed a manifest with the Coastal Navigation Authority (CNA).').map((name) => name.split(':')[0])).toEqual([
      'Coastal Navigation Authority',
      'CNA',
    ])
    expect(names('Two CNA patrol boats reached the ferry.').map((name) => name.split(':')[0])).toEqual(['CNA'])
  })

  it('reads a word for a kind of person before a first name and a surname as a title, by WordNet ("General Manager", "Councilwoman")', () => {
    const language = loadLanguage()
    const withTitles = (text: string) =>
      annotateEntities(text, { properNouns: new Set(), isPersonNoun: (word) => language.isPersonNoun(word) }).map(
        (entity) => `${entity.name}|${entity.role ?? ''}`,
      )
    expect(withTitles('He said Tri-County Regional Rail General Manager Martin Eckhardt arrived.')).toContain(
      'Martin Eckhardt|Tri-County Regional Rail General Manager',
    )
    expect(withTitles('He said Councilwoman Maria Ortega voted no.')).toContain('Maria Ortega|Councilwoman')
    // Set off after the name with no article, as a role the lexicon lacks ("outside counsel for …").
    expect(withTitles('Martin Oberholt, outside counsel for the authority, said the utility would respond.')).toContain(
      'Martin Oberholt|outside counsel for the authority',
    )
    // "federal" is an adjective too; "Baker Mayfield" has no first name after the word.
    expect(withTitles('He told the Federal Railroad Administration about it.').map((entry) => entry.split('|')[0])).toContain('Federal Railroad Administration')
    expect(withTitles('He said Baker Mayfield threw.').map((entry) => entry.split('|')[0])).toContain('Baker Mayfield')
    // A name that ends in a body's word is the body's: no student called "Government Association".
    expect(withTitles('The rally was organized by the Student Government Association on Monday.')).toContain('Student Government Association|')
  })

  it('types a speaker by the plural no one is called ("Corvanta Therapeutics said") and a name by "who" ("…, who left the company")', () => {
    const language = loadLanguage()
    const typed = (text: string) =>
      annotateEntities(text, {
        properNouns: new Set(),
        isPersonNoun: (word) => language.isPersonNoun(word),
        isCommonPlural: (word) => language.isCommonPlural(word),
      }).map((entity) => `${entity.name}:${entity.type}`)
    expect(typed('Shares fell after Corvanta Therapeutics said the trial would pause.')).toEqual(['Corvanta Therapeutics:organisation'])
    expect(typed('The plan changed after Bill Gates said so.')).toEqual(['Bill Gates:person'])
    expect(typed('Ravel took over from Howard Tresslin, who left the company at the end of September.')).toEqual(['Howard Tresslin:person'])
    expect(typed('It names departing Chief Medical Officer Dr. Howard Tresslin as a defendant.')).toEqual(['Howard Tresslin:person'])
  })

  it('names a body by what it is on ("Committee on Research Conduct"), but not by a day it met on', () => {
    expect(names('A faculty Committee on Research Conduct reported that five papers were altered.')).toContain('Committee on Research Conduct:organisation')
    expect(names('He said the Senate Committee on Monday voted.').map((name) => name.split(':')[0])).not.toContain('Senate Committee on Monday')
  })

  it('types a name set off with an age as a person, and a name the text never types by a lexicon of names', () => {
    expect(names('A passenger, Jolene Marsh, 52, was hurt.')).toContain('Jolene Marsh:person')
    expect(kindOfName('Gerald Foss')).toBe('person')
    expect(kindOfName('Illinois')).toBe('place')
    expect(kindOfName('Madison')).toBeNull()
    expect(kindOfName('Jolene Marsh')).not.toBe('place')
  })
})

describe('quotes', () => {
  it('credits a quote inside a sentence to its subject, never to the previous paragraph’s speaker', () => {
    const text = 'Mayor Jane Doe, who backs the deal, called the delay “a threat to the whole city.”'
    const entities = annotateEntities(text, { properNouns: new Set(['Mayor']) })
    const [quote] = annotateQuotes(text, entities, { lastPerson: 'Tom Reddick', lastOrganisation: null, previousSpeaker: 'Tom Reddick' })
    expect(quote?.speaker).toBe('Jane Doe')
    const opening = '“It will still be a good deal in June if it is one now.”'
    expect(annotateQuotes(opening, [], { lastPerson: null, lastOrganisation: null, previousSpeaker: 'Tom Reddick' })[0]?.speaker).toBe('Tom Reddick')
  })

  it('credits “she said” to the subject of the sentence before, a name known as a person’s only by its first name or surname', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byline-quotes-'))
    const paragraphs = [
      'Darren Keel, the former chief financial officer, remains free. He pleaded not guilty last Thursday.',
      'Yvette Albright became interim chief executive after Judith Coyle stepped down. She told members that staff morale was "bruised but not broken" and said two tellers were hired.',
      'Keel\'s lawyer, Miriam Castellanos-Hale, said the family expects a challenge. "We are ready for that fight," she said.',
      'Stephen Albrecht-Kane, a lawyer representing Albright, said his client "has never broken any rule in her career." He said she has asked for a review.',
      'Keel rejected the argument. "Nobody is writing me a check out of the fund," he said.',
    ]
    await writeFile(join(dir, '000_ledger.txt'), ['Credit union shake-up', 'Published Oct. 21, 2025', ...paragraphs].join('\n\n'))
    const corpus = await loadCorpus(dir)
    const speakerOf = (start: string) =>
      corpus.articles.flatMap((each) => each.passages.flatMap((passage) => passage.quotes)).find((quote) => quote.text.includes(start))?.speaker
    expect(speakerOf('bruised')).toBe('Yvette Albright')
    expect(speakerOf('ready for that fight')).toBe('Miriam Castellanos-Hale')
    expect(speakerOf('never broken')).toBe('Stephen Albrecht-Kane')
    expect(speakerOf('Nobody is writing')).toBe('Darren Keel')
  })
})
