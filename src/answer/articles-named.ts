import type { Article } from '../ingest/types.js'
import { nameWords } from './knowledge.js'

/** Words people use for an article itself ("the ap piece", "the reuters copy"), never an outlet's name. */
export const ARTICLE_NOUNS = new Set(['article', 'piece', 'story', 'version', 'copy', 'one', 'report', 'item', 'write-up', 'coverage', 'news'])

/**
 * The names an article goes by: its outlet, without "the", its initials, the leading words of a
 * name that opens with call letters ("WTRP", "WTRP 12" for "WTRP 12 News"), a brand word
 * ("SafetyLine"), its last word after "the" ("the Ledger"), its web address.
 */
function aliasesOf(name: string | null, url: string | null): string[] {
  const host = url ? /^https?:\/\/([^/]+)/i.exec(url)?.[1]?.toLowerCase().split('.') : undefined
  const site = host?.at(-2)
  const named = name ? namedAliases(name) : []
  return site && site.length >= 2 && !named.includes(site) ? [...named, site] : named
}

/** The aliases of an outlet's name, worked out once per name: a story of thousands of articles has a few outlets. */
function namedAliases(name: string): string[] {
  let aliases = NAMED_ALIASES.get(name)
  if (!aliases) {
    if (NAMED_ALIASES.size >= 10_000) NAMED_ALIASES.clear()
    NAMED_ALIASES.set(name, (aliases = aliasesOfName(name)))
  }
  return aliases
}

const NAMED_ALIASES = new Map<string, string[]>()

function aliasesOfName(name: string): string[] {
  const aliases: string[] = []
  const words = nameWords(name).filter((word) => word !== 'the')
  aliases.push(words.join(' '), words.join(''))
  if (words.length >= 2) aliases.push(words.map((word) => word[0]).join(''))
  // A name that opens with call letters or initials is known by them ("WTRP 12 News": "WTRP", "WTRP 12").
  const first = name.replace(/^the\s+/i, '').split(/\s+/)[0] ?? ''
  if (/^\p{Lu}{2,}$/u.test(first)) for (let length = 1; length < words.length; length++) aliases.push(words.slice(0, length).join(' '))
  // A word written with a capital inside ("SafetyLine Report") is a brand of its own: "safetyline".
  for (const word of name.split(/\s+/)) if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(word)) aliases.push(...nameWords(word))
  // "the Ledger" or "the City Ledger" for the Harbor City Ledger: a paper by the last words of its name, after "the".
  const last = words.at(-1) ?? ''
  if (!ARTICLE_NOUNS.has(last) && !/^\d+$/.test(last)) for (let from = 1; from < words.length; from++) aliases.push(`the ${words.slice(from).join(' ')}`)
  return [...new Set(aliases.filter((alias) => alias.length >= 2))]
}

function mentions(words: string[], alias: string): boolean {
  return alias.includes(' ') ? ` ${words.join(' ')} `.includes(` ${alias} `) : words.includes(alias)
}

/**
 * The first word of a name of several words, when the question uses it for an article: "the
 * coastline wire piece", "the harrow story". Only just before a word for the article (one
 * describing word may come between), so that a common first word elsewhere names nothing.
 */
function leadingWordFor(words: string[], name: string | null): string | undefined {
  const [first, ...others] = name ? nameWords(name).filter((word) => word !== 'the') : []
  if (!first || others.length === 0 || first.length < 3 || /^\d+$/.test(first)) return undefined
  const at = words.indexOf(first)
  return at >= 0 && (ARTICLE_NOUNS.has(words[at + 1] ?? '') || ARTICLE_NOUNS.has(words[at + 2] ?? '')) ? first : undefined
}

/** Articles the question refers to by outlet (or, failing that, by the wire they carry), with the words it used. */
export function articlesNamed(articles: Article[], query: string): { articles: Article[]; words: Set<string> } {
  const words = nameWords(query)
  const used = new Set<string>()
  const match = (name: (article: Article) => string | null, url: (article: Article) => string | null) => {
    const named = articles.filter((article) => {
      const alias = aliasesOf(name(article), url(article)).find((candidate) => mentions(words, candidate))
      if (alias) for (const word of alias.split(' ')) used.add(word)
      return alias !== undefined
    })
    if (named.length) return named
    // A leading word names an article only when it leads no other name.
    const leading = new Map(articles.map((article) => [article, leadingWordFor(words, name(article))]))
    const firsts = new Set([...leading.values()].filter((word) => word !== undefined))
    const [first] = firsts
    if (first === undefined || firsts.size !== 1) return []
    used.add(first)
    return articles.filter((article) => leading.get(article) === first)
  }
  const byOutlet = match(
    (article) => article.outlet,
    (article) => article.url,
  )
  if (byOutlet.length) return { articles: byOutlet, words: used }
  return {
    articles: match(
      (article) => article.wire,
      () => null,
    ),
    words: used,
  }
}
