import { REST, Routes } from 'discord.js'
import { config as loadDotenv } from 'dotenv'
import { loadCommands } from './commands.js'
import { ConfigError, readConfig } from './config.js'

const USAGE = `Usage: npm run deploy-commands [-- --dry-run]

Registers Byline's slash commands with Discord: for one server when DISCORD_GUILD_ID is set
(instant), else globally (may take up to an hour to appear). Needs DISCORD_TOKEN and
DISCORD_APPLICATION_ID. --dry-run prints the exact JSON payload and sends nothing.`

/** The registration payload: every command module's JSON, in name order. */
export async function commandPayload(): Promise<unknown[]> {
  const commands = await loadCommands()
  return [...commands.values()].map((command) => command.data.toJSON())
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return
  }
  loadDotenv({ quiet: true })
  const payload = await commandPayload()
  if (args.includes('--dry-run')) {
    console.log(JSON.stringify(payload, null, 2))
    return
  }
  const config = readConfig()
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError('Deploying needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example), or use --dry-run.')
  }
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN)
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID)
  const result = (await rest.put(route, { body: payload })) as unknown[]
  console.log(`Registered ${result.length} commands ${config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally'}.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `deploy-commands: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
