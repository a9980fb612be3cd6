#include "collection_command.h"

#include <sys/stat.h>

#include <optional>

#include "commands.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"
#include "jobs/collection_job.h"
#include "run_messages.h"

namespace crossalign::cli {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

bool IsCollectionRequest(const std::vector<std::string>& inputs,
                         const std::string& output) {
  if (inputs.size() != 2) return true;
  for (const std::string& in : inputs) {
    if ((!in.empty() && in[0] == '@') || IsDirectory(in)) return true;
  }
  return !output.empty() && (output.back() == '/' || IsDirectory(output));
}

int RunCollection(const PipelineOptions& pipeline_options,
                  const WriterOptions& writer,
                  const CollectionRequest& request) {
  CollectionJob job;
  job.inputs = request.inputs;
  job.output_dir = request.output_dir;
  job.clusters_path = request.clusters_path;
  job.report_path = request.report_path;
  job.pairs_path = request.pairs_path;
  job.review_path = request.review_path;
  job.stories_path = request.stories_path;
  job.format = request.format;
  job.writer = writer;
  job.writer.replace = Overwrite();
  job.jobs = request.jobs;
  job.strict = request.strict;
  job.report = PrintRunMessages(request.verbose, request.quiet);
  std::optional<Progress> progress;  // timed from when aligning starts
  if (!request.quiet) {
    job.progress = [&progress](size_t done, size_t total) {
      if (!progress) progress.emplace("aligning pairs");
      (*progress)(done, total);
    };
  }
  return RunExitCode(RunCollectionJob(pipeline_options, job));
}

}  // namespace crossalign::cli
