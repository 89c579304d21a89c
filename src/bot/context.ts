import type { AnswerEngine } from '../answer/engine.js'
import type { Logger } from './logger.js'
import type { SettingsStore } from './settings.js'

/** What a command handler may use: the answer engine's public face, guild settings, a logger. */
export interface BotContext {
  engine: Pick<AnswerEngine, 'answer' | 'entityNames' | 'eventLabels' | 'outletName'>
  settings: SettingsStore
  logger: Logger
}
