// `align SRC TGT` and many-article mode, `align FILE|DIR|@LIST... -o DIR`.
#include <iostream>
#include <optional>

#include "cli.h"
#include "crossalign/version.h"
#include "jobs/collection_job.h"

namespace crossalign::cli {
namespace {

// The command line of `align SRC TGT` and of many-article mode.
struct PairCommandLine {
  PipelineCommandLine pipeline;
  std::string output, src_lang, tgt_lang, review_path;
  OutputFormat format = OutputFormat::kTmx;
  bool verbose = false, quiet = false, version = false;
  CollectionJob collection;
  std::vector<std::string> files;
};

std::string PairDescription() {
  return Tr(R"(Usage: align [OPTIONS] SRC TGT [-o OUT.tmx]
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
)");
}

std::string PairFooter() {
  return Tr(R"(
Exit codes (the same for every subcommand):
  0  ok
  1  some inputs were skipped, or damaged but used (a warning, printed
     "align: warning: ...": undecodable bytes replaced, units left out...),
     each with a message; the output was still written
  2  usage error
  3  no usable input (missing, empty, binary or invalid file; missing model)
  4  output not writable
  5  internal error (a bug; the message asks to report it)
)");
}

void AddPairOptions(Command* command, PairCommandLine* c) {
  Command& o = *command;
  CollectionJob* collection = &c->collection;
  o.Name("-o,--output", &c->output, "FILE",
         Tr("write the TMX here (through a temporary file that is\nrenamed "
            "into place); stdout when absent"));
  o.Language("--src-lang", &c->src_lang,
             Tr("language of SRC (BCP-47); detected when absent"));
  o.Language("--tgt-lang", &c->tgt_lang,
             Tr("language of TGT (BCP-47); detected when absent"));
  o.Count("--jobs", &collection->jobs, 1, 256, "N",
          Tr("threads for many articles (default 1)"),
          Tr("--jobs needs a whole number from 1 to 256, not '{1}'"));
  o.Value("--clusters", &collection->clusters_path, "FILE",
          Tr("also write passage clusters as JSON lines: each fact or\nquote "
             "shared by two or more articles, with its passages"));
  o.Value("--report", &collection->report_path, "FILE",
          Tr("write one JSON line per article pair considered: src,\ntgt, "
             "similarity (0..1), decision (translation,\ncomparable or "
             "unrelated), reason, units (written),\nstory; -v prints the "
             "same lines on stderr"));
  o.Count("--window", &c->pipeline.options.stories.window_days, 1, 100000,
          "DAYS",
          Tr("compare only articles dated (header line or HTML\nmetadata) at "
             "most DAYS apart; undated ones with all"),
          Tr("--window needs a whole number of days from 1 to 100000, not "
             "'{1}'"));
  o.Value("--stories", &collection->stories_path, "FILE",
          Tr("do not align: write a batch manifest of the stories\nfound (one "
             "item per story of two or more articles) to\nFILE, for align "
             "batch FILE -o DIR (--slurm-script),\nso that each task aligns "
             "whole stories"));
  o.Value("--pairs", &collection->pairs_path, "FILE",
          Tr("align exactly the pairs listed in FILE, one\n'src<TAB>tgt' per "
             "line, with no story grouping (the\narticles need not be named "
             "again); -o DIR"));
  o.Flag("--strict", &collection->strict,
         Tr("with many articles, stop at the first bad one (default:\nreport "
            "it, skip it, go on, exit 1)"));
  o.Flag("-v,--verbose", &c->verbose,
         Tr("report the mode decision and unit counts on stderr"));
  o.Flag("--presegmented", &c->pipeline.options.presegmented,
         Tr("SRC and TGT hold one sentence per line: no sentence\nsplitting "
            "(and no language ID with --src/--tgt-lang)"));
  o.Custom("--format", "FORMAT",
           Tr(R"(tmx (default), or (with many articles one file per
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
       (empty side for 1-0 and 0-1))"),
           [c](const std::string& value) {
             auto parsed = ParseOutputFormat(value);
             if (!parsed.ok()) {
               throw BadValue(Format(Tr("--format must be tmx, tsv, moses, "
                                        "jsonl, xliff or beads, not '{1}'"),
                                     value));
             }
             c->format = *parsed;
           });
  o.Fraction("--review-below", &c->pipeline.writer.review_below,
             Tr("with --format xliff, units scoring below X (0..1,\ndefault "
                "0.5) get state=\"needs-review-translation\",\nthe others "
                "state=\"translated\""));
  o.Value("--review", &c->review_path, "PAGE.html",
          Tr("also write a review page for the units (see align\nreview "
             "--help): one HTML file to read, accept and\nreject them in a "
             "browser"));
  o.Flag("-q,--quiet", &c->quiet,
         Tr("no summary line on success, no progress lines\n(many-article "
            "mode); errors and warnings are still\nprinted"));
  o.Flag("--version", &c->version, Tr("show the version"));
  AddPipelineOptions(
      command, &c->pipeline,
      {"--lid-model", "--encoding", "--input-format", "--max-file-size",
       "--mode", "--min-score", "--same-story", "--force", "--date",
       "--keep-boilerplate", "--line-breaks", "--srx", "--rules",
       "--max-sentence-length", "--dict", "--dict-format", "--lexical-weight",
       "--no-lexicon"});
  o.Operands(&c->files);
}

// What a PairJob and a CollectionJob take alike from the command line.
template <typename Job>
void FillJob(const PairCommandLine& c, Job* job) {
  job->review_path = c.review_path;
  job->format = c.format;
  job->writer = c.pipeline.writer;
  job->writer.replace = Overwrite();
  job->report = PrintRunMessages(c.verbose, c.quiet);
}

int RunCollection(PairCommandLine* c) {
  CollectionJob& job = c->collection;
  job.inputs = c->files;
  job.output_dir = c->output;
  FillJob(*c, &job);
  std::optional<Progress> progress;  // timed from when aligning starts
  if (!c->quiet) {
    job.progress = [&progress](size_t done, size_t total) {
      if (!progress) progress.emplace(Tr("aligning pairs"));
      (*progress)(done, total);
    };
  }
  return RunExitCode(RunCollectionJob(c->pipeline.options, job));
}

}  // namespace

std::string PairCommandHelp() {
  PairCommandLine c;
  Command command("align", PairDescription(), PairFooter());
  AddPairOptions(&command, &c);
  return command.app().help();
}

int RunPairCommand(int argc, char** argv) {
  PairCommandLine c;
  Command command("align", PairDescription(), PairFooter());
  AddPairOptions(&command, &c);
  const int parsed = command.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (c.version) {
    std::cout << "align (crossalign) " << crossalign::Version() << "\n";
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  if (const int rc = LoadDictionary(&c.pipeline); rc != kExitOk) return rc;
  const std::vector<std::string>& files = c.files;
  if (!c.review_path.empty() && !MayWrite(c.review_path)) return kExitOutput;
  if (c.format == OutputFormat::kMoses &&
      (c.output.empty() || c.output == "-")) {
    return UsageError(Tr("--format moses writes two files: give -o OUT"));
  }
  const bool listed_pairs = !c.collection.pairs_path.empty();
  if (files.empty() && !(listed_pairs && !c.output.empty())) {
    return UsageError(Tr("no article files given"));
  }
  if (files.size() == 1 && !listed_pairs && files[0].rfind('@', 0) != 0 &&
      !IsDirectory(files[0])) {
    // One plain article; not many-article mode, which spoke of "several".
    return UsageError(Format(Tr("one article given ({1}); align needs two, "
                                "SRC and TGT, or several with -o DIR"),
                             files[0]));
  }
  if (IsManyArticleRun(files, c.output,
                       !c.collection.clusters_path.empty() || listed_pairs ||
                           !c.collection.stories_path.empty())) {
    if (c.format == OutputFormat::kBeads) {
      return UsageError(
          Tr("--format beads needs two articles; many-article mode writes "
             "one file per language pair"));
    }
    return RunCollection(&c);
  }
  if (SameFile(files[0], files[1])) {
    return UsageError(Format(Tr("{1} and {2} are one file; an article "
                                "aligned with itself gives only copies"),
                             files[0], files[1]));
  }
  PairJob job;
  job.src_file = files[0];
  job.tgt_file = files[1];
  job.src_lang = c.src_lang;
  job.tgt_lang = c.tgt_lang;
  job.output = c.output;
  job.report_path = c.collection.report_path;
  FillJob(c, &job);
  return RunExitCode(RunPairJob(std::move(c.pipeline.options), job));
}

}  // namespace crossalign::cli
