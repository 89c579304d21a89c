import type { TemporalMention } from '../ingest/annotate/dates.js'
import { isoPrecision } from '../ingest/annotate/dates.js'
import { PERSON_ROLES } from '../ingest/annotate/lexicon.js'
import type { Article, Corpus, Passage } from '../ingest/types.js'
import { fold, terms, words } from '../index/analyze.js'
import { PassageIndex } from '../index/search-index.js'
import { agentIn, entityCalled, possessorIn, quoteSpeakerOf, sentenceOf, speakerOf, subjectIn, timeIn, whoForm } from './extract.js'
import { buildKnowledge, entitiesIn, type EntityRecord, indexDocuments, type Knowledge } from './knowledge.js'
import { type Candidate, focusTerm, queryTerms, retrieve } from './retrieve.js'
import { decodeArticles, type EngineSnapshot, encodeArticles, interner, SNAPSHOT_FORMAT } from './snapshot.js'
import { type Answer, type AnswerPassage, type Command, COMMANDS } from './types.js'

export interface EngineOptions {
  /** A passage must cover this share of the query's weight to count as an answer. */
  minCoverage: number
  /** …and its best sentence this share. */
  minSentenceCoverage: number
  /** Articles below this share of the best score are left out of source/compare. */
  minRelativeScore: number
  /** Longest query accepted, in characters. */
  maxQueryLength: number
  maxPassages: number
  maxGrouped: number
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  minCoverage: 0.6,
  minSentenceCoverage: 0.45,
  minRelativeScore: 0.5,
  maxQueryLength: 500,
  maxPassages: 5,
  maxGrouped: 25,
}

const NEEDS_QUERY = new Set<Command>(['who', 'when', 'source', 'ask', 'compare'])
const FIGURE = /(?:U\.?S\.?\s?\$|US\$|\$|£|€)\s?\d[\d.,]*(?:[\s-]?(?:billion|million|trillion|bn))?|\b\d[\d.,]*\s?(?:%|percent|per cent)|\b\d[\d.,]*\s(?:billion|million|trillion)\b|\b(?:hundreds|thousands|millions|billions) of \w+/gi

/** "eight digital Chinese payment platforms", "3 officials": a count and what it counts. */
const COUNT = /\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+s\b/i

/** A question in, the passages that answer it out: quoted, credited, or honestly refused. */
export class AnswerEngine {
  readonly options: EngineOptions

  private constructor(
    readonly knowledge: Knowledge,
    private readonly index: PassageIndex,
    options: Partial<EngineOptions>,
  ) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options }
  }

  /** Builds the engine (analysis and index) once from a loaded corpus. */
  static fromCorpus(corpus: Corpus, options: Partial<EngineOptions> = {}): AnswerEngine {
    const knowledge = buildKnowledge(corpus.articles)
    return new AnswerEngine(knowledge, PassageIndex.build(indexDocuments(knowledge)), options)
  }

  /** Everything the engine computed, as plain data: loading it skips ingestion, analysis and indexing. */
  snapshot(): EngineSnapshot {
    const { articles, sentenceTerms, documentFrequency, speakers, wordOfTerm } = this.knowledge
    return {
      format: SNAPSHOT_FORMAT,
      articles: encodeArticles([...articles.values()]),
      sentenceTerms,
      documentFrequency: [...documentFrequency],
      speakers: [...speakers],
      wordOfTerm: [...wordOfTerm],
      index: this.index.snapshot(),
    }
  }

  /** Restores an engine saved with `snapshot` (after a JSON round-trip), sharing repeated strings. */
  static fromSnapshot(snapshot: EngineSnapshot, options: Partial<EngineOptions> = {}): AnswerEngine {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${String(snapshot.format)} is not ${SNAPSHOT_FORMAT}; rebuild it`)
    const intern = interner()
    const articles = decodeArticles(snapshot.articles, intern)
    for (const sentences of snapshot.sentenceTerms) for (const terms of sentences) for (let i = 0; i < terms.length; i++) terms[i] = intern(terms[i]!)
    const analysed = { sentenceTerms: snapshot.sentenceTerms, documentFrequency: new Map(snapshot.documentFrequency), speakers: new Set(snapshot.speakers.map(intern)), wordOfTerm: new Map(snapshot.wordOfTerm) }
    return new AnswerEngine(buildKnowledge(articles, analysed), PassageIndex.restore(snapshot.index), options)
  }

  /** Answers one command. Never throws on user input: bad queries come back as found:false. */
  answer(command: Command, rawQuery: string): Answer {
    const query = rawQuery.replace(/\s+/g, ' ').trim()
    const base: Answer = { command, query, found: false, answer: null, date: null, passages: [], suggestions: [], message: null }
    if (!COMMANDS.includes(command)) return { ...base, message: `Unknown command "${command}".` }
    if (NEEDS_QUERY.has(command) && !query) return { ...base, message: 'Ask something: the query is empty.', suggestions: this.suggest('') }
    if (query.length > this.options.maxQueryLength) {
      return { ...base, message: `That query is ${query.length} characters long; keep it under ${this.options.maxQueryLength}.` }
    }
    const wanted = queryTerms(query)
    if (NEEDS_QUERY.has(command) && wanted.length === 0) {
      return { ...base, message: 'That query has no words to look for: try a name, an event or a claim.', suggestions: this.suggest('') }
    }
    switch (command) {
      case 'who':
        return this.who(base, wanted)
      case 'when':
        return this.when(base, wanted)
      case 'source':
        return this.source(base, wanted, false)
      case 'compare':
        return this.source(base, wanted, true)
      case 'ask':
        return this.ask(base, wanted)
      case 'timeline':
        return this.timeline(base, wanted)
      case 'outlets':
        return this.outlets(base)
    }
  }

  /** The outlet that published an article, or its id when unknown. */
  outletName(articleId: string): string {
    return this.knowledge.articles.get(articleId)?.outlet ?? articleId
  }

  /** People and organisations whose name starts or contains what was typed, most mentioned first. */
  entityNames(typed: string, limit = 25): string[] {
    const needle = fold(typed).trim()
    return [...this.knowledge.entities.values()]
      .filter((record) => record.type === 'person' || record.type === 'organisation')
      .filter((record) => !needle || fold(record.name).includes(needle))
      .sort((a, b) => b.passages.length - a.passages.length || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((record) => record.name)
  }

  /** Dated events ("2020-09-30 · Senior administration officials discussed …") matching what was typed. */
  eventLabels(typed: string, limit = 25): string[] {
    const needle = fold(typed).trim()
    return this.events()
      .map((event) => `${event.mention.text} — ${sentenceOf(this.knowledge.passages[event.passage]!, event.sentence).text}`)
      .filter((label) => !needle || fold(label).includes(needle))
      .slice(0, limit)
  }

  private article(passage: Passage): Article {
    return this.knowledge.articles.get(passage.article)!
  }

  private toPassage(index: number, sentence: number, score: number): AnswerPassage {
    const passage = this.knowledge.passages[index]!
    const article = this.article(passage)
    const alsoIn = [...new Set(passage.alsoIn.map((id) => id.split('#')[0]!))]
    return {
      text: passage.text,
      highlight: passage.sentences[sentence]?.text ?? passage.text,
      article: article.id,
      paragraph: passage.paragraph,
      outlet: article.outlet,
      wire: article.wire,
      published: article.published,
      url: article.url,
      score: Math.round(score * 1000) / 1000,
      alsoIn,
    }
  }

  /** Retrieval with the candidates that clear the confidence bar ranked first. */
  private rank(query: string, wanted: string[]): Candidate[] {
    const candidates = retrieve(this.knowledge, this.index, query, wanted)
    return [...candidates.filter((c) => this.confident(c)), ...candidates.filter((c) => !this.confident(c))]
  }

  private confident(candidate: Candidate | undefined): candidate is Candidate {
    return Boolean(candidate && candidate.coverage >= this.options.minCoverage && candidate.sentenceCoverage >= this.options.minSentenceCoverage)
  }

  /** Best passages, one per syndicated group. */
  private distinct(candidates: Candidate[], limit: number): Candidate[] {
    const chosen: Candidate[] = []
    const covered = new Set<string>()
    for (const candidate of candidates) {
      const passage = this.knowledge.passages[candidate.passage]!
      if (covered.has(passage.id)) continue
      chosen.push(candidate)
      covered.add(passage.id)
      for (const id of passage.alsoIn) covered.add(id)
      if (chosen.length === limit) break
    }
    return chosen
  }

  private refuse(base: Answer, message: string): Answer {
    return { ...base, found: false, message, suggestions: this.suggest(base.query) }
  }

  private found(base: Answer, candidates: Candidate[], answer: string | null, date: string | null = null, limit = this.options.maxPassages): Answer {
    const passages = this.distinct(candidates, limit).map((candidate) => this.toPassage(candidate.passage, candidate.sentence, candidate.score))
    return { ...base, found: true, answer, date, passages }
  }

  /** Up to three people or organisations the story covers, those sharing a word with the query first. */
  private suggest(query: string): string[] {
    const wanted = new Set(words(query))
    const records = [...this.knowledge.entities.values()].filter((record) => record.type === 'person' || record.type === 'organisation')
    const score = (record: EntityRecord) => (record.words.some((word) => wanted.has(word)) ? 1000 : 0) + record.passages.length + (record.type === 'person' ? 0.5 : 0)
    return records.sort((a, b) => score(b) - score(a)).slice(0, 3).map((record) => record.name)
  }

  private who(base: Answer, wanted: string[]): Answer {
    const { query } = base
    const form = whoForm(query)
    const named = entitiesIn(this.knowledge, query)
    const byline = this.bylineAnswer(base)
    if (byline) return byline

    const roleWord = words(query).find((word) => PERSON_ROLES.has(word) && !named.some((record) => record.words.includes(word)))
    if (form === 'identify' && roleWord && named.length) return this.roleHolder(base, named[0]!, roleWord)
    if (form === 'identify' && named.length) {
      const rest = wanted.filter((term) => !named[0]!.words.some((word) => terms(word).includes(term)))
      if (rest.length <= 1) return this.identify(base, named[0]!)
    }

    const candidates = this.rank(query, wanted)
    if (!this.confident(candidates[0])) return this.refuse(base, `The story does not say ${describe(query)}.`)
    const namedSet = new Set(named.map((record) => record.name))
    const reach = form === 'possessor' ? 0.5 : 0.8
    const top = candidates.filter((candidate) => this.confident(candidate) && candidate.score >= candidates[0]!.score * reach).slice(0, 5)
    const focus = focusTerm(query)
    for (const candidate of top) {
      const passage = this.knowledge.passages[candidate.passage]!
      const byForm = () =>
        form === 'speaker' ? speakerOf(passage, candidate.sentence)
        : form === 'possessor' ? possessorIn(passage, candidate.sentence, candidate, namedSet)
        : form === 'agent' ? agentIn(passage, candidate.sentence, candidate, namedSet)
        : subjectIn(passage, candidate.sentence, namedSet)
      const answer = (focus && entityCalled(passage, candidate.sentence, focus, namedSet)) || byForm()
      if (answer) return this.found(base, [candidate, ...candidates.filter((other) => other !== candidate)], answer)
    }
    return this.found(base, candidates, null)
  }

  /** "who wrote the TechCentral piece": answered from the article's record, not its text. */
  private bylineAnswer(base: Answer): Answer | null {
    if (!/\b(wrote|write|written|writer|author|authored|byline|reporters?|journalists?|reported)\b/i.test(base.query)) return null
    const folded = fold(base.query).replace(/[^a-z0-9]+/g, '')
    const article = [...this.knowledge.articles.values()].find((entry) => entry.outlet && folded.includes(fold(entry.outlet).replace(/[^a-z0-9]+/g, '')))
    if (!article) return null
    const credit = [article.byline, article.wire && article.wire !== article.byline ? `for ${article.wire}` : null].filter(Boolean).join(' ')
    const lead = this.knowledge.passages.findIndex((passage) => passage.article === article.id)
    const answer = credit || null
    return {
      ...base,
      found: answer !== null,
      answer,
      message: answer ? `From the article's record: ${article.outlet}, ${article.published ?? 'date unknown'}.` : `The ${article.outlet} article does not name its author.`,
      passages: lead >= 0 ? [this.toPassage(lead, 0, 1)] : [],
    }
  }

  private identify(base: Answer, record: EntityRecord): Answer {
    const byArticle = new Map<string, { role: string; passage: number }>()
    for (const role of record.roles) {
      const article = this.knowledge.passages[role.passage]!.article
      const current = byArticle.get(article)
      const relative = (text: string) => /^(who|which)\b/.test(text)
      if (!current || (relative(current.role) && !relative(role.role))) byArticle.set(article, role)
    }
    const roles = [...byArticle.values()]
    const unique = [...new Set(roles.map((role) => role.role))]
    const distinctRoles = unique.filter((role) => !unique.some((other) => other !== role && fold(other).includes(fold(role))))
    const answer = distinctRoles.length ? `${record.name}: ${distinctRoles.join('; ')}` : record.name
    const rolePassages = [...new Set(roles.map((role) => role.passage))]
    const others = record.passages.filter((index) => !rolePassages.includes(index)).slice(0, this.options.maxGrouped)
    const candidates = [...rolePassages, ...others].slice(0, this.options.maxGrouped * 2).map((index, rank): Candidate => {
      const passage = this.knowledge.passages[index]!
      const sentence = Math.max(0, passage.sentences.findIndex((s) => fold(s.text).includes(fold(record.name.split(' ')[0]!))))
      return { passage: index, searchScore: 0, coverage: 1, sentence, sentenceCoverage: 1, matched: new Map(), score: 1 - rank * 0.01 }
    })
    return this.found(base, candidates, answer)
  }

  /** "who is Tencent's CEO": only an entity the story gives that role, tied to the named one, answers. */
  private roleHolder(base: Answer, record: EntityRecord, roleWord: string): Answer {
    const core = fold(record.words.join(' '))
    for (const other of this.knowledge.entities.values()) {
      const role = other.roles.find((entry) => fold(entry.role).includes(roleWord) && fold(entry.role).includes(core))
      if (role && other !== record) {
        const candidate: Candidate = { passage: role.passage, searchScore: 0, coverage: 1, sentence: 0, sentenceCoverage: 1, matched: new Map(), score: 1 }
        return this.found(base, [candidate], other.name)
      }
    }
    return this.refuse(base, `The story does not name ${record.name}'s ${roleWord}.`)
  }

  private when(base: Answer, terms: string[]): Answer {
    const candidates = this.rank(base.query, terms)
    if (!this.confident(candidates[0])) return this.refuse(base, `The story does not say ${describe(base.query)}.`)
    const wanted = new Set(terms)
    const precision = (time: TemporalMention) => (time.iso ? { day: 3, month: 2, year: 1 }[isoPrecision(time.iso)] : 0)
    const timed = candidates
      .filter((candidate) => candidate.coverage >= this.options.minCoverage && candidate.score >= candidates[0]!.score * 0.5)
      .slice(0, 8)
      .map((candidate) => ({ candidate, time: timeIn(this.knowledge.passages[candidate.passage]!, candidate.sentence, candidate, wanted) }))
      .filter((entry): entry is { candidate: Candidate; time: TemporalMention } => entry.time !== null)
    if (timed.length === 0) return this.refuse(base, `The story reports this but does not say when.`)
    const best = timed.reduce((a, b) => {
      const tied = this.linked(a.candidate.passage, b.candidate.passage) || Math.abs(a.candidate.score - b.candidate.score) < 0.08
      return tied && precision(b.time) > precision(a.time) ? b : a
    })
    const ordered = [best.candidate, ...candidates.filter((candidate) => candidate !== best.candidate)]
    const answer = best.time.iso && best.time.kind !== 'date' ? `${best.time.text} (${best.time.iso})` : best.time.text
    return this.found(base, ordered, answer, best.time.iso)
  }

  private linked(a: number, b: number): boolean {
    const first = this.knowledge.passages[a]!
    return first.alsoIn.includes(this.knowledge.passages[b]!.id)
  }

  private source(base: Answer, wanted: string[], compare: boolean): Answer {
    const candidates = this.rank(base.query, wanted)
    if (!this.confident(candidates[0])) return this.refuse(base, `No article in the story reports ${describe(base.query)}.`)
    const perArticle = new Map<string, Candidate>()
    for (const candidate of candidates) {
      const article = this.knowledge.passages[candidate.passage]!.article
      if (perArticle.has(article)) continue
      if (candidate.coverage < this.options.minCoverage || candidate.score < candidates[0]!.score * this.options.minRelativeScore) continue
      perArticle.set(article, candidate)
    }
    const chosen = [...perArticle.values()].slice(0, this.options.maxGrouped)
    const passages = chosen.map((candidate) => this.toPassage(candidate.passage, candidate.sentence, candidate.score))
    const speaker = quoteSpeakerOf(this.knowledge.passages[chosen[0]!.passage]!, chosen[0]!.sentence)
    const outlets = [...new Set(passages.map((passage) => passage.outlet ?? passage.article))]
    const answer = compare ? this.wordings(passages) : `${outlets.length} ${outlets.length === 1 ? 'outlet reports' : 'outlets report'} this${speaker ? `, quoting ${speaker}` : ''}: ${outlets.join(', ')}`
    return { ...base, found: true, answer, passages }
  }

  /** How each outlet put the figure or phrase: "BTimes: up to $35 billion · London Daily: about $35 billion". */
  private wordings(passages: AnswerPassage[]): string | null {
    const parts = passages.map((passage) => {
      const figures = [...passage.highlight.matchAll(FIGURE)].map((match) => match[0].trim())
      const context = figures.map((figure) => {
        const at = passage.highlight.indexOf(figure)
        const lead = passage.highlight.slice(Math.max(0, at - 20), at).trim().split(/\s+/).slice(-2).join(' ')
        return `${lead} ${figure}`.trim()
      })
      return context.length ? `${passage.outlet ?? passage.article}: ${context.join(', ')}` : null
    })
    const present = parts.filter(Boolean)
    return present.length ? present.join(' · ') : null
  }

  private ask(base: Answer, wanted: string[]): Answer {
    const said = /^what (did|does|has|have) (.+?) (say|said|tell|told|state|claim)\b/i.exec(base.query)
    if (said) {
      const speakers = entitiesIn(this.knowledge, said[2]!)
      if (speakers.length && !speakers.some((record) => this.knowledge.speakers.has(record.name))) {
        return this.refuse(base, `The story does not quote ${speakers[0]!.name} on that.`)
      }
    }
    const candidates = this.rank(base.query, wanted)
    if (!this.confident(candidates[0])) return this.refuse(base, `The story does not say ${describe(base.query)}.`)
    const best = candidates[0]!
    const passage = this.knowledge.passages[best.passage]!
    const highlight = passage.sentences[best.sentence]!.text
    let answer: string | null = null
    let date: string | null = null
    if (/^how many\b/i.test(base.query)) answer = highlight.match(COUNT)?.[0] ?? highlight.match(FIGURE)?.[0] ?? null
    else if (/^how much\b|\bwhat (share|percentage|proportion)\b/i.test(base.query)) answer = highlight.match(FIGURE)?.[0] ?? null
    else if (/^who\b/i.test(base.query)) answer = subjectIn(passage, best.sentence, new Set(entitiesIn(this.knowledge, base.query).map((record) => record.name)))
    else if (/^when\b/i.test(base.query)) {
      const time = timeIn(passage, best.sentence, best, new Set(wanted))
      answer = time?.text ?? null
      date = time?.iso ?? null
    }
    return this.found(base, candidates, answer, date)
  }

  /** Every resolved date in the story with its sentence, syndicated repeats removed, in date order (computed once). */
  private events(): { passage: number; sentence: number; mention: TemporalMention }[] {
    this.eventList ??= this.collectEvents()
    return this.eventList
  }

  private eventList: { passage: number; sentence: number; mention: TemporalMention }[] | undefined

  private collectEvents(): { passage: number; sentence: number; mention: TemporalMention }[] {
    const events: { passage: number; sentence: number; mention: TemporalMention; published: string }[] = []
    const seen = new Set<string>()
    this.knowledge.passages.forEach((passage, index) => {
      for (const mention of passage.dates as TemporalMention[]) {
        if (!mention.iso || mention.kind === 'duration') continue
        const sentence = Math.max(0, passage.sentences.findIndex((s) => s.start - passage.start <= mention.offset && mention.offset < s.end - passage.start))
        const key = `${mention.iso}|${[passage.id, ...passage.alsoIn].sort()[0]}`
        if (seen.has(key)) continue
        seen.add(key)
        events.push({ passage: index, sentence, mention, published: this.article(passage).published ?? '' })
      }
    })
    return events.sort((a, b) => a.mention.iso!.localeCompare(b.mention.iso!) || a.published.localeCompare(b.published))
  }

  private timeline(base: Answer, wanted: string[]): Answer {
    let events = this.events()
    if (base.query) {
      const candidates = this.rank(base.query, wanted).filter((candidate) => candidate.coverage >= this.options.minCoverage)
      const relevant = new Set(candidates.map((candidate) => candidate.passage))
      events = events.filter((event) => relevant.has(event.passage))
      if (events.length === 0) return this.refuse(base, `The story gives no dated events about ${describe(base.query)}.`)
    }
    const shown = events.slice(0, this.options.maxGrouped)
    const passages = shown.map((event) => ({ ...this.toPassage(event.passage, event.sentence, 1), when: { text: event.mention.text, iso: event.mention.iso } }))
    const first = shown[0]?.mention.iso
    const last = shown.at(-1)?.mention.iso
    return { ...base, found: shown.length > 0, answer: shown.length ? `${shown.length} dated events, ${first} to ${last}` : null, passages }
  }

  private outlets(base: Answer): Answer {
    const passages = [...this.knowledge.articles.values()].flatMap((article) => {
      const lead = this.knowledge.passages.findIndex((passage) => passage.article === article.id)
      return lead >= 0 ? [this.toPassage(lead, 0, 1)] : []
    })
    const names = new Set(passages.map((passage) => passage.outlet ?? 'unknown outlet'))
    return { ...base, found: passages.length > 0, answer: `${passages.length} articles from ${names.size} outlets`, passages }
  }
}

/** "who runs the unit" → "who runs the unit" as a clause for "The story does not say …". */
function describe(query: string): string {
  const clean = query.replace(/[?.!]+$/, '').trim()
  return /^(who|when|what|which|whose|how|where|why|whether)\b/i.test(clean) ? clean.charAt(0).toLowerCase() + clean.slice(1) : `anything about “${clean}”`
}
