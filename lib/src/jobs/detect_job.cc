// RunDetectJob: `align detect` once its options are parsed.
#include "jobs/detect_job.h"

#include <cstdio>
#include <string_view>
#include <utility>

#include "crossalign/language_identifier.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "jobs/run_output.h"

namespace crossalign {
namespace {

using internal::Fail;
using internal::Say;
using internal::SayWarnings;

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", x);
  return buf;
}

bool OnlyWhitespace(const std::string& bytes) {
  for (const char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

Status Flushed(std::ostream* out) {
  out->flush();
  if (!*out) return PermissionDeniedError("cannot write to standard output");
  return Status::Ok();
}

RunResult DetectPerLine(const DetectJob& job, const LanguageIdentifier& lid,
                        std::ostream* stream) {
  const std::string& path = job.files[0];
  StatusOr<std::string> bytes =
      ReadInputFile(path, job.pipeline.read.max_file_bytes);
  if (!bytes.ok()) return Fail(RunFault::kInput, bytes.status());
  RunResult result;
  std::string text;
  if (OnlyWhitespace(*bytes)) {
    text = std::move(*bytes);  // nothing to decode: every line is empty
  } else {
    StatusOr<Document> doc = DecodeDocument(
        path == "-" ? "standard input" : path, *bytes, job.pipeline.read);
    if (!doc.ok()) return Fail(RunFault::kInput, doc.status());
    result.problems += SayWarnings(job.report, doc->warnings());
    text = doc->text();
  }
  std::string out;
  size_t pos = 0, number = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    ++number;
    const LanguageGuess g = lid.Identify(line);
    if (job.jsonl) {
      out += RenderLineLanguageJsonl(number, g, lid.Predict(line, 3));
    } else {
      out += g.lang + "\t" + Number(g.probability) + "\n";
    }
    if (out.size() > (1 << 16)) {
      *stream << out;
      out.clear();
    }
  }
  *stream << out;
  if (Status s = Flushed(stream); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  return result;
}

RunResult DetectPerFile(const DetectJob& job, const Pipeline& pipeline,
                        std::ostream* out) {
  RunResult result;
  size_t skipped = 0;
  for (const std::string& path : job.files) {
    auto prepared = pipeline.Prepare(path);
    if (!prepared.ok()) {
      Say(job.report, RunMessage::kSkipped,
          prepared.status().message() + "; skipped");
      ++skipped;
      continue;
    }
    const Document& doc = **prepared;
    if (SayWarnings(job.report, doc.warnings()) > 0) ++result.problems;
    if (job.jsonl) {
      *out << RenderLanguagesJsonl(path, doc);
    } else {
      *out << path << "\t" << doc.lang() << "\t"
           << Number(doc.lang_confidence()) << "\t"
           << Number(CountLanguageShares(doc).other_share) << "\n";
    }
  }
  if (Status s = Flushed(out); !s.ok()) {
    return Fail(RunFault::kOutput, std::move(s));
  }
  if (skipped == job.files.size()) {
    return Fail(RunFault::kInput, Status(StatusCode::kNotFound, ""));
  }
  result.problems += skipped;
  return result;
}

}  // namespace

RunResult RunDetectJob(const DetectJob& job) {
  auto pipeline = Pipeline::Create(job.pipeline);
  if (!pipeline.ok()) return Fail(RunFault::kInput, pipeline.status());
  const LanguageIdentifier* lid = (*pipeline)->language_identifier();
  if (lid == nullptr) {
    return Fail(RunFault::kInput,
                InternalError("internal error: no language identifier; "
                              "please report it"));
  }
  // What the identifier works without: a warning about the installation,
  // not the input, so no problem of this run.
  for (const std::string& warning : lid->Warnings()) {
    Say(job.report, RunMessage::kWarning, warning);
  }
  std::ostream* out = internal::StandardOutput(job.standard_output);
  if (job.per_line) return DetectPerLine(job, *lid, out);
  return DetectPerFile(job, **pipeline, out);
}

}  // namespace crossalign
