import { readdir } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js'
import type { BotContext } from './context.js'

/** A command module: its definition (a slash command, or a message command such as "Find in the story"), its handler, and optionally autocomplete. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody }
  execute(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, context: BotContext): Promise<void>
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>
}

/** The command modules beside this build: `commands/*.ts` under tsx, `dist/commands/*.js` in production. */
export const commandsDir = fileURLToPath(new URL('../../commands', import.meta.url))
const MODULE_EXTENSION = extname(fileURLToPath(import.meta.url))

function isCommandModule(value: unknown): value is CommandModule {
  const module = value as Partial<CommandModule> | null | undefined
  return typeof module?.data?.name === 'string' && typeof module.data.toJSON === 'function' && typeof module.execute === 'function'
}

/** Loads every command module in `dir` (one file per command), keyed by command name. */
export async function loadCommands(dir: string = commandsDir): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir)).filter((file) => extname(file) === MODULE_EXTENSION && !file.endsWith('.d.ts')).sort()
  const commands = new Map<string, CommandModule>()
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(join(dir, file)).href)
    if (!isCommandModule(module)) throw new Error(`${file} is not a command module: it must export data (a SlashCommandBuilder) and execute`)
    if (commands.has(module.data.name)) throw new Error(`${file}: a second command named /${module.data.name}`)
    commands.set(module.data.name, module)
  }
  return commands
}
