import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { EngineSnapshot } from './engine.js'

/**
 * Writes an engine snapshot as JSON lines — a header, one line per article with its analysed
 * terms, then the index — so neither writing nor reading ever holds the whole file as one string.
 */
export async function writeSnapshotFile(path: string, snapshot: EngineSnapshot): Promise<void> {
  const out = createWriteStream(path)
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain')
  }
  await write({ format: snapshot.format, articles: snapshot.articles.length, documentFrequency: snapshot.documentFrequency })
  let passage = 0
  for (const article of snapshot.articles) {
    await write({ article, sentenceTerms: snapshot.sentenceTerms.slice(passage, passage + article.passages.length) })
    passage += article.passages.length
  }
  await write({ index: snapshot.index })
  out.end()
  await once(out, 'finish')
}

/** Reads a snapshot written by writeSnapshotFile. */
export async function readSnapshotFile(path: string): Promise<EngineSnapshot> {
  const snapshot: EngineSnapshot = { format: 0, articles: [], sentenceTerms: [], documentFrequency: [], index: undefined as never }
  let line = 0
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    const entry = JSON.parse(text)
    if (line++ === 0) {
      snapshot.format = entry.format
      snapshot.documentFrequency = entry.documentFrequency
    }
    else if (entry.article) {
      snapshot.articles.push(entry.article)
      snapshot.sentenceTerms.push(...entry.sentenceTerms)
    } else if (entry.index) snapshot.index = entry.index
  }
  if (!snapshot.index) throw new Error(`${path}: the snapshot is incomplete (no index)`)
  return snapshot
}
