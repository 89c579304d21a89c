import type { TemporalMention } from '../ingest/annotate/dates.js'
import type { Article, Passage } from '../ingest/types.js'
import type { PassageIndex } from '../index/search-index.js'
import { judge, type Verdict } from './confidence.js'
import { periodCovered, sentenceOf } from './extract.js'
import { bodiesInitialled, type EntityRecord, entitiesIn, type Knowledge, nameWords, passageAt } from './knowledge.js'
import { fold } from '../language/index.js'
import { articlesNamed } from './articles-named.js'
import type { AnalysedQuestion } from './question.js'
import { type Candidate, expandTerms, type QueryTerm, retrieve, storyMatches } from './retrieve.js'
import type { Answer, AnswerPassage } from './types.js'

export interface EngineOptions {
  /** A passage must cover this share of the question's weight to answer it… */
  minCoverage: number
  /** …and its best sentence, with its neighbours, this share. */
  minSentenceCoverage: number
  /** The bars above, scaled for kinds of question whose answer must also be extracted (see confidence.ts). */
  extractedDiscount: number
  /** Below these, passages are not even offered as the closest ones. */
  minClosestCoverage: number
  /** Articles below this share of the best score, or of the best passage's coverage, are left out of source/compare. */
  minRelativeScore: number
  minRelativeCoverage: number
  /** Longest query accepted, in characters. */
  maxQueryLength: number
  maxPassages: number
  maxGrouped: number
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  minCoverage: 0.5,
  minSentenceCoverage: 0.45,
  extractedDiscount: 0.85,
  minClosestCoverage: 0.15,
  minRelativeScore: 0.5,
  minRelativeCoverage: 0.6,
  maxQueryLength: 500,
  maxPassages: 5,
  maxGrouped: 25,
}

/** A dated event of the story: a resolved date and the sentence it sits in. */
export interface StoryEvent {
  passage: number
  sentence: number
  mention: TemporalMention
  /** Dated by its article's day, the text giving none ("reported"). */
  reported?: boolean
}

/** A question being answered: the analysed question, its weighted terms and the names it mentions. */
export interface Asked {
  question: AnalysedQuestion
  terms: QueryTerm[]
  /** People and organisations the question names: constraints a passage must meet. */
  named: EntityRecord[]
  /** The event asked about (see `AnalysedQuestion.predicates`), not one of the names. */
  predicate: string | null
  /** The predicate is the verb of a dictionary phrase the story never uses ("put in", "show up"): alone, the verb says little of the event. */
  phrasal?: boolean
  /** A role the answer must hold ("secretary" in "who's the treasury secretary"), when the question asks for one. */
  role?: string
  /** The articles the question confines itself to ("according to reuters", "the ap quoted"), when it names an outlet. */
  within?: ReadonlySet<string>
  base: Answer
}

/**
 * What every kind of answer shares: the story's knowledge and index, ranking with a verdict,
 * and the ways an answer is put together (found, closest passages, refused).
 */
export class AnswerContext {
  private eventList: StoryEvent[] | undefined
  private readonly verdicts = new WeakMap<Asked, WeakMap<Candidate, Verdict>>()

  constructor(
    readonly knowledge: Knowledge,
    readonly index: PassageIndex,
    readonly options: EngineOptions,
  ) {}

  /** Weighs the question's lemmas and finds the names it mentions. */
  ask(question: AnalysedQuestion, base: Answer): Asked {
    const named = entitiesIn(this.knowledge, question.text)
    // "elk crossing": a word of a name is that word as written, never a lemma of it ("cross").
    const nameWord = (word: string) => named.some((record) => record.words.includes(word))
    const asWritten = new Set(question.lemmas.filter((lemma, i) => lemma !== question.surfaces[i] && nameWord(question.surfaces[i] ?? '')))
    const notName = (lemma: string) => !nameWord(lemma) && !asWritten.has(lemma)
    const verbs = question.predicates.filter(notName)
    // A lowercase name read as the only verb ("did trump sign the order"): the word after it names the event.
    const events = verbs.length || question.eventIsNoun ? verbs : question.nouns.filter(notName).slice(0, 1)
    const { lemmas: read, surfaces, standsFor, literal } = this.withPhrases(question)
    const lemmas = read.map((lemma, i) => (nameWord(surfaces[i] ?? '') ? (surfaces[i] ?? lemma) : lemma))
    // "when could biden beat trump": a verb the story has no word near dates nothing in it; what it was done to names the event.
    const [verb] = events
    const dated = question.type === 'date'
    const object = dated && verb !== undefined && !question.eventIsNoun && storyMatches(this.knowledge, verb).size === 0 ? objectOf(question, verb) : undefined
    const event = object ?? events[0] ?? null
    const predicate = event === null ? null : (standsFor.get(event) ?? event)
    // "what's been souring ties according to reuters": what that outlet's article says (a claim's reporters are not confined).
    const outlet = question.type === 'reporters' ? null : articlesNamed([...this.knowledge.articles.values()], question.text)
    const confined = outlet !== null && outlet.articles.length > 0 && !asksOfOutlet(question, outlet.words)
    // The outlet's name is then no word to look for in its own text.
    const kept = lemmas.flatMap((lemma, i) => (confined && (outlet.words.has(lemma) || outlet.words.has(surfaces[i] ?? '')) ? [] : [i]))
    const within = confined && kept.length > 0 ? new Set(outlet.articles.map((article) => article.id)) : undefined
    const words = within ? kept : lemmas.map((_, i) => i)
    const terms = expandTerms(
      this.knowledge,
      words.map((i) => lemmas[i] ?? ''),
      words.map((i) => surfaces[i] ?? ''),
      literal,
    )
    const phrasal = predicate !== null && literal.has(predicate)
    return { question, terms, named, predicate, base, ...(phrasal ? { phrasal } : {}), ...(within ? { within } : {}) }
  }

  /**
   * The question's words to look for, a dictionary phrase the story has (or has a synonym of) in
   * place of its words: "on board" is looked for as aboard, not as a board; "queuing up" as lining
   * up. A compound noun ("tax law") means what its words do, and is looked for by them.
   */
  private withPhrases(question: AnalysedQuestion): { lemmas: string[]; surfaces: string[]; standsFor: Map<string, string>; literal: Set<string> } {
    const found = this.knowledge.language.phrases(question.tokens).filter((phrase) => !phrase.nominal)
    const phrases = found.filter((phrase) => storyMatches(this.knowledge, phrase.lemma).size > 0)
    const standsFor = new Map(phrases.flatMap((phrase) => phrase.parts.map((part) => [part, phrase.lemma] as const)))
    const kept = question.lemmas.flatMap((lemma, i) => (standsFor.has(lemma) ? [] : [i]))
    const added = phrases.map((phrase) => phrase.lemma)
    return {
      lemmas: [...kept.map((i) => question.lemmas[i] ?? ''), ...added],
      surfaces: [...kept.map((i) => question.surfaces[i] ?? ''), ...added],
      standsFor,
      // A phrase the story lacks still says what its words mean: "kick" in "kick in" is no "charge".
      literal: new Set(found.filter((phrase) => !phrases.includes(phrase)).flatMap((phrase) => phrase.parts)),
    }
  }

  article(passage: Passage): Article {
    const article = this.knowledge.articles.get(passage.article)
    if (!article) throw new RangeError(`passage ${passage.id} belongs to no article of the story`)
    return article
  }

  passage(candidate: Candidate): Passage {
    return passageAt(this.knowledge, candidate.passage)
  }

  /** Every name of the story that holds one of these names' words ("Goldman" → Goldman, Goldman Sachs), or that they are the initials of. */
  spellingsOf(records: EntityRecord[]): Set<string> {
    const names = new Set(records.map((record) => record.name))
    for (const other of this.knowledge.entities.values()) {
      if (records.some((record) => record.words.every((word) => other.words.includes(word)))) names.add(other.name)
    }
    // "the CNA" is the Coastal Navigation Authority: a body's initials spell the same body.
    const initials = new Set(records.flatMap((record) => (record.words.length === 1 ? record.words : [])))
    for (const body of bodiesInitialled(this.knowledge, initials)) names.add(body.name)
    return names
  }

  /** The passages of the same article before this one, in order (for "he said" and the like). */
  earlierPassages(index: number): Passage[] {
    const { passages } = this.knowledge
    let first = index
    while (first > 0 && passages[first - 1]?.article === passages[index]?.article) first--
    return passages.slice(first, index)
  }

  /** Ranked candidates, those the verdict accepts first. */
  rank(asked: Asked): Candidate[] {
    const { within } = asked
    const candidates = retrieve(this.knowledge, this.index, asked.terms).filter((candidate) => !within || within.has(this.passage(candidate).article))
    const accepted = candidates.filter((candidate) => this.verdict(asked, candidate) === 'answer')
    return [...accepted, ...candidates.filter((candidate) => !accepted.includes(candidate))]
  }

  /** How far a candidate can be trusted for this question (see confidence.ts); judged once per question and candidate. */
  verdict(asked: Asked, candidate: Candidate | undefined): Verdict {
    if (!candidate) return judge(this.knowledge, asked, candidate, this.options)
    let judged = this.verdicts.get(asked)
    if (!judged) this.verdicts.set(asked, (judged = new WeakMap()))
    let verdict = judged.get(candidate)
    if (verdict === undefined) judged.set(candidate, (verdict = judge(this.knowledge, asked, candidate, this.options)))
    return verdict
  }

  toPassage(index: number, sentence: number, score: number): AnswerPassage {
    const passage = passageAt(this.knowledge, index)
    const article = this.article(passage)
    // Only outlets that carry the sentence shown, not merely some sentence of the paragraph.
    const carriers = passage.sentences[sentence]?.alsoIn ?? passage.alsoIn
    const alsoIn = [...new Set(carriers.map((id) => articleOf(id)))]
    const shown = passage.sentences[sentence]
    const correction = shown ? this.correctionOf(index, shown.start - passage.start, shown.end - passage.start) : undefined
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
      ...(correction === undefined ? {} : { correctedIn: passageAt(this.knowledge, correction).article }),
    }
  }

  /** The passage of the correction that says a date of this passage, between the offsets, was wrong. */
  private correctionOf(index: number, from: number, to: number): number | undefined {
    const passage = passageAt(this.knowledge, index)
    const date = passage.dates.find(
      (mention) => mention.offset >= from && mention.offset < to && this.knowledge.correctedDates.has(`${index}:${mention.offset}`),
    )
    return date && this.knowledge.correctedDates.get(`${index}:${date.offset}`)
  }

  /** Best passages, one per syndicated group. */
  distinct(candidates: Candidate[], limit: number): Candidate[] {
    const chosen: Candidate[] = []
    const covered = new Set<string>()
    for (const candidate of candidates) {
      const passage = this.passage(candidate)
      if (covered.has(passage.id)) continue
      chosen.push(candidate)
      covered.add(passage.id)
      for (const id of passage.alsoIn) covered.add(id)
      if (chosen.length === limit) break
    }
    return chosen
  }

  found(base: Answer, candidates: Candidate[], answer: string | null, date: string | null = null, message: string | null = null): Answer {
    const passages = this.distinct(candidates, this.options.maxPassages).map((candidate) =>
      this.toPassage(candidate.passage, candidate.sentence, candidate.score),
    )
    return { ...base, found: true, answer, date, passages, message }
  }

  /**
   * Not answered, but passages come close: shown as such (`found: false`, passages kept), so a
   * refusal never hides a passage that may answer; nothing at all when none comes close.
   */
  closest(asked: Asked, candidates: Candidate[], message: string): Answer {
    const near = candidates.filter((candidate) => this.verdict(asked, candidate) !== 'none')
    const passages = this.distinct(near, 3).map((candidate) => this.toPassage(candidate.passage, candidate.sentence, candidate.score))
    return { ...asked.base, found: false, passages, message, suggestions: this.suggest(asked.base.query) }
  }

  /** The answer when the best passage does not answer: refused ('none') or the closest passages (otherwise). */
  unanswered(asked: Asked, candidates: Candidate[], verdict: Verdict, claim = false): Answer {
    const question = quoted(asked.base.query)
    if (verdict === 'none') return this.refuse(asked.base, claim ? `No article in the story reports ${question}.` : `The story does not answer ${question}.`)
    return this.closest(asked, candidates, claim ? `No article clearly reports ${question}.` : `No passage clearly answers ${question}.`)
  }

  refuse(base: Answer, message: string): Answer {
    return { ...base, found: false, message, suggestions: this.suggest(base.query) }
  }

  /** Up to three people or organisations the story covers, those sharing a word with the query first. */
  suggest(query: string): string[] {
    const wanted = new Set(nameWords(query))
    const records = [...this.knowledge.entities.values()].filter((record) => record.type === 'person' || record.type === 'organisation')
    const score = (record: EntityRecord) =>
      (record.words.some((word) => wanted.has(word)) ? 1000 : 0) + record.passages.length + (record.type === 'person' ? 0.5 : 0)
    return records
      .sort((a, b) => score(b) - score(a))
      .slice(0, 3)
      .map((record) => record.name)
  }

  /** Whether two passages carry the same syndicated text. */
  linked(a: number, b: number): boolean {
    return passageAt(this.knowledge, a).alsoIn.includes(passageAt(this.knowledge, b).id)
  }

  /** Every resolved date in the story with its sentence, syndicated repeats removed, in date order (computed once). */
  events(): StoryEvent[] {
    this.eventList ??= this.collectEvents()
    return this.eventList
  }

  private collectEvents(): StoryEvent[] {
    const events: (StoryEvent & { published: string })[] = []
    const seen = new Set<string>()
    this.knowledge.passages.forEach((passage, index) => {
      for (const mention of passage.dates as TemporalMention[]) {
        if (!mention.iso || mention.kind === 'duration' || this.knowledge.correctedDates.has(`${index}:${mention.offset}`)) continue
        // "a loss for the last quarter of 2017" tells of no event in 2017.
        if (periodCovered(passage.text.slice(0, mention.offset), mention.text)) continue
        const sentence = Math.max(
          0,
          passage.sentences.findIndex((s) => s.start - passage.start <= mention.offset && mention.offset < s.end - passage.start),
        )
        const key = `${mention.iso}|${[passage.id, ...passage.alsoIn].sort().join(',')}`
        if (seen.has(key)) continue
        seen.add(key)
        events.push({ passage: index, sentence, mention, published: this.article(passage).published ?? '' })
      }
    })
    events.push(...this.reportedLeads(seen))
    return events.sort((a, b) => (a.mention.iso ?? '').localeCompare(b.mention.iso ?? '') || a.published.localeCompare(b.published))
  }

  /**
   * The story's main events, dated by when they were reported: an article's lead sentence that
   * gives no date of its own, on its article's day (shown as "reported").
   */
  private reportedLeads(seen: Set<string>): (StoryEvent & { published: string })[] {
    const leads: (StoryEvent & { published: string })[] = []
    this.knowledge.passages.forEach((passage, index) => {
      const { published } = this.article(passage)
      const lead = passage.sentences[0]
      if (passage.paragraph !== 1 || !lead || published?.length !== 10) return
      const dated = (passage.dates as TemporalMention[]).some((mention) => mention.iso && mention.offset < lead.end - passage.start)
      const key = `${published}|${[passage.id, ...passage.alsoIn].sort().join(',')}`
      if (dated || seen.has(key)) return
      seen.add(key)
      const mention: TemporalMention = { text: 'reported', iso: published, offset: 0, kind: 'relative', basis: "the article's date" }
      leads.push({ passage: index, sentence: 0, mention, published, reported: true })
    })
    return leads
  }

  /** "2020-09-30 · Senior administration officials discussed …" labels for the story's events. */
  eventLabel(event: StoryEvent): string {
    return `${event.mention.text} — ${sentenceOf(passageAt(this.knowledge, event.passage), event.sentence).text}`
  }
}

/**
 * "when did bloomberg report the plan": the outlet is what the question asks about, the subject
 * of its verb, and others may tell of it — unlike "according to reuters" or "the ap quoted".
 */
function asksOfOutlet(question: AnalysedQuestion, outletWords: ReadonlySet<string>): boolean {
  const words = question.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.text))
  return words.some((token, i) => {
    if (token.pos !== 'AUX') return false
    let next = i + 1
    if (!outletWords.has(fold(words[next]?.text ?? ''))) return false
    while (outletWords.has(fold(words[next]?.text ?? ''))) next++
    while (words[next]?.pos === 'ADV') next++
    return words[next]?.pos === 'VERB'
  })
}

/** The noun right after a verb's article ("probe" in "open the probe"), when there is one. */
function objectOf(question: AnalysedQuestion, verb: string): string | undefined {
  const at = question.tokens.findIndex((token) => token.lemma === verb)
  const next = question.tokens.slice(at + 1).find((token) => token.pos !== 'DET' && token.pos !== 'ADJ')
  return at >= 0 && next?.pos === 'NOUN' ? next.lemma : undefined
}

/** The article id of a passage id ("003_3c26…#12" → "003_3c26…"). */
function articleOf(passageId: string): string {
  const hash = passageId.lastIndexOf('#')
  return hash < 0 ? passageId : passageId.slice(0, hash)
}

/** The question as typed, in quotation marks, to say what the story does not answer: “who runs the unit”. */
export function quoted(query: string): string {
  return `“${query.replace(/[?.!\s]+$/, '').trim()}”`
}
