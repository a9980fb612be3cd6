#include "cli.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "crossalign/language_identifier.h"
#include "crossalign/output_file.h"

namespace crossalign::cli {

Args::Args(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) args_.emplace_back(argv[i]);
}

Option WithHelp(Option option, std::string help) {
  option.help = std::move(help);
  return option;
}

Option HelpText(std::string lines) { return {"", "", std::move(lines), {}}; }

namespace {

std::string WithValue(std::string message, const std::string& value) {
  const size_t at = message.find("{}");
  if (at != std::string::npos) message.replace(at, 2, value);
  return message;
}

std::vector<std::string> Names(const Option& option) {
  std::vector<std::string> names;
  for (size_t at = 0; at < option.names.size();) {
    const size_t comma =
        std::min(option.names.find(", ", at), option.names.size());
    names.push_back(option.names.substr(at, comma - at));
    at = comma + 2;
  }
  return names;
}

}  // namespace

Option::Setter Store(std::string* out) {
  return [out](const std::string& value, std::string*) -> int {
    *out = value;
    return kExitOk;
  };
}

Option::Setter StoreName(std::string* out) {
  // `-o ""` wrote to standard output: an empty output name is a mistake.
  return [out](const std::string& value, std::string* error) -> int {
    *out = value;
    if (!value.empty()) return kExitOk;
    *error = "option --output needs a name, not an empty string";
    return kExitUsage;
  };
}

Option::Setter Set(bool* flag) {
  return [flag](const std::string&, std::string*) -> int {
    *flag = true;
    return kExitOk;
  };
}

Option::Setter Append(std::vector<std::string>* out) {
  return [out](const std::string& value, std::string*) -> int {
    out->push_back(value);
    return kExitOk;
  };
}

Option::Setter Number(double* out, double lo, double hi, std::string message) {
  return [=](const std::string& value, std::string* error) -> int {
    if (ParseDouble(value, lo, hi, out)) return kExitOk;
    *error = WithValue(message, value);
    return kExitUsage;
  };
}

Option::Setter Language(std::string* out, std::string option) {
  return [=](const std::string& value, std::string* error) -> int {
    *out = value;
    return CheckLanguageTag(option, value, error) ? kExitOk : kExitUsage;
  };
}

std::string Usage(const Command& command) {
  std::string usage = command.header;
  for (const Option& option : command.options) {
    if (option.help.empty()) continue;
    if (option.names.empty()) {
      usage += option.help + "\n";
      continue;
    }
    std::string line = "  " + option.names;
    if (!option.value.empty()) line += " " + option.value;
    line += line.size() + 2 <= command.column
                ? std::string(command.column - line.size(), ' ')
                : "  ";
    for (size_t at = 0; at <= option.help.size();) {
      const size_t eol =
          std::min(option.help.find('\n', at), option.help.size());
      if (at > 0) line += std::string(command.column, ' ');
      line += option.help.substr(at, eol - at) + "\n";
      at = eol + 1;
    }
    usage += line;
  }
  return usage + command.footer;
}

bool ParseCommandLine(const Command& command, Args* args, int* exit_code) {
  const auto fail = [&](const std::string& error) {
    PrintError(command.error_prefix + error + command.error_suffix);
    *exit_code = kExitUsage;
    return false;
  };
  while (!args->Done()) {
    args->StartOption();
    const std::string arg = args->Next();
    if (command.help && (arg == "-h" || arg == "--help")) {
      std::cout << Usage(command);
      *exit_code = FlushStandardOutput() ? kExitOk : kExitOutput;
      return false;
    }
    const Option* found = nullptr;
    std::string value;
    for (const Option& option : command.options) {
      if (!option.set) continue;
      for (const std::string& name : Names(option)) {
        if (arg == name) {
          found = &option;
          if (option.value.empty()) break;
          if (args->Done()) return fail("option " + name + " needs a value");
          value = args->Next();
        } else if (!option.value.empty() && arg.size() > name.size() &&
                   arg.compare(0, name.size(), name) == 0 &&
                   arg[name.size()] == '=') {
          found = &option;
          value = arg.substr(name.size() + 1);
        }
        if (found != nullptr) break;
      }
      if (found != nullptr) break;
    }
    std::string error;
    int rc = kExitOk;
    if (found != nullptr) {
      rc = found->set(value, &error);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return fail("unknown option " + arg);
    } else {
      rc = command.operand(arg, &error);
    }
    if (rc == kExitUsage) return fail(error);
    if (rc != kExitOk) {
      *exit_code = rc;
      return false;
    }
  }
  return true;
}

Option Take(Options* from, const std::string& names, const char* help) {
  for (auto it = from->begin(); it != from->end(); ++it) {
    if (it->names != names) continue;
    Option option = std::move(*it);
    from->erase(it);
    return help == nullptr ? option : WithHelp(std::move(option), help);
  }
  return {names, "", "", {}};  // a mistake in a table: caught by the tests
}

void Move(Options* to, Options* from, const std::vector<std::string>& names) {
  for (const std::string& name : names) to->push_back(Take(from, name));
}

void AppendUnlisted(Options* to, Options from) {
  for (Option& option : from) {
    option.help.clear();
    to->push_back(std::move(option));
  }
}

bool FlushStandardOutput() {
  std::cout.flush();
  if (std::cout) return true;
  PrintError("cannot write to standard output");
  return false;
}

void PrintError(const std::string& message) {
  std::cerr << "align: " << message << "\n";
}

int WarnAboutInput(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) PrintError("warning: " + warning);
  return warnings.empty() ? kExitOk : kExitSomeSkipped;
}

int WarnAboutInput(const std::string& warning) {
  return WarnAboutInput(std::vector<std::string>{warning});
}

namespace {
bool overwrite = false;
std::string dict_path;
DictionaryFormat dict_format = DictionaryFormat::kAuto;

int LoadDictionary(PipelineOptions* options) {
  if (dict_path.empty()) return kExitOk;
  auto dict = Dictionary::Load(dict_path, dict_format);
  if (!dict.ok()) {
    PrintError(dict.status().message());
    return kExitNoInput;
  }
  options->aligner.dictionary =
      std::make_shared<const Dictionary>(std::move(*dict));
  options->comparable.dictionary = options->aligner.dictionary;
  return kExitOk;
}
}  // namespace

void SetOverwrite(bool value) { overwrite = value; }

bool Overwrite() { return overwrite; }

bool MayWrite(const std::string& path) {
  if (path.empty()) return true;
  const Status may = MayWriteOutputFile(path, overwrite);
  if (!may.ok()) PrintError(may.message());
  return may.ok();
}

extern "C" void RemoveUnfinishedAndExit(int sig) {
  RemoveUnfinishedOutputFiles();
  const char message[] =
      "\ninterrupted: unfinished output removed; files already written are "
      "complete\n";
  [[maybe_unused]] ssize_t n = ::write(2, message, sizeof message - 1);
  ::_exit(128 + sig);
}

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = RemoveUnfinishedAndExit;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

int WriteOutput(const std::string& path, const std::string& content) {
  if (!MayWrite(path)) return kExitOutput;
  if (path.empty() || path == "-") {
    std::cout << content;
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  }
  // Without --force the rename itself refuses an existing file, so two runs
  // racing to one new output cannot both succeed.
  Status written = WriteOutputFile(path, content, overwrite);
  if (!written.ok()) {
    PrintError(written.message());
    return kExitOutput;
  }
  return kExitOk;
}

namespace {

// Whether `text` has the shape of `pattern`, where 'D' is an ASCII digit and
// every other character stands for itself.
bool HasShape(const std::string& text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == 'D' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

int Digits(const std::string& text, size_t at, size_t n) {
  return std::stoi(text.substr(at, n));
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

StatusOr<std::chrono::system_clock::time_point> ParseDate(
    const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  bool parsed = true;
  if (HasShape(text, "DDDDDDDDTDDDDDDZ")) {
    y = Digits(text, 0, 4), mo = Digits(text, 4, 2), d = Digits(text, 6, 2);
    h = Digits(text, 9, 2), mi = Digits(text, 11, 2), s = Digits(text, 13, 2);
  } else if (HasShape(text, "DDDD-DD-DDTDD:DD:DDZ")) {
    y = Digits(text, 0, 4), mo = Digits(text, 5, 2), d = Digits(text, 8, 2);
    h = Digits(text, 11, 2), mi = Digits(text, 14, 2), s = Digits(text, 17, 2);
  } else if (HasShape(text, "DDDD-DD-DD")) {
    y = Digits(text, 0, 4), mo = Digits(text, 5, 2), d = Digits(text, 8, 2);
  } else {
    parsed = false;
  }
  // Checked field by field: timegm would turn 2025-02-31 into March 3.
  if (!parsed || y < 1970 || mo < 1 || mo > 12 || d < 1 ||
      d > DaysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return InvalidArgumentError("bad date '" + text +
                                "': use a real UTC date as YYYY-MM-DD, "
                                "YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ");
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

Option DateOption(TmxWriterOptions* tmx) {
  return {"--date", "DATE",
          "creationdate for reproducible files\n"
          "(YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ)",
          [tmx](const std::string& value, std::string* error) -> int {
            auto date = ParseDate(value);
            if (!date.ok()) {
              *error = "--date: " + date.status().message();
              return kExitUsage;
            }
            tmx->creation_time = *date;
            return kExitOk;
          }};
}

Option ForceOption() {
  return {"--force", "", "replace existing output files (default: refuse)",
          [](const std::string&, std::string*) -> int {
            SetOverwrite(true);
            return kExitOk;
          }};
}

Option InputFormatOption(ReadDocumentOptions* options) {
  return {"--input-format", "F",
          "text, html or auto (default): HTML pages, told by a\n"
          "doctype or <html> root or a .html/.htm name, are read\n"
          "as the article they hold (headline and body, without\n"
          "menus, ads, related lists); their URL, outlet and\n"
          "date go into the TMX as x-url, x-outlet, x-date",
          [options](const std::string& value, std::string* error) -> int {
            auto format = ParseInputFormat(value);
            if (!format.ok()) {
              *error = "--input-format must be text, html or auto, not '" +
                       value + "'";
              return kExitUsage;
            }
            options->format = *format;
            return kExitOk;
          }};
}

Option MaxFileSizeOption(uint64_t* bytes) {
  return {"--max-file-size", "MB", "refuse larger input files (default 64)",
          [bytes](const std::string& value, std::string* error) -> int {
            double mb = 0;
            if (!ParseDouble(value, 0.001, 1 << 20, &mb)) {
              *error = "--max-file-size needs a size in MB";
              return kExitUsage;
            }
            *bytes = static_cast<uint64_t>(mb * (1 << 20));
            return kExitOk;
          }};
}

Options SegmenterOptions(SentenceSegmenterOptions* options) {
  return {
      {"--line-breaks", "MODE",
       "auto (default), sentence (a line break ends a sentence:\n"
       "one paragraph per line) or join (hard-wrapped text)",
       [options](const std::string& value, std::string* error) -> int {
         auto mode = ParseLineBreakMode(value);
         if (!mode.ok()) {
           *error = "--line-breaks: " + mode.status().message();
           return kExitUsage;
         }
         options->line_breaks = *mode;
         return kExitOk;
       }},
      {"--srx", "FILE",
       "SRX 2.0 segmentation rules (OmegaT, Okapi) that decide\n"
       "first where they match",
       Store(&options->srx_path)},
      {"--rules", "DIR",
       "folder of <lang>.rules files extending the built-in\n"
       "segmentation rules (see README)",
       Store(&options->rules_dir)},
      {"--max-sentence-length", "N",
       "split longer sentences (characters; default 2000)",
       Count(&options->max_sentence_chars, 0, 1000000000,
             "--max-sentence-length needs a whole number of characters "
             "(0: none), not '{}'")},
  };
}

Options PipelineOptionTable(PipelineOptions* options, WriterOptions* writer) {
  // --dict and --dict-format may come in either order: the dictionary is
  // (re)loaded when either is seen.
  const auto load = [options](const std::string& path) -> int {
    dict_path = path;
    return LoadDictionary(options);
  };
  Options table = {
      {"--lid-model", "PATH",
       "fastText language-ID model; default: $CROSSALIGN_LID_MODEL,\n"
       "then the installed data folder, then the source tree's\n"
       "models/lid.176.ftz (scripts/setup.sh fetches it)",
       Store(&options->lid_model)},
      {"--encoding", "ENC",
       "the inputs' encoding (ICU name: windows-1251, KOI8-U,\n"
       "EUC-KR, UTF-16, ...); detected when absent (for\n"
       "HTML: BOM, then the page's <meta charset>)",
       Store(&options->read.encoding)},
      InputFormatOption(&options->read),
      MaxFileSizeOption(&options->read.max_file_bytes),
      {"--mode", "MODE",
       "translation (in order), comparable (independent reports\n"
       "of one story: shared passages in any order) or auto\n"
       "(default: decided per pair; the reason is in the TMX\n"
       "header and, with -v, on stderr)",
       [options](const std::string& value, std::string* error) -> int {
         if (value == "auto") {
           options->mode = AlignMode::kAuto;
         } else if (value == "translation") {
           options->mode = AlignMode::kTranslation;
         } else if (value == "comparable") {
           options->mode = AlignMode::kComparable;
         } else {
           *error = "--mode must be translation, comparable or auto, not '" +
                    value + "'";
           return kExitUsage;
         }
         return kExitOk;
       }},
      {"--min-score", "X", "leave out units scoring below X (0..1; default 0)",
       [options, writer](const std::string& value, std::string* error) -> int {
         // Filters the output, and is the comparable aligner's threshold.
         const int rc = Number(&writer->min_score, 0.0, 1.0,
                               "--min-score needs a number between 0 and 1, "
                               "not '{}'")(value, error);
         options->comparable.min_score = writer->min_score;
         return rc;
       }},
      {"--same-story", "X",
       "articles sharing less than this story similarity\n"
       "(0..1, default 0.10; see README) are different\n"
       "stories: never paired, and in two-file mode nothing is\n"
       "aligned (a warning, exit 1)",
       Number(&options->stories.same_story, 0.0, 1.0,
              "--same-story needs a number between 0 and 1, not '{}'")},
      ForceOption(),
      DateOption(&writer->tmx),
      {"--keep-boilerplate", "", "align boilerplate lines too",
       [options](const std::string&, std::string*) -> int {
         options->aligner.keep_boilerplate = true;
         options->comparable.keep_boilerplate = true;
         return kExitOk;
       }},
  };
  for (Option& option : SegmenterOptions(&options->segmenter)) {
    table.push_back(std::move(option));
  }
  Options rest = {
      {"--dict", "FILE",
       "bilingual dictionary SRC->TGT, one pair per line:\n"
       "'source @ target' in crossalign's .dict files,\n"
       "'target @ source' in hunalign's .dic files (the order\n"
       "is chosen by the name; see align dict --help)",
       [load](const std::string& value, std::string*) { return load(value); }},
      {"--dict-format", "F",
       "auto (default: by name or a '# format:' first line),\n"
       "crossalign ('source @ target') or hunalign\n"
       "('target @ source')",
       [load](const std::string& value, std::string* error) -> int {
         if (!ParseDictionaryFormat(value, &dict_format)) {
           *error =
               "--dict-format must be auto, crossalign or hunalign, "
               "not '" +
               value + "'";
           return kExitUsage;
         }
         return load(dict_path);
       }},
      {"--lexical-weight", "X",
       "weight of lexical evidence (numbers, words, cognates,\n"
       "learned lexicon) against sentence lengths; default 1.5,\n"
       "0 aligns by length alone",
       Number(&options->aligner.lexical_weight, 0.0, 100.0,
              "--lexical-weight needs a number between 0 and 100")},
      {"--no-lexicon", "", "do not learn a word-translation lexicon (one pass)",
       [options](const std::string&, std::string*) -> int {
         options->aligner.learn_lexicon = false;
         return kExitOk;
       }},
  };
  for (Option& option : rest) table.push_back(std::move(option));
  return table;
}

Progress::Progress(std::string what)
    : what_(std::move(what)), tty_(::isatty(2) != 0) {
  start_ = std::chrono::duration<double>(
               std::chrono::steady_clock::now().time_since_epoch())
               .count();
}

void Progress::operator()(size_t done, size_t total) {
  if (total == 0) return;
  const double now = std::chrono::duration<double>(
                         std::chrono::steady_clock::now().time_since_epoch())
                         .count();
  const double elapsed = now - start_;
  const double eta =
      done ? elapsed * static_cast<double>(total - done) / done : 0;
  if (tty_) {
    const size_t width = 30;
    const size_t filled = width * done / total;
    std::cerr << "\r" << what_ << " [" << std::string(filled, '#')
              << std::string(width - filled, ' ') << "] " << done << "/"
              << total << " ETA " << static_cast<int>(eta) << "s   "
              << (done == total ? "\n" : "") << std::flush;
    return;
  }
  const size_t tenth = done * 10 / total;
  if (tenth > last_tenth_) {
    last_tenth_ = tenth;
    // The share done, not the tenth crossed: 3/4 is 75%, not 70%.
    std::cerr << "align: " << what_ << " " << done << "/" << total << " ("
              << done * 100 / total << "%, " << static_cast<int>(elapsed)
              << "s elapsed, ETA " << static_cast<int>(eta) << "s)\n";
  }
}

bool CheckLanguageTag(const std::string& option, const std::string& tag,
                      std::string* error) {
  if (!error->empty()) return false;
  const Status checked = crossalign::CheckLanguageTag(tag);
  if (checked.ok()) return true;
  *error =
      option +
      " needs a BCP-47 language tag such as en, uk, en-GB or pt-BR, not '" +
      (tag.size() > 40 ? tag.substr(0, 40) + "..." : tag) + "' (" +
      checked.message() + ")";
  return false;
}

bool ParseCount(const std::string& text, uint64_t lo, uint64_t hi,
                uint64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  uint64_t v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool ParseDouble(const std::string& text, double lo, double hi, double* out) {
  // Plain decimal only: strtod also takes hex ("0x1"), "inf", "nan" and
  // leading blanks, and turns an underflow ("1e-400") into 0.
  size_t at = text.size() > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const auto digits = [&text, &at] {
    const size_t from = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at - from;
  };
  size_t mantissa = digits();
  if (at < text.size() && text[at] == '.') {
    ++at;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
    if (digits() == 0) return false;
  }
  if (at != text.size()) return false;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno == ERANGE || end == nullptr || *end != '\0' ||
      !(v >= lo && v <= hi)) {
    return false;
  }
  *out = v;
  return true;
}

}  // namespace crossalign::cli
