import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AnswerEngine } from '../answer/engine.js'
import type { Answer, Command } from '../answer/types.js'
import { parseArgs } from '../cli/args.js'
import { loadCorpus } from '../ingest/corpus.js'
import { defaultSeedsDir, projectRoot } from '../paths.js'
import { NaiveBaseline } from './baseline.js'
import { type Outcome, type Question, questionSchema, type Report, score } from './metrics.js'

const USAGE = `Usage: npm run eval -- [--questions FILE] [--baseline] [--json] [--seeds DIR]

Runs every question of FILE (JSON lines; default test/dev.jsonl) through the answer engine and
prints evidence@1/@3, who/when short-answer accuracy, source recall/precision, refusals, noise
and the failures. --baseline scores raw MiniSearch (default options, raw paragraphs) as well.`

async function readQuestions(path: string): Promise<Question[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim())
  return lines.map((line, i) => {
    const parsed = questionSchema.safeParse(JSON.parse(line))
    if (!parsed.success) throw new Error(`${path} line ${i + 1}: ${parsed.error.issues[0]!.message}`)
    return parsed.data
  })
}

const METRICS: [keyof Report, string][] = [
  ['evidence_at_1', 'evidence@1'], ['evidence_at_3', 'evidence@3'], ['short_answer_accuracy', 'who/when short answers'],
  ['source_recall', 'source recall'], ['source_precision', 'source precision'], ['unanswerable_refused', 'unanswerable refused'],
  ['answerable_refused', 'answerable wrongly refused'], ['noisy_passages', 'passages with noise'], ['miscredited_passages', 'miscredited passages'],
]

function table(reports: [string, Report][]): string {
  const header = ['metric', ...reports.map(([name]) => name)]
  const rows = METRICS.map(([key, label]) => [label, ...reports.map(([, report]) => String(report[key]))])
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)))
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.help) return console.log(USAGE)
  const questionsPath = typeof args.flags.get('questions') === 'string' ? (args.flags.get('questions') as string) : args.command ?? join(projectRoot, 'test', 'dev.jsonl')
  const seeds = args.seeds ?? defaultSeedsDir
  const questions = await readQuestions(questionsPath)
  const corpus = await loadCorpus(seeds)
  const articles = new Map(corpus.articles.map((article) => [article.id, article]))
  const files = new Map(await Promise.all(corpus.articles.map(async (article) => [article.id, await readFile(join(seeds, article.file), 'utf8')] as const)))

  const run = (answer: (command: Command, query: string) => Answer): Outcome[] =>
    questions.map((question) => ({ question, answer: answer(question.command, question.query) }))
  const engine = AnswerEngine.fromCorpus(corpus)
  const reports: [string, Report][] = [['byline', score(run((c, q) => engine.answer(c, q)), articles, files)]]
  if (args.flags.has('baseline')) {
    const baseline = new NaiveBaseline(corpus.articles.map((article) => ({ article, text: files.get(article.id)! })))
    reports.push(['raw minisearch', score(run((c, q) => baseline.answer(c, q)), articles, files)])
  }
  const result = Object.fromEntries(reports.map(([name, report]) => [name, report]))
  if (args.json) return console.log(JSON.stringify({ questions: questionsPath, ...result }))
  console.log(`${questions.length} questions from ${questionsPath}\n`)
  console.log(table(reports))
  for (const [name, report] of reports) {
    console.log(`\nfailures (${name}): ${report.failures.length}`)
    for (const failure of report.failures) console.log(`  ${failure.id} ${failure.command} “${failure.query}”: ${failure.problems.join('; ')}`)
  }
  console.log(`\n${JSON.stringify(Object.fromEntries(reports.map(([name, { failures, ...figures }]) => [name, figures])))}`)
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
