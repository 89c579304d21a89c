import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { EngineSnapshot } from './snapshot.js'

/**
 * Writes an engine snapshot as JSON lines — a header, one line per article with its analysed
 * terms, then the index — so neither writing nor reading ever holds the whole file as one string.
 */
export async function writeSnapshotFile(path: string, snapshot: EngineSnapshot): Promise<void> {
  const out = createWriteStream(path)
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain')
  }
  await write({ format: snapshot.format, articles: snapshot.articles.length, documentFrequency: snapshot.documentFrequency, speakers: snapshot.speakers })
  let passage = 0
  for (const article of snapshot.articles) {
    await write({ article, sentenceTerms: snapshot.sentenceTerms.slice(passage, passage + article.passages.length) })
    passage += article.passages.length
  }
  await write({ index: snapshot.index })
  out.end()
  await once(out, 'finish')
}

/** The lines of a UTF-8 file, read in large chunks (faster than readline for a few very long lines). */
async function* lines(path: string): AsyncGenerator<string> {
  let pieces: string[] = []
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let start = 0
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      pieces.push(chunk.slice(start, end))
      const line = pieces.join('')
      pieces = []
      start = end + 1
      if (line) yield line
    }
    pieces.push(chunk.slice(start))
  }
  const last = pieces.join('')
  if (last) yield last
}

/** One line of a snapshot file: the header, an article with its terms, or the index. */
interface SnapshotLine {
  format?: number
  documentFrequency?: EngineSnapshot['documentFrequency']
  speakers?: string[]
  article?: EngineSnapshot['articles'][number]
  sentenceTerms?: EngineSnapshot['sentenceTerms']
  index?: EngineSnapshot['index']
}

/** Reads a snapshot written by writeSnapshotFile. */
export async function readSnapshotFile(path: string): Promise<EngineSnapshot> {
  let header: SnapshotLine | undefined
  const articles: EngineSnapshot['articles'] = []
  const sentenceTerms: EngineSnapshot['sentenceTerms'] = []
  let index: EngineSnapshot['index'] | undefined
  for await (const text of lines(path)) {
    const entry = JSON.parse(text) as SnapshotLine
    if (!header) header = entry
    else if (entry.article) {
      articles.push(entry.article)
      sentenceTerms.push(...(entry.sentenceTerms ?? []))
    } else if (entry.index) index = entry.index
  }
  if (!index) throw new Error(`${path}: the snapshot is incomplete (no index)`)
  return { format: header?.format ?? 0, articles, sentenceTerms, documentFrequency: header?.documentFrequency ?? [], speakers: header?.speakers ?? [], index }
}
