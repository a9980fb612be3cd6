// Shared pieces of the align command line: exit codes, messages in the
// user's language, the CLI11 command lines with their help, the option
// groups several commands share, and writing outputs.
#ifndef CROSSALIGN_TOOLS_ALIGN_CLI_H_
#define CROSSALIGN_TOOLS_ALIGN_CLI_H_

#include <CLI/CLI.hpp>
#include <boost/locale/format.hpp>
#include <cstdint>
#include <functional>
#include <locale>
#include <string>
#include <vector>

#include "crossalign/pipeline.h"
#include "crossalign/tmx_writer.h"
#include "crossalign/writers.h"
#include "jobs/option_values.h"
#include "jobs/progress_meter.h"
#include "jobs/run_result.h"

namespace crossalign::cli {

// Documented in `align --help` and the README.
enum ExitCode {
  kExitOk = 0,
  kExitSomeSkipped = 1,  // some inputs were skipped, each with a message
  kExitUsage = 2,        // bad command line
  kExitNoInput = 3,      // no usable input (including the model)
  kExitOutput = 4,       // output not writable
  kExitInternal = 5,     // internal error (a bug: please report it)
};

// The locale of the messages: LC_ALL, LC_MESSAGES or LANG, as gettext
// reads them, with the catalogues of the build tree or the install prefix.
const std::locale& MessagesLocale();
// The message in the user's language (gettext domain "crossalign"; English
// when no catalogue fits).
std::string Tr(const char* message);
// `message` with {1}, {2}, ... replaced by the arguments; {1,num} writes a
// number the locale's way (Boost.Locale's format).
template <typename... T>
std::string Format(const std::string& message, const T&... args) {
  boost::locale::format format(message);
  ((format % args), ...);
  return format.str(MessagesLocale());
}

// Prints "align: <message>" to stderr.
void PrintError(const std::string& message);
// Prints the usage error `message` with where to read the help; returns
// kExitUsage.
int UsageError(const std::string& message);
// Thrown by option callbacks for a bad value: a usage error.
struct BadValue : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The one warnings rule of every subcommand. A warning about an input says
// it was damaged or partly left out but used (bytes that did not decode, a
// language that contradicts the one given, units or decisions left out,
// two articles of different stories): it is printed "align: warning: ..."
// and the run, once its output is written, exits 1 (kExitSomeSkipped).
// (A warning about the installation, such as a missing n-gram model, is
// printed the same way but leaves the exit code alone.)
void Warn(const std::string& warning);

// Prints each message of a library run: warnings and notes with their
// prefix; the decision lines and details only with -v, the files written
// and the progress not with -q.
RunReport PrintRunMessages(bool verbose, bool quiet);
// The error that stopped the run, printed (unless it has no message: the
// run reported it), as kExitUsage, kExitNoInput or kExitOutput; else
// kExitSomeSkipped when something was lost, or kExitOk.
int RunExitCode(const RunResult& result);

// Flushes stdout; false, with the error printed, when that failed (a full
// disk, a closed pipe, /dev/full).
bool FlushStandardOutput();

// Whether existing output files may be replaced (--force; off by default:
// an existing output is an error).
bool Overwrite();
// Checks that `path` may be written: it does not exist, or --force was
// given. Prints the error and returns false otherwise.
bool MayWrite(const std::string& path);
// Writes `content` to `path` (atomically), or to stdout when `path` is
// empty or "-". Returns kExitOk, or prints the error and returns kExitOutput.
int WriteOutput(const std::string& path, const std::string& content);

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
  ProgressMeter meter_;
};

// One command line (`align`, `align batch`, ...) parsed by CLI11. Its help
// is `description` (up to and with "Options:"), the listed options, then
// `footer`. Options are "--opt VALUE" or "--opt=VALUE"; a value that fails
// its check is a usage error (exit 2) whose message names the option.
class Command {
 public:
  // `name`: "align", "align batch", ...
  Command(std::string name, std::string description, std::string footer);
  CLI::App& app() { return app_; }

  // A string. Name: refuses "" (-o ""). Flag: takes no value.
  CLI::Option* Value(const std::string& names, std::string* out,
                     const std::string& type, const std::string& help);
  CLI::Option* Name(const std::string& names, std::string* out,
                    const std::string& type, const std::string& help);
  CLI::Option* Flag(const std::string& names, bool* out,
                    const std::string& help);
  // A flag that calls `on`.
  CLI::Option* Switch(const std::string& names, const std::string& help,
                      std::function<void()> on);
  // A value checked by `set`, which throws BadValue.
  CLI::Option* Custom(const std::string& names, const std::string& type,
                      const std::string& help,
                      std::function<void(const std::string&)> set);
  // A decimal number in [lo, hi]; a whole number in [lo, hi]. `message`
  // is the error, with {1} the value given.
  CLI::Option* Number(const std::string& names, double* out, double lo,
                      double hi, const std::string& type,
                      const std::string& help, const std::string& message);
  // A number X in [0, 1].
  CLI::Option* Fraction(const std::string& names, double* out,
                        const std::string& help);
  template <typename T>
  CLI::Option* Count(const std::string& names, T* out, uint64_t lo, uint64_t hi,
                     const std::string& type, const std::string& help,
                     const std::string& message);
  // A BCP-47 language tag (CheckLanguageTag).
  CLI::Option* Language(const std::string& names, std::string* out,
                        const std::string& help);
  // The arguments that are not options.
  void Operands(std::vector<std::string>* out);

  // Parses argv[1..] (argv[0] is the command's name). Returns -1 to run
  // the command, or the exit code: the help was printed (0, or 4 when
  // stdout failed) or a usage error (2).
  int Parse(int argc, char** argv);

 private:
  std::string name_;
  CLI::App app_;
};

// The shared options of `align SRC TGT`, many-article mode, `align batch`,
// `align split` and `align detect`, in one place with their help: the
// segmenter's, --input-format, --lid-model, --encoding, --mode,
// --max-file-size, --min-score, --same-story, --lexical-weight, --date,
// --dict, --dict-format, --no-lexicon, --keep-boilerplate, --force. Each
// command lists those named in `listed`; the others are accepted unlisted.
struct PipelineCommandLine {
  PipelineOptions options;
  WriterOptions writer;
  std::string dict_path;
  DictionaryFormat dict_format = DictionaryFormat::kAuto;
};
void AddPipelineOptions(Command* command, PipelineCommandLine* c,
                        const std::vector<std::string>& listed);
// Loads --dict into c->options; kExitNoInput, printed, when it cannot.
int LoadDictionary(PipelineCommandLine* c);
// --date DATE into tmx->creation_time; --force.
CLI::Option* AddDateOption(Command* command, TmxWriterOptions* tmx,
                           const std::string& help);
CLI::Option* AddForceOption(Command* command, const std::string& help);

// crossalign::CheckLanguageTag; throws BadValue naming `option`.
void CheckLanguageTag(const std::string& option, const std::string& tag);
template <typename T>
CLI::Option* Command::Count(const std::string& names, T* out, uint64_t lo,
                            uint64_t hi, const std::string& type,
                            const std::string& help,
                            const std::string& message) {
  return Custom(names, type, help, [=](const std::string& value) {
    uint64_t n = 0;
    if (!ParseCount(value, lo, hi, &n)) throw BadValue(Format(message, value));
    *out = static_cast<T>(n);
  });
}

// The subcommands of align. Each parses the arguments after its name
// (argv[0] is the name) and returns the exit code.
int RunPairCommand(int argc, char** argv);    // align SRC TGT, FILE... -o DIR
int RunBatchCommand(int argc, char** argv);   // align batch MANIFEST -o DIR
int RunMergeCommand(int argc, char** argv);   // align merge IN.tmx...
int RunReviewCommand(int argc, char** argv);  // align review IN.tmx...
int RunDictCommand(int argc, char** argv);    // align dict import|pivot|...
int RunSplitCommand(int argc, char** argv);   // align split FILE
int RunDetectCommand(int argc, char** argv);  // align detect FILE...
// The help of `align SRC TGT` (align --help).
std::string PairCommandHelp();

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_CLI_H_
