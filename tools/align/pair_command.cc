#include "pair_command.h"

#include <utility>
#include <vector>

#include "collection_command.h"
#include "crossalign/collection.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"
#include "run_messages.h"

namespace crossalign::cli {

const char* const kPairCommandUsage =
    R"(Usage: align [OPTIONS] SRC TGT [-o OUT.tmx]
       align [OPTIONS] FILE|DIR|@LIST... -o DIR
       align batch MANIFEST -o DIR   a news archive (align batch --help)
       align merge IN.tmx... -o OUT.tmx   merge memories (align merge --help)
       align review IN.tmx... -o PAGE.html   review in a browser (align review --help)
       align dict ...     build dictionaries (align dict --help)
       align split FILE   sentences, headings and boilerplate (align split --help)
       align detect FILE...   the language of articles or lines (align detect --help)

Aligns the sentences of article SRC with those of article TGT and writes a
TMX 1.4b translation memory, to OUT.tmx or to stdout. With more articles (files,
folders of *.txt and *.html, or @LIST files naming one article per line)
and -o DIR, it pairs up the articles that report the same story (never an
article with itself), aligns each pair, and writes one TMX per language pair
into DIR (en-uk.tmx, en-en.tmx; the language with more articles is the
source). HTML pages are read as the article they hold (see --input-format).

Options:
  -o, --output FILE    write the TMX here (through a temporary file that is
                       renamed into place); stdout when absent
  --src-lang LANG      language of SRC (BCP-47); detected when absent
  --tgt-lang LANG      language of TGT (BCP-47); detected when absent
  --lid-model PATH     fastText language-ID model; default: $CROSSALIGN_LID_MODEL,
                       then the installed data folder, then the source tree's
                       models/lid.176.ftz (scripts/setup.sh fetches it)
  --encoding ENC       the inputs' encoding (ICU name: windows-1251, KOI8-U,
                       EUC-KR, UTF-16, ...); detected when absent (for
                       HTML: BOM, then the page's <meta charset>)
  --input-format F     text, html or auto (default): HTML pages, told by a
                       doctype or <html> root or a .html/.htm name, are read
                       as the article they hold (headline and body, without
                       menus, ads, related lists); their URL, outlet and
                       date go into the TMX as x-url, x-outlet, x-date
  --max-file-size MB   refuse larger input files (default 64)
  --mode MODE          translation (in order), comparable (independent reports
                       of one story: shared passages in any order) or auto
                       (default: decided per pair; the reason is in the TMX
                       header and, with -v, on stderr)
  --min-score X        leave out units scoring below X (0..1; default 0)
  --jobs N             threads for many articles (default 1)
  --clusters FILE      also write passage clusters as JSON lines: each fact or
                       quote shared by two or more articles, with its passages
  --report FILE        write one JSON line per article pair considered: src,
                       tgt, similarity (0..1), decision (translation,
                       comparable or unrelated), reason, units (written),
                       story; -v prints the same lines on stderr
  --same-story X       articles sharing less than this story similarity
                       (0..1, default 0.10; see README) are different
                       stories: never paired, and in two-file mode nothing is
                       aligned (a warning, exit 1)
  --pairs FILE         align exactly the pairs listed in FILE, one
                       'src<TAB>tgt' per line, with no story grouping (the
                       articles need not be named again); -o DIR
  --force              replace existing output files (default: refuse)
  --strict             with many articles, stop at the first bad one (default:
                       report it, skip it, go on, exit 1)
  -v, --verbose        report the mode decision and unit counts on stderr
  --date DATE          creationdate for reproducible files
                       (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ)
  --keep-boilerplate   align boilerplate lines too
  --line-breaks MODE   auto (default), sentence (a line break ends a sentence:
                       one paragraph per line) or join (hard-wrapped text)
  --srx FILE           SRX 2.0 segmentation rules (OmegaT, Okapi) that decide
                       first where they match
  --rules DIR          folder of <lang>.rules files extending the built-in
                       segmentation rules (see README)
  --max-sentence-length N  split longer sentences (characters; default 2000)
  --dict FILE          bilingual dictionary SRC->TGT, one pair per line:
                       'source @ target' in crossalign's .dict files,
                       'target @ source' in hunalign's .dic files (the order
                       is chosen by the name; see align dict --help)
  --dict-format F      auto (default: by name or a '# format:' first line),
                       crossalign ('source @ target') or hunalign
                       ('target @ source')
  --lexical-weight X   weight of lexical evidence (numbers, words, cognates,
                       learned lexicon) against sentence lengths; default 1.5,
                       0 aligns by length alone
  --no-lexicon         do not learn a word-translation lexicon (one pass)
  --presegmented       SRC and TGT hold one sentence per line: no sentence
                       splitting (and no language ID with --src/--tgt-lang)
  --format FORMAT      tmx (default), or (with many articles one file per
                       language pair: en-uk.tsv, en-uk.en + en-uk.uk, ...)
                       tsv    source<TAB>target<TAB>score<TAB>bead<TAB>document
                              after a header line; in the text a backslash
                              is written \\, a tab \t, a line feed \n, a
                              carriage return \r; document is "SRC -> TGT"
                       moses  two line-aligned files, OUT.SRCLANG and
                              OUT.TGTLANG (OUT.src.LANG and OUT.tgt.LANG
                              when both languages are the same); needs -o OUT
                       jsonl  one JSON object per bead (1-0 and 0-1 too):
                              documents, mode, bead, score, and per side
                              lang, outlet, date, text and each segment's
                              byte offsets, paragraph, kind and language
                       xliff  XLIFF 1.2 for review (see --review-below)
                       beads  (two articles only)
                              src_ids<TAB>tgt_ids<TAB>score with
                              comma-separated 0-based sentence indices
                              (empty side for 1-0 and 0-1)
  --review-below X     with --format xliff, units scoring below X (0..1,
                       default 0.5) get state="needs-review-translation",
                       the others state="translated"
  --review PAGE.html   also write a review page for the units (see align
                       review --help): one HTML file to read, accept and
                       reject them in a browser
  -q, --quiet          no summary line on success, no progress lines
                       (many-article mode); errors and warnings are still
                       printed
  -h, --help           show this help
  --version            show the version

Exit codes (the same for every subcommand):
  0  ok
  1  some inputs were skipped, or damaged but used (a warning, printed
     "align: warning: ...": undecodable bytes replaced, units left out...),
     each with a message; the output was still written
  2  usage error
  3  no usable input (missing, empty, binary or invalid file; missing model)
  4  output not writable
)";

namespace {

// `align SRC TGT`, once the options are parsed.
struct PairRequest {
  std::string output, src_lang, tgt_lang, review_path, report_path;
  OutputFormat format;
  bool verbose, quiet;
  std::vector<std::string> files;
};

int AlignPair(PipelineOptions options, const WriterOptions& writer,
              const PairRequest& request) {
  PairJob job;
  job.src_file = request.files[0];
  job.tgt_file = request.files[1];
  job.src_lang = request.src_lang;
  job.tgt_lang = request.tgt_lang;
  job.output = request.output;
  job.report_path = request.report_path;
  job.review_path = request.review_path;
  job.format = request.format;
  job.writer = writer;
  job.writer.replace = Overwrite();
  job.report = PrintRunMessages(request.verbose, request.quiet);
  return RunExitCode(RunPairJob(std::move(options), job));
}

}  // namespace

int RunPairCommand(Args* args) {
  PipelineOptions options;
  WriterOptions writer;
  std::string output, src_lang, tgt_lang, value, error;
  OutputFormat format = OutputFormat::kTmx;
  std::string review_path;
  bool verbose = false, quiet = false;
  CollectionRequest collection;
  std::vector<std::string> files;
  while (!args->Done()) {
    int exit_code = kExitOk;
    if (args->Value("--src-lang", &src_lang, &error)) {
      CheckLanguageTag("--src-lang", src_lang, &error);
    } else if (args->Value("--tgt-lang", &tgt_lang, &error)) {
      CheckLanguageTag("--tgt-lang", tgt_lang, &error);
    } else if (args->Value("-o", "--output", &output, &error) ||
               args->Value("--clusters", &collection.clusters_path, &error) ||
               args->Value("--report", &collection.report_path, &error) ||
               args->Value("--pairs", &collection.pairs_path, &error) ||
               args->Value("--review", &review_path, &error)) {
    } else if (ParsePipelineOption(args, &options, &writer, &error,
                                   &exit_code)) {
      if (exit_code != kExitOk) return exit_code;
    } else if (args->Value("--jobs", &value, &error)) {
      uint64_t jobs = 1;
      if (error.empty() && !ParseCount(value, 1, 256, &jobs)) {
        error =
            "--jobs needs a whole number from 1 to 256, not '" + value + "'";
      }
      collection.jobs = static_cast<int>(jobs);
    } else if (args->Value("--format", &value, &error)) {
      if (error.empty()) {
        auto parsed = ParseOutputFormat(value);
        if (parsed.ok()) format = *parsed;
        if (!parsed.ok()) {
          error =
              "--format must be tmx, tsv, moses, jsonl, xliff or beads, not '" +
              value + "'";
        }
      }
    } else if (args->Value("--review-below", &value, &error)) {
      if (error.empty() &&
          !ParseDouble(value, 0.0, 1.0, &writer.review_below)) {
        error = "--review-below needs a number between 0 and 1, not '" + value +
                "'";
      }
    } else if (args->Peek() == "-v" || args->Peek() == "--verbose") {
      args->Next();
      verbose = true;
    } else if (args->Peek() == "-q" || args->Peek() == "--quiet") {
      args->Next();
      quiet = true;
    } else if (args->Peek() == "--strict") {
      args->Next();
      collection.strict = true;
    } else if (args->Peek() == "--presegmented") {
      args->Next();
      options.presegmented = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      files.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError(error + " (see align --help)");
      return kExitUsage;
    }
  }
  if (!review_path.empty() && !MayWrite(review_path)) return kExitOutput;
  if (format == OutputFormat::kMoses && output.empty()) {
    PrintError(
        "--format moses writes two files: give -o OUT (see align --help)");
    return kExitUsage;
  }
  if (files.empty() && !collection.pairs_path.empty() && !output.empty()) {
    // --pairs names the articles itself.
  } else if (files.empty()) {
    PrintError("no article files given (see align --help)");
    return kExitUsage;
  }
  if (IsCollectionRequest(files, output) || !collection.clusters_path.empty() ||
      !collection.pairs_path.empty()) {
    if (format == OutputFormat::kBeads) {
      PrintError(
          "--format beads needs two articles; many-article mode writes one "
          "file per language pair (see align --help)");
      return kExitUsage;
    }
    collection.format = format;
    collection.inputs = files;
    collection.output_dir = output;
    collection.verbose = verbose;
    collection.review_path = review_path;
    collection.quiet = quiet;
    return RunCollection(options, writer, collection);
  }

  PairRequest request{
      output, src_lang, tgt_lang, review_path, collection.report_path,
      format, verbose,  quiet,    files};
  return AlignPair(std::move(options), writer, request);
}

}  // namespace crossalign::cli
