// The rule for quotes said by a group (与会代表, 大家, 不少干部) rather than a named person
// (issue #29): 识别引语 proposes them unticked and marked 集体; the importer leaves them
// out, since no editor chose them; one an editor ticks is stored with the group as its
// speaker. The finder marks them `collective`; a finder that does not yet names the group
// in speakerName, which the lexicon's COLLECTIVE words recognise.
import type { FoundQuote } from './quotes/finder';
import { COLLECTIVE, COLLECTIVE_NAME } from './quotes/lexicon';

export const isCollective = (quote: Pick<FoundQuote, 'speakerName' | 'collective'>) =>
  quote.collective ?? (quote.speakerName === COLLECTIVE_NAME || COLLECTIVE.test(quote.speakerName));

/** The quotes an import stores: those with a named speaker. */
export const namedQuotes = <Q extends Pick<FoundQuote, 'speakerName' | 'collective'>>(quotes: Q[]) =>
  quotes.filter((quote) => !isCollective(quote));
