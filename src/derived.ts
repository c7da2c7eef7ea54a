/**
 * Remembering what is worked out from an object on the object itself, under a symbol of its own
 * (not enumerable: JSON, `Object.keys` and deep equality do not see it), so that it goes when the
 * object goes. (`undefined` is no answer: it is worked out again at each call.)
 *
 * Why not a WeakMap, which says the same thing: V8's young-generation collector (Node.js 20) keeps
 * the values of a long-lived WeakMap alive until the next full collection. An article's words,
 * terms and passages, keyed by an article in a module's WeakMap, were all copied by every scavenge
 * while the article was being linted and then promoted, with the syntax tree they point into:
 * about a fifth of all the memory a run allocated, where the objects it derives from had long died.
 */
export function derived<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = Symbol(compute.name)
  return (key) => {
    let value = (key as Record<symbol, V | undefined>)[slot]
    if (value === undefined) {
      value = compute(key)
      remember(key, slot, value)
    }
    return value
  }
}

/** Keeps `value` on `key` under `slot`, out of sight of JSON, `Object.keys` and deep equality. */
export function remember<V>(key: object, slot: symbol, value: V): void {
  Object.defineProperty(key, slot, {value, configurable: true})
}
