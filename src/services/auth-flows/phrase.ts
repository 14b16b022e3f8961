const ADJECTIVES = [
  'Brave', 'Calm', 'Clever', 'Eager', 'Fancy', 'Gentle', 'Happy', 'Jolly', 'Kind', 'Lively', 'Lucky', 'Mighty',
  'Nimble', 'Polite', 'Proud', 'Quick', 'Quiet', 'Shiny', 'Silly', 'Swift', 'Tidy', 'Witty', 'Wise', 'Zesty',
]
const NOUNS = [
  'badger', 'beaver', 'dolphin', 'eagle', 'falcon', 'ferret', 'gecko', 'heron', 'koala', 'lemur', 'lynx', 'otter',
  'owl', 'panda', 'penguin', 'rabbit', 'raven', 'salmon', 'seal', 'sparrow', 'tiger', 'turtle', 'walrus', 'zebra',
]

const pick = (words: string[]) => words[crypto.getRandomValues(new Uint32Array(1))[0] % words.length]

/** A security phrase in the shape Appwrite makes them (`"<Adjective> <noun>"`, e.g. `"Brave penguin"`). */
export const securityPhrase = (): string => `${pick(ADJECTIVES)} ${pick(NOUNS)}`
