"""crossalign: align the sentences of news articles across outlets and languages.

The Python face of the crossalign C++ library (the same code as the ``align``
tool, so the same input gives the same units)::

    import crossalign
    pair = crossalign.align("The bridge reopened on Friday. Trains cross it daily.",
                            "Die Brücke ist seit Freitag offen. Züge fahren täglich.")
    for unit in pair.units:
        print(unit.score, unit.src, "|", unit.tgt)
    table = pair.to_dataframe()          # needs pandas

Inputs are text (``str``), raw bytes of a file (``bytes``, decoded as the
``align`` tool decodes files), a path (``pathlib.Path`` or any
``os.PathLike``: the file is read as ``align`` reads it), or, for
:func:`align`, a list of sentences (one segment each, no sentence splitting).

The language-ID model (lid.176.ftz) is found as ``align`` finds it: the
``lid_model`` argument, then ``$CROSSALIGN_LID_MODEL``, then the installed
data directory, then the source tree's ``models/`` folder.

Long calls (reading, identifying, segmenting, aligning, writing) release the
GIL, so threads align in parallel. Errors are raised as subclasses of
:class:`Error`, with the library's status ``code`` and ``message``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _crossalign as _core
from ._errors import (CancelledError, DataLossError, Error,
                      FailedPreconditionError, InternalError,
                      InvalidArgumentError, NotFoundError,
                      PermissionDeniedError, ResourceExhaustedError,
                      StatusCode)

__all__ = [
    "align", "align_articles", "detect", "split", "read_tmx", "parse_tmx",
    "write_tmx", "render", "find_lid_model", "Unit", "PairAlignment", "Article",
    "Decision", "ArticlesAlignment", "Detection", "Sentence", "TmxMemory",
    "Error", "StatusCode", "InvalidArgumentError", "NotFoundError",
    "PermissionDeniedError", "DataLossError", "FailedPreconditionError",
    "ResourceExhaustedError", "CancelledError", "InternalError", "__version__"
]

__version__: str = _core.version()

TmxMemory = _core.TmxMemory

#: What :func:`align` and :func:`align_articles` accept as one article.
ArticleInput = Union[str, bytes, "os.PathLike[str]"]
#: What :func:`align` accepts as one side: an article or a list of sentences.
Side = Union[str, bytes, "os.PathLike[str]", Sequence[str]]

_MODES = ("auto", "translation", "comparable")


@dataclass(frozen=True)
class Unit:
    """One aligned unit (a bead): source and target text, score and segment ids.

    ``src`` and ``tgt`` are the text the TMX carries (segments joined by a
    space, white space collapsed); one of them is empty for a sentence with
    no counterpart (``bead`` "1-0" or "0-1"). ``src_ids`` and ``tgt_ids``
    are 0-based segment (or, for a list of sentences, list) indices.
    ``score`` is a confidence in [0, 1], 0 for 1-0 and 0-1 beads.
    """

    src: str
    tgt: str
    score: float
    src_ids: Tuple[int, ...]
    tgt_ids: Tuple[int, ...]
    bead: str


def _units(pair: Any, min_score: float) -> List[Unit]:
    return [
        Unit(u.src, u.tgt, u.score, tuple(u.src_ids), tuple(u.tgt_ids), u.bead)
        for u in pair.units(min_score)
    ]


@dataclass
class PairAlignment:
    """Two articles and their units, with the mode decision and its reason.

    ``decision`` is "translation", "comparable" (the mode the pair was
    aligned in) or "unrelated" (two different stories: no units);
    ``reason`` says why; ``similarity`` is the story similarity of the two
    articles (-1 when it was not measured).
    """

    src_name: str
    tgt_name: str
    src_lang: str
    tgt_lang: str
    mode: str
    decision: str
    reason: str
    similarity: float
    units: List[Unit]
    #: Problems met reading the two articles that did not stop the work
    #: (bytes that could not be decoded and were replaced, ...), and notes
    #: (over-long sentences split, ...), as ``align`` prints them.
    warnings: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    _pair: Any = field(repr=False, compare=False, default=None)

    @classmethod
    def _of(cls, pair: Any, min_score: float = 0.0) -> "PairAlignment":
        return cls(pair.src.name, pair.tgt.name, pair.src.lang, pair.tgt.lang,
                   pair.mode, pair.decision, pair.reason, pair.similarity,
                   _units(pair, min_score),
                   list(pair.src.warnings) + list(pair.tgt.warnings),
                   list(pair.src.notes) + list(pair.tgt.notes), pair)

    @property
    def src_sentences(self) -> List[str]:
        """The source article's segments, in order (what ``src_ids`` index)."""
        return [s["text"] for s in self._pair.src.segments()]

    @property
    def tgt_sentences(self) -> List[str]:
        """The target article's segments, in order (what ``tgt_ids`` index)."""
        return [s["text"] for s in self._pair.tgt.segments()]

    def to_records(self) -> List[Dict[str, Any]]:
        """One plain dict per unit, ready for ``pandas.DataFrame`` or ``datasets``.

        Keys: src, tgt, score, src_ids, tgt_ids (lists), bead, src_lang,
        tgt_lang, src_document, tgt_document, mode.
        """
        return [{
            "src": u.src,
            "tgt": u.tgt,
            "score": u.score,
            "src_ids": list(u.src_ids),
            "tgt_ids": list(u.tgt_ids),
            "bead": u.bead,
            "src_lang": self.src_lang,
            "tgt_lang": self.tgt_lang,
            "src_document": self.src_name,
            "tgt_document": self.tgt_name,
            "mode": self.mode,
        } for u in self.units]

    def to_dataframe(self) -> Any:
        """The units as a ``pandas.DataFrame`` (one row per unit; needs pandas)."""
        return _dataframe(self.to_records())

    def to_tmx(self, path: Optional[Union[str, "os.PathLike[str]"]] = None,
               min_score: float = 0.0,
               creation_time: Optional[float] = None) -> Optional[str]:
        """The units as TMX 1.4b, as ``align`` writes them.

        Returns the document when ``path`` is None, else writes it there
        (through a temporary file renamed into place) and returns None.
        ``creation_time`` (seconds since the epoch) makes the file
        reproducible; the current time otherwise.
        """
        return render([self], "tmx", path, min_score=min_score,
                      creation_time=creation_time)


@dataclass(frozen=True)
class Article:
    """One article of :func:`align_articles`: its name, language and story."""

    index: int
    name: str
    lang: str
    lang_confidence: float
    story: int
    metadata: Dict[str, str]
    warnings: List[str]
    notes: List[str]


@dataclass(frozen=True)
class Decision:
    """What was decided for one pair of articles, aligned or not.

    ``src`` and ``tgt`` are indices into :attr:`ArticlesAlignment.articles`;
    ``decision`` is "translation", "comparable" or "unrelated"; ``reason``
    gives the story decision, then the mode decision; ``pair`` is the index
    into :attr:`ArticlesAlignment.pairs`, or None when not aligned.
    """

    src: int
    tgt: int
    similarity: float
    story: int
    decision: str
    reason: str
    pair: Optional[int]


@dataclass
class ArticlesAlignment:
    """The result of :func:`align_articles`."""

    articles: List[Article]
    stories: List[List[int]]
    decisions: List[Decision]
    pairs: List[PairAlignment]
    #: Inputs left out (an unreadable list file, a folder without articles).
    skipped: List[str] = field(default_factory=list)

    @property
    def units(self) -> List[Unit]:
        """Every unit of every aligned pair, pair after pair."""
        return [u for p in self.pairs for u in p.units]

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per unit of every pair (see :meth:`PairAlignment.to_records`)."""
        return [r for p in self.pairs for r in p.to_records()]

    def to_dataframe(self) -> Any:
        """Every unit as a ``pandas.DataFrame`` (needs pandas)."""
        return _dataframe(self.to_records())

    def decision_records(self) -> List[Dict[str, Any]]:
        """One dict per decision, with the article names."""
        return [{
            "src": self.articles[d.src].name,
            "tgt": self.articles[d.tgt].name,
            "similarity": d.similarity,
            "story": d.story,
            "decision": d.decision,
            "reason": d.reason,
            "units": len(self.pairs[d.pair].units) if d.pair is not None else 0,
        } for d in self.decisions]

    def write(self, folder: Union[str, "os.PathLike[str]"], format: str = "tmx",
              min_score: float = 0.0,
              creation_time: Optional[float] = None) -> List[str]:
        """Writes one file per language pair into ``folder``, as ``align -o DIR``.

        Files are named SRC-TGT plus the format's extension (en-uk.tmx);
        returns their paths.
        """
        os.makedirs(folder, exist_ok=True)
        groups: Dict[str, List[PairAlignment]] = {}
        for p in self.pairs:
            if p.decision != "unrelated":
                groups.setdefault(f"{p.src_lang}-{p.tgt_lang}", []).append(p)
        extensions = {"tmx": ".tmx", "tsv": ".tsv", "jsonl": ".jsonl",
                      "xliff": ".xlf", "moses": ""}
        if format not in extensions:
            raise InvalidArgumentError(
                f"format must be one of {', '.join(extensions)}, not '{format}'",
                StatusCode.INVALID_ARGUMENT)
        written = []
        for langs, pairs in sorted(groups.items()):
            path = os.path.join(os.fspath(folder), langs + extensions[format])
            render(pairs, format, path, min_score=min_score,
                   creation_time=creation_time)
            written.append(path)
        return written


@dataclass(frozen=True)
class Sentence:
    """A segment of :func:`split`: its text, byte offsets, paragraph, kind, language.

    ``start`` and ``end`` are byte offsets into the UTF-8 text (end
    exclusive); ``kind`` is "sentence", "heading" or "boilerplate".
    """

    text: str
    start: int
    end: int
    paragraph: int
    kind: str
    lang: str


@dataclass(frozen=True)
class Detection:
    """The language of a text, as ``align detect`` reports it.

    ``runs`` are passages in another language than the text's:
    dicts with lang, first_sentence, end_sentence, begin_byte, end_byte.
    """

    lang: str
    confidence: float
    sentences: int
    sentences_by_lang: Dict[str, int]
    other_share: float
    runs: List[Dict[str, Any]]


def _dataframe(records: List[Dict[str, Any]]) -> Any:
    try:
        import pandas
    except ImportError as e:  # pandas is optional
        raise ImportError(
            "to_dataframe() needs pandas (Debian: apt-get install python3-pandas); "
            "to_records() gives the same rows as dicts") from e
    columns = ["src", "tgt", "score", "src_ids", "tgt_ids", "bead", "src_lang",
               "tgt_lang", "src_document", "tgt_document", "mode"]
    return pandas.DataFrame.from_records(records, columns=columns)


def _is_path(value: Any) -> bool:
    return isinstance(value, os.PathLike)


def _is_sentences(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def _check_lang(lang: Optional[str], what: str) -> str:
    if lang is None or lang == "":
        return ""
    if not isinstance(lang, str):
        raise InvalidArgumentError(f"{what} must be a language tag such as 'en', "
                                   f"not {type(lang).__name__}")
    try:
        _core.check_language_tag(lang)
    except Error as e:
        raise InvalidArgumentError(
            f"{what} '{lang}' is not a language tag ({e.message})") from None
    return lang


def _bytes_of(value: Any, what: str) -> bytes:
    """The UTF-8 bytes of a text, raw bytes, or a list of sentences."""
    if isinstance(value, bytes):
        return value
    if _is_sentences(value):
        lines = []
        for i, sentence in enumerate(value):
            if not isinstance(sentence, str):
                raise InvalidArgumentError(
                    f"{what}: sentence {i} is {type(sentence).__name__}, not str")
            # One sentence per line: a line break inside one becomes a space.
            lines.append(" ".join(sentence.splitlines()))
        value = "\n".join(lines)
        if not value.strip():
            raise FailedPreconditionError(f"{what}: no sentences")
    if not isinstance(value, str):
        raise InvalidArgumentError(
            f"{what} must be str, bytes, a path or a list of sentences, "
            f"not {type(value).__name__}")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidArgumentError(
            f"{what}: not valid Unicode text (a lone surrogate at character "
            f"{e.start}); decode the input with errors='replace' first") from None


@functools.lru_cache(maxsize=8)
def _pipeline(lid_model: str = "", mode: str = "auto", presegmented: bool = False,
              languages_given: bool = False, dictionary: str = "",
              dictionary_format: str = "auto", input_format: str = "auto",
              encoding: str = "", same_story: float = -1.0,
              default_lang: str = "") -> Any:
    """A loaded pipeline, kept for the next call with the same options."""
    return _core.Pipeline(lid_model=lid_model, mode=mode,
                          presegmented=presegmented,
                          languages_given=languages_given,
                          dictionary=dictionary,
                          dictionary_format=dictionary_format,
                          input_format=input_format, encoding=encoding,
                          same_story=same_story, default_lang=default_lang)


def _path(value: Optional[Union[str, "os.PathLike[str]"]]) -> str:
    return "" if value is None else os.fspath(value)


def _check_mode(mode: str) -> None:
    if mode not in _MODES:
        raise InvalidArgumentError(
            f"mode must be auto, translation or comparable, not '{mode}'")


def align(src: Side, tgt: Side, src_lang: Optional[str] = None,
          tgt_lang: Optional[str] = None, mode: str = "auto",
          dictionary: Optional[Union[str, "os.PathLike[str]"]] = None,
          presegmented: bool = False, *, min_score: float = 0.0,
          lid_model: Optional[Union[str, "os.PathLike[str]"]] = None,
          dictionary_format: str = "auto", input_format: str = "auto",
          encoding: Optional[str] = None, src_name: str = "src",
          tgt_name: str = "tgt") -> PairAlignment:
    """Aligns the sentences of two articles, as ``align SRC TGT`` does.

    ``src`` and ``tgt`` are each a text (``str``), the bytes of a file, a
    path (``pathlib.Path``; read as the ``align`` tool reads files: HTML
    pages, legacy encodings) or a list of sentences (no sentence splitting;
    ids are list indices). ``presegmented=True`` reads texts as one
    sentence per line; a list of sentences implies it.

    ``src_lang``/``tgt_lang`` give the languages (BCP-47), detected when
    None; ``mode`` is "auto" (decide per pair, the reason is in the
    result), "translation" or "comparable"; ``dictionary`` is a bilingual
    dictionary file (``align --dict``); pair units scoring below
    ``min_score`` are left out. ``src_name``/``tgt_name`` name texts in
    messages and in the TMX.

    Returns a :class:`PairAlignment`. Raises :class:`Error` subclasses:
    :class:`FailedPreconditionError` for an empty text,
    :class:`NotFoundError` for a missing file or model, and so on.
    """
    _check_mode(mode)
    src_lang = _check_lang(src_lang, "src_lang")
    tgt_lang = _check_lang(tgt_lang, "tgt_lang")
    presegmented = bool(presegmented) or _is_sentences(src) or _is_sentences(tgt)
    # Pre-segmented input whose languages are given needs no model (as
    # `align --presegmented --src-lang X --tgt-lang Y`).
    languages_given = presegmented and bool(src_lang) and bool(tgt_lang)
    pipeline = _pipeline(_path(lid_model), mode, presegmented, languages_given,
                         _path(dictionary), dictionary_format, input_format,
                         encoding or "")
    if _is_path(src) and _is_path(tgt):
        pair = pipeline.align_files(os.fspath(src), os.fspath(tgt), src_lang,
                                    tgt_lang)
    elif not _is_path(src) and not _is_path(tgt):
        options = _core.AlignTextsOptions()
        options.src_lang, options.tgt_lang = src_lang, tgt_lang
        options.src_name, options.tgt_name = src_name, tgt_name
        pair = pipeline.align_texts(_bytes_of(src, src_name),
                                    _bytes_of(tgt, tgt_name), options)
    else:
        docs = [
            pipeline.prepare_file(os.fspath(side), lang) if _is_path(side) else
            pipeline.prepare_text(name, _bytes_of(side, name), lang)
            for side, name, lang in ((src, src_name, src_lang),
                                     (tgt, tgt_name, tgt_lang))
        ]
        pair = pipeline.align_documents(docs[0], docs[1])
    return PairAlignment._of(pair, min_score)


def align_articles(articles: Iterable[Union[ArticleInput, Tuple[str, Union[str, bytes]]]],
                   mode: str = "auto",
                   dictionary: Optional[Union[str, "os.PathLike[str]"]] = None,
                   *, pairs: Optional[Sequence[Tuple[int, int]]] = None,
                   jobs: int = 1, min_score: float = 0.0,
                   same_story: Optional[float] = None,
                   lid_model: Optional[Union[str, "os.PathLike[str]"]] = None,
                   dictionary_format: str = "auto", input_format: str = "auto",
                   encoding: Optional[str] = None) -> ArticlesAlignment:
    """Aligns many articles, as ``align FILE|DIR|@LIST... -o DIR`` does.

    Each item of ``articles`` is a path (``pathlib.Path``: a file, a folder
    of *.txt and *.html files, or "@LIST" naming one article per line), a
    text (``str``, named "text N"), raw bytes, or a ``(name, text)`` tuple.
    The articles are grouped into stories; every pair inside a story is
    aligned, none across stories; each pair considered gets a
    :class:`Decision` with its reason. ``pairs`` (indices into the
    articles, source first) aligns exactly those pairs, without grouping.
    ``jobs`` threads align pairs in parallel.

    Raises :class:`Error` for an article that cannot be read (the message
    names it).
    """
    _check_mode(mode)
    pipeline = _pipeline(_path(lid_model), mode, False, False, _path(dictionary),
                         dictionary_format, input_format, encoding or "",
                         -1.0 if same_story is None else float(same_story))
    docs, skipped = [], []
    for i, item in enumerate(articles):
        if _is_path(item):
            files, left_out, _ = _core.expand_inputs([os.fspath(item)])
            skipped += left_out
            docs += [pipeline.prepare_file(f, "") for f in files]
        elif isinstance(item, tuple) and len(item) == 2:
            name, text = item
            docs.append(pipeline.prepare_text(str(name), _bytes_of(text, str(name)), ""))
        else:
            name = f"text {i}"
            docs.append(pipeline.prepare_text(name, _bytes_of(item, name), ""))
    if len(docs) < 2:
        raise FailedPreconditionError(
            f"align_articles needs two or more articles, got {len(docs)}")
    run = pipeline.align_collection(docs, int(jobs), list(pairs or []))
    story_of = list(run.story_of)
    aligned = [PairAlignment._of(p, min_score) for p in run.pairs]
    result = ArticlesAlignment(
        articles=[
            Article(i, d.name, d.lang, d.lang_confidence,
                    story_of[i] if i < len(story_of) else -1, d.metadata,
                    list(d.warnings), list(d.notes)) for i, d in enumerate(docs)
        ],
        stories=[],
        decisions=[
            Decision(d.src, d.tgt, d.similarity, d.story, d.decision, d.reason,
                     d.aligned if d.aligned >= 0 else None) for d in run.decisions
        ],
        pairs=aligned,
        skipped=skipped)
    stories: Dict[int, List[int]] = {}
    for i, s in enumerate(story_of):
        stories.setdefault(s, []).append(i)
    result.stories = [stories[s] for s in sorted(stories)]
    return result


def _prepare(pipeline: Any, text: ArticleInput, lang: str) -> Any:
    if _is_path(text):
        return pipeline.prepare_file(os.fspath(text), lang)
    return pipeline.prepare_text("text", _bytes_of(text, "text"), lang)


def detect(text: ArticleInput, *, lid_model: Optional[Union[str, "os.PathLike[str]"]] = None,
           input_format: str = "auto",
           encoding: Optional[str] = None) -> Detection:
    """The language of a text (``str``, bytes or a path), as ``align detect``.

    The language is decided from every sentence, weighted by length and
    confidence; ``runs`` lists passages in other languages.
    """
    pipeline = _pipeline(_path(lid_model), "auto", False, False, "", "auto",
                         input_format, encoding or "")
    doc = _prepare(pipeline, text, "")
    shares = doc.languages()
    return Detection(doc.lang, doc.lang_confidence, shares["sentences"],
                     dict(shares["sentences_by_lang"]), shares["other_share"],
                     list(shares["runs"]))


def split(text: ArticleInput, lang: Optional[str] = None, *,
          lid_model: Optional[Union[str, "os.PathLike[str]"]] = None,
          input_format: str = "auto",
          encoding: Optional[str] = None) -> List[Sentence]:
    """The sentences, headings and boilerplate of a text, as ``align split``.

    ``lang`` picks the segmentation rules (detected when None; then the
    model is needed). An empty or blank text has no segments.
    """
    lang = _check_lang(lang, "lang")
    pipeline = _pipeline(_path(lid_model), "auto", False, bool(lang), "", "auto",
                         input_format, encoding or "", -1.0, lang)
    try:
        doc = _prepare(pipeline, text, lang)
    except FailedPreconditionError:
        # As `align split`: an empty or blank article has no segments.
        return []
    return [Sentence(**s) for s in doc.segments()]


def render(alignments: Sequence[PairAlignment], format: str = "tmx",
           path: Optional[Union[str, "os.PathLike[str]"]] = None, *,
           min_score: float = 0.0, creation_time: Optional[float] = None,
           replace: bool = True) -> Optional[str]:
    """Formats alignments as ``align --format FORMAT`` does.

    ``format`` is tmx, tsv, jsonl, xliff, beads (one pair) or moses (needs
    ``path``: two files). Without ``path`` returns the text; with it writes
    the file(s) atomically (an existing file is refused unless
    ``replace``) and returns None.
    """
    pairs = [a._pair for a in alignments]
    if path is None:
        files = _core.render(format, "", pairs, min_score, creation_time)
        return files[0][1]
    _core.write(format, os.fspath(path), pairs, min_score, creation_time, replace)
    return None


def write_tmx(path: Union[str, "os.PathLike[str]"],
              units: Union[Sequence[PairAlignment], PairAlignment, "TmxMemory"], *,
              min_score: float = 0.0,
              creation_time: Optional[float] = None) -> None:
    """Writes a TMX 1.4b file: from alignments, or a memory from :func:`read_tmx`."""
    if isinstance(units, _core.TmxMemory):
        _core.write_tmx_memory(os.fspath(path), units, creation_time)
        return
    if isinstance(units, PairAlignment):
        units = [units]
    render(units, "tmx", path, min_score=min_score, creation_time=creation_time)


def read_tmx(path: Union[str, "os.PathLike[str]"]) -> "TmxMemory":
    """Reads a translation memory (TMX 1.1 to 1.4b) that any tool wrote.

    Returns a :class:`TmxMemory`: ``header``, ``units`` (each with
    ``tuid``, ``props`` and ``variants``: ``lang``, ``text``), and
    ``warnings`` for parts left out.
    """
    return _core.read_tmx(os.fspath(path))


def parse_tmx(data: Union[str, bytes], name: str = "tmx") -> "TmxMemory":
    """Reads a translation memory held in memory (see :func:`read_tmx`)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return _core.parse_tmx(name, data)


def tmx_records(memory: "TmxMemory") -> List[Dict[str, Any]]:
    """One dict per TMX unit: tuid, then each variant's text under its language."""
    records = []
    for unit in memory.units:
        record: Dict[str, Any] = {"tuid": unit.tuid}
        for variant in unit.variants:
            record.setdefault(variant.lang, variant.text)
        records.append(record)
    return records


def find_lid_model(path: Optional[Union[str, "os.PathLike[str]"]] = None) -> str:
    """The language-ID model's path, found as the ``align`` tool finds it."""
    return _core.find_lid_model(_path(path))
