/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliaries. Their case
 * follows their place (a sentence start, a title-case heading), never a name: `of` in `Wings Of
 * Poesy` does not make every `of` a name.
 */
import {lowerCased} from './case.js'

const functionWords = new Set(
  (
    'a an the and or nor but so yet for of in on at to by with from into onto over upon as than that this these those ' +
    'about above across after against along among around before behind below beneath beside between beyond despite down during ' +
    'except inside near off out outside past since through throughout till toward towards under until up via within without ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs who whom whose which what ' +
    'is are was were be been being am do does did has have had will would shall should can could may might must ' +
    'not no if then when where while because although though whether either neither both each every all any some such ' +
    'there here how why also only just very'
  ).split(' ')
)

/** Whether a lowercase word is an English function word. */
export const isFunctionWord = (word: string): boolean => functionWords.has(lowerCased(word))

/** Name particles written lowercase inside names: `de Gaulle`, `van Gogh`, `bin Laden`, `Piazza di Spagna`. */
export const nameParticles: ReadonlySet<string> = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'les', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'dos', 'das', 'zu', 'op', 'y'])
