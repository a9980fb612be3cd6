// Shared pieces of the align command line: exit codes, argument scanning and
// the mapping from library Status to exit code.
#ifndef CROSSALIGN_TOOLS_ALIGN_CLI_H_
#define CROSSALIGN_TOOLS_ALIGN_CLI_H_

#include <string>
#include <vector>

#include "crossalign/pipeline.h"
#include "crossalign/tmx_writer.h"
#include "crossalign/writers.h"

namespace crossalign::cli {

// Documented in `align --help` and the README.
enum ExitCode {
  kExitOk = 0,
  kExitSomeSkipped = 1,  // some inputs were skipped, each with a message
  kExitUsage = 2,        // bad command line
  kExitNoInput = 3,      // no usable input (including the model)
  kExitOutput = 4,       // output not writable
};

// Walks argv. Flags take their value either as the next argument or after
// "=" ("--date=2025-01-01").
class Args {
 public:
  Args(int argc, char** argv, int first);
  bool Done() const { return pos_ >= args_.size(); }
  // The current argument, consumed.
  std::string Next() { return args_[pos_++]; }
  const std::string& Peek() const { return args_[pos_]; }
  // Arguments consumed so far: those in [from, Position()).
  size_t Position() const { return pos_; }
  std::vector<std::string> Range(size_t from, size_t to) const {
    return std::vector<std::string>(args_.begin() + from, args_.begin() + to);
  }
  // If the current argument is `flag` (or `flag=...`), consumes it and its
  // value into *value; sets *error when the value is missing.
  bool Value(const std::string& flag, std::string* value, std::string* error);
  bool Value(const std::string& short_flag, const std::string& flag,
             std::string* value, std::string* error);

 private:
  std::vector<std::string> args_;
  size_t pos_ = 0;
};

// Prints "align: <message>" to stderr.
void PrintError(const std::string& message);

// The one warnings rule of every subcommand. A warning about an input says
// it was damaged or partly left out but used (bytes that did not decode, a
// language that contradicts the one given, units or decisions left out,
// two articles of different stories): it is printed "align: warning: ..."
// and the run, once its output is written, exits 1 (kExitSomeSkipped).
// Returns that exit code: kExitOk without warnings. (A warning about the
// installation, such as a missing n-gram model, is printed the same way but
// concerns every run, not an input: it leaves the exit code alone.)
int WarnAboutInput(const std::vector<std::string>& warnings);
int WarnAboutInput(const std::string& warning);

// Whether existing output files may be replaced (--force). Off by default:
// an existing output is an error.
void SetOverwrite(bool overwrite);
bool Overwrite();

// Checks that `path` may be written: it does not exist, or --force was
// given. Prints the error and returns false otherwise.
bool MayWrite(const std::string& path);

// Writes `content` to `path` (atomically), or to stdout when `path` is
// empty. Returns kExitOk, or prints the error and returns kExitOutput.
int WriteOutput(const std::string& path, const std::string& content);

// Writes `pairs` in `format` to `output`, or to stdout when it is empty
// (crossalign::Write; for moses, `output` is the base name of the two
// files). Returns kExitOk, kExitUsage or kExitOutput, having printed the
// error.
int WritePairs(OutputFormat format, const std::string& output,
               const std::vector<AlignedPair>& pairs,
               const WriterOptions& options);

// Removes the temporary files of unfinished writes when SIGINT or SIGTERM
// arrives, says so, and exits with 128 + the signal number.
void InstallInterruptHandlers();

// A progress bar with ETA on stderr when it is a terminal; otherwise one
// line at every 10%.
class Progress {
 public:
  explicit Progress(std::string what);
  void operator()(size_t done, size_t total);

 private:
  std::string what_;
  bool tty_;
  size_t last_tenth_ = 0;
  double start_;
};

// --date DATE: a fixed creation date for the TMX (tmx->creation_time),
// "2025-03-14", "2025-03-14T10:30:00Z" or "20250314T103000Z" (UTC). Returns
// true when the current argument was --date (consumed); sets *error for a
// bad date.
bool ParseDateOption(Args* args, TmxWriterOptions* tmx, std::string* error);

// Options shared by `align SRC TGT`, many-article mode and `align batch`:
// --lid-model, --mode, --encoding, --input-format, --max-file-size,
// --min-score, --date, --dict, --dict-format, --lexical-weight, --no-lexicon,
// --keep-boilerplate, --force. Returns true when the current argument was one
// of them (consumed). Sets *error for a bad value, and *exit_code when a file
// it names cannot be used (a dictionary).
bool ParsePipelineOption(Args* args, PipelineOptions* options,
                         WriterOptions* writer, std::string* error,
                         int* exit_code);

// --input-format text|html|auto into options->format. Returns true when
// the current argument was it (consumed); sets *error for a bad value.
bool ParseInputFormatOption(Args* args, ReadDocumentOptions* options,
                            std::string* error);

// Segmentation options, part of the pipeline options and used alone by
// `align split`: --line-breaks, --srx, --rules, --max-sentence-length.
bool ParseSegmenterOption(Args* args, SentenceSegmenterOptions* options,
                          std::string* error);

// Checks a language tag given on the command line: well-formed BCP-47
// (ICU's uloc_forLanguageTag must use all of it) with a 2- or 3-letter
// language subtag; regions and scripts are welcome (en-GB, pt-BR, sr-Latn).
// Sets *error, naming `option`, and returns false otherwise (or when *error
// is already set).
bool CheckLanguageTag(const std::string& option, const std::string& tag,
                      std::string* error);

// --max-file-size MB, into *bytes.
bool ParseMaxFileSize(Args* args, uint64_t* bytes, std::string* error);

// Parses a whole decimal number in [lo, hi]: digits only ("1.5", "2x",
// " 2" and overflowing values are refused).
bool ParseCount(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out);

// Parses a number in [lo, hi]; false on junk.
bool ParseDouble(const std::string& text, double lo, double hi, double* out);

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_CLI_H_
