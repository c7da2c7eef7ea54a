#!/usr/bin/env node
/**
 * Part of `npm run build`: writes the English word table (`dist/english-words.txt`, see
 * `src/word-table.ts`) and its indexes, so that a run reads the dictionaries' words instead of
 * building hunspell spellers.
 */
import fs from 'node:fs'
import {buildWordIndexes, buildWordTable, wordIndexFile, wordTableFile} from '../dist/src/word-table.js'

const table = buildWordTable()
fs.writeFileSync(wordTableFile, table)
fs.writeFileSync(wordIndexFile, buildWordIndexes(table))
