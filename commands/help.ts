import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js'

export const data = new SlashCommandBuilder().setName('help').setDescription('What Byline does and how to ask it')

const HELP = [
  '**Byline** answers questions about the story from the articles that covered it, always with the verbatim quote and the outlet that published it.',
  '',
  '`/who` who someone is, or who said or did something',
  '`/when` when something happened, as written and as a date',
  '`/source` which outlets reported a claim or quote',
  '`/ask` any question; the passages that answer it',
  '`/compare` how each outlet worded the same fact',
  '`/timeline` the dated events in order',
  '`/outlets` the articles and where they came from',
  '`/config` (moderators) the channels Byline answers in, and whether answers are public',
  '`/story` (moderators) build this server’s own story: add articles by link or saved page, correct, remove, switch stories',
  'Right-click a message → Apps → **Find in the story**: which articles report what it claims',
  '',
  'When the articles do not answer, Byline says so rather than guess.',
].join('\n')

export async function execute(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.reply({ content: HELP, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
}
