import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../src/paths.js'

/** Runs the CLI exactly as `npm run byline --` does, with optional stdin. */
function byline(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, input, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the byline CLI', () => {
  it('prints the corpus as one JSON object with the contract fields', () => {
    const { code, stdout } = byline(['corpus', '--json'])
    expect(code).toBe(0)
    const corpus = JSON.parse(stdout)
    expect(corpus.articles).toHaveLength(5)
    const article = corpus.articles[0]
    for (const key of ['id', 'file', 'outlet', 'wire', 'published', 'url', 'byline', 'title', 'passages']) expect(article).toHaveProperty(key)
    const passage = article.passages[0]
    for (const key of ['id', 'paragraph', 'start', 'end', 'text', 'sentences', 'dates', 'entities', 'quotes', 'alsoIn']) expect(passage).toHaveProperty(key)
  })

  it('answers a command as JSON in the answer contract', () => {
    const { stdout } = byline(['who', 'Tzeng', 'Yi-suo', '--json'])
    const answer = JSON.parse(stdout)
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
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => line.id)).toEqual(['a', null, 'c', 'd'])
    expect(lines[0]).toMatchObject({ found: true, date: '2020-11-03' })
    expect(lines[1].error).toMatch(/line 2: not valid JSON/)
    expect(lines[2].error).toMatch(/command/)
    expect(lines[3].found).toBe(false)
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
})
