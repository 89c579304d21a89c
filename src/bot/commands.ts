import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js'
import { projectRoot } from '../paths.js'
import type { BotContext } from './context.js'

/** A command module: its slash-command definition, its handler, and optionally autocomplete. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody }
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>
}

export const commandsDir = join(projectRoot, 'commands')

function isCommandModule(value: unknown): value is CommandModule {
  const module = value as Partial<CommandModule>
  return typeof module?.data?.name === 'string' && typeof module.data.toJSON === 'function' && typeof module.execute === 'function'
}

/** Loads every command module in `dir` (one file per command), keyed by command name. */
export async function loadCommands(dir: string = commandsDir): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir)).filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')).sort()
  const commands = new Map<string, CommandModule>()
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(join(dir, file)).href)
    if (!isCommandModule(module)) throw new Error(`${file} is not a command module: it must export data (a SlashCommandBuilder) and execute`)
    if (commands.has(module.data.name)) throw new Error(`${file}: a second command named /${module.data.name}`)
    commands.set(module.data.name, module)
  }
  return commands
}
