#!/usr/bin/env node
/**
 * Part of `npm run build`: writes the English word table (`dist/english-words.txt`, see
 * `src/word-table.ts`), so that a run reads the dictionaries' words instead of building
 * hunspell spellers.
 */
import fs from 'node:fs'
import {buildWordTable, wordTableFile} from '../dist/src/word-table.js'

fs.writeFileSync(wordTableFile, buildWordTable())
