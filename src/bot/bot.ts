import { Client, Events, GatewayIntentBits } from 'discord.js'
import type { CommandModule } from './commands.js'
import type { BotContext } from './context.js'
import { createInteractionHandler } from './handler.js'
import { RateLimiter } from './rate-limit.js'

export interface BotOptions {
  token: string
  /** Discord's REST API base; the gateway address is then asked of it (GET /gateway/bot). */
  apiUrl: string
  commands: Map<string, CommandModule>
  context: BotContext
  rateLimit: { max: number; windowMs: number }
}

export interface RunningBot {
  client: Client
  /** Disconnects from Discord. Does not close the settings store, which the caller owns. */
  stop(): Promise<void>
}

/** Connects a discord.js client and answers interactions until stopped. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { context } = options
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    allowedMentions: { parse: [] },
  })
  const handle = createInteractionHandler(options.commands, context, new RateLimiter(options.rateLimit))
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction))
  client.on(Events.Error, (error) => context.logger.error({ err: error }, 'discord client error'))
  client.on(Events.ShardError, (error) => context.logger.error({ err: error }, 'gateway error'))
  client.on(Events.Warn, (message) => context.logger.warn(message))
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()))
  await client.login(options.token)
  await ready
  context.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord')
  return {
    client,
    async stop() {
      await client.destroy()
    },
  }
}
