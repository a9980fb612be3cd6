// `align split FILE`: an article's sentences, headings and boilerplate.
#include "cli.h"
#include "jobs/split_job.h"

namespace crossalign::cli {

int RunSplitCommand(int argc, char** argv) {
  PipelineCommandLine c;
  SplitJob job;
  std::string format = "lines";
  std::vector<std::string> inputs;
  Command o("align split", Tr(R"(Usage: align split [OPTIONS] FILE|-

Splits an article into sentences, headings and boilerplate (bylines, menus,
captions, "Related:" links, donation appeals, counters) and prints them in
order. "-" reads stdin.

Options:
)"),
            Tr(R"(
An empty or blank input prints nothing (exit 0).
Exit codes: as align --help lists them.
)"));
  o.Language("--lang", &job.lang,
             Tr("the article's language (BCP-47); detected with the\n"
                "language-ID model when absent"));
  o.Custom("--format", "FORMAT",
           Tr("lines (default): one segment per line, line breaks\ninside it "
              "shown as spaces; jsonl: one JSON object per\nsegment with "
              "text, start and end (byte offsets into the\ndecoded text), "
              "paragraph, kind (sentence, heading,\nboilerplate) and lang; "
              "for an HTML page also html_start\nand html_end, the segment's "
              "byte range in the page"),
           [&format](const std::string& value) {
             if (value != "lines" && value != "jsonl") {
               throw BadValue(Format(
                   Tr("--format must be lines or jsonl, not '{1}'"), value));
             }
             format = value;
           });
  o.Name("-o,--output", &job.output, "FILE",
         Tr("write here instead of stdout"));
  AddPipelineOptions(
      &o, &c,
      {"--line-breaks", "--srx", "--rules", "--max-sentence-length",
       "--lid-model", "--encoding", "--input-format", "--force"});
  o.Operands(&inputs);
  const int parsed = o.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (inputs.size() > 1) return UsageError(Tr("align split takes one file"));
  if (inputs.empty()) return UsageError(Tr("align split needs a file"));
  if (const int rc = LoadDictionary(&c); rc != kExitOk) return rc;
  job.input = inputs[0];
  job.jsonl = format == "jsonl";
  job.pipeline = c.options;
  job.replace = Overwrite();
  job.report = PrintRunMessages(false, false);
  return RunExitCode(RunSplitJob(job));
}

}  // namespace crossalign::cli
