import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'

/** One question set and the story folder it asks about. */
export interface EvalSet {
  name: string
  questions: string
  seeds: string
}

/**
 * The sets of an eval folder laid out as `shared/eval/`: every `*.jsonl` at its top asks about
 * the bundled story (`bundledSeeds`), and every `stories/<name>/questions.jsonl` about the
 * articles beside it.
 */
export function discoverSets(dir: string, bundledSeeds: string): EvalSet[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder of question sets`)
  const sets: EvalSet[] = readdirSync(dir)
    .filter((name) => extname(name) === '.jsonl')
    .sort()
    .map((name) => ({ name: basename(name, '.jsonl'), questions: join(dir, name), seeds: bundledSeeds }))
  const stories = join(dir, 'stories')
  if (existsSync(stories)) {
    for (const name of readdirSync(stories).sort()) {
      const questions = join(stories, name, 'questions.jsonl')
      if (existsSync(questions)) sets.push({ name, questions, seeds: join(stories, name) })
    }
  }
  if (sets.length === 0) throw new Error(`${dir} holds no question sets (*.jsonl or stories/*/questions.jsonl)`)
  return sets
}

/**
 * The project's own question sets in `dir`: `bundled-<name>.jsonl` asks about the bundled story,
 * `<story>-<name>.jsonl` about `stories/<story>/` of the eval folder `evalDir`, and
 * `stories/<name>/questions.jsonl` about a story of our own, its articles beside it.
 */
export function discoverOwnSets(dir: string, evalDir: string, bundledSeeds: string): EvalSet[] {
  if (!existsSync(dir)) return []
  const sets = readdirSync(dir)
    .filter((name) => extname(name) === '.jsonl')
    .sort()
    .map((name) => {
      const story = name.slice(0, name.indexOf('-'))
      return {
        name: `own: ${basename(name, '.jsonl')}`,
        questions: join(dir, name),
        seeds: story === 'bundled' ? bundledSeeds : join(evalDir, 'stories', story),
      }
    })
  // Stories of our own, with their articles: `stories/<name>/questions.jsonl` beside the texts.
  const stories = join(dir, 'stories')
  if (existsSync(stories)) {
    for (const name of readdirSync(stories).sort()) {
      const questions = join(stories, name, 'questions.jsonl')
      if (existsSync(questions)) sets.push({ name: `own: ${name}`, questions, seeds: join(stories, name) })
    }
  }
  return sets
}
