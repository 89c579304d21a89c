import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { buildArticles } from '../src/ingest/corpus.js'
import { PageError, type PageInput, type PageRead, readPage } from '../src/ingest/page.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'pages')

function bytesOf(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name))
}

/** Reads a fixture the way an upload of that file would arrive. */
function read(name: string, input: Partial<PageInput> = {}): PageRead {
  return readPage({ bytes: bytesOf(name), contentType: name.endsWith('.txt') ? 'text/plain' : 'text/html', fileName: name, ...input })
}

function html(markup: string, input: Partial<PageInput> = {}): PageRead {
  return readPage({ bytes: new TextEncoder().encode(markup), contentType: 'text/html', ...input })
}

function blocks(text: string): string[] {
  return text.trimEnd().split('\n\n')
}

/** Everything a reader of the page could see, whitespace collapsed: what "verbatim" is checked against. */
function visibleText(name: string, charset = 'utf-8'): string {
  const { document } = parseHTML(new TextDecoder(charset).decode(bytesOf(name)))
  return document.body.textContent.replace(/\s+/g, ' ')
}

/** The passages the existing pipeline makes from a page read, with the read facts as its articles.json entry. */
function passagesOf(page: PageRead) {
  const [article] = buildArticles([{ file: 'page.txt', text: page.text, entry: { file: 'page.txt', ...page.meta } }])
  if (!article) throw new Error('no article built')
  for (const passage of article.passages) expect(page.text.slice(passage.start, passage.end)).toBe(passage.text)
  return article.passages
}

const BODY = [
  '<p>The lamp at the top of the lighthouse shone across the bay on Saturday night for the first time since 1991.',
  'About 200 people gathered on the headland to watch the light come on shortly after sunset.</p>',
  '<p>Volunteers spent five years restoring the tower, raising money through bake sales and raffles.</p>',
].join(' ')

describe('a news page with JSON-LD and full page furniture', () => {
  const page = read('jsonld-news.html')

  it('takes headline, outlet, both authors, date and address from the JSON-LD @graph, over the OpenGraph tags', () => {
    expect(page.meta).toEqual({
      title: 'Millbrook council approves $48 million flood barrier after six-hour debate',
      outlet: 'The Millbrook Courier',
      wire: null,
      published: '2031-03-04',
      byline: 'Lena Brandt and Tomás Okafor',
      url: 'https://www.millbrookcourier.example/news/2031/03/04/council-approves-flood-barrier/',
    })
    expect(page.sources).toEqual({ title: 'json-ld', outlet: 'json-ld', published: 'json-ld', byline: 'json-ld', url: 'json-ld' })
    expect(page.unknown).toEqual([])
  })

  it('keeps the date the page states at 10:47 p.m. (-05:00) rather than the UTC day after', () => {
    expect(new Date('2031-03-04T22:47:00-05:00').toISOString().slice(0, 10)).toBe('2031-03-05')
    expect(page.meta.published).toBe('2031-03-04')
  })

  it('starts with the headline, then one block per paragraph, subhead and all', () => {
    const parts = blocks(page.text)
    expect(parts[0]).toBe(page.meta.title)
    expect(parts).toHaveLength(14)
    expect(parts).toContain('“We are building a wall and hoping the water politely goes somewhere else,” Dunmore said. “That is not a plan. That is a prayer.”')
    expect(parts).toContain('Residents speak')
    expect(parts.at(-1)).toBe('The council will take up the bond measure at its March 18 meeting. If approved, it would go to voters in November.')
  })

  it('decodes entities: curly quotes, apostrophes and ampersands read as on screen', () => {
    expect(page.text).toContain('Millbrook’s city council voted 7-2')
    expect(page.text).toContain('Halvorsen & Pike')
    expect(page.text).not.toMatch(/&#?\w+;/)
  })

  it('leaves out navigation, cookie banner, share bar, newsletter box, caption, related and most-read lists, comments and footer', () => {
    for (const furniture of [
      'Skip to content',
      'Obituaries',
      'Subscribe',
      'Sign in',
      'Local Government',
      'Share this article',
      'Copy link',
      'Residents filled the council chamber',
      'Morning Brief',
      'Sign up',
      'Spotted an error',
      'Related stories',
      'Sable River crests at record level',
      'Comments (14)',
      'Most read',
      'Hornets rally',
      'Privacy policy',
      'All rights reserved',
      'We use cookies',
      'Accept all',
      'dataLayer',
    ]) {
      expect(page.text).not.toContain(furniture)
    }
  })

  it('gives the pipeline eleven passages, one per body paragraph, each verbatim on the page and none of them furniture', () => {
    const passages = passagesOf(page)
    const visible = visibleText('jsonld-news.html')
    expect(passages).toHaveLength(11)
    for (const passage of passages) {
      expect(visible).toContain(passage.text)
      expect(passage.text).not.toMatch(/Advertisement|Residents speak/)
    }
  })
})

describe('a page with OpenGraph tags only, carrying Reuters copy', () => {
  const page = read('opengraph-only.html')

  it('reads outlet, title, date and address from OpenGraph; byline and wire from the text', () => {
    expect(page.meta).toEqual({
      title: 'Ferry operator Solent Link to cut winter sailings as fuel costs bite',
      outlet: 'Northbridge Daily',
      wire: 'Reuters',
      published: '2031-05-12',
      byline: 'Jane Roe',
      url: 'https://northbridgedaily.example/business/ferry-operator-solent-link-to-cut-winter-sailings',
    })
    expect(page.sources).toEqual({ title: 'opengraph', outlet: 'opengraph', published: 'opengraph', url: 'opengraph', byline: 'text', wire: 'text' })
  })

  it('does not take the article:author Facebook address for a byline', () => {
    expect(page.meta.byline).not.toMatch(/facebook/)
  })

  it('keeps the byline Readability lifts out of the body as a line under the headline', () => {
    expect(blocks(page.text).slice(0, 2)).toEqual(['Ferry operator Solent Link to cut winter sailings as fuel costs bite', 'By Jane Roe'])
  })

  it('leaves out share links, the most-read list and the footer', () => {
    for (const furniture of [
      'Share on Facebook',
      'Most read',
      'Heatwave warning',
      'Northbridge bypass',
      'Privacy notice',
      'Cookie settings',
      'Registered in England',
    ]) {
      expect(page.text).not.toContain(furniture)
    }
  })

  it('gives passages without dateline, byline, timestamp or credit, each verbatim on the page', () => {
    const passages = passagesOf(page)
    const visible = visibleText('opengraph-only.html')
    expect(passages).toHaveLength(9)
    expect(passages[0]?.text).toMatch(/^Solent Link, the largest independent ferry operator/)
    for (const passage of passages) {
      expect(visible).toContain(passage.text)
      expect(passage.text).not.toMatch(/\(Reuters\)|By Jane Roe|7:05am|Reporting by/)
    }
  })
})

describe('a bare page: a <title> and paragraphs in <main>', () => {
  const page = read('bare.html')

  it('splits the outlet off the <title> and lists the fields nobody states', () => {
    expect(page.meta.title).toBe('Volunteers relight Gull Point lighthouse after 40 dark years')
    expect(page.meta.outlet).toBe('Coastline Weekly')
    expect(page.sources).toEqual({ title: 'title', outlet: 'title' })
    expect(page.unknown).toEqual(['byline', 'published', 'url'])
    expect(page.meta.wire).toBeNull()
  })

  it('does not take a sentence opening with "By the time" for a byline', () => {
    expect(page.text).toContain('\n\nBy the time the Friends of Gull Point formed in 2026')
    expect(page.meta.byline).toBeNull()
  })

  it('keeps the nine paragraphs apart, a paragraph wrapped in the markup on one line', () => {
    expect(blocks(page.text)).toHaveLength(10)
    expect(blocks(page.text)).toContain(
      'The group raised about $410,000 through bake sales, a quilt raffle and two small heritage grants. Local welders, glaziers and electricians donated much of the labour, and a retired engineer from the harbour board oversaw the work.',
    )
    const passages = passagesOf(page)
    const visible = visibleText('bare.html')
    expect(passages).toHaveLength(9)
    for (const passage of passages) expect(visible).toContain(passage.text)
  })
})

describe('a Latin-1 page', () => {
  const page = read('latin1.html')

  it('decodes accented names by the charset the page declares', () => {
    for (const name of ['José Núñez', 'Hélène Müller', 'Jürgen', 'Søren Højgaard', 'Zoë Brunner-Aebi', 'Andalucía', 'Gruyère'])
      expect(page.text).toContain(name)
    expect(page.text).not.toContain('\uFFFD')
    expect(page.meta).toMatchObject({
      byline: 'Françoise Lefèvre',
      title: "Val-d'Ésine dairy saved as villagers buy out cheesemaker",
      outlet: 'Alpine Gazette',
    })
    expect(page.sources).toMatchObject({ byline: 'meta', title: 'title', outlet: 'opengraph', published: 'opengraph' })
  })

  it('lets the charset the server sent win over the page', () => {
    expect(read('latin1.html', { charset: 'utf-8' }).text).toContain('\uFFFD')
    expect(read('latin1.html', { contentType: 'text/html; charset=UTF-8' }).text).toContain('\uFFFD')
  })

  it('reads a charset declared by http-equiv', () => {
    const bytes = Buffer.from(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Zoë</title></head><body>${BODY}</body></html>`,
      'latin1',
    )
    expect(readPage({ bytes, contentType: 'text/html' }).meta.title).toBe('Zoë')
  })

  it('gives passages verbatim on the page', () => {
    const visible = visibleText('latin1.html', 'iso-8859-1')
    const passages = passagesOf(page)
    expect(passages.length).toBeGreaterThanOrEqual(8)
    for (const passage of passages) expect(visible).toContain(passage.text)
  })
})

describe('pages that are not articles', () => {
  it('rejects a login and cookie wall with a one-line message', () => {
    expect(() => read('not-article.html')).toThrow(PageError)
    expect(() => read('not-article.html')).toThrow(/^That page has no article text Byline can find \(is it a login or cookie page\?\)\.$/)
  })

  it('rejects a file type it does not read', () => {
    expect(() => readPage({ bytes: new Uint8Array([37, 80, 68, 70]), contentType: 'application/pdf', fileName: 'story.pdf' })).toThrow(/not application\/pdf/)
  })
})

describe('HTML metadata edge cases', () => {
  it('ignores malformed JSON-LD and falls back to OpenGraph', () => {
    const broken = new TextDecoder().decode(bytesOf('jsonld-news.html')).replace('"@graph": [', '"@graph": [,')
    const page = html(broken)
    expect(page.meta).toMatchObject({ title: 'Council says yes to flood barrier', outlet: 'Millbrook Courier', published: '2031-03-04' })
    expect(page.sources).toMatchObject({ title: 'opengraph', outlet: 'opengraph', published: 'opengraph' })
  })

  it('reads a wire credited in JSON-LD on another outlet’s page, three authors, and an address relative to the page', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Lamp shines again',
      datePublished: '2031-03-05T01:30:00+09:00',
      author: [{ '@type': 'Person', name: 'Ana Ruiz' }, 'Ben Ode', { '@type': 'Person', name: 'Cy Lam' }, { '@type': 'Organization', name: 'Reuters' }],
      publisher: { '@type': 'Organization', name: 'Harbor Ledger' },
      url: '/2031/03/lamp',
    }
    const page = html(`<html><head><script type="application/ld+json">${JSON.stringify([ld])}</script></head><body>${BODY}</body></html>`, {
      url: 'https://harbor.example/news/',
    })
    expect(page.meta).toEqual({
      title: 'Lamp shines again',
      outlet: 'Harbor Ledger',
      wire: 'Reuters',
      published: '2031-03-05',
      byline: 'Ana Ruiz, Ben Ode and Cy Lam',
      url: 'https://harbor.example/2031/03/lamp',
    })
    expect(page.sources.wire).toBe('json-ld')
  })

  it('does not call the publisher its own wire', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Lamp shines again', author: { '@type': 'Organization', name: 'Reuters' }, publisher: { name: 'Reuters' } }
    const page = html(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${BODY}</body></html>`)
    expect(page.meta).toMatchObject({ outlet: 'Reuters', wire: null, byline: null })
  })

  it('reads a meta author name as the byline, and a meta author naming an agency as the wire', () => {
    const named = html(
      `<html><head><meta name="author" content="Ruth Abernethy"><link rel="canonical" href="https://coast.example/lamp"></head><body>${BODY}</body></html>`,
    )
    expect(named.meta).toMatchObject({ byline: 'Ruth Abernethy', url: 'https://coast.example/lamp' })
    expect(named.sources).toMatchObject({ byline: 'meta', url: 'meta' })
    const agency = html(
      `<html><head><meta name="author" content="The Associated Press"><meta property="og:site_name" content="Daily Star"></head><body>${BODY}</body></html>`,
    )
    expect(agency.meta).toMatchObject({ byline: null, wire: 'Associated Press', outlet: 'Daily Star' })
    expect(agency.sources.wire).toBe('meta')
  })

  it('reads the <article>, less its nav, caption and aside, when Readability picks a paywall box over an article hidden behind it', () => {
    const page = html(
      `<html><head><title>Lamp shines again</title></head><body><div role="dialog"><p>Subscribe to keep reading.</p></div><article aria-hidden="true"><h1>Lamp shines again</h1><nav><ul><li><a href="/">Home</a> and more</li></ul></nav>${BODY}<figure><figcaption>The restored lamp. (Photo: Coast News)</figcaption></figure><aside><p>Sign up for our newsletter, sent every Friday morning to readers.</p></aside></article></body></html>`,
    )
    expect(blocks(page.text)).toEqual([
      'Lamp shines again',
      'The lamp at the top of the lighthouse shone across the bay on Saturday night for the first time since 1991. About 200 people gathered on the headland to watch the light come on shortly after sunset.',
      'Volunteers spent five years restoring the tower, raising money through bake sales and raffles.',
    ])
  })

  it('reads markup saved without <html> and <body>, a line break read as a space', () => {
    const page = html(`<title>Lamp shines again - Coast News</title>${BODY.replace('since 1991. ', 'since 1991.<br>')}`)
    expect(page.meta).toMatchObject({ title: 'Lamp shines again', outlet: 'Coast News' })
    expect(page.text).toContain('since 1991. About 200 people')
  })
})

describe('a plain-text saved page', () => {
  const page = read('story.txt')

  it('is kept as it is, with headline, byline, date and wire read from the text', () => {
    expect(page.text).toBe(new TextDecoder().decode(bytesOf('story.txt')))
    expect(page.meta).toEqual({
      title: 'Wildfire smoke closes schools across three counties',
      outlet: 'Associated Press',
      wire: 'Associated Press',
      published: '2031-03-09',
      byline: 'Priya Natarajan',
      url: null,
    })
    expect(page.sources).toEqual({ title: 'text', outlet: 'text', wire: 'text', published: 'text', byline: 'text' })
    expect(page.unknown).toEqual(['url'])
  })

  it('gives passages without the share line, dateline or copyright', () => {
    const passages = passagesOf(page)
    expect(passages).toHaveLength(7)
    expect(passages[0]?.text).toMatch(/^Schools in three eastern Washington counties/)
    for (const passage of passages) expect(passage.text).not.toMatch(/Share this|\(AP\)|Copyright/)
  })

  it('rejects binary and empty files with a one-line message naming the file', () => {
    const binary = new Uint8Array([...new TextEncoder().encode('Wildfire smoke closes schools'), 0, 0, 255, 7])
    expect(() => readPage({ bytes: binary, contentType: 'text/plain', fileName: 'story.txt' })).toThrow(PageError)
    expect(() => readPage({ bytes: binary, contentType: 'text/plain', fileName: 'story.txt' })).toThrow(/^story\.txt: .*binary[^\n]*$/)
    expect(() => readPage({ bytes: new Uint8Array(), contentType: 'text/plain', fileName: 'empty.txt' })).toThrow(/^empty\.txt: the file is empty$/)
  })

  it('decodes a text file in the charset it was sent with', () => {
    const bytes = Buffer.from('Zoë Brunner-Aebi said the canton would consider a loan guarantee scheme.\n', 'latin1')
    expect(readPage({ bytes, contentType: 'text/plain; charset=iso-8859-1' }).text).toContain('Zoë Brunner-Aebi')
    expect(() => readPage({ bytes, contentType: 'text/plain' })).toThrow(/not valid UTF-8/)
  })
})

describe('pages as real sites write them', () => {
  const ld = (article: Record<string, unknown>) =>
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Lamp shines again', ...article })}</script>`

  it('dates a UTC stamp by the day the page shows its readers, east or west of Greenwich', () => {
    const west = html(
      `<html><head>${ld({ datePublished: '2025-04-10T00:47:11Z' })}</head><body><time datetime="2025-04-10T00:47:11Z">April 9, 2025</time>${BODY}</body></html>`,
    )
    expect(west.meta.published).toBe('2025-04-09')
    const east = html(`<html><head>${ld({ datePublished: '2025-05-27T23:12:45.000Z' })}</head><body><time>28 May 2025</time>${BODY}</body></html>`)
    expect(east.meta.published).toBe('2025-05-28')
    const unshown = html(`<html><head>${ld({ datePublished: '2025-05-27T23:12:45Z' })}</head><body>${BODY}</body></html>`)
    expect(unshown.meta.published).toBe('2025-05-27')
    const offset = html(
      `<html><head>${ld({ datePublished: '2025-05-27T23:12:45Z' })}</head><body><time datetime="2025-05-27T19:12:45-04:00">May 27</time>${BODY}</body></html>`,
    )
    expect(offset.meta.published).toBe('2025-05-27')
  })

  it('reads a date from the text as written, whatever the machine’s time zone, and "Updated" only when nothing says "Published"', () => {
    const late = html(`<html><body><p>Published: 7:45 PM CST March 4, 2025</p>${BODY}</body></html>`)
    expect(late.meta.published).toBe('2025-03-04')
    const both = html(`<html><body><p>Updated 10:03 PM EDT, April 12, 2025</p><p>Published April 9, 2025</p>${BODY}</body></html>`)
    expect(both.meta.published).toBe('2025-04-09')
  })

  it('never takes an outlet credited as author for a byline, and keeps the reporter an agency credit names', () => {
    const outlet = html(`<html><head>${ld({ author: { '@type': 'NewsMediaOrganization', name: 'Coast News' } })}</head><body>${BODY}</body></html>`)
    expect(outlet.meta.byline).toBeNull()
    const agency = html(`<html><head>${ld({ author: [{ '@type': 'Person', name: 'JOSH FUNK Associated Press' }] })}</head><body>${BODY}</body></html>`)
    expect(agency.meta).toMatchObject({ byline: 'JOSH FUNK', wire: 'Associated Press' })
  })

  it('does not read a consent sentence opening with "By" as a byline or a wire credit', () => {
    const page = html(`<html><body>${BODY}<p>By continuing, I agree that Bloomberg may send me news, offers and updates.</p></body></html>`)
    expect(page.meta).toMatchObject({ byline: null, wire: null })
  })

  it('reads microdata, a " :: " title separator, and drops footnote marks', () => {
    const page = html(
      `<html><head><title>Lamp shines again :: Coast Weekly</title></head><body><article itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author" itemscope><span itemprop="name">Ruth Abernethy</span></span><meta itemprop="datePublished" content="2024-11-20T10:00:00+01:00"><p>The lamp at the top of the lighthouse shone across the bay on Saturday night for the first time since 1991.<sup><a href="#n1">1</a></sup></p><p>Volunteers spent five years restoring the tower, raising money through bake sales and raffles.</p></article></body></html>`,
    )
    expect(page.meta).toMatchObject({ title: 'Lamp shines again', outlet: 'Coast Weekly', byline: 'Ruth Abernethy', published: '2024-11-20' })
    expect(page.text).toContain('since 1991.\n')
  })
})
