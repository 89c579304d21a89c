import { createInterface } from 'node:readline'
import { z } from 'zod'
import { AnswerEngine } from '../answer/engine.js'
import { type Command, COMMANDS } from '../answer/types.js'
import type { Corpus } from '../ingest/types.js'
import { renderAnswerText } from '../render/text.js'

export const ENGINE_COMMANDS: readonly string[] = COMMANDS

const batchLine = z.object({
  id: z.union([z.string(), z.number()]),
  command: z.enum(COMMANDS),
  query: z.string().default(''),
})

/** Runs one engine command and prints the answer (JSON or text). Returns the exit code. */
export function runEngineCommand(corpus: Corpus, command: string, query: string, json: boolean): number {
  const engine = AnswerEngine.fromCorpus(corpus)
  const answer = engine.answer(command as Command, query)
  console.log(json ? JSON.stringify({ id: null, ...answer }) : renderAnswerText(answer, (article) => engine.outletName(article)))
  return 0
}

/**
 * Answers JSON lines {"id","command","query"} from input, one output line each, in order.
 * A bad line yields {"id","error"} and the batch goes on.
 */
export async function runBatch(corpus: Corpus, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, json: boolean): Promise<number> {
  const engine = AnswerEngine.fromCorpus(corpus)
  const lines = createInterface({ input, crlfDelay: Infinity })
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (!line.trim()) continue
    let id: unknown = null
    let result: object
    try {
      const raw: unknown = JSON.parse(line)
      id = (raw as { id?: unknown } | null)?.id ?? null
      const parsed = batchLine.safeParse(raw)
      if (!parsed.success) {
        const [issue] = parsed.error.issues
        const reason = issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'not a valid batch line'
        result = { id, error: `line ${lineNumber}: ${reason}` }
      } else result = { ...engine.answer(parsed.data.command, parsed.data.query), id: parsed.data.id }
    } catch (error) {
      result = { id, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` }
    }
    output.write(
      json
        ? `${JSON.stringify(orderKeys(result))}\n`
        : `${'error' in result ? (result as { error: string }).error : renderAnswerText(result as never, (article) => engine.outletName(article))}\n\n`,
    )
  }
  return 0
}

/** Puts "id" first, as readers of the contract expect. */
function orderKeys(result: object): object {
  const { id, ...rest } = result as { id: unknown }
  return { id, ...rest }
}
