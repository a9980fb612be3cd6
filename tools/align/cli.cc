#include "cli.h"

#include <unistd.h>

#include <boost/locale.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "crossalign/dictionary.h"
#include "crossalign/language_identifier.h"
#include "crossalign/output_file.h"
#include "jobs/interrupts.h"
#include "jobs/option_values.h"

namespace crossalign::cli {
namespace {

bool overwrite = false;         // --force
std::string command_name;       // "align batch": named in usage errors
constexpr size_t kColumn = 23;  // where the options' help starts

// The help: description, the listed options (group "" is unlisted), footer.
class Help : public CLI::FormatterBase {
 public:
  std::string make_help(const CLI::App* app, std::string,
                        CLI::AppFormatMode) const override {
    std::string help = app->get_description();
    for (const CLI::Option* option : app->get_options()) {
      if (option->get_group().empty() || !option->nonpositional()) continue;
      std::string line = " ";
      for (const std::string& s : option->get_snames()) line += " -" + s + ",";
      for (const std::string& l : option->get_lnames()) line += " --" + l + ",";
      line.pop_back();
      if (option->get_type_size() != 0) line += " " + option->get_type_name();
      line += line.size() + 2 <= kColumn
                  ? std::string(kColumn - line.size(), ' ')
                  : "  ";
      const std::string& text = option->get_description();
      for (size_t at = 0; at <= text.size();) {
        const size_t eol = std::min(text.find('\n', at), text.size());
        if (at > 0) line += std::string(kColumn, ' ');
        line += text.substr(at, eol - at) + "\n";
        at = eol + 1;
      }
      help += line;
    }
    return help + app->get_footer();
  }
};

}  // namespace

const std::locale& MessagesLocale() {
  static const std::locale locale = [] {
    std::string name = "C";
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* value = std::getenv(var);
      if (value != nullptr && *value != '\0') {
        name = value;
        break;
      }
    }
    // The build tree's catalogues when this binary is the build tree's.
    const bool built = SelfPath().rfind(CROSSALIGN_BUILD_DIR "/", 0) == 0;
    boost::locale::generator generator;
    generator.add_messages_path(built ? CROSSALIGN_BUILD_DIR "/locale"
                                      : CROSSALIGN_LOCALE_DIR);
    generator.add_messages_domain("crossalign");
    return generator(name);
  }();
  return locale;
}

std::string Tr(const char* message) {
  return boost::locale::gettext(message, MessagesLocale());
}

void PrintError(const std::string& message) {
  std::cerr << "align: " << message << "\n";
}

int UsageError(const std::string& message) {
  PrintError(Format(Tr("{1} (see {2} --help)"), message, command_name));
  return kExitUsage;
}

void Warn(const std::string& warning) {
  PrintError(Format(Tr("warning: {1}"), warning));
}

RunReport PrintRunMessages(bool verbose, bool quiet) {
  return [verbose, quiet](RunMessage kind, const std::string& text) {
    if (kind == RunMessage::kWarning) {
      Warn(text);
    } else if (kind == RunMessage::kNote) {
      PrintError(Format(Tr("note: {1}"), text));
    } else if (kind == RunMessage::kDecisions) {
      if (verbose) std::cerr << text;
    } else if (kind == RunMessage::kDetail) {
      if (verbose) PrintError(text);
    } else if ((kind != RunMessage::kWritten &&
                kind != RunMessage::kProgress) ||
               !quiet) {
      PrintError(text);
    }
  };
}

int RunExitCode(const RunResult& result) {
  if (result.fault == RunFault::kNone) {
    return result.problems > 0 ? kExitSomeSkipped : kExitOk;
  }
  if (!result.status.message().empty()) PrintError(result.status.message());
  return result.fault == RunFault::kRequest ? kExitUsage
         : result.fault == RunFault::kInput ? kExitNoInput
                                            : kExitOutput;
}

bool FlushStandardOutput() {
  std::cout.flush();
  if (std::cout) return true;
  PrintError(Tr("cannot write to standard output"));
  return false;
}

bool Overwrite() { return overwrite; }

bool MayWrite(const std::string& path) {
  if (path.empty()) return true;
  const Status may = MayWriteOutputFile(path, overwrite);
  if (!may.ok()) PrintError(may.message());
  return may.ok();
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
  if (!written.ok()) PrintError(written.message());
  return written.ok() ? kExitOk : kExitOutput;
}

void InstallInterruptHandlers() {
  RemoveUnfinishedOutputOnInterrupt(
      Tr("\ninterrupted: unfinished output removed; files already written are "
         "complete\n"));
}

Progress::Progress(std::string what)
    : what_(std::move(what)), meter_(::isatty(2) != 0) {}

void Progress::operator()(size_t done, size_t total) {
  if (!meter_.Due(done, total)) return;
  const int eta = meter_.Eta(done, total);
  if (meter_.terminal()) {
    const size_t width = 30;
    const size_t filled = width * done / total;
    std::cerr << "\r"
              << Format(Tr("{1} [{2}] {3}/{4} ETA {5}s"), what_,
                        std::string(filled, '#') +
                            std::string(width - filled, ' '),
                        done, total, eta)
              << "   " << (done == total ? "\n" : "") << std::flush;
    return;
  }
  // The share done, not the tenth crossed: 3/4 is 75%, not 70%.
  PrintError(Format(Tr("{1} {2}/{3} ({4}%, {5}s elapsed, ETA {6}s)"), what_,
                    done, total, done * 100 / total,
                    static_cast<int>(meter_.Elapsed()), eta));
}

Command::Command(std::string name, std::string description, std::string footer)
    : name_(std::move(name)), app_(std::move(description), name_) {
  command_name = name_;
  app_.formatter(std::make_shared<Help>());
  app_.footer(std::move(footer));
  app_.set_help_flag("-h,--help", Tr("show this help"));
  app_.allow_extras();  // unknown options are reported below, in our words
  // The last of an option given twice counts; a flag takes no value.
  app_.option_defaults()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->disable_flag_override();
}

CLI::Option* Command::Custom(const std::string& names, const std::string& type,
                             const std::string& help,
                             std::function<void(const std::string&)> set) {
  return app_.add_option_function<std::string>(names, std::move(set), help)
      ->type_name(type)
      ->group("Options");
}

CLI::Option* Command::Value(const std::string& names, std::string* out,
                            const std::string& type, const std::string& help) {
  return Custom(names, type, help, [out](const std::string& v) { *out = v; });
}

CLI::Option* Command::Name(const std::string& names, std::string* out,
                           const std::string& type, const std::string& help) {
  // `-o ""` wrote to standard output: an empty output name is a mistake.
  return Custom(names, type, help, [out](const std::string& v) {
    if (v.empty()) {
      throw BadValue(Tr("option --output needs a name, not an empty string"));
    }
    *out = v;
  });
}

CLI::Option* Command::Flag(const std::string& names, bool* out,
                           const std::string& help) {
  return app_.add_flag(names, *out, help)->group("Options");
}

CLI::Option* Command::Switch(const std::string& names, const std::string& help,
                             std::function<void()> on) {
  return app_.add_flag_callback(names, std::move(on), help)->group("Options");
}

CLI::Option* Command::Number(const std::string& names, double* out, double lo,
                             double hi, const std::string& type,
                             const std::string& help,
                             const std::string& message) {
  return Custom(names, type, help, [=](const std::string& value) {
    if (!ParseDouble(value, lo, hi, out))
      throw BadValue(Format(message, value));
  });
}

CLI::Option* Command::Fraction(const std::string& names, double* out,
                               const std::string& help) {
  return Number(names, out, 0, 1, "X", help,
                Format(Tr("{1} needs a number between 0 and 1, not '{2}'"),
                       names, "{1}"));
}

CLI::Option* Command::Language(const std::string& names, std::string* out,
                               const std::string& help) {
  const std::string option = names.substr(names.rfind(',') + 1);
  return Custom(names, "LANG", help, [=](const std::string& value) {
    CheckLanguageTag(option, value);
    *out = value;
  });
}

void Command::Operands(std::vector<std::string>* out) {
  app_.add_option("operands", *out)->group("");
}

int Command::Parse(int argc, char** argv) {
  try {
    app_.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app_.help();
    return FlushStandardOutput() ? kExitOk : kExitOutput;
  } catch (const CLI::ArgumentMismatch& e) {
    // CLI11's message starts with the option's name: "--output: 1 required
    // TEXT missing", "--force was given a disallowed flag override".
    const std::string what = e.what();
    std::string name = what.substr(0, what.find_first_of(": "));
    if (name[0] != '-') name = "--" + name;  // the override names it bare
    return UsageError(Format(what.find("flag override") == std::string::npos
                                 ? Tr("option {1} needs a value")
                                 : Tr("option {1} takes no value"),
                             name));
  } catch (const CLI::ConversionError& e) {
    const std::string what = e.what();  // "--force: too many inputs ..."
    return UsageError(Format(Tr("option {1} takes no value"),
                             what.substr(0, what.find(':'))));
  } catch (const CLI::ParseError& e) {
    return UsageError(e.what());
  } catch (const BadValue& e) {
    return UsageError(e.what());
  }
  for (const std::string& extra : app_.remaining()) {
    return UsageError(Format(Tr("unknown option {1}"), extra));
  }
  return -1;
}

void CheckLanguageTag(const std::string& option, const std::string& tag) {
  const Status checked = crossalign::CheckLanguageTag(tag);
  if (checked.ok()) return;
  throw BadValue(
      Format(Tr("{1} needs a BCP-47 language tag such as en, uk, en-GB or "
                "pt-BR, not '{2}' ({3})"),
             option, tag.size() > 40 ? tag.substr(0, 40) + "..." : tag,
             checked.message()));
}

CLI::Option* AddDateOption(Command* command, TmxWriterOptions* tmx,
                           const std::string& help) {
  return command->Custom("--date", "DATE", help, [tmx](const std::string& v) {
    std::chrono::system_clock::time_point date;
    if (ParseDate(v, &date)) {
      tmx->creation_time = date;
    } else {
      throw BadValue(
          Format(Tr("--date: bad date '{1}': use a real UTC date as "
                    "YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ"),
                 v));
    }
  });
}

CLI::Option* AddForceOption(Command* command, const std::string& help) {
  return command->Flag("--force", &overwrite, help);
}

void AddPipelineOptions(Command* command, PipelineCommandLine* c,
                        const std::vector<std::string>& listed) {
  PipelineOptions* o = &c->options;
  const std::string number_0_1 =
      Tr("{1} needs a number between 0 and 1, not '{2}'");
  std::vector<CLI::Option*> added = {
      command->Value("--lid-model", &o->lid_model, "PATH",
                     Tr("fastText language-ID model; default: "
                        "$CROSSALIGN_LID_MODEL,\nthen the installed data "
                        "folder, then the source tree's\nmodels/lid.176.ftz "
                        "(scripts/setup.sh fetches it)")),
      command->Value("--encoding", &o->read.encoding, "ENC",
                     Tr("the inputs' encoding (ICU name: windows-1251, "
                        "KOI8-U,\nEUC-KR, UTF-16, ...); detected when absent "
                        "(for\nHTML: BOM, then the page's <meta charset>)")),
      command->Custom(
          "--input-format", "F",
          Tr("text, html or auto (default): HTML pages, told by a\ndoctype "
             "or <html> root or a .html/.htm name, are read\nas the article "
             "they hold (headline and body, without\nmenus, ads, related "
             "lists); their URL, outlet and\ndate go into the TMX as x-url, "
             "x-outlet, x-date"),
          [o](const std::string& v) {
            auto format = ParseInputFormat(v);
            if (!format.ok()) {
              throw BadValue(Format(
                  Tr("--input-format must be text, html or auto, not '{1}'"),
                  v));
            }
            o->read.format = *format;
          }),
      command->Custom(
          "--max-file-size", "MB", Tr("refuse larger input files (default 64)"),
          [o](const std::string& v) {
            double mb = 0;
            if (!ParseDouble(v, 0.001, 1 << 20, &mb)) {
              throw BadValue(Tr("--max-file-size needs a size in MB"));
            }
            o->read.max_file_bytes = static_cast<uint64_t>(mb * (1 << 20));
          }),
      command->Custom(
          "--mode", "MODE",
          Tr("translation (in order), comparable (independent reports\nof "
             "one story: shared passages in any order) or auto\n(default: "
             "decided per pair; the reason is in the TMX\nheader and, with "
             "-v, on stderr)"),
          [o](const std::string& v) {
            if (v == "auto") {
              o->mode = AlignMode::kAuto;
            } else if (v == "translation") {
              o->mode = AlignMode::kTranslation;
            } else if (v == "comparable") {
              o->mode = AlignMode::kComparable;
            } else {
              throw BadValue(Format(
                  Tr("--mode must be translation, comparable or auto, not "
                     "'{1}'"),
                  v));
            }
          }),
      command->Custom("--min-score", "X",
                      Tr("leave out units scoring below X (0..1; default 0)"),
                      [c, number_0_1](const std::string& v) {
                        // Filters the output, and is the comparable aligner's
                        // threshold.
                        if (!ParseDouble(v, 0, 1, &c->writer.min_score)) {
                          throw BadValue(Format(number_0_1, "--min-score", v));
                        }
                        c->options.comparable.min_score = c->writer.min_score;
                      }),
      command->Fraction("--same-story", &o->stories.same_story,
                        Tr("articles sharing less than this story similarity\n"
                           "(0..1, default 0.10; see README) are different\n"
                           "stories: never paired, and in two-file mode "
                           "nothing is\naligned (a warning, exit 1)")),
      AddForceOption(command,
                     Tr("replace existing output files (default: refuse)")),
      AddDateOption(command, &c->writer.tmx,
                    Tr("creationdate for reproducible files\n(YYYY-MM-DD, "
                       "YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ)")),
      command->Switch("--keep-boilerplate", Tr("align boilerplate lines too"),
                      [o] {
                        o->aligner.keep_boilerplate = true;
                        o->comparable.keep_boilerplate = true;
                      }),
      command->Custom(
          "--line-breaks", "MODE",
          Tr("auto (default), sentence (a line break ends a sentence:\none "
             "paragraph per line) or join (hard-wrapped text)"),
          [o](const std::string& v) {
            auto mode = ParseLineBreakMode(v);
            if (!mode.ok()) {
              throw BadValue(
                  Format(Tr("--line-breaks: {1}"), mode.status().message()));
            }
            o->segmenter.line_breaks = *mode;
          }),
      command->Value("--srx", &o->segmenter.srx_path, "FILE",
                     Tr("SRX 2.0 segmentation rules (OmegaT, Okapi) that "
                        "decide\nfirst where they match")),
      command->Value("--rules", &o->segmenter.rules_dir, "DIR",
                     Tr("folder of <lang>.rules files extending the built-in\n"
                        "segmentation rules (see README)")),
      command->Count("--max-sentence-length", &o->segmenter.max_sentence_chars,
                     0, 1000000000, "N",
                     Tr("split longer sentences (characters; default 2000)"),
                     Tr("--max-sentence-length needs a whole number of "
                        "characters (0: none), not '{1}'")),
      command->Value(
          "--dict", &c->dict_path, "FILE",
          Tr("bilingual dictionary SRC->TGT, one pair per line:\n"
             "'source @ target' in crossalign's .dict files,\n"
             "'target @ source' in hunalign's .dic files (the "
             "order\nis chosen by the name; see align dict --help)")),
      command->Custom(
          "--dict-format", "F",
          Tr("auto (default: by name or a '# format:' first line),\n"
             "crossalign ('source @ target') or hunalign\n('target @ "
             "source')"),
          [c](const std::string& v) {
            if (!ParseDictionaryFormat(v, &c->dict_format)) {
              throw BadValue(Format(Tr("--dict-format must be auto, "
                                       "crossalign or hunalign, not '{1}'"),
                                    v));
            }
          }),
      command->Number("--lexical-weight", &o->aligner.lexical_weight, 0, 100,
                      "X",
                      Tr("weight of lexical evidence (numbers, words, "
                         "cognates,\nlearned lexicon) against sentence "
                         "lengths; default 1.5,\n0 aligns by length alone"),
                      Tr("--lexical-weight needs a number between 0 and 100")),
      command->Switch("--no-lexicon",
                      Tr("do not learn a word-translation lexicon (one pass)"),
                      [o] { o->aligner.learn_lexicon = false; }),
  };
  for (CLI::Option* option : added) {
    bool shown = false;
    for (const std::string& name : listed) {
      shown = shown || option->check_lname(name.substr(2));
    }
    if (!shown) option->group("");
  }
}

int LoadDictionary(PipelineCommandLine* c) {
  if (c->dict_path.empty()) return kExitOk;
  auto dict = Dictionary::Load(c->dict_path, c->dict_format);
  if (!dict.ok()) {
    PrintError(dict.status().message());
    return kExitNoInput;
  }
  c->options.aligner.dictionary =
      std::make_shared<const Dictionary>(std::move(*dict));
  c->options.comparable.dictionary = c->options.aligner.dictionary;
  return kExitOk;
}

}  // namespace crossalign::cli
