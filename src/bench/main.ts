import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from '../cli/args.js'
import { projectRoot } from '../paths.js'
import { median, round, type LatencyFigures } from './measure.js'

const USAGE = `Usage: npm run bench -- [--json] [--sizes=1000,10000,100000] [--runs=3] [--rounds=5]

Measures start-up, memory and query latency of the answer engine against raw MiniSearch (default
options, same passages, same query strings), on the bundled story and on generated same-topic
corpora. Every measurement runs in a fresh process; figures are medians over --runs processes.`

const CHILD = join(projectRoot, 'src', 'bench', 'child.ts')

/** What child.ts prints for each mode. */
interface StartupRun {
  ms: number
  rss_mb: number
  passages: number
}
type StoryRun = LatencyFigures & { passages: number }
interface BuildRun {
  passages: number
  build_ms: number
  index_build_ms: number
  ingest_ms: number
}
type ServeRun = LatencyFigures & { load_ms: number; rss_mb: number }
interface LiveRun {
  articles: number
  passages: number
  build_ms: number
  add_ms: number
  remove_ms: number
}

/** Runs one measurement in a fresh Node process and returns its JSON line. */
function child(args: ['startup']): StartupRun
function child(args: ['story', string]): StoryRun
function child(args: ['build', string, string]): BuildRun
function child(args: ['serve', string, string]): ServeRun
function child(args: ['live', string, string]): LiveRun
function child(args: string[]): unknown {
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', CHILD, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${result.stderr}`)
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as unknown
}

/** The median of each numeric field over several runs (nested objects too). */
function medianOf<T extends object>(runs: readonly T[]): T {
  const records = runs as readonly Record<string, unknown>[]
  const [first] = records
  if (first === undefined) throw new Error('medianOf: no runs to take the median of')
  return Object.fromEntries(
    Object.keys(first).map((key) => {
      const values = records.map((run) => run[key])
      if (typeof first[key] === 'number') return [key, round(median(values as number[]), 3)]
      if (first[key] && typeof first[key] === 'object') return [key, medianOf(values as object[])]
      return [key, first[key]]
    }),
  ) as T
}

/** A copy of `value` without the field `key` (the other fields in the same order). */
function without<T extends object, K extends keyof T & string>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>
}

function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String))
  const widths = (cells[0] ?? []).map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  return cells
    .map(
      (row, r) =>
        row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ') +
        (r === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : ''),
    )
    .join('\n')
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['sizes', 'runs', 'rounds'] })
  if (args.help) {
    console.log(USAGE)
    return
  }
  const flag = (name: string, fallback: string) => (typeof args.flags.get(name) === 'string' ? (args.flags.get(name) as string) : fallback)
  const sizes = flag('sizes', '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0)
  const runs = Number(flag('runs', '3'))
  const rounds = Number(flag('rounds', '5'))
  const log = (message: string) => (args.json ? undefined : process.stderr.write(`${message}\n`))

  log(`story: start-up in ${runs + 2} fresh processes…`)
  const startups = Array.from({ length: runs + 2 }, () => child(['startup']))
  log('story: latency…')
  const latency = medianOf(Array.from({ length: runs }, () => child(['story', String(rounds * 10)])))
  const [firstStartup] = startups
  if (firstStartup === undefined) throw new Error('bench: no start-up runs')
  const story = {
    passages: firstStartup.passages,
    startup_ms: round(median(startups.map((run) => run.ms)), 1),
    rss_mb: round(median(startups.map((run) => run.rss_mb)), 1),
    p50_ms: Object.fromEntries(Object.entries(latency.byCommand).map(([command, figures]) => [command, figures.p50])),
    p99_ms: Object.fromEntries(Object.entries(latency.byCommand).map(([command, figures]) => [command, figures.p99])),
    all_p50_ms: latency.p50_ms,
    raw_p50_ms: latency.raw_p50_ms,
    raw_p99_ms: latency.raw_p99_ms,
    ratio_p50: latency.ratio_p50,
  }
  const scale = sizes.map((size) => {
    log(`scale: ${size} passages…`)
    const snapshot = join(mkdtempSync(join(tmpdir(), 'byline-bench-')), 'snapshot.json')
    // Building 100k passages takes minutes, so it is done once; serving is quick, and its tail is noisy: every size is served `runs` times.
    const builds = size >= 100_000 ? 1 : runs
    const built = medianOf(Array.from({ length: builds }, () => child(['build', String(size), snapshot])))
    const served = medianOf(Array.from({ length: runs }, () => child(['serve', snapshot, String(rounds)])))
    rmSync(dirname(snapshot), { recursive: true, force: true })
    const latency = without(served, 'byCommand')
    const figures = { ...built, ...latency }
    return {
      ...figures,
      passages: size,
      actual_passages: figures.passages,
      load_vs_build: round(figures.load_ms / figures.build_ms, 3),
      load_vs_index_build: round(figures.load_ms / figures.index_build_ms, 3),
    }
  })
  log('live story: 200 articles, one added and removed…')
  const live = medianOf(Array.from({ length: runs }, () => child(['live', '200', String(rounds)])))
  const result = { story, scale, live }
  if (args.json) {
    console.log(JSON.stringify(result))
    return
  }

  console.log(`\nStory (${story.passages} passages): start-up ${story.startup_ms} ms (median of ${startups.length} fresh processes), RSS ${story.rss_mb} MB`)
  console.log(
    table([
      ['command', 'p50 ms', 'p99 ms'],
      ...Object.entries(story.p50_ms).map(([command, p50]) => [command, p50, story.p99_ms[command] ?? '']),
      ['all (engine)', story.all_p50_ms, ''],
      ['raw MiniSearch', story.raw_p50_ms, story.raw_p99_ms],
      ['ratio p50', story.ratio_p50, ''],
    ]),
  )
  console.log('\nScale (generated same-topic corpora):')
  console.log(
    table([
      ['passages', 'build ms', 'index ms', 'load ms', 'RSS MB', 'p50 ms', 'p99 ms', 'raw p50', 'raw p99', 'ratio p50', 'ratio p99'],
      ...scale.map((row) => [
        row.passages,
        row.build_ms,
        row.index_build_ms,
        row.load_ms,
        row.rss_mb,
        row.p50_ms,
        row.p99_ms,
        row.raw_p50_ms,
        row.raw_p99_ms,
        row.ratio_p50,
        row.ratio_p99,
      ]),
    ]),
  )
  console.log(
    `\nA story built from Discord (${live.articles} generated articles, ${live.passages} passages): built in ${live.build_ms} ms; ` +
      `adding one article ${live.add_ms} ms, removing it ${live.remove_ms} ms (medians; index updated in place)`,
  )
  console.log(`\n${JSON.stringify(result)}`)
}

main()
