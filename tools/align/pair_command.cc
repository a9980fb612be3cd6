#include <sys/stat.h>

#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

#include "collection_command.h"
#include "commands.h"
#include "crossalign/pipeline.h"
#include "crossalign/writers.h"
#include "jobs/collection_job.h"
#include "run_messages.h"

namespace crossalign::cli {

namespace {

// The command line of `align SRC TGT` and of many-article mode.
struct PairCommandLine {
  PipelineOptions options;
  WriterOptions writer;
  std::string output, src_lang, tgt_lang, review_path;
  OutputFormat format = OutputFormat::kTmx;
  bool verbose = false, quiet = false;
  CollectionRequest collection;
  std::vector<std::string> files;
};

const char* const kPairUsageHeader =
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
)";

const char* const kPairUsageFooter = R"(
Exit codes (the same for every subcommand):
  0  ok
  1  some inputs were skipped, or damaged but used (a warning, printed
     "align: warning: ...": undecodable bytes replaced, units left out...),
     each with a message; the output was still written
  2  usage error
  3  no usable input (missing, empty, binary or invalid file; missing model)
  4  output not writable
  5  internal error (a bug; the message asks to report it)
)";

// --format, with the list of formats in its help.
Option FormatOption(PairCommandLine* c) {
  return {
      "--format", "FORMAT",
      R"(tmx (default), or (with many articles one file per
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
       (empty side for 1-0 and 0-1))",
      [c](const std::string& value, std::string* error) -> int {
        auto parsed = ParseOutputFormat(value);
        if (parsed.ok()) {
          c->format = *parsed;
          return kExitOk;
        }
        *error =
            "--format must be tmx, tsv, moses, jsonl, xliff or beads, not '" +
            value + "'";
        return kExitUsage;
      }};
}

Command PairCommand(PairCommandLine* c) {
  Command command;
  command.header = kPairUsageHeader;
  Options pipeline = PipelineOptionTable(&c->options, &c->writer);
  Options& o = command.options;
  o = {{"-o, --output", "FILE",
        "write the TMX here (through a temporary file that is\n"
        "renamed into place); stdout when absent",
        StoreName(&c->output)},
       {"--src-lang", "LANG", "language of SRC (BCP-47); detected when absent",
        Language(&c->src_lang, "--src-lang")},
       {"--tgt-lang", "LANG", "language of TGT (BCP-47); detected when absent",
        Language(&c->tgt_lang, "--tgt-lang")}};
  Move(&o, &pipeline,
       {"--lid-model", "--encoding", "--input-format", "--max-file-size",
        "--mode", "--min-score"});
  CollectionRequest* collection = &c->collection;
  o.push_back({"--jobs", "N", "threads for many articles (default 1)",
               Count(&collection->jobs, 1, 256,
                     "--jobs needs a whole number from 1 to 256, not '{}'")});
  o.push_back({"--clusters", "FILE",
               "also write passage clusters as JSON lines: each fact or\n"
               "quote shared by two or more articles, with its passages",
               Store(&collection->clusters_path)});
  o.push_back({"--report", "FILE",
               "write one JSON line per article pair considered: src,\n"
               "tgt, similarity (0..1), decision (translation,\n"
               "comparable or unrelated), reason, units (written),\n"
               "story; -v prints the same lines on stderr",
               Store(&collection->report_path)});
  Move(&o, &pipeline, {"--same-story"});
  o.push_back({"--window", "DAYS",
               "compare only articles dated (header line or HTML\n"
               "metadata) at most DAYS apart; undated ones with all",
               Count(&c->options.stories.window_days, 1, 100000,
                     "--window needs a whole number of days from 1 to "
                     "100000, not '{}'")});
  o.push_back({"--stories", "FILE",
               "do not align: write a batch manifest of the stories\n"
               "found (one item per story of two or more articles) to\n"
               "FILE, for align batch FILE -o DIR (--slurm-script),\n"
               "so that each task aligns whole stories",
               Store(&collection->stories_path)});
  o.push_back({"--pairs", "FILE",
               "align exactly the pairs listed in FILE, one\n"
               "'src<TAB>tgt' per line, with no story grouping (the\n"
               "articles need not be named again); -o DIR",
               Store(&collection->pairs_path)});
  Move(&o, &pipeline, {"--force"});
  o.push_back({"--strict", "",
               "with many articles, stop at the first bad one (default:\n"
               "report it, skip it, go on, exit 1)",
               Set(&collection->strict)});
  o.push_back({"-v, --verbose", "",
               "report the mode decision and unit counts on stderr",
               Set(&c->verbose)});
  Move(&o, &pipeline,
       {"--date", "--keep-boilerplate", "--line-breaks", "--srx", "--rules",
        "--max-sentence-length", "--dict", "--dict-format", "--lexical-weight",
        "--no-lexicon"});
  o.push_back({"--presegmented", "",
               "SRC and TGT hold one sentence per line: no sentence\n"
               "splitting (and no language ID with --src/--tgt-lang)",
               Set(&c->options.presegmented)});
  o.push_back(FormatOption(c));
  o.push_back(
      {"--review-below", "X",
       "with --format xliff, units scoring below X (0..1,\n"
       "default 0.5) get state=\"needs-review-translation\",\n"
       "the others state=\"translated\"",
       Number(&c->writer.review_below, 0.0, 1.0,
              "--review-below needs a number between 0 and 1, not '{}'")});
  o.push_back({"--review", "PAGE.html",
               "also write a review page for the units (see align\n"
               "review --help): one HTML file to read, accept and\n"
               "reject them in a browser",
               Store(&c->review_path)});
  o.push_back({"-q, --quiet", "",
               "no summary line on success, no progress lines\n"
               "(many-article mode); errors and warnings are still\n"
               "printed",
               Set(&c->quiet)});
  o.push_back({"-h, --help", "", "show this help", {}});
  o.push_back({"--version", "", "show the version", {}});
  AppendUnlisted(&o, std::move(pipeline));
  command.footer = kPairUsageFooter;
  command.error_suffix = " (see align --help)";
  command.help = false;  // align -h, as the first argument only (main)
  command.operand = Append(&c->files);
  return command;
}

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

// Whether `a` and `b` name one existing file (by device and inode, so that
// "x.txt" and "./x.txt" or a hard link are one).
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// One plain article: not a folder or an @LIST, which hold several.
bool IsOneArticle(const std::string& path) {
  struct stat st;
  return !path.empty() && path[0] != '@' &&
         !(::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode));
}

}  // namespace

std::string PairCommandUsage() {
  PairCommandLine c;
  return Usage(PairCommand(&c));
}

int RunPairCommand(Args* args) {
  PairCommandLine c;
  int exit_code = kExitOk;
  if (!ParseCommandLine(PairCommand(&c), args, &exit_code)) return exit_code;
  PipelineOptions& options = c.options;
  const WriterOptions& writer = c.writer;
  const std::string &output = c.output, &review_path = c.review_path;
  const OutputFormat format = c.format;
  CollectionRequest& collection = c.collection;
  const std::vector<std::string>& files = c.files;
  if (!review_path.empty() && !MayWrite(review_path)) return kExitOutput;
  if (format == OutputFormat::kMoses && (output.empty() || output == "-")) {
    PrintError(
        "--format moses writes two files: give -o OUT (see align --help)");
    return kExitUsage;
  }
  if (files.empty() && !collection.pairs_path.empty() && !output.empty()) {
    // --pairs names the articles itself.
  } else if (files.empty()) {
    PrintError("no article files given (see align --help)");
    return kExitUsage;
  } else if (files.size() == 1 && collection.pairs_path.empty() &&
             IsOneArticle(files[0])) {
    // Not many-article mode, which spoke of "several articles".
    PrintError("one article given (" + files[0] +
               "); align needs two, SRC and TGT, or several with -o DIR "
               "(see align --help)");
    return kExitUsage;
  }
  if (IsCollectionRequest(files, output) || !collection.clusters_path.empty() ||
      !collection.pairs_path.empty() || !collection.stories_path.empty()) {
    if (format == OutputFormat::kBeads) {
      PrintError(
          "--format beads needs two articles; many-article mode writes one "
          "file per language pair (see align --help)");
      return kExitUsage;
    }
    collection.format = format;
    collection.inputs = files;
    collection.output_dir = output;
    collection.verbose = c.verbose;
    collection.review_path = review_path;
    collection.quiet = c.quiet;
    return RunCollection(options, writer, collection);
  }

  if (SameFile(files[0], files[1])) {
    PrintError(files[0] + " and " + files[1] +
               " are one file; an article aligned with itself gives only "
               "copies (see align --help)");
    return kExitUsage;
  }
  PairRequest request{
      output, c.src_lang, c.tgt_lang, review_path, collection.report_path,
      format, c.verbose,  c.quiet,    files};
  return AlignPair(std::move(options), writer, request);
}

}  // namespace crossalign::cli
