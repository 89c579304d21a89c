import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../src/ingest/corpus.js'
import { buildArticles } from '../src/ingest/corpus.js'

/** One page with no metadata entry, cleaned and annotated as a seed file would be. */
function page(text: string) {
  const [article] = buildArticles([{ file: 'page.txt', text }])
  if (!article) throw new Error('no article built')
  return article
}

describe('pages without an articles.json entry', () => {
  it('read a Reuters dateline, keep a body sentence that shares its line with the credit, and credit the agency', () => {
    const article = page(
      'WASHINGTON, Oct 7 (Reuters) - The U.S. Treasury said on Tuesday it would review payment apps run by Chinese firms. (Reporting by Jane Doe; Editing by John Roe)\n',
    )
    expect(article.passages.map((passage) => passage.text)).toEqual(['The U.S. Treasury said on Tuesday it would review payment apps run by Chinese firms.'])
    expect(article.outlet).toBe('Reuters')
    expect(article.wire).toBe('Reuters')
    expect(article.removed.map((item) => item.rule)).toEqual(expect.arrayContaining(['credit line', 'dateline']))
  })

  it('read datelines whose place names a state or country: "SPOKANE, Wash. (AP) —", "NEW YORK, N.Y. (Reuters) -"', () => {
    for (const [dateline, agency] of [
      ['SPOKANE, Wash. (AP) —', 'Associated Press'],
      ['NEW YORK, N.Y. (Reuters) -', 'Reuters'],
      ['BEIJING, China (Bloomberg) --', 'Bloomberg'],
    ]) {
      const article = page(`${dateline} Schools in three counties will stay closed through Wednesday, officials said on Monday.\n`)
      expect(article.wire, dateline).toBe(agency)
      expect(article.passages.map((passage) => passage.text)).toEqual([
        'Schools in three counties will stay closed through Wednesday, officials said on Monday.',
      ])
    }
  })

  it('read an AP page: headline on the first line, "By" byline, dateline, copyright; highlights and truncated headlines are furniture', () => {
    const article = page(
      [
        'Goldman to cut jobs after tax hit',
        'By JANE SMITH',
        'NEW YORK (AP) — Goldman Sachs said Friday it would cut 100 jobs. The bank’s shares closed 2% higher. (Reporting by Jane Smith; Editing by Tom Brown)',
        '',
        'Story highlights',
        'Goldman cuts jobs',
        'Shares rise',
        '',
        'Analysts said the cuts were expected, and the bank declined to comment further on Friday.',
        '',
        'Wall Street banks brace for a wave of tax charges as the new law...',
        '',
        'Copyright 2018 The Associated Press. All rights reserved.',
      ].join('\n'),
    )
    expect(article.title).toBe('Goldman to cut jobs after tax hit')
    expect(article.byline).toBe('JANE SMITH')
    expect(article.wire).toBe('Associated Press')
    expect(article.outlet).toBe('Associated Press')
    expect(article.passages.map((passage) => passage.text)).toEqual([
      'Goldman Sachs said Friday it would cut 100 jobs. The bank’s shares closed 2% higher.',
      'Analysts said the cuts were expected, and the bank declined to comment further on Friday.',
    ])
  })

  it('keep a closing vox pop (someone quoted) and drop a closing credit to other reporters', () => {
    const story = [
      'Bus drivers in Cardiff will strike for five days in June after rejecting a 4% pay offer, the Unite union has said.',
      'More than 600 drivers and engineers at Cardiff Bus, which is owned by the city council, will walk out from 9 June.',
      'Unite said drivers in the capital were paid less than those working for private operators in neighbouring areas.',
      'Cardiff Bus said it was disappointed and urged the union to return to talks before the school half-term.',
      'The company said it expected to run only a very limited timetable on strike days.',
      'Park and ride services from Cardiff East and Cardiff West are expected to be suspended.',
      'Passengers at the Central bus station on Wednesday said they were worried about getting to work.',
      '“I don’t drive, so if there are no buses I’ve got no way of getting to my shift,” said Carys Morgan, who works at the University Hospital of Wales.',
      'The Welsh government said it was monitoring the situation.',
    ]
    const credit = 'Associated Press writers Mary Clare Jalonick and Stephen Groves contributed to this report.'
    const article = page([...story, credit].join('\n\n'))
    expect(article.passages.map((passage) => passage.text)).toEqual(story)
    expect(article.removed).toContainEqual({ text: credit, rule: 'credit line' })
  })

  it('drop a call to the reader, however well formed ("Sign up for Ledger Alerts to get breaking news in your inbox.")', () => {
    const story = [
      'Bus drivers in Cardiff will strike for five days in June after rejecting a 4% pay offer, the Unite union has said.',
      'More than 600 drivers and engineers at Cardiff Bus will walk out from 9 June, with further dates to be announced.',
    ]
    const calls = ['Sign up for Ledger Alerts to get breaking news in your inbox.', 'Follow us on Facebook for the latest updates from our newsroom.']
    const article = page([story[0], calls[0], story[1], calls[1]].join('\n\n'))
    expect(article.passages.map((passage) => passage.text)).toEqual(story)
    expect(article.removed.filter((item) => item.rule === 'call to action').map((item) => item.text)).toEqual(calls)
  })

  it('drop short briefs about other events appended to the page, and keep an article’s own closing paragraphs', () => {
    const story = [
      'Goldman Sachs said on Friday it expects a $5 billion charge from the new tax law, most of it from a tax on overseas cash.',
      'The bank, led by Lloyd Blankfein, said the charge would push it to a loss for the fourth quarter.',
      'Analysts at Keefe, Bruyette & Woods had expected a smaller charge from the tax on repatriated earnings.',
      'Goldman shares fell about 1 percent in early trading after the filing with the Securities and Exchange Commission.',
      'Other banks, including Citigroup and Bank of America, have warned of similar charges from the tax law.',
      'Goldman said it expects its tax rate to fall next year, when the lower corporate rate takes effect.',
    ]
    const briefs = [
      'In other news, Boeing won an order for twenty jets from Qantas Airways in Sydney on Thursday.',
      'Meanwhile Toyota recalled thousands of Prius hybrids in Japan over faulty airbags, its spokesman said.',
    ]
    const article = page([...story, ...briefs].join('\n\n'))
    expect(article.passages.map((passage) => passage.text)).toEqual(story)
    expect(article.removed.filter((item) => item.rule === 'appended brief').map((item) => item.text)).toEqual(briefs)
  })

  it('read "(CNN) —" and "HONG KONG (Bloomberg) --" datelines', () => {
    expect(page('(CNN) — The company said it would appeal the ruling, according to a statement released on Monday.\n').outlet).toBe('CNN')
    const bloomberg = page('HONG KONG (Bloomberg) -- Ant Group is weighing a listing in Hong Kong and Shanghai, people familiar said.\n')
    expect(bloomberg.outlet).toBe('Bloomberg')
    expect(bloomberg.passages[0]?.text.startsWith('Ant Group')).toBe(true)
  })

  it('leaves a relative date unresolved when the article has no date, never resolving it against today', () => {
    const article = page('(CNN) — The company said last week that it would appeal the ruling on Friday, a spokesman said.\n')
    const dates = article.passages.flatMap((passage) => passage.dates)
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.every((date) => date.iso === null)).toBe(true)
  })

  it('reports a page in which no article text is left, instead of loading it silently', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'byline-pages-'))
    await writeFile(join(dir, 'menu.txt'), 'Home\nShare\nSubscribe\n')
    await writeFile(join(dir, 'story.txt'), 'The port authority said on Monday that it would weigh new fees on cargo drones.\n')
    const corpus = await loadCorpus(dir)
    expect(corpus.errors.map((error) => error.message)).toEqual([expect.stringMatching(/menu\.txt: no article text found/)])
  })
})

describe('people named with their titles', () => {
  it('takes a whole "Chief … Officer" title as the role, and never a courtesy title', () => {
    const article = page(
      [
        'Chief Executive Officer Lloyd Blankfein was among managers receiving stock awards early, the bank said on Friday.',
        'The shares Mr. Blankfein and others received cannot be sold for five years, according to the filing.',
      ].join('\n\n'),
    )
    const mentions = article.passages.flatMap((passage) => passage.entities).filter((entity) => entity.name.endsWith('Blankfein'))
    expect(mentions.map((entity) => entity.name)).toContain('Lloyd Blankfein')
    expect(mentions.map((entity) => entity.role)).toContain('Chief Executive Officer')
    expect(mentions.map((entity) => entity.role)).not.toContain('Mr.')
  })
})

describe('appositive roles', () => {
  it('reads "the Citigroup chief financial officer, John Gerspach," as his role', () => {
    const article = page('On Dec. 6, the Citigroup chief financial officer, John Gerspach, said the bank could be facing a large hit from the law.\n')
    const gerspach = article.passages.flatMap((passage) => passage.entities).find((entity) => entity.name === 'John Gerspach')
    expect(gerspach?.role).toBe('Citigroup chief financial officer')
  })
})

describe('firm names with commas and ampersands', () => {
  it('keeps "Keefe, Bruyette & Woods" whole, as a name and inside a role', () => {
    const article = page(
      [
        'Brian Kleinhanzl, an analyst at investment bank Keefe, Bruyette & Woods, said in a note Friday that he had estimated a smaller charge.',
        'The shares rose after Harbor Bruyette & Woods analyst Mara Lind raised her estimate on Monday.',
      ].join('\n\n'),
    )
    const entities = article.passages.flatMap((passage) => passage.entities)
    expect(entities.find((entity) => entity.name === 'Brian Kleinhanzl')?.role).toBe('an analyst at investment bank Keefe, Bruyette & Woods')
    expect(entities.map((entity) => entity.name)).toContain('Keefe, Bruyette & Woods')
    expect(entities.find((entity) => entity.name === 'Mara Lind')?.role).toBe('Harbor Bruyette & Woods analyst')
  })
})
