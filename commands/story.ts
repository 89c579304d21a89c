import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js'
import type { BotContext } from '../src/bot/context.js'
import { privateReply, respondChoices } from '../src/bot/reply.js'
import { escapeUserText, safeContent } from '../src/render/discord.js'
import { articleLabel, articleReportEmbed, storyListText } from '../src/render/story.js'
import { type PageSource, StoryError } from '../src/stories/library.js'
import type { PageMeta } from '../src/stories/store.js'

const articleOption = (option: SlashCommandStringOption) =>
  option.setName('article').setDescription('The article (pick from the list)').setRequired(true).setAutocomplete(true)

const FIXABLE = [
  ['outlet', 'outlet', 'The outlet that published it'],
  ['date', 'published', 'The date it was published: YYYY-MM-DD'],
  ['wire', 'wire', 'The agency whose copy it is (Reuters, AP…); "none" to clear'],
  ['title', 'title', 'The headline'],
  ['byline', 'byline', 'Who wrote it; "none" to clear'],
] as const satisfies readonly (readonly [string, keyof PageMeta, string])[]

export const data = new SlashCommandBuilder()
  .setName('story')
  .setDescription('Moderators: build this server’s story from articles')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('Add an article to the active story, by link or as a saved page')
      .addStringOption((option) => option.setName('link').setDescription('The article’s address (http or https)').setMaxLength(2000))
      .addAttachmentOption((option) => option.setName('file').setDescription('A saved page: .html, .htm or .txt')),
  )
  .addSubcommand((sub) => {
    sub.setName('fix').setDescription('Correct what Byline read of an article').addStringOption(articleOption)
    for (const [name, , description] of FIXABLE) sub.addStringOption((option) => option.setName(name).setDescription(description).setMaxLength(200))
    return sub
  })
  .addSubcommand((sub) => sub.setName('list').setDescription('This server’s stories and the active story’s articles'))
  .addSubcommand((sub) => sub.setName('remove').setDescription('Remove an article from the active story').addStringOption(articleOption))
  .addSubcommand((sub) =>
    sub
      .setName('new')
      .setDescription('Start a new, empty story and make it active')
      .addStringOption((option) => option.setName('name').setDescription('The story’s name').setRequired(true).setMaxLength(40)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('delete')
      .setDescription('Delete one of this server’s stories and all its articles')
      .addStringOption((option) => option.setName('name').setDescription('The story (type its name)').setRequired(true).setAutocomplete(true).setMaxLength(40)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('use')
      .setDescription('Choose the story Byline answers from on this server')
      .addStringOption((option) => option.setName('name').setDescription('The story').setRequired(true).setAutocomplete(true).setMaxLength(40)),
  )

/**
 * /story: moderators build the server's own story — add pages by link or file, correct what was
 * read, remove articles, start, switch and delete stories. Every reply is private.
 */
export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = interaction.guildId
  if (!guildId) return privateReply(interaction, 'Stories belong to a server: use /story there.')
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return privateReply(interaction, 'Only members who can manage this server can change its story.')
  }
  const { stories } = context
  try {
    switch (interaction.options.getSubcommand()) {
      case 'add': {
        await add(interaction, context, guildId)
        return
      }
      case 'fix': {
        await fix(interaction, context, guildId)
        return
      }
      case 'list': {
        await privateReply(interaction, storyListText(stories.stories(guildId), stories.articles(guildId)))
        return
      }
      case 'remove': {
        const removed = stories.remove(guildId, articleId(interaction))
        await privateReply(
          interaction,
          `Removed #${removed.id} (${escapeUserText(removed.meta.outlet ?? 'unknown outlet')}) from “${removed.story}”: it is no longer quoted.`,
        )
        return
      }
      case 'new': {
        const story = stories.create(guildId, interaction.options.getString('name', true), interaction.user.id)
        await privateReply(
          interaction,
          `Started “${story.name}”; it is now this server’s active story. Add articles with /story add (until then, questions are answered with “no articles yet”); /story use bundled switches back.`,
        )
        return
      }
      case 'delete': {
        const deleted = stories.delete(guildId, interaction.options.getString('name', true))
        await privateReply(
          interaction,
          `Deleted “${deleted.name}” and its ${deleted.articles} article${deleted.articles === 1 ? '' : 's'}. This server answers from “${stories.activeName(guildId)}”.`,
        )
        return
      }
      default: {
        // A story not yet in memory is read back from storage first: that can take seconds.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral })
        const story = stories.use(guildId, interaction.options.getString('name', true))
        const content = `Byline now answers from “${story.name}” (${story.articles} article${story.articles === 1 ? '' : 's'}) on this server.`
        await interaction.editReply({ content, allowedMentions: { parse: [] } })
        return
      }
    }
  } catch (error) {
    if (!(error instanceof StoryError)) throw error
    if (interaction.deferred) await interaction.editReply({ content: safeContent(error.message), allowedMentions: { parse: [] } })
    else await privateReply(interaction, error.message)
  }
}

/** Adding fetches a page (up to 10 s): the reply is deferred, privately, and then shows what was read. */
async function add(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string): Promise<void> {
  const link = linkIn(interaction.options.getString('link') ?? '')
  const file = interaction.options.getAttachment('file')
  if (Boolean(link) === Boolean(file)) return privateReply(interaction, 'Give either a link or a file (a saved .html, .htm or .txt page), not both.')
  const source: PageSource = link ? { link } : { file: { name: file?.name ?? '', url: file?.url ?? '', size: file?.size ?? 0 } }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral })
  const report = await context.stories.add(guildId, interaction.user.id, source)
  context.logger.info({ guild: guildId, article: report.id, story: report.story, passages: report.passages }, 'article added')
  await interaction.editReply({ embeds: [articleReportEmbed(report, `Added to “${escapeUserText(report.story)}”`)], allowedMentions: { parse: [] } })
}

async function fix(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string): Promise<void> {
  const changes: Partial<PageMeta> = {}
  for (const [name, field] of FIXABLE) {
    const value = interaction.options.getString(name)?.trim()
    if (value) changes[field] = /^(none|-)$/i.test(value) ? null : value
  }
  if (Object.keys(changes).length === 0) return privateReply(interaction, 'Say what to correct: outlet, date, wire, title or byline.')
  const report = context.stories.fix(guildId, articleId(interaction), changes)
  await interaction.reply({ embeds: [articleReportEmbed(report, 'Corrected')], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
}

/** The address in what was pasted: bare, in <angle brackets> (Discord's no-preview form) or a masked [text](link). */
function linkIn(pasted: string): string {
  const text = pasted.trim()
  return (/^\[[^\]]*\]\(\s*<?([^)>\s]+)>?\s*\)$/.exec(text)?.[1] ?? /^<([^>\s]+)>$/.exec(text)?.[1] ?? text).trim()
}

function articleId(interaction: ChatInputCommandInteraction): number {
  const value = interaction.options.getString('article', true)
  const id = /^#?(\d+)/.exec(value.trim())?.[1]
  if (!id) throw new StoryError('Pick the article from the list (or give its number, like #12).')
  return Number(id)
}

/** Suggests the active story's articles (fix, remove) or the server's stories (use). */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const guildId = interaction.guildId
  if (!guildId) return interaction.respond([])
  const focused = interaction.options.getFocused(true)
  const typed = focused.value.toLowerCase()
  if (focused.name === 'name') {
    return respondChoices(
      interaction,
      context.stories
        .stories(guildId)
        .filter((story) => !story.bundled || interaction.options.getSubcommand() === 'use')
        .map((story) => story.name)
        .filter((name) => name.toLowerCase().includes(typed)),
    )
  }
  const articles = context.stories.articles(guildId).map((article) => ({ value: String(article.id), name: articleLabel(article) }))
  await interaction.respond(
    articles
      .filter((article) => article.name.toLowerCase().includes(typed))
      .slice(-25)
      .map(({ name, value }) => ({ name: name.length > 100 ? `${name.slice(0, 99)}…` : name, value })),
  )
}
