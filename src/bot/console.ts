import { createInterface } from 'node:readline'
import type { AnswerEngine } from '../answer/engine.js'
import { COMMANDS, type Command } from '../answer/types.js'
import { answerEmbed, embedAsText } from '../render/discord.js'
import { Conversation } from './conversation.js'

/** The console is one person in one channel. */
const CONSOLE = 'console'

const HELP = `Type a slash command as in Discord, e.g. /who Jack Ma, /when us election date,
/source ant ipo 35 billion, /ask has trump seen the proposal?, /compare ant ipo size,
/timeline, /outlets. A line without a command is asked with /ask. Ctrl-D quits.`

/** One console line → the text Discord would show for it; with a conversation, a follow-up is read with the line before. */
export function consoleAnswer(engine: Pick<AnswerEngine, 'answer' | 'outletName'>, line: string, conversation?: Conversation): string {
  const match = /^\/(\w+)\s*([^]*)$/.exec(line.trim())
  const name = match?.[1]?.toLowerCase() ?? 'ask'
  const query = (match ? (match[2] ?? '') : line).trim()
  if (name === 'help') return HELP
  if (name === 'config') return '/config changes a server’s settings; it needs Discord (set DISCORD_TOKEN).'
  if (!COMMANDS.includes(name as Command)) return `Unknown command /${name}. ${HELP}`
  const answer = conversation ? conversation.answer(engine, CONSOLE, CONSOLE, name as Command, query) : engine.answer(name as Command, query)
  return embedAsText(answerEmbed(answer, { outletOf: (article) => engine.outletName(article), question: query }))
}

/**
 * The local console: reads slash commands line by line and prints the rendered answers. With a
 * terminal it prompts; otherwise it answers each input line and resolves at end of input.
 */
export async function runConsole(
  engine: Pick<AnswerEngine, 'answer' | 'outletName'>,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
): Promise<void> {
  const interactive = Boolean(input.isTTY)
  const conversation = new Conversation()
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive })
  if (interactive) {
    output.write(`${HELP}\n`)
    lines.setPrompt('byline> ')
    lines.prompt()
  }
  for await (const line of lines) {
    if (line.trim()) output.write(`${consoleAnswer(engine, line, conversation)}\n\n`)
    if (interactive) lines.prompt()
  }
}
