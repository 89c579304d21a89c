import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Answer } from '../src/answer/types.js'
import { projectRoot } from '../src/paths.js'

/** `corpus --json`: the fields these tests walk through (the rest is checked by name). */
interface CorpusJson {
  articles: { passages: object[] }[]
}

/** One line of `batch --json`: an answer, or an error for the line's id. */
interface BatchLine {
  id: string | null
  found?: boolean
  error?: string
}

/** Runs the CLI exactly as `npm run byline --` does, with optional stdin. */
function byline(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, input, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// Each case starts fresh Node processes; on a loaded machine eleven of them outlast the default timeout.
describe('the byline CLI', { timeout: 120_000 }, () => {
  it('prints the corpus as one JSON object with the contract fields', () => {
    const { code, stdout } = byline(['corpus', '--json'])
    expect(code).toBe(0)
    const corpus = JSON.parse(stdout) as CorpusJson
    expect(corpus.articles).toHaveLength(5)
    const article = corpus.articles[0]
    for (const key of ['id', 'file', 'outlet', 'wire', 'published', 'url', 'byline', 'title', 'passages']) expect(article).toHaveProperty(key)
    const passage = article?.passages[0]
    for (const key of ['id', 'paragraph', 'start', 'end', 'text', 'sentences', 'dates', 'entities', 'quotes', 'alsoIn']) expect(passage).toHaveProperty(key)
  })

  it('answers a command as JSON in the answer contract', () => {
    const { stdout } = byline(['who', 'Tzeng', 'Yi-suo', '--json'])
    const answer = JSON.parse(stdout) as Answer
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['id', 'command', 'query', 'found', 'answer', 'date', 'passages', 'suggestions']))
    expect(answer.passages[0]).toMatchObject({ article: '002_92d8c20520eba910', outlet: 'Radio Free Asia', paragraph: 5 })
  })

  it('runs a batch in order, turning a bad line into an error object for its id', () => {
    const input = [
      JSON.stringify({ id: 'a', command: 'when', query: 'us election date' }),
      '{ broken json',
      JSON.stringify({ id: 'c', command: 'shout', query: 'x' }),
      JSON.stringify({ id: 'd', command: 'who', query: 'keir starmer' }),
    ].join('\n')
    const { code, stdout } = byline(['batch', '--json'], input)
    expect(code).toBe(0)
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as BatchLine)
    expect(lines.map((line) => line.id)).toEqual(['a', null, 'c', 'd'])
    expect(lines[0]).toMatchObject({ found: true, date: '2020-11-03' })
    expect(lines[1]?.error).toMatch(/line 2: not valid JSON/)
    expect(lines[2]?.error).toMatch(/command/)
    expect(lines[3]?.found).toBe(false)
  })

  it('has help for the CLI and every subcommand, and rejects unknown commands', () => {
    expect(byline(['--help']).stdout).toContain('Usage: npm run byline')
    for (const command of ['corpus', 'who', 'when', 'source', 'ask', 'timeline', 'compare', 'outlets', 'batch']) {
      const { code, stdout } = byline([command, '--help'])
      expect(code).toBe(0)
      expect(stdout).toContain(`npm run byline -- ${command}`)
    }
    expect(byline(['frobnicate']).code).toBe(2)
  })

  it('says in one line what is wrong with --seeds and unknown options, and exits non-zero', () => {
    const empty = mkdtempSync(join(tmpdir(), 'byline-empty-'))
    const cases: [string[], RegExp][] = [
      [['who', 'x', '--seeds=/nonexistent'], /\/nonexistent: no such folder/],
      [['who', 'x', '--seeds', 'README.md'], /README\.md: is a file, not a folder/],
      [['who', 'x', '--seeds'], /--seeds needs a value/],
      [['who', 'x', '--jsno'], /Unknown option --jsno/],
      [['who', 'x', '--seeds', empty], /holds no \.txt articles/],
    ]
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = byline(args)
      expect(code, args.join(' ')).not.toBe(0)
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(stderr).toMatch(message)
      expect(stdout).toBe('')
    }
  })

  it('honours --seeds=DIR, and reports metadata that names a missing file or a misspelt key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'byline-seeds-'))
    copyFileSync(join(projectRoot, 'test', 'fixtures', 'story', '001_harbor.txt'), join(dir, '001_harbor.txt'))
    const entry = { file: '001_harbor.txt', outlet: 'The Harbor Ledger', wire: null, published: '2031-03-05', url: null, byline: null, title: null }
    writeFileSync(join(dir, 'articles.json'), JSON.stringify({ articles: [entry, { ...entry, file: '009_gone.txt' }] }))
    const answered = byline(['outlets', `--seeds=${dir}`])
    expect(answered.code).toBe(0)
    expect(answered.stdout).toContain('The Harbor Ledger')
    expect(answered.stderr).toMatch(/articles\.json lists 009_gone\.txt, which is not in/)
    writeFileSync(join(dir, 'articles.json'), JSON.stringify({ articles: [{ ...entry, referencedate: '2031-03-05' }] }))
    const misspelt = byline(['outlets', '--seeds', dir])
    expect(misspelt.code).toBe(1)
    expect(misspelt.stderr).toMatch(/referencedate/)
  })
})
