/**
 * `duplicate-across-files`: paragraphs, list items and table rows that appear, exactly or nearly,
 * in another file of the same run. Each file records a MinHash signature per passage; the
 * comparison finds candidates with a locality-sensitive index, so its cost grows with the number
 * of passages, not with the number of pairs.
 */
import {getArticle} from '../src/parse/article.js'
import {defineRule, recordForCollection, type CollectionFinding} from '../src/rule.js'
import {estimatedJaccard, SignatureIndex} from '../src/similarity.js'
import type {Position} from '../src/types.js'
import {duplicateRuleMeta, passagesOf, signatureOf, type PassageKind} from './shared/passages.js'

const id = 'duplicate-across-files'

/** What a file records per passage: plain JSON, so that it can come from a worker, a cache or another shard. */
export interface RecordedPassage {
  kind: PassageKind
  position: Position
  /** Fingerprint of the normalised words (see `fingerprintOfWords`): equal for exact copies. */
  exact: string
  /** MinHash signature of the content words (see `minHashSignature`). */
  signature: string
}

/** The data `duplicate-across-files` records for each file. */
export interface RecordedFile {
  passages: RecordedPassage[]
}

// 16 bands of 4: a pair sharing 70% of its content words is a candidate with probability 0.98,
// one sharing 30% with probability 0.12, so few candidates need verifying.
const BANDS = 16

// Of a crowded band bucket, the 16 passages added last are compared: enough for every copy of
// an ordinary collection (a bucket holds passages that are alike), and a bound on each lookup for
// template-made ones, so that the comparison stays linear in the number of passages.
const BUCKET_LIMIT = 16

const options = {
  threshold: {
    type: 'number',
    default: 0.7,
    minimum: 0,
    maximum: 1,
    description: 'Share of content words (Jaccard similarity, estimated by MinHash) from which two passages count as copies.'
  },
  minWords: {
    type: 'number',
    default: 12,
    minimum: 1,
    integer: true,
    description: 'Passages with fewer words are not compared (datelines, bylines, short list items).'
  }
} as const

interface Representative {
  path: string
  passage: RecordedPassage
}

export default defineRule({
  meta: duplicateRuleMeta(id, 'Paragraphs, list items and table rows copied, exactly or nearly, from another file of the run.', options),
  plugin(settings) {
    return function (_tree, file) {
      const passages: RecordedPassage[] = []
      for (const passage of passagesOf(getArticle(file))) {
        if (passage.wordCount < settings.minWords || passage.quotation) continue
        passages.push({
          kind: passage.kind,
          position: passage.position,
          exact: passage.exact,
          signature: signatureOf(passage)
        })
      }
      const data: RecordedFile = {passages}
      recordForCollection(file, id, data)
    }
  },
  compare(entries, settings) {
    // The first copy of each text seen (in path order) represents it: later copies are matched
    // against it and not indexed themselves, so boilerplate in a thousand files stays one entry.
    const exact = new Map<string, Representative>()
    const index = new SignatureIndex<Representative>(BANDS, BUCKET_LIMIT)
    const findings: CollectionFinding[] = []
    for (const entry of entries) {
      const {passages} = entry.data as RecordedFile
      for (const passage of passages) {
        let original = exact.get(passage.exact)
        let similarity = 1
        if (original?.path === entry.path) continue
        if (!original) {
          similarity = 0
          for (const candidate of index.candidates(passage.signature)) {
            if (candidate.path === entry.path) continue
            const estimate = estimatedJaccard(passage.signature, candidate.passage.signature)
            if (estimate >= settings.threshold && estimate > similarity) {
              original = candidate
              similarity = estimate
            }
          }
        }
        if (!original) {
          const representative = {path: entry.path, passage}
          exact.set(passage.exact, representative)
          index.add(passage.signature, representative)
          continue
        }
        const where = `${original.path}:${original.passage.position.start.line}`
        const identical = original.passage.exact === passage.exact
        findings.push({
          path: entry.path,
          place: passage.position,
          reason: `Unexpected ${passage.kind} ${identical ? 'copied' : 'nearly copied'} from ${where}`,
          note: identical
            ? `Identical to the ${original.passage.kind} at ${where} once case, spacing, punctuation and quote style are set aside.`
            : `About ${Math.round(similarity * 100)}% of its content words are shared with the ${original.passage.kind} at ${where} (threshold ${Math.round(settings.threshold * 100)}%).`
        })
      }
    }
    return findings
  }
})
