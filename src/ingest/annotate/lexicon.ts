/** Word lists for entity tagging: general English and news vocabulary, not tied to any story. */

/** Nouns that name a person's role ("Commerce secretary", "honorary chairman"). */
export const PERSON_ROLES = new Set([
  'president', 'president-elect', 'vice-president', 'secretary', 'advisor', 'adviser', 'nominee', 'candidate',
  'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'cofounder', 'billionaire',
  'head', 'chief', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'official', 'director', 'executive',
  'analyst', 'researcher', 'professor', 'economist', 'senator', 'governor', 'ambassador', 'lawmaker', 'judge',
  'lawyer', 'attorney', 'investor', 'entrepreneur', 'owner', 'leader', 'envoy', 'representative', 'congressman',
  'congresswoman', 'mayor', 'premier', 'chancellor', 'king', 'queen', 'prince', 'commissioner', 'regulator',
  'reporter', 'editor', 'correspondent', 'columnist', 'scientist', 'expert', 'fellow', 'partner', 'manager',
  'strategist', 'trader', 'banker', 'tycoon', 'magnate', 'mogul', 'dissident', 'activist', 'general', 'admiral',
])

/** Nouns that name an organisation's role ("e-commerce giant", "equipment maker"). */
export const ORG_ROLES = new Set([
  'giant', 'maker', 'chipmaker', 'carmaker', 'firm', 'company', 'conglomerate', 'group', 'arm', 'unit', 'subsidiary',
  'affiliate', 'platform', 'app', 'startup', 'start-up', 'bank', 'lender', 'insurer', 'regulator', 'agency',
  'department', 'ministry', 'operator', 'provider', 'retailer', 'rival', 'owner', 'publisher', 'broadcaster',
  'network', 'exchange', 'fund', 'investor', 'manufacturer', 'supplier', 'service', 'outlet', 'newspaper',
])

/** Title words written before a name ("President Donald Trump", "Secretary of State Michael Pompeo"). */
export const TITLES = new Set([
  'president', 'president-elect', 'vice', 'secretary', 'senator', 'sen.', 'rep.', 'representative', 'governor',
  'gov.', 'minister', 'prime', 'premier', 'chancellor', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'professor', 'judge',
  'justice', 'chairman', 'chairwoman', 'ceo', 'chief', 'general', 'gen.', 'admiral', 'ambassador', 'mayor', 'king',
  'queen', 'prince', 'princess', 'pope', 'sir', 'dame', 'lord', 'lady', 'commissioner', 'director', 'speaker',
])

/** Final words that make a name an organisation. */
export const ORG_SUFFIXES = new Set([
  'group', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'llp', 'lp', 'plc', 'co', 'co.', 'corp', 'corp.', 'corporation',
  'company', 'holdings', 'holding', 'department', 'ministry', 'federation', 'institute', 'party', 'bank',
  'association', 'commission', 'office', 'agency', 'council', 'committee', 'university', 'college', 'school',
  'foundation', 'fund', 'partners', 'capital', 'management', 'news', 'media', 'times', 'post', 'journal', 'press',
  'house', 'court', 'congress', 'senate', 'parliament', 'administration', 'bureau', 'authority', 'board', 'exchange',
  'systems', 'technologies', 'technology', 'research', 'pay', 'network', 'market', 'forum', 'union', 'army',
  'navy', 'police', 'service', 'services', 'airlines', 'motors', 'labs', 'reserve', 'treasury', 'pictures',
])

/** Organisations and news agencies commonly written as one word. */
export const KNOWN_ORGS = new Set([
  'reuters', 'bloomberg', 'xinhua', 'afp', 'google', 'apple', 'amazon', 'microsoft', 'facebook', 'meta', 'twitter',
  'tiktok', 'bytedance', 'huawei', 'tencent', 'alibaba', 'alipay', 'wechat', 'visa', 'mastercard', 'paypal', 'nasdaq',
  'nato', 'un', 'eu', 'who', 'imf', 'opec', 'fbi', 'cia', 'nsa', 'sec', 'ftc', 'fcc', 'smic', 'zte', 'citigroup',
  'goldman', 'jpmorgan', 'samsung', 'sony', 'toyota', 'nvidia', 'intel', 'qualcomm', 'uber', 'netflix', 'ant',
])

/** Countries, regions and large cities. */
export const PLACES = new Set(
  [
    'china', 'hong kong', 'taiwan', 'japan', 'korea', 'south korea', 'north korea', 'india', 'russia', 'ukraine',
    'united states', 'u.s.', 'us', 'usa', 'america', 'united kingdom', 'u.k.', 'uk', 'britain', 'england', 'france',
    'germany', 'italy', 'spain', 'canada', 'mexico', 'brazil', 'australia', 'singapore', 'malaysia', 'indonesia',
    'vietnam', 'thailand', 'philippines', 'pakistan', 'iran', 'iraq', 'israel', 'saudi arabia', 'turkey', 'egypt',
    'south africa', 'nigeria', 'kenya', 'europe', 'asia', 'africa', 'middle east', 'latin america', 'macau',
    'beijing', 'shanghai', 'shenzhen', 'hangzhou', 'guangzhou', 'washington', 'new york', 'london', 'paris',
    'tokyo', 'seoul', 'moscow', 'brussels', 'berlin', 'taipei', 'mainland china', 'silicon valley', 'wall street',
    'greater china', 'mainland', 'venezuela', 'poland', 'sweden', 'norway', 'denmark', 'netherlands', 'switzerland',
  ].map((place) => place.toLowerCase()),
)

/** Adjectives of nationality and the place they belong to, for query expansion and roles. */
export const DEMONYMS: Record<string, string> = {
  chinese: 'china', taiwanese: 'taiwan', japanese: 'japan', american: 'america', british: 'britain',
  korean: 'korea', indian: 'india', russian: 'russia', french: 'france', german: 'germany', european: 'europe',
  asian: 'asia', african: 'africa', canadian: 'canada', australian: 'australia', saudi: 'saudi', ukrainian: 'ukraine',
}
