import type { Answer, AnswerPassage } from '../answer/types.js'

/** What a found who or when answer lacks when its passages tell of the event but give no name or date ("No one named"). */
export function missingShortAnswer(answer: Answer): string | null {
  if (answer.answer || answer.date) return null
  return answer.command === 'who' ? 'No one named' : answer.command === 'when' ? 'No date given' : null
}

function credit(passage: AnswerPassage): string {
  const outlet = passage.outlet ?? 'unknown outlet'
  const wire = passage.wire && passage.wire !== passage.outlet ? ` (via ${passage.wire})` : ''
  const date = passage.published ?? 'date unknown'
  return `${outlet}${wire} · ${date} · ${passage.article} ¶${passage.paragraph}`
}

function wrap(text: string, width = 96, indent = '    '): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map((entry) => indent + entry).join('\n')
}

/** A quote in quotation marks, unless it already opens with one. */
export function inQuotes(text: string): string {
  return /^[“"‘']/.test(text) ? text : `“${text}”`
}

/**
 * An answer as plain text for a terminal: the short answer, then each passage's answering
 * sentence quoted with its credit, and which other outlets ran the same text. When the story
 * does not answer, the closest passages follow the reason, marked as such.
 */
export function renderAnswerText(answer: Answer, outletOf: (article: string) => string = (article) => article): string {
  const out: string[] = []
  const heading = `${answer.command}${answer.query ? ` “${answer.query}”` : ''}`
  if (!answer.found) {
    out.push(`${heading}: ${answer.message ?? 'The story does not say.'}`)
    if (answer.suggestions.length) out.push(`The story does cover: ${answer.suggestions.join(', ')}`)
    if (answer.passages.length) out.push('', 'Closest passages (the story may not say exactly this):')
  } else {
    const date = answer.date && !answer.answer?.includes(answer.date) ? ` [${answer.date}]` : ''
    const missing = missingShortAnswer(answer)
    out.push(`${heading}${answer.answer ? ` → ${answer.answer}` : ''}${date}${missing ? ` → ${missing.toLowerCase()} in the passages below` : ''}`)
    if (answer.readAs) out.push(`Read with the question before it as: “${answer.readAs}”`)
    if (answer.message) out.push(answer.message)
  }
  answer.passages.forEach((passage, i) => {
    const { when } = passage
    out.push('')
    out.push(`${i + 1}. ${when?.iso ? `${when.iso} (“${when.text}”) · ` : ''}${credit(passage)}`)
    if (passage.title !== undefined || passage.byline !== undefined)
      out.push(wrap(`${passage.title ?? 'Untitled'} — ${passage.byline ? `by ${passage.byline}` : 'no byline'}`))
    else out.push(wrap(inQuotes(passage.highlight)))
    if (passage.alsoIn.length) out.push(`    also in: ${passage.alsoIn.map(outletOf).join(', ')}`)
    if (passage.correctedIn) out.push(`    corrected later by ${outletOf(passage.correctedIn)}`)
    if (passage.url) out.push(`    ${passage.url}`)
  })
  return out.join('\n')
}
