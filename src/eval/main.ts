import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AnswerEngine, type Previous } from '../answer/engine.js'
import type { Answer, Command } from '../answer/types.js'
import { parseArgs } from '../cli/args.js'
import { loadCorpus } from '../ingest/corpus.js'
import { defaultSeedsDir, projectRoot } from '../paths.js'
import { NaiveBaseline } from './baseline.js'
import { type Outcome, type Question, questionSchema, type Report, score } from './metrics.js'
import { discoverOwnSets, discoverSets, type EvalSet } from './sets.js'

const DEFAULT_SETS = join(projectRoot, 'test', 'eval')
const OWN_SETS = join(projectRoot, 'test', 'own')

const USAGE = `Usage: npm run eval -- [--sets DIR | --questions FILE [--seeds DIR]] [--baseline] [--failures] [--json]

Scores the answer engine on question sets and prints one row per set and their macro average.
  --sets DIR         every set of DIR: DIR/*.jsonl on the bundled story, DIR/stories/<name>/questions.jsonl
                     on the articles beside it (default: test/eval, a copy of shared/eval)
  --questions FILE   one set (JSON lines); --seeds DIR is its story (default: the bundled story)
  --baseline         raw MiniSearch (default options, raw paragraphs) on the same sets
  --failures         list every question that missed, and why
The project's own questions (test/own/<story>-<name>.jsonl) get rows of their own, outside the average.`

async function readQuestions(path: string): Promise<Question[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim())
  return lines.map((line, i) => {
    const parsed = questionSchema.safeParse(JSON.parse(line))
    if (!parsed.success) throw new Error(`${path} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not a valid question'}`)
    return parsed.data
  })
}

type Figures = Omit<Report, 'failures'>

const COLUMNS: [keyof Figures, string][] = [
  ['questions', 'n'],
  ['evidence_at_1', 'ev@1'],
  ['evidence_at_3', 'ev@3'],
  ['short_answer_accuracy', 'short'],
  ['wrong_short_answers', 'wrong'],
  ['source_recall', 'src R'],
  ['source_precision', 'src P'],
  ['unanswerable_refused', 'unans ref'],
  ['answerable_refused', 'ans ref'],
  ['noisy_passages', 'noise'],
  ['miscredited_passages', 'miscredit'],
]

/** The mean of each figure over the sets, every set weighing the same. */
function macro(reports: Figures[]): Figures {
  const mean = (key: keyof Figures) => Math.round((reports.reduce((sum, report) => sum + report[key], 0) / reports.length) * 1000) / 1000
  const sum = (key: keyof Figures) => reports.reduce((total, report) => total + report[key], 0)
  return Object.fromEntries(
    COLUMNS.map(([key]) => [key, key === 'questions' || key === 'noisy_passages' || key === 'miscredited_passages' ? sum(key) : mean(key)]),
  ) as unknown as Figures
}

function table(rows: [string, Figures][]): string {
  const header = ['set', ...COLUMNS.map(([, label]) => label)]
  const cells = rows.map(([name, figures]) => [name, ...COLUMNS.map(([key]) => String(figures[key]))])
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

interface SetResult {
  set: EvalSet
  byline: Report
  baseline?: Report
}

async function runSet(set: EvalSet, withBaseline: boolean): Promise<SetResult> {
  const questions = await readQuestions(set.questions)
  const corpus = await loadCorpus(set.seeds)
  const articles = new Map(corpus.articles.map((article) => [article.id, article]))
  const texts = await Promise.all(corpus.articles.map(async (article) => ({ article, text: await readFile(join(set.seeds, article.file), 'utf8') })))
  const files = new Map(texts.map(({ article, text }) => [article.id, text]))
  // The questions of a set are one conversation: each is asked after the one before it, as in a channel.
  const run = (answer: (command: Command, query: string, previous?: Previous) => Answer): Outcome[] => {
    let previous: Previous | undefined
    return questions.map((question) => {
      const given = answer(question.command, question.query, previous)
      previous = { query: given.readAs ?? question.query, answer: given.answer }
      return { question, answer: given }
    })
  }
  const engine = AnswerEngine.fromCorpus(corpus)
  const result: SetResult = {
    set,
    byline: score(
      run((c, q, previous) => engine.answer(c, q, previous)),
      articles,
      files,
    ),
  }
  if (withBaseline) {
    const baseline = new NaiveBaseline(texts)
    result.baseline = score(
      run((c, q) => baseline.answer(c, q)),
      articles,
      files,
    )
  }
  return result
}

/** A report's figures: everything but its list of failures. */
function figuresOf(report: Report): Figures {
  const figures: Partial<Report> = { ...report }
  delete figures.failures
  return figures as Figures
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['sets', 'questions'], switches: ['baseline', 'failures'] })
  if (args.help) {
    console.log(USAGE)
    return
  }
  const questions = args.flags.get('questions')
  const questionsFile = typeof questions === 'string' ? questions : args.command
  const single = questionsFile !== null
  const sets: EvalSet[] = single
    ? [{ name: 'questions', questions: questionsFile, seeds: args.seeds ?? defaultSeedsDir }]
    : discoverSets((args.flags.get('sets') as string | undefined) ?? DEFAULT_SETS, defaultSeedsDir)
  const withBaseline = args.flags.has('baseline')
  const results = await Promise.all(sets.map((set) => runSet(set, withBaseline)))
  const own = single ? [] : await Promise.all(discoverOwnSets(OWN_SETS, DEFAULT_SETS, defaultSeedsDir).map((set) => runSet(set, false)))

  const rows: [string, Figures][] = results.map(({ set, byline }) => [set.name, figuresOf(byline)])
  if (results.length > 1) rows.push(['macro average', macro(rows.map(([, figures]) => figures))])
  for (const result of own) rows.push([result.set.name, figuresOf(result.byline)])
  const baselineRows: [string, Figures][] = results.flatMap(({ set, baseline }) =>
    baseline ? [[`${set.name} (raw minisearch)`, figuresOf(baseline)] as [string, Figures]] : [],
  )

  if (args.json) {
    console.log(JSON.stringify({ sets: Object.fromEntries(rows), baseline: Object.fromEntries(baselineRows) }))
    return
  }
  console.log(table([...rows, ...baselineRows]))
  if (args.flags.has('failures') || single) {
    for (const { set, byline } of [...results, ...own]) {
      console.log(`\nfailures in ${set.name} (${set.questions}): ${byline.failures.length}`)
      for (const failure of byline.failures) console.log(`  ${failure.id} ${failure.command} “${failure.query}”: ${failure.problems.join('; ')}`)
    }
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
