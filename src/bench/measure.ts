import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import type { AnswerEngine } from '../answer/engine.js'
import type { Command } from '../answer/types.js'
import type { Passage } from '../ingest/types.js'
import { projectRoot } from '../paths.js'

export interface Query {
  command: Command
  query: string
}

/** The dev questions' commands and query strings (what the benchmark times). */
export function devQueries(path = join(projectRoot, 'test', 'eval', 'dev.jsonl')): Query[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Query)
}

/** The q-th quantile (0–1) of a list of numbers, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
}

export const median = (values: number[]) => quantile(values, 0.5)
export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits
export const rssMb = () => round(process.memoryUsage().rss / 1024 / 1024, 1)

/** Times `run` once per query, `rounds` times over, after one warm-up round. Milliseconds per call. */
export function timeEach<T>(items: T[], rounds: number, run: (item: T) => unknown): number[] {
  for (const item of items) run(item)
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const start = performance.now()
      run(item)
      times.push(performance.now() - start)
    }
  }
  return times
}

/** The naive peer: MiniSearch with default options over the same passages' text. */
export function rawIndex(passages: Passage[]): MiniSearch<{ id: number; text: string }> {
  const raw = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  raw.addAll(passages.map((passage, id) => ({ id, text: passage.text })))
  return raw
}

export interface LatencyFigures {
  p50_ms: number
  p99_ms: number
  raw_p50_ms: number
  raw_p99_ms: number
  ratio_p50: number
  ratio_p99: number
  byCommand: Record<string, { p50: number; p99: number }>
}

/** Engine and raw MiniSearch latency over the same query strings, measured in one run. */
export function compareLatency(engine: AnswerEngine, passages: Passage[], queries: Query[], rounds: number): LatencyFigures {
  const raw = rawIndex(passages)
  const byCommand: Record<string, { p50: number; p99: number }> = {}
  const all: number[] = []
  for (const command of ['who', 'when', 'source', 'ask'] as const) {
    const times = timeEach(
      queries.filter((query) => query.command === command),
      rounds,
      (query) => engine.answer(query.command, query.query),
    )
    byCommand[command] = { p50: round(median(times)), p99: round(quantile(times, 0.99)) }
    all.push(...times)
  }
  const rawTimes = timeEach(queries, rounds, (query) => raw.search(query.query))
  const figures = { p50: median(all), p99: quantile(all, 0.99), rawP50: median(rawTimes), rawP99: quantile(rawTimes, 0.99) }
  return {
    p50_ms: round(figures.p50),
    p99_ms: round(figures.p99),
    raw_p50_ms: round(figures.rawP50),
    raw_p99_ms: round(figures.rawP99),
    ratio_p50: round(figures.p50 / figures.rawP50, 2),
    ratio_p99: round(figures.p99 / figures.rawP99, 2),
    byCommand,
  }
}
