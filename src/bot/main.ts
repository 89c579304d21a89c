import { config as loadDotenv } from 'dotenv'
import { AnswerEngine } from '../answer/engine.js'
import { loadCorpus } from '../ingest/corpus.js'
import { defaultSeedsDir } from '../paths.js'
import { startBot } from './bot.js'
import { loadCommands } from './commands.js'
import { ConfigError, readConfig } from './config.js'
import { runConsole } from './console.js'
import { createLogger } from './logger.js'
import { SettingsError, SettingsStore } from './settings.js'

async function main(): Promise<number> {
  loadDotenv({ quiet: true })
  const config = readConfig()
  const logger = createLogger(config.DISCORD_TOKEN ? config.LOG_LEVEL : 'warn')
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'))

  const corpus = await loadCorpus(config.BYLINE_SEEDS_DIR ?? defaultSeedsDir)
  for (const error of corpus.errors) logger.warn({ file: error.file }, `skipped article: ${error.message}`)
  const engine = AnswerEngine.fromCorpus(corpus)

  if (!config.DISCORD_TOKEN) {
    console.log('No DISCORD_TOKEN set: opening the local console instead of connecting to Discord (type /help).')
    await runConsole(engine, process.stdin, process.stdout)
    return 0
  }

  const { store: settings, created } = SettingsStore.open(config.DATABASE_PATH)
  if (created) logger.info({ path: config.DATABASE_PATH }, 'created a new settings database')
  const commands = await loadCommands()
  const bot = await startBot({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    commands,
    context: { engine, settings, logger },
    rateLimit: { max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
  })
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down')
      void bot.stop().finally(() => {
        settings.close()
        resolve()
      })
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof SettingsError
    console.error(known ? (error as Error).message : `Byline could not start: ${error instanceof Error ? error.stack : String(error)}`)
    process.exitCode = 1
  },
)
