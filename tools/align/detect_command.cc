// `align detect FILE...`: the language of articles, or of each line.
#include "cli.h"
#include "jobs/detect_job.h"

namespace crossalign::cli {

int RunDetectCommand(int argc, char** argv) {
  PipelineCommandLine c;
  DetectJob job;
  Command o("align detect", Tr(R"(Usage:
  align detect [OPTIONS] FILE...
  align detect --per-line [OPTIONS] FILE|-

Identifies the language of each article: one line per file,
  FILE<TAB>LANG<TAB>CONFIDENCE<TAB>OTHER
where LANG is a BCP-47 code ("und" when undetermined), CONFIDENCE is in
[0, 1] and OTHER is the share of the article's sentences identified as
another language (a quoted paragraph, an interview answer); sentences
without a clear language of their own ("und") do not count as other.

With --per-line, every line of FILE (or of standard input for "-") is
identified on its own and one line is printed per input line, in order:
  LANG<TAB>CONFIDENCE
An empty line gives "und<TAB>0.000".

Options:
)"),
            Tr("\nExit codes: as align --help lists them.\n"));
  o.Flag("--per-line", &job.per_line, Tr("one answer per input line"));
  o.Custom("--format", "FORMAT",
           Tr("text (default) or jsonl: one JSON object per file or\nline; "
              "per file with the sentence counts by language\nand the runs of "
              "sentences in other languages, per\nline with the three best "
              "guesses without --langs"),
           [&job](const std::string& value) {
             if (value != "jsonl" && value != "text") {
               throw BadValue(Format(
                   Tr("--format must be text or jsonl, not '{1}'"), value));
             }
             job.jsonl = value == "jsonl";
           });
  o.Custom("--langs", "L1,L2,...",
           Tr("only answer these languages (BCP-47), e.g. en,uk,ru"),
           [&c](const std::string& value) {
             std::vector<std::string>& langs = c.options.lid.candidates;
             langs.clear();
             for (size_t at = 0; at <= value.size();) {
               const size_t comma = std::min(value.find(',', at), value.size());
               if (comma > at) langs.push_back(value.substr(at, comma - at));
               at = comma + 1;
             }
             if (langs.empty()) {
               throw BadValue(
                   Tr("--langs needs a list of languages such as en,uk,ru"));
             }
             for (const std::string& lang : langs) {
               CheckLanguageTag("--langs", lang);
             }
           });
  o.Fraction("--min-confidence", &c.options.lid.min_confidence,
             Tr("below this confidence answer \"und\" (default 0.25)"));
  AddPipelineOptions(&o, &c, {"--lid-model", "--encoding", "--input-format"});
  o.Operands(&job.files);
  const int parsed = o.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (job.files.empty()) {
    return UsageError(Tr("detect needs at least one FILE"));
  }
  if (job.per_line && job.files.size() != 1) {
    return UsageError(
        Tr("detect --per-line takes one FILE, or - for standard input"));
  }
  job.pipeline = c.options;
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunDetectJob(job));
}

}  // namespace crossalign::cli
