// Shared pieces of the align command line: exit codes, the option tables
// that parse each command's arguments and print its help, the shared option
// groups, and writing outputs with the library's Status mapped to exit codes.
#ifndef CROSSALIGN_TOOLS_ALIGN_CLI_H_
#define CROSSALIGN_TOOLS_ALIGN_CLI_H_

#include <functional>
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
  kExitInternal = 5,     // internal error (a bug: please report it)
};

// Walks argv (the arguments of one command).
class Args {
 public:
  Args(int argc, char** argv, int first);
  bool Done() const { return pos_ >= args_.size(); }
  // The current argument, consumed.
  std::string Next() { return args_[pos_++]; }
  // The arguments of the option being parsed (set by ParseCommandLine):
  // {"--mode", "auto"} or {"--mode=auto"}.
  std::vector<std::string> Taken() const {
    return std::vector<std::string>(args_.begin() + taken_,
                                    args_.begin() + pos_);
  }
  void StartOption() { taken_ = pos_; }

 private:
  std::vector<std::string> args_;
  size_t pos_ = 0;
  size_t taken_ = 0;
};

// One option of a command, declared once: its names, its value, its help
// and what it sets. A command's table of options both parses its arguments
// (ParseCommandLine) and prints its help (Usage).
struct Option {
  // Takes the option's value ("" for a flag). Returns kExitOk; kExitUsage
  // with *error set; or another exit code, the error already printed.
  using Setter =
      std::function<int(const std::string& value, std::string* error)>;
  std::string names;  // "-o, --output": the spellings, ", " between them
  std::string value;  // "FILE"; empty for a flag, which takes no value
  std::string help;   // its help lines, '\n' between; "": not listed
  Setter set;         // none: only listed (-h, --version)
};
using Options = std::vector<Option>;

// `option` with `help` instead of its own.
Option WithHelp(Option option, std::string help);
// Lines printed verbatim among the options of a help text.
Option HelpText(std::string lines);

// Setters. Value options are given as "--opt VALUE" or "--opt=VALUE".
Option::Setter Store(std::string* out);
Option::Setter StoreName(std::string* out);  // refuses "": -o ""
Option::Setter Set(bool* flag);
Option::Setter Append(std::vector<std::string>* out);
// A number in [lo, hi]; `message` is the error after the option's name,
// with "{}" replaced by the value.
Option::Setter Number(double* out, double lo, double hi, std::string message);
// A whole number in [lo, hi] (ParseCount).
template <typename T>
Option::Setter Count(T* out, uint64_t lo, uint64_t hi, std::string message);
// A BCP-47 language tag (CheckLanguageTag), named `option` in the error.
Option::Setter Language(std::string* out, std::string option);

// A command line: its usage text (header, the options' help, footer) and
// how it reports errors: "align: " + prefix + error + suffix.
struct Command {
  std::string header;  // up to and with "Options:\n"
  Options options;
  std::string footer;
  size_t column = 23;  // where the options' help lines start
  std::string error_prefix, error_suffix;
  bool help = true;        // -h and --help print the usage on stdout
  Option::Setter operand;  // takes each argument that is not an option
};

// The usage text of `command`.
std::string Usage(const Command& command);

// Parses `args` with the command's options. Returns true to run the
// command; false when it must exit with *exit_code (the help was printed,
// or an error: "option --x needs a value", "unknown option --y", ...).
bool ParseCommandLine(const Command& command, Args* args, int* exit_code);

// Removes the option named `names` from *from and returns it, with `help`
// instead of its own when given.
Option Take(Options* from, const std::string& names,
            const char* help = nullptr);
// Moves the options named `names` from *from to the end of *to, in order.
void Move(Options* to, Options* from, const std::vector<std::string>& names);
// Appends the options of `from` to *to, unlisted in the help.
void AppendUnlisted(Options* to, Options from);

// Flushes stdout; false, with the error printed, when that failed (a full
// disk, a closed pipe, /dev/full).
bool FlushStandardOutput();

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

// The shared option groups, with the help `align SRC TGT` prints.
// --date DATE: a fixed creation date for the TMX (tmx->creation_time),
// "2025-03-14", "2025-03-14T10:30:00Z" or "20250314T103000Z" (UTC).
Option DateOption(TmxWriterOptions* tmx);
// --force: replace existing outputs (SetOverwrite).
Option ForceOption();
// --input-format text|html|auto.
Option InputFormatOption(ReadDocumentOptions* options);
// --max-file-size MB, into *bytes.
Option MaxFileSizeOption(uint64_t* bytes);
// --line-breaks, --srx, --rules, --max-sentence-length.
Options SegmenterOptions(SentenceSegmenterOptions* options);
// The options shared by `align SRC TGT`, many-article mode, `align batch`
// and `align split`: the segmenter's, --input-format, --lid-model,
// --encoding, --mode, --max-file-size, --min-score, --same-story,
// --lexical-weight, --date, --dict, --dict-format, --no-lexicon,
// --keep-boilerplate, --force. A dictionary that cannot be loaded exits 3.
Options PipelineOptionTable(PipelineOptions* options, WriterOptions* writer);

// crossalign::CheckLanguageTag, its refusal in *error naming `option`
// ("--src-lang needs a BCP-47 language tag such as ..."). False when refused or
// when *error is already set.
bool CheckLanguageTag(const std::string& option, const std::string& tag,
                      std::string* error);

// Parses a whole decimal number in [lo, hi]: digits only ("1.5", "2x",
// " 2" and overflowing values are refused).
bool ParseCount(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out);

// Parses a decimal number in [lo, hi] ("0.5", "-2", "1e3"); false on junk,
// hex, inf, nan, blanks and numbers that overflow or underflow a double.
bool ParseDouble(const std::string& text, double lo, double hi, double* out);

template <typename T>
Option::Setter Count(T* out, uint64_t lo, uint64_t hi, std::string message) {
  return [=](const std::string& value, std::string* error) {
    uint64_t n = 0;
    if (!ParseCount(value, lo, hi, &n)) {
      *error = message;
      const size_t at = error->find("{}");
      if (at != std::string::npos) error->replace(at, 2, value);
      return kExitUsage;
    }
    *out = static_cast<T>(n);
    return kExitOk;
  };
}

}  // namespace crossalign::cli

#endif  // CROSSALIGN_TOOLS_ALIGN_CLI_H_
