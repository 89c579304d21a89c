import { Client, Events, GatewayIntentBits, type GuildMember, Options, type User } from 'discord.js'
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

/**
 * Byline reads only guilds, channels and the interaction in hand: nothing else is kept, and of
 * users and members only the bot itself (interactions carry the asker with them).
 */
const CACHE_LIMITS = {
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user: User) => user.id === user.client.user.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member: GuildMember) => member.id === member.client.user.id },
}

/** Connects a discord.js client and answers interactions until stopped. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { context } = options
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits(CACHE_LIMITS),
  })
  const handle = createInteractionHandler(options.commands, context, new RateLimiter(options.rateLimit))
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction))
  client.on(Events.Error, (error) => {
    context.logger.error({ err: error }, 'discord client error')
  })
  client.on(Events.ShardError, (error) => {
    context.logger.error({ err: error }, 'gateway error')
  })
  client.on(Events.Warn, (message) => {
    context.logger.warn(message)
  })
  client.on(Events.ShardDisconnect, (event, shard) => {
    context.logger.warn({ shard, code: event.code }, 'gateway disconnected')
  })
  client.on(Events.ShardReconnecting, (shard) => {
    context.logger.info({ shard }, 'gateway reconnecting')
  })
  client.on(Events.ShardResume, (shard, replayed) => {
    context.logger.info({ shard, replayed }, 'gateway resumed')
  })
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, () => {
      resolve()
    })
  })
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
