/** The part of picomatch (glob matching, tinyglobby's matcher) that copydesk uses for `overrides`. */
declare module 'picomatch' {
  interface Options {
    dot?: boolean
    /** A pattern without slashes matches the last segment of a path (`*.md` matches `news/a.md`). */
    basename?: boolean
  }
  export default function picomatch(patterns: string | string[], options?: Options): (path: string) => boolean
}
