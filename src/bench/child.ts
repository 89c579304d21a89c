import { AnswerEngine } from '../answer/engine.js'
import { LiveStory } from '../answer/live-story.js'
import { loadLanguage } from '../language/index.js'
import { readSnapshotFile, writeSnapshotFile } from '../answer/snapshot-file.js'
import { buildArticles, loadCorpus } from '../ingest/corpus.js'
import { defaultSeedsDir } from '../paths.js'
import { generateCorpus } from './generate.js'
import { compareLatency, devQueries, median, round, rssMb } from './measure.js'

/**
 * One measurement in a fresh process, printed as one JSON line:
 *   startup            load + clean + annotate + index the bundled story
 *   story ROUNDS       per-command latency on the story, engine vs raw MiniSearch
 *   build N FILE       generate N passages, ingest and index them, save the engine snapshot to FILE
 *   serve FILE ROUNDS  load the snapshot (as a restarted bot would), then latency vs raw MiniSearch
 *   live N ROUNDS      a story of N generated articles built from Discord: one article added and removed ROUNDS times
 */
async function main(): Promise<void> {
  const [mode, first, second] = process.argv.slice(2)
  if (mode === 'startup') {
    const start = performance.now()
    const engine = AnswerEngine.fromCorpus(await loadCorpus(defaultSeedsDir))
    const ms = performance.now() - start
    print({ ms: round(ms), rss_mb: rssMb(), passages: engine.knowledge.passages.length })
    return
  }
  const queries = devQueries()
  const story = await loadCorpus(defaultSeedsDir)
  if (mode === 'story') {
    const engine = AnswerEngine.fromCorpus(story)
    print({ passages: engine.knowledge.passages.length, ...compareLatency(engine, engine.knowledge.passages, queries, Number(first ?? 30)) })
    return
  }
  if (mode === 'build') {
    const raws = generateCorpus(story.articles, { passages: Number(first), seed: 42 })
    let start = performance.now()
    const articles = buildArticles(raws)
    const ingestMs = performance.now() - start
    start = performance.now()
    const engine = AnswerEngine.fromCorpus({ articles, errors: [] })
    const indexMs = performance.now() - start
    await writeSnapshotFile(required(second, 'build N FILE: the snapshot FILE'), engine.snapshot())
    print({
      passages: engine.knowledge.passages.length,
      build_ms: round(ingestMs + indexMs, 1),
      index_build_ms: round(indexMs, 1),
      ingest_ms: round(ingestMs, 1),
    })
    return
  }
  if (mode === 'serve') {
    const start = performance.now()
    const engine = AnswerEngine.fromSnapshot(await readSnapshotFile(required(first, 'serve FILE ROUNDS: the snapshot FILE')))
    const loadMs = performance.now() - start
    globalThis.gc?.()
    const rss = rssMb()
    const latency = compareLatency(engine, engine.knowledge.passages, queries, Number(second ?? 5))
    print({ load_ms: round(loadMs, 1), rss_mb: rss, ...latency })
    return
  }
  if (mode === 'live') {
    const articles = Number(required(first, 'live N ROUNDS: the number of articles'))
    const raws = generateCorpus((await loadCorpus(defaultSeedsDir)).articles, { passages: articles * 30, seed: 7 }).slice(0, articles)
    const [added, ...rest] = raws
    if (!added || rest.length + 1 < articles) throw new Error(`live: generated only ${raws.length} articles`)
    const start = performance.now()
    const story = new LiveStory(rest, loadLanguage())
    const buildMs = performance.now() - start
    const addMs: number[] = []
    const removeMs: number[] = []
    for (let round = 0; round < Number(second ?? 5); round++) {
      let at = performance.now()
      const article = story.put(added)
      addMs.push(performance.now() - at)
      at = performance.now()
      story.remove(article.id)
      removeMs.push(performance.now() - at)
    }
    story.put(added)
    print({
      articles,
      passages: story.engine.knowledge.passages.length,
      build_ms: round(buildMs, 1),
      add_ms: round(median(addMs), 1),
      remove_ms: round(median(removeMs), 1),
    })
    return
  }
  throw new Error(`unknown mode ${mode}`)
}

/** A command-line argument the mode cannot run without. */
function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`missing argument: ${what}`)
  return value
}

function print(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
