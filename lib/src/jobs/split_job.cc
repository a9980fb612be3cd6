// RunSplitJob: `align split` once its options are parsed.
#include "jobs/split_job.h"

#include <utility>

#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "jobs/run_output.h"

namespace crossalign {

using internal::Fail;
using internal::Say;
using internal::SayWarnings;

RunResult RunSplitJob(const SplitJob& job) {
  std::ostream* out = internal::StandardOutput(job.standard_output);
  if (Status s = CheckDistinctOutputs({{"-o", job.output}}, {job.input});
      !s.ok()) {
    return Fail(RunFault::kRequest, std::move(s));
  }
  if (Status s = internal::MayWrite(job.output, job.replace); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  PipelineOptions options = job.pipeline;
  StatusOr<Document> doc = Status::Ok();
  if (job.input == "-") {
    // Bounded while reading: /dev/zero on standard input ran the machine out
    // of memory.
    StatusOr<std::string> bytes =
        ReadInputFile("-", options.read.max_file_bytes);
    if (!bytes.ok()) return Fail(RunFault::kInput, bytes.status());
    doc = DecodeDocument("-", *bytes, options.read);
  } else {
    doc = ReadDocumentFile(job.input, options.read);
  }
  const auto write = [&](const std::string& text) {
    RunResult result;
    if (Status s = internal::WriteText(job.output, text, job.replace, out);
        !s.ok()) {
      return Fail(RunFault::kOutput, std::move(s));
    }
    return result;
  };
  if (!doc.ok() && doc.status().code() == StatusCode::kFailedPrecondition) {
    // An empty or blank article has no segments: nothing to print.
    return write("");
  }
  if (!doc.ok()) return Fail(RunFault::kInput, doc.status());
  options.languages_given = !job.lang.empty();
  if (options.languages_given) options.segmenter.default_lang = job.lang;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return Fail(RunFault::kInput, pipeline.status());
  auto prepared = (*pipeline)->PrepareDocument(std::move(*doc), job.lang);
  if (!prepared.ok()) return Fail(RunFault::kInput, prepared.status());
  const Document& d = **prepared;
  SayWarnings(job.report, d.warnings());
  for (const std::string& note : d.notes()) {
    Say(job.report, RunMessage::kNote, note);
  }
  RunResult result =
      write(job.jsonl ? RenderSegmentsJsonl(d) : RenderSegmentLines(d));
  if (result.fault == RunFault::kNone) {
    result.problems = d.warnings().size();
    result.units = d.segments().size();
  }
  return result;
}

}  // namespace crossalign
