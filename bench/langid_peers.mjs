// Peers of crossalign's language identification, run under Node on the same
// test set as bench/langid_bench: Lingua (npm @bluzzi/lingua, WebAssembly
// build of lingua-rs, high-accuracy mode, all its languages), ELD (npm eld,
// large tables) and CLD3 (npm cld3-asm). `bash scripts/setup.sh --peers`
// installs them into bench/peers/ (ignored by git).
//
//   node bench/langid_peers.mjs [TSV] [--only eld,cld3,lingua]
//
// Prints, per peer, the mean per-language accuracy on sentences, word pairs
// and single words ("und"/no answer counts as wrong), the worst language on
// sentences, and lines per second (wall clock, one thread). ELD has no
// bs/kk/mk/id: its means are given on its 31 languages, as ELD reports them.
import { createRequire } from 'module'
import fs from 'fs'
import path from 'path'
import { fileURLToPath, pathToFileURL } from 'url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.join(here, 'peers', 'package.json'))
const args = process.argv.slice(2)
let tsv = path.join(here, '..', '..', 'shared', 'eval', 'langid', 'test.tsv')
let only = ['eld', 'cld3', 'lingua']
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--only') only = args[++i].split(',')
  else tsv = args[i]
}
if (!fs.existsSync(tsv)) {
  console.log(`Skipped: ${tsv} is missing (the shared eval data).`)
  process.exit(0)
}
const rows = fs.readFileSync(tsv, 'utf8').split('\n').filter(Boolean)
  .map((l) => l.split('\t')).map(([lang, kind, text]) => ({ lang, kind, text }))
const langs = [...new Set(rows.map((r) => r.lang))]
const KINDS = ['sentence', 'word-pair', 'single-word']
const NAMES = {
  english: 'en', ukrainian: 'uk', russian: 'ru', korean: 'ko', german: 'de',
  french: 'fr', spanish: 'es', italian: 'it', portuguese: 'pt', polish: 'pl',
  dutch: 'nl', japanese: 'ja', chinese: 'zh', arabic: 'ar', turkish: 'tr',
  czech: 'cs', bulgarian: 'bg', serbian: 'sr', croatian: 'hr', bosnian: 'bs',
  belarusian: 'be', kazakh: 'kk', hindi: 'hi', persian: 'fa', hebrew: 'he',
  greek: 'el', swedish: 'sv', finnish: 'fi', hungarian: 'hu', romanian: 'ro',
  vietnamese: 'vi', indonesian: 'id', malay: 'ms', macedonian: 'mk',
  slovak: 'sk',
}

function evaluate(name, detect, covered) {
  const t0 = process.hrtime.bigint()
  const total = {}, correct = {}
  for (const r of rows) {
    const key = r.kind + '/' + r.lang
    total[key] = (total[key] || 0) + 1
    let guess = ''
    try { guess = detect(r.text) || '' } catch (e) { guess = '' }
    if (guess === r.lang) correct[key] = (correct[key] || 0) + 1
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const scope = langs.filter((l) => covered(l))
  const acc = (kind, l) => 100 * (correct[kind + '/' + l] || 0) / (total[kind + '/' + l] || 1)
  const means = KINDS.map((k) => scope.reduce((s, l) => s + acc(k, l), 0) / scope.length)
  let worst = scope[0]
  for (const l of scope) if (acc('sentence', l) < acc('sentence', worst)) worst = l
  const note = scope.length === langs.length ? '' : ` (on its ${scope.length})`
  console.log(`| ${name}${note} | ${means.map((m) => m.toFixed(1)).join(' | ')} | ` +
              `${worst} ${acc('sentence', worst).toFixed(1)} | ${Math.round(rows.length / seconds)} |`)
}

console.log(`Data: ${tsv}, ${rows.length} lines, ${langs.length} languages.\n`)
console.log('| system | sentences | word pairs | single words | worst language (sentences) | lines/s |')
console.log('|---|---:|---:|---:|---|---:|')
if (only.includes('eld')) {
  const { eld } = await import(pathToFileURL(path.join(
    here, 'peers', 'node_modules', 'eld', 'src', 'entries', 'static.large.js')).href)
  const has = new Set(Object.values(eld.info().Languages))
  evaluate('ELD large (npm `eld` 2.1.0)', (t) => eld.detect(t).language, (l) => has.has(l))
}
if (only.includes('cld3')) {
  const { loadModule } = require('cld3-asm')
  const factory = await loadModule()
  const cld = factory.create(0, 1000)
  const map = { iw: 'he', 'zh-Latn': 'zh' }
  evaluate('CLD3 (npm `cld3-asm` 4.0.0)', (t) => {
    const r = cld.findLanguage(t)
    return r && r.language !== 'und' ? (map[r.language] || r.language) : ''
  }, () => true)
}
if (only.includes('lingua')) {
  const lingua = require('@bluzzi/lingua')
  const detector = lingua.LanguageDetectorBuilder.fromAllLanguages()
    .withPreloadedLanguageModels().build()
  evaluate('Lingua, high accuracy (npm `@bluzzi/lingua` 1.5.0)', (t) => {
    const name = detector.detectLanguageOf(t)
    return name ? NAMES[name.toLowerCase()] || name.toLowerCase() : ''
  }, () => true)
}
