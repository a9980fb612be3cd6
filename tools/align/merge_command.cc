// `align merge IN.tmx... -o OUT.tmx`: one memory from many.
#include "cli.h"
#include "jobs/merge_job.h"

namespace crossalign::cli {

int RunMergeCommand(int argc, char** argv) {
  // The default of --max-memory: what a 4 GB machine holds for the merge.
  constexpr uint64_t kDefaultMaxMemoryMb = 4096;
  TmxMergeJob job;
  uint64_t max_memory_mb = kDefaultMaxMemoryMb;
  bool verbose = false, quiet = false;
  Command o("align merge",
            Tr(R"(Usage: align merge IN.tmx... [-o OUT.tmx] [OPTIONS]

Merges translation memories (TMX 1.4b, 1.4, or 1.1 to 1.3, from any tool)
into one TMX 1.4b file, to OUT.tmx or to stdout. Units are kept in the order
they are read. Exact duplicates (the same languages with the same segment
texts, white space collapsed) become one unit: the one with the best x-score
(the first on ties). In each unit the variant in the source language comes
first. Units with fewer than two non-empty variants are left out.

Options:
)"),
            Tr("\nExit codes: as align --help lists them.\n"));
  o.Name("-o,--output", &job.output, "FILE",
         Tr("write the merged TMX here (through a temporary file that\nis "
            "renamed into place); stdout when absent"));
  o.Fraction("--min-score", &job.merge.min_score,
             Tr("keep only units whose x-score is at least X (0..1);\nunits "
                "without an x-score are left out when X > 0"));
  o.Custom("--lang", "LANG",
           Tr("keep only units with a variant in LANG (BCP-47; \"en\"\nmatches "
              "\"en-GB\"); repeat for several languages, all of\nwhich a unit "
              "must have"),
           [&job](const std::string& value) {
             CheckLanguageTag("--lang", value);
             job.merge.langs.push_back(value);
           })
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  o.Language("--src-lang", &job.merge.src_lang,
             Tr("the source language of the output (default: the first\n"
                "input's srclang, or the first variant's language when\nthat "
                "is *all*)"));
  AddDateOption(&o, &job.tmx,
                Tr("creationdate of the output header, and of units that\n"
                   "have none (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or\n"
                   "YYYYMMDDThhmmssZ); units keep their own dates"));
  o.Count("--max-memory", &max_memory_mb, 16, uint64_t{1} << 24, "MB",
          Tr("refuse inputs whose merge would need more memory than\nthis "
             "(default 4096; about 30 bytes per byte of TMX,\nso 4096 MB "
             "takes about 136 MB of TMX input)"),
          Tr("--max-memory needs a whole number of MB (16 or more), not "
             "'{1}'"));
  AddForceOption(&o, Tr("replace an existing output file"));
  o.Flag("-v,--verbose", &verbose,
         Tr("report what was read, merged and left out"));
  o.Flag("-q,--quiet", &quiet, Tr("no summary line on success"));
  o.Operands(&job.inputs);
  const int parsed = o.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (job.inputs.empty()) return UsageError(Tr("merge: no TMX files given"));
  job.max_memory_bytes = max_memory_mb << 20;
  job.replace = Overwrite();
  job.report = PrintRunMessages(verbose, quiet);
  const RunResult result = RunTmxMergeJob(job);
  if (result.fault == RunFault::kNone && !quiet) {
    // One line on success, as align SRC TGT prints.
    PrintError(Format(
        job.output.empty()
            ? Tr("{1,num} unit(s) merged from {2,num} file(s) to standard "
                 "output")
            : Tr("{1,num} unit(s) merged from {2,num} file(s) to {3}"),
        result.units, job.inputs.size(), job.output));
  }
  return RunExitCode(result);
}

}  // namespace crossalign::cli
