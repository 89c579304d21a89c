import { config as loadEnv } from 'dotenv'
import { loadCorpus } from '../ingest/corpus.js'
import { defaultSeedsDir } from '../paths.js'
import { parseArgs, UsageError } from './args.js'
import { corpusJson, corpusText } from './corpus-view.js'
import { runEngineCommand, runBatch, ENGINE_COMMANDS } from './engine-commands.js'

const USAGE = `Byline — answers about a news story, quoted and credited.

Usage: npm run byline -- <command> [query] [--json] [--seeds DIR]

Commands:
  corpus               the articles, their passages and what was removed as page noise
  who <query>          who someone is, or who said / did something
  when <query>         when something happened, as written and as a date
  source <claim>       every article that reports a claim or quote
  ask <question>       a free question: the best passages and a short answer
  timeline [query]     the story's dated events in order
  compare <claim>      how each outlet worded the same fact
  outlets              the articles with outlet, date, wire, byline and link
  batch                JSON lines {"id","command","query"} on stdin, one answer per line

Options:
  --json               machine-readable output (one JSON object; one per line for batch)
  --seeds DIR          read articles from DIR instead of the bundled story
  --help, -h           help for a command: npm run byline -- who --help`

const HELP: Record<string, string> = {
  corpus: `Usage: npm run byline -- corpus [--json]

Loads, cleans and annotates the articles. Without --json: a summary of each article (outlet,
date, wire, byline, link), its passage count and what was removed as page noise. With --json:
{"articles":[{"id","file","outlet","wire","published","url","byline","title","passages":[...]}]}`,
  batch: `Usage: npm run byline -- batch --json < questions.jsonl

Reads JSON lines {"id","command","query"} from stdin and prints one answer object per line, in
order, each with its id. A bad line gives {"id","error"} and the batch goes on.`,
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (args.command === null || args.command === 'help') {
    console.log(USAGE)
    return args.command === null && !args.help ? 1 : 0
  }
  const known = args.command === 'corpus' || args.command === 'batch' || ENGINE_COMMANDS.includes(args.command)
  if (!known) {
    console.error(`Unknown command "${args.command}".\n\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(HELP[args.command] ?? engineHelp(args.command))
    return 0
  }
  // An empty BYLINE_SEEDS_DIR counts as unset.
  const seedsFromEnv = process.env.BYLINE_SEEDS_DIR
  const corpus = await loadCorpus(args.seeds ?? (seedsFromEnv === undefined || seedsFromEnv === '' ? defaultSeedsDir : seedsFromEnv))
  for (const error of corpus.errors) console.error(`warning: ${error.message}`)
  if (args.command === 'corpus') {
    console.log(args.json ? JSON.stringify(corpusJson(corpus)) : corpusText(corpus))
    return 0
  }
  if (args.command === 'batch') return runBatch(corpus, process.stdin, process.stdout, args.json)
  return runEngineCommand(corpus, args.command, args.words.join(' '), args.json)
}

function engineHelp(command: string): string {
  const argument = command === 'timeline' ? '[query]' : command === 'outlets' ? '' : '<query>'
  const line =
    USAGE.split('\n')
      .find((entry) => entry.trim().startsWith(`${command} `))
      ?.trim() ?? command
  return `Usage: npm run byline -- ${command} ${argument} [--json]\n\n${line.replace(/^\S+\s+(\S+\s+)?/, '').trim()}.
Prints the passages that answer, each quoted verbatim with its outlet and date; with --json one
object {"id","command","query","found","answer","date","passages":[...],"suggestions":[...]}.`
}

loadEnv({ quiet: true })
main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`byline: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = error instanceof UsageError ? 2 : 1
  },
)
