#!/usr/bin/python3
"""Builds the language-ID dev set from Debian's message catalogues.

The test set (../shared/eval/langid/test.tsv) is web text from the Leipzig
corpora; its sentences/, word-pairs/ and single-words/ folders hold the very
same lines, so they cannot serve as a dev split. This script makes a dev set
from other text that every Debian machine with crossalign's dependencies
has: the translations in /usr/share/locale/<lang>/LC_MESSAGES/*.mo (GNU
gettext catalogues of coreutils, glib, gtk, PackageKit, ...), read with
`msgunfmt` (Debian package gettext).

For each of the 35 languages of the test set it writes up to --per-kind
sentences, word pairs and single words in the test set's format
(`lang<TAB>kind<TAB>text`): sentences are translated messages of four words
or more; word pairs are two consecutive lower-cased words of such a message
(10 characters or more); single words are lower-cased words of 5 letters or
more. Catalogues of names (iso_3166, iso_639, ...) are skipped; a message
equal to its English original, and words that also occur in the original
(names, commands), are dropped; format directives, accelerators and markup
are removed. English comes from the original strings (msgid) of the German
catalogues. The sample is deterministic (fixed seed).

  /usr/bin/python3 bench/make_langid_dev.py > build/langid-dev.tsv
"""
import argparse
import glob
import os
import random
import re
import subprocess
import sys

LANGS = ("en uk ru ko de fr es it pt pl nl ja zh ar tr cs bg sr hr bs be kk "
         "hi fa he el sv fi hu ro vi id ms mk sk").split()
# Locale folder for a language when it is not the code itself.
LOCALE_DIR = {"zh": "zh_CN", "pt": "pt"}
SKIP_CATALOGUE = re.compile(r"^(iso_|iso-|xkeyboard|tzdata)")

DIRECTIVE = re.compile(
    r"%(\d+\$)?[-+ #0']*\d*(\.\d+)?(hh|h|ll|l|j|z|t|L)?[a-zA-Z%]|"
    r"\$\{[^}]*\}|\{[^}]*\}|<[^>]*>|&[a-z]+;|\\[ntr]|--?[a-zA-Z][\w-]*|"
    r"\S*[/\\@=]\S*|\S*\d\S*")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def parse_catalogue(path):
    """(msgid, msgstr) pairs of one .mo file, plural forms as extra pairs."""
    try:
        out = subprocess.run(["msgunfmt", path], capture_output=True,
                             check=True).stdout.decode("utf-8", "replace")
    except (subprocess.CalledProcessError, OSError):
        return []
    pairs, msgid, msgstrs, field = [], None, [], None
    for line in out.splitlines() + [""]:
        if line.startswith("msgid "):
            if msgid is not None:
                pairs += [(msgid, s) for s in msgstrs]
            msgid, msgstrs, field = unquote(line[6:]), [], "id"
        elif line.startswith("msgid_plural "):
            field = "plural"
        elif line.startswith("msgstr"):
            msgstrs.append(unquote(line.split(" ", 1)[1]))
            field = "str"
        elif line.startswith('"'):
            if field == "id":
                msgid += unquote(line)
            elif field == "str" and msgstrs:
                msgstrs[-1] += unquote(line)
    if msgid is not None:
        pairs += [(msgid, s) for s in msgstrs]
    return [(i, s) for i, s in pairs if i and s]


def unquote(s):
    s = s.strip()
    if s.startswith('"') and s.endswith('"'):
        s = s[1:-1]
    return s.replace('\\"', '"').replace("\\\\", "\\")


def clean(text):
    text = text.replace("_", "").replace("&", " ")
    text = DIRECTIVE.sub(" ", text)
    return " ".join(text.split())


def collect(lang):
    """Cleaned translated messages of `lang`, and the words of their
    originals."""
    folder = LOCALE_DIR.get(lang, lang)
    source = "de" if lang == "en" else folder
    messages = []
    for path in sorted(glob.glob(f"/usr/share/locale/{source}/LC_MESSAGES/*.mo")):
        if SKIP_CATALOGUE.match(os.path.basename(path)):
            continue
        for msgid, msgstr in parse_catalogue(path):
            if lang == "en":
                text, original = clean(msgid), ""
            else:
                if msgstr.strip() == msgid.strip():
                    continue
                text, original = clean(msgstr), clean(msgid)
            if text:
                messages.append((text, set(original.lower().split())))
    return messages


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for lang in LANGS:
        messages = collect(lang)
        sentences, pairs, singles = set(), set(), set()
        for text, original in messages:
            words = LETTER_WORD.findall(text)
            if len(words) >= 4 and len(text) >= 20:
                sentences.add(text)
            lower = [w.lower() for w in words if w.lower() not in original]
            for a, b in zip(lower, lower[1:]):
                if len(a) + len(b) + 1 >= 10:
                    pairs.add(a + " " + b)
            for w in lower:
                if len(w) >= 5:
                    singles.add(w)
        for kind, items in (("sentence", sentences), ("word-pair", pairs),
                            ("single-word", singles)):
            items = sorted(items)
            rng.shuffle(items)
            for text in items[:args.per_kind]:
                print(f"{lang}\t{kind}\t{text}")
        print(f"{lang}: {len(messages)} messages, {len(sentences)} sentences, "
              f"{len(pairs)} pairs, {len(singles)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
