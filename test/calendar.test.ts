import { describe, expect, it } from 'vitest'
import { annotateDates } from '../src/ingest/annotate/dates.js'

/** Each date mention of a sentence as "text=iso" (or "text=first..last" for a span). */
function dates(text: string, reference: string | null): string[] {
  return annotateDates(text, { reference, earlier: [] }).map((date) => `${date.text}=${date.iso ?? 'null'}${date.until ? `..${date.until}` : ''}`)
}

describe('dates in news copy', () => {
  it('resolves holidays and named days to the occurrence the article means', () => {
    expect(dates('Shoppers crowded stores on Christmas Eve, the chain said.', '2020-12-28')).toEqual(['Christmas Eve=2020-12-24'])
    expect(dates('Sales slumped over Thanksgiving and Labor Day, the retailer said.', '2020-12-05')).toEqual([
      'Thanksgiving=2020-11-26',
      'Labor Day=2020-09-07',
    ])
    expect(dates('The rules take effect on New Year’s Day, officials said.', '2020-12-05')).toEqual(['New Year’s Day=2021-01-01'])
    expect(dates('He spoke on Independence Day 2019.', '2020-10-07')).toEqual(['Independence Day 2019=2019-07-04'])
  })

  it('reads "the day after …" against the event it names, never as the day after the article, and "the week before …" as no one day', () => {
    expect(dates('Wrenfield notified NIBR on Friday, the day after the report reached the board.', '2025-04-08')).toEqual([
      'on Friday=2025-04-04',
      'the day after=2025-04-03',
    ])
    expect(dates('Whitlock will take office May 1, the day after the resignation takes effect.', '2025-04-10')).toEqual([
      'May 1=2025-05-01',
      'the day after=2025-04-30',
    ])
    expect(dates('Members worked out changes in a closed-door session the week before the vote.', '2025-03-07')).toEqual(['the week before=null'])
  })

  it('puts a weekday told in the past before the article, and one in the future after it', () => {
    // 2025-03-13 is a Thursday.
    expect(dates('She died Sunday at the county hospital.', '2025-03-13')).toEqual(['Sunday=2025-03-09'])
    expect(dates('The plant has been shut down since Sunday night, the union said.', '2025-03-13')).toEqual(['Sunday night=2025-03-09'])
    expect(dates('Investigators will return Monday.', '2025-03-13')).toEqual(['Monday=2025-03-17'])
    expect(dates('The company recalled the cheese Tuesday.', '2025-03-13')).toEqual(['Tuesday=2025-03-11'])
    // The tense is the clause's own, not the next one's: she said it Tuesday; the review is to come.
    expect(dates('The auditor said Tuesday that her office will conduct a review.', '2025-03-12')).toEqual(['Tuesday=2025-03-11'])
    // The day of a saying is past, whatever was said; a planned or set day is to come (2024-10-17 is a Thursday).
    expect(dates('In a call with reporters Thursday, the CEO said the plant would stay closed.', '2025-03-14')).toEqual(['Thursday=2025-03-13'])
    expect(dates('A vigil is planned for Friday on the green.', '2024-10-17')).toEqual(['Friday=2024-10-18'])
    expect(dates('The hearing is set for Monday.', '2024-10-17')).toEqual(['Monday=2024-10-21'])
    // The verb before the day tells its tense, not a word after it ("planned acquisition"); 2025-09-17 is a Wednesday.
    expect(dates('Regulators went to court on Tuesday to block the planned acquisition of the chain.', '2025-09-17')).toEqual(['on Tuesday=2025-09-16'])
  })

  it('reads "between X and Y" as one span', () => {
    expect(dates('Illnesses began between Jan. 22 and Feb. 26, officials said.', '2025-03-11')).toEqual(['Jan. 22 and Feb. 26=2025-01-22..2025-02-26'])
  })

  it('takes "earlier in the day" as the article’s own day', () => {
    expect(dates('Officials met earlier in the day to discuss the order.', '2020-10-07')).toEqual(['earlier in the day=2020-10-07'])
    expect(dates('The minister spoke this morning in Beijing.', '2020-10-07')).toEqual(['this morning=2020-10-07'])
  })

  it('gives "last week" as the whole week, not one day', () => {
    expect(dates('The company said last week that it would appeal.', '2020-10-08')).toEqual(['last week=2020-09-28..2020-10-04'])
    expect(dates('Bloomberg reported this week that officials met.', '2020-10-07')).toEqual(['this week=2020-10-05..2020-10-11'])
    expect(dates('Bloomberg reported this week that officials met.', '2020-10')).toEqual(['this week=null'])
  })

  it('puts a month named in a past-tense sentence before the article, and a planned one after it', () => {
    expect(dates('In December, the company raised $2 billion.', '2020-10-07')).toEqual(['December=2019-12'])
    expect(dates('The company expects to list in December.', '2020-10-07')).toEqual(['December=2020-12'])
    expect(dates('Goldman moved before the new tax law takes effect on Jan. 1.', '2017-12-29')).toEqual(['Jan. 1=2018-01-01'])
    // "put" after "to" is an infinitive, not the past tense.
    expect(dates('It needs 6,814 signatures by April 4 to put the measure on the ballot.', '2025-03-07')).toEqual(['April 4=2025-04-04'])
  })

  it('dates a time after an infinitive by that event, which a past "agreed" does not put in the past ("had agreed to hold a hearing … on Nov. 4")', () => {
    expect(dates('The committee had agreed to hold a hearing on the ferry contract on Nov. 4.', '2025-10-16')).toEqual(['Nov. 4=2025-11-04'])
    expect(dates('The board voted on Nov. 4 to approve the plan.', '2025-10-16')).toEqual(['Nov. 4=2024-11-04'])
    expect(dates('The family took the vendor to court on Nov. 4.', '2025-10-16')).toEqual(['Nov. 4=2024-11-04'])
  })

  it('puts "a day after" a deed the article dated earlier on the day after it, and after no other date', () => {
    const meeting = { text: 'Sept. 30', iso: '2020-09-30', offset: 40, sentence: 'Senior officials discussed the idea in a Sept. 30 meeting on China.' }
    const hearing = { text: 'March 18', iso: '2020-10-18', offset: 30, sentence: 'The order holds until a hearing on March 18.' }
    const annotate = (text: string) => annotateDates(text, { reference: '2020-10-07', earlier: [meeting, hearing] }).map((date) => `${date.text}=${date.iso}`)
    expect(annotate('He fell ill a day after officials met to discuss China.')).toEqual(['a day after=2020-10-01'])
    expect(annotate('The order came a day after a citizens group sued the city.')).toEqual(['a day after=null'])
  })

  it('dates the clause that "three days after" opens from the sentence’s own date, not three days on from it', () => {
    // 2025-03-07 is a Friday.
    const lead =
      'A judge on Friday blocked the city from borrowing for the arena, three days after the council approved the project and two days after the mayor signed it.'
    expect(dates(lead, '2025-03-07')).toEqual(['on Friday=2025-03-07', 'three days after=2025-03-04', 'two days after=2025-03-05'])
    expect(dates('The mayor signed it on Wednesday. The judge ruled two days later.', '2025-03-07')).toEqual([
      'on Wednesday=2025-03-05',
      'two days later=2025-03-07',
    ])
  })

  it('reads "for two weeks" as how long, never as a day two weeks on', () => {
    expect(dates('The system had been switched off for two weeks, investigators said Wednesday.', '2024-10-17')).toEqual([
      'for two weeks=null',
      'Wednesday=2024-10-16',
    ])
    expect(dates('He was held for the past three days.', '2024-10-17')).toEqual(['for the past three days=null'])
    expect(dates('The ban takes effect in 45 days.', '2020-10-07')).toEqual(['in 45 days=2020-11-21'])
  })

  it('dates no span under a day, no "within nine minutes" and no weekday in general', () => {
    expect(dates('The fire company was on scene within nine minutes.', '2024-10-15')).toEqual([])
    expect(dates('The engineer braked about four seconds before the derailment.', '2024-10-17')).toEqual(['before the derailment=null'])
    expect(dates('The line carries about 9,800 riders on a typical weekday.', '2024-10-15')).toEqual([])
  })

  it('reads the tense of the clause a month is in, however far its verb ("added two trains, including Train 512, in March")', () => {
    expect(dates('Ridership has grown since 2022, and the agency added two trains, including Train 512, in March.', '2024-10-15')).toEqual([
      '2022=2022',
      'March=2024-03',
    ])
  })

  it('puts a time of day on its paragraph’s day, else the lead’s (news is not told in order), and on none when none is named', () => {
    expect(dates('The train derailed on Monday evening. It had left Corwin at 5:55 p.m.', '2024-10-15')).toEqual([
      'on Monday evening=2024-10-14',
      'at 5:55 p.m.=2024-10-14',
    ])
    expect(dates('It had left Corwin at 5:55 p.m.', '2024-10-15')).toEqual(['at 5:55 p.m.=null'])
    const lead = { text: 'on Monday evening', iso: '2024-10-14', offset: 0, sentence: 'The train derailed on Monday evening.' }
    const later = { text: 'Tuesday afternoon', iso: '2024-10-15', offset: 0, sentence: 'A woman died Tuesday afternoon.' }
    const [time] = annotateDates('It had left Corwin at 5:55 p.m.', { reference: '2024-10-15', earlier: [lead, later] })
    expect(time?.iso).toBe('2024-10-14')
    expect(dates('Officials will brief reporters at 1 on the matter.', '2024-10-15')).toEqual([])
  })

  it('never resolves a relative date against today when the article has no date', () => {
    expect(dates('The company said last week that it would appeal on Friday.', null)).toEqual(['last week=null', 'on Friday=null'])
  })

  it('puts "the next day" a day after the last date told, never a day after the article', () => {
    expect(dates('The animals got out on March 10. The snow leopard was recaptured the next day.', '2025-03-20')).toEqual([
      'March 10=2025-03-10',
      'the next day=2025-03-11',
    ])
    expect(dates('The board met Oct. 2 and had voted the previous week.', '2025-10-20')).toEqual(['Oct. 2=2025-10-02', 'the previous week=2025-09-25'])
  })

  it('keeps the day named after a part of it ("election night on Nov. 4", "the morning of Oct. 3")', () => {
    expect(dates('Halvorsen led on election night on Nov. 4.', '2025-11-24')).toEqual(['night on Nov. 4=2025-11-04'])
    expect(dates('He was last seen on the morning of Oct. 3, police said.', '2025-10-20')).toEqual(['morning of Oct. 3=2025-10-03'])
  })
})
