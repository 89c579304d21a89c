import { config as loadDotenv } from 'dotenv'
import { AnswerEngine } from '../answer/engine.js'
import { DiscordAPIError } from 'discord.js'
import { loadCorpus } from '../ingest/corpus.js'
import { SeedFileError } from '../ingest/read.js'
import { defaultSeedsDir } from '../paths.js'
import { startBot } from './bot.js'
import { loadCommands } from './commands.js'
import { ConfigError, readConfig } from './config.js'
import { runConsole } from './console.js'
import { Conversation } from './conversation.js'
import { createLogger } from './logger.js'
import { SettingsError, SettingsStore } from './settings.js'
import { StoryLibrary } from '../stories/library.js'

async function main(): Promise<number> {
  loadDotenv({ quiet: true })
  const config = readConfig()
  const logger = createLogger(config.DISCORD_TOKEN ? config.LOG_LEVEL : 'warn')
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled rejection')
  })

  const corpus = await loadCorpus(config.BYLINE_SEEDS_DIR ?? defaultSeedsDir)
  for (const error of corpus.errors) logger.warn({ file: error.file }, `skipped article: ${error.message}`)
  const engine = AnswerEngine.fromCorpus(corpus)

  if (!config.DISCORD_TOKEN) {
    console.log('No DISCORD_TOKEN set: opening the local console instead of connecting to Discord (type /help).')
    await runConsole(engine, process.stdin, process.stdout)
    return 0
  }

  const { store: settings, created, wasEmpty } = SettingsStore.open(config.DATABASE_PATH)
  if (created) logger.info({ path: config.DATABASE_PATH }, 'created a new settings database')
  if (wasEmpty) logger.warn({ path: config.DATABASE_PATH }, 'the settings database was an empty file: started it afresh with no settings')
  const stories = new StoryLibrary(settings.stories, engine, engine.knowledge.language, {
    maxArticlesPerStory: config.BYLINE_STORY_MAX_ARTICLES,
    maxStoriesPerServer: config.BYLINE_STORY_MAX_STORIES,
    addsPerHour: config.BYLINE_STORY_ADDS_PER_HOUR,
    fetch: { allowPrivate: config.BYLINE_FETCH_ALLOW_PRIVATE },
  })
  const preloading = performance.now()
  const preloaded = stories.preload()
  if (preloaded > 0) logger.info({ stories: preloaded, ms: Math.round(performance.now() - preloading) }, 'built the servers’ active stories')
  const commands = await loadCommands()
  const bot = await startBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    commands,
    context: { stories, settings, conversation: new Conversation(), logger },
    rateLimit: { max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
  })
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down')
      // A client whose gateway is gone can wait forever on its sockets: give it a few seconds.
      const deadline = new Promise<void>((done) => setTimeout(done, SHUTDOWN_GRACE_MS).unref())
      void Promise.race([bot.stop(), deadline])
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'the Discord client did not close cleanly')
        })
        .finally(() => {
          settings.close()
          resolve()
        })
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })
  return 0
}

const SHUTDOWN_GRACE_MS = 3000

/** One line for each way start-up fails, saying what to do; never a stack trace. */
function startupMessage(error: unknown): string {
  if (error instanceof ConfigError || error instanceof SettingsError) return error.message
  if (error instanceof SeedFileError) return `Byline could not load its articles: ${error.message}`
  const code = (error as { code?: unknown }).code
  const cause = (error as { cause?: { code?: unknown } }).cause?.code
  if (code === 'TokenInvalid' || (error instanceof DiscordAPIError && error.status === 401)) {
    return 'Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token) into .env.'
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(String(cause ?? code)) ||
    /fetch failed/i.test(String((error as { message?: unknown }).message))
  ) {
    return 'Byline cannot reach Discord: check the network connection (and DISCORD_API_URL, if set).'
  }
  return `Byline could not start: ${error instanceof Error ? error.message : String(error)}`
}

main()
  .then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(startupMessage(error))
      process.exitCode = 1
    },
  )
  .finally(() => {
    // Whatever discord.js still holds open (a reconnect timer, a dead socket) must not keep a stopped bot alive.
    setTimeout(() => process.exit(), 500).unref()
  })
