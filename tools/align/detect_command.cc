#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <vector>

#include "commands.h"
#include "crossalign/language_identifier.h"
#include "crossalign/output_file.h"
#include "crossalign/writers.h"

namespace crossalign::cli {
namespace {

struct DetectOptions {
  bool per_line = false;
  bool jsonl = false;
  PipelineOptions pipeline;
};

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", x);
  return buf;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// Reads all of FILE, or standard input for "-", within --max-file-size.
bool ReadInput(const std::string& path, uint64_t max_bytes,
               std::string* bytes) {
  StatusOr<std::string> read = ReadInputFile(path, max_bytes);
  if (!read.ok()) {
    PrintError(read.status().ToString());
    return false;
  }
  *bytes = std::move(*read);
  return true;
}

bool OnlyWhitespace(const std::string& bytes) {
  for (const char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

int RunPerLine(const DetectOptions& options, const std::string& path,
               const LanguageIdentifier& lid) {
  std::string bytes;
  if (!ReadInput(path, options.pipeline.read.max_file_bytes, &bytes)) {
    return kExitNoInput;
  }
  std::string text;
  int exit_code = kExitOk;
  if (OnlyWhitespace(bytes)) {
    text = bytes;  // nothing to decode: every line is empty
  } else {
    ReadDocumentOptions read = options.pipeline.read;
    StatusOr<Document> doc =
        DecodeDocument(path == "-" ? "standard input" : path, bytes, read);
    if (!doc.ok()) {
      PrintError(doc.status().ToString());
      return kExitNoInput;
    }
    exit_code = WarnAboutInput(doc->warnings());
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
    if (options.jsonl) {
      out += RenderLineLanguageJsonl(number, g, lid.Predict(line, 3));
    } else {
      out += g.lang + "\t" + Number(g.probability) + "\n";
    }
    if (out.size() > (1 << 16)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out;
  std::cout.flush();
  if (!std::cout) {
    PrintError("cannot write to standard output");
    return kExitOutput;
  }
  return exit_code;
}

int RunPerFile(const DetectOptions& options,
               const std::vector<std::string>& files,
               const Pipeline& pipeline) {
  int skipped = 0, warned = 0;
  for (const std::string& path : files) {
    auto prepared = pipeline.Prepare(path);
    if (!prepared.ok()) {
      PrintError(prepared.status().ToString() + "; skipped");
      ++skipped;
      continue;
    }
    const Document& doc = **prepared;
    if (WarnAboutInput(doc.warnings()) != kExitOk) ++warned;
    if (options.jsonl) {
      std::cout << RenderLanguagesJsonl(path, doc);
    } else {
      std::cout << path << "\t" << doc.lang() << "\t"
                << Number(doc.lang_confidence()) << "\t"
                << Number(CountLanguageShares(doc).other_share) << "\n";
    }
  }
  std::cout.flush();
  if (!std::cout) {
    PrintError("cannot write to standard output");
    return kExitOutput;
  }
  if (skipped == static_cast<int>(files.size())) return kExitNoInput;
  return skipped + warned > 0 ? kExitSomeSkipped : kExitOk;
}

}  // namespace

int RunDetectCommand(Args* args) {
  DetectOptions options;
  std::vector<std::string> files;
  WriterOptions unused_writer;
  Options shared = PipelineOptionTable(&options.pipeline, &unused_writer);
  Command command;
  command.header = R"(Usage:
  align detect [OPTIONS] FILE...
  align detect --per-line [OPTIONS] FILE|-

Identifies the language of each article: one line per file,
  FILE<TAB>LANG<TAB>CONFIDENCE<TAB>OTHER
where LANG is a BCP-47 code ("und" when undetermined), CONFIDENCE is in
[0, 1] and OTHER is the share of the article's sentences identified as
another language (a quoted paragraph, an interview answer); sentences
without a clear language of their own ("und") do not count as other.

With --per-line, every line of FILE (or of standard input for "-") is
identified on its own and one line is printed per input line, in order:
  LANG<TAB>CONFIDENCE
An empty line gives "und<TAB>0.000".

Options:
)";
  command.options = {
      {"--per-line", "", "one answer per input line", Set(&options.per_line)},
      {"--format", "FORMAT",
       "text (default) or jsonl: one JSON object per file or\n"
       "line; per file with the sentence counts by language\n"
       "and the runs of sentences in other languages, per\n"
       "line with the three best guesses without --langs",
       [&options](const std::string& value, std::string* error) -> int {
         if (value != "jsonl" && value != "text") {
           *error = "--format must be text or jsonl, not '" + value + "'";
           return kExitUsage;
         }
         options.jsonl = value == "jsonl";
         return kExitOk;
       }},
      {"--langs", "L1,L2,...",
       "only answer these languages (BCP-47), e.g. en,uk,ru",
       [&options](const std::string& value, std::string* error) -> int {
         auto& candidates = options.pipeline.lid.candidates;
         candidates = SplitList(value);
         if (candidates.empty()) {
           *error = "--langs needs a list of languages such as en,uk,ru";
         }
         for (const std::string& lang : candidates) {
           if (!CheckLanguageTag("--langs", lang, error)) break;
         }
         return error->empty() ? kExitOk : kExitUsage;
       }},
      {"--min-confidence", "X",
       "below this confidence answer \"und\" (default 0.25)",
       Number(&options.pipeline.lid.min_confidence, 0.0, 1.0,
              "--min-confidence needs a number between 0 and 1, not '{}'")},
      Take(&shared, "--lid-model", "another fastText language-ID model"),
      Take(&shared, "--encoding", "the inputs' encoding; detected when absent"),
      Take(&shared, "--input-format",
           "text, html or auto (default: HTML pages are told by\n"
           "their content or .html/.htm name; their article is\n"
           "extracted)"),
      {"-h, --help", "", "this text", {}},
      WithHelp(Take(&shared, "--max-file-size"), ""),
  };
  command.footer = R"(
Exit codes: 0 ok; 1 some files were skipped (each with a message);
2 usage error; 3 no usable input or no usable model; 4 output not writable.
)";
  command.error_prefix = "detect: ";
  command.error_suffix = " (see align detect --help)";
  command.operand = Append(&files);
  int exit_code = kExitOk;
  if (!ParseCommandLine(command, args, &exit_code)) return exit_code;
  if (files.empty()) {
    PrintError("detect needs at least one FILE (see align detect --help)");
    return kExitUsage;
  }
  if (options.per_line && files.size() != 1) {
    PrintError(
        "detect --per-line takes one FILE, or - for standard input (see align "
        "detect --help)");
    return kExitUsage;
  }
  auto pipeline = Pipeline::Create(options.pipeline);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  const LanguageIdentifier* lid = (*pipeline)->language_identifier();
  if (lid == nullptr) {
    PrintError("internal error: no language identifier; please report it");
    return kExitNoInput;
  }
  // What the identifier works without (the n-gram model, a Hunspell
  // dictionary): results then differ from a complete installation. A
  // warning about the installation, not the input: the exit code stays
  // (see WarnAboutInput).
  for (const std::string& warning : lid->Warnings()) {
    PrintError("warning: " + warning);
  }
  if (options.per_line) return RunPerLine(options, files[0], *lid);
  return RunPerFile(options, files, **pipeline);
}

}  // namespace crossalign::cli
