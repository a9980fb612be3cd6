#include "pair_command.h"

#include <iostream>
#include <vector>

#include "crossalign/pipeline.h"
#include "crossalign/tmx_writer.h"

namespace crossalign::cli {

const char* PairCommandUsage() {
  return R"(Usage: align [OPTIONS] SRC TGT [-o OUT.tmx]

Aligns the sentences of article SRC with those of article TGT (a translation
of it) and writes a TMX 1.4b translation memory, to OUT.tmx or to stdout.

Options:
  -o, --output FILE    write the TMX here (through a temporary file that is
                       renamed into place); stdout when absent
  --src-lang LANG      language of SRC (BCP-47); detected when absent
  --tgt-lang LANG      language of TGT (BCP-47); detected when absent
  --lid-model PATH     fastText language-ID model; default: $CROSSALIGN_LID_MODEL,
                       then the installed data folder, then the source tree's
                       models/lid.176.ftz (scripts/setup.sh fetches it)
  --min-score X        leave out units scoring below X (0..1; default 0)
  --date DATE          creationdate for reproducible files
                       (YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ or YYYYMMDDThhmmssZ)
  --keep-boilerplate   align boilerplate lines too
  -h, --help           show this help
  --version            show the version

Exit codes:
  0  ok
  1  some inputs were skipped, each with a message
  2  usage error
  3  no usable input (missing, empty, binary or invalid file; missing model)
  4  output not writable
)";
}

int RunPairCommand(Args* args) {
  PipelineOptions options;
  TmxWriterOptions tmx;
  std::string output, src_lang, tgt_lang, value, error;
  std::vector<std::string> files;
  while (!args->Done()) {
    if (args->Value("-o", "--output", &output, &error) ||
        args->Value("--src-lang", &src_lang, &error) ||
        args->Value("--tgt-lang", &tgt_lang, &error) ||
        args->Value("--lid-model", &options.lid_model, &error)) {
    } else if (args->Value("--min-score", &value, &error)) {
      if (error.empty() && !ParseDouble(value, 0.0, 1.0, &tmx.min_score)) {
        error = "--min-score needs a number between 0 and 1, not '" + value + "'";
      }
    } else if (args->Value("--date", &value, &error)) {
      if (error.empty()) {
        auto date = ParseDate(value);
        if (!date.ok()) {
          error = "--date: " + date.status().message();
        } else {
          const auto fixed = *date;
          tmx.clock = [fixed] { return fixed; };
        }
      }
    } else if (args->Peek() == "--keep-boilerplate") {
      args->Next();
      options.aligner.keep_boilerplate = true;
    } else if (args->Peek().size() > 1 && args->Peek()[0] == '-') {
      error = "unknown option " + args->Peek();
    } else {
      files.push_back(args->Next());
    }
    if (!error.empty()) {
      PrintError(error + " (see align --help)");
      return kExitUsage;
    }
  }
  if (files.size() != 2) {
    PrintError("expected two article files, SRC and TGT, got " +
               std::to_string(files.size()) + " (see align --help)");
    return kExitUsage;
  }

  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    PrintError(pipeline.status().ToString());
    return kExitNoInput;
  }
  auto pair = (*pipeline)->AlignFiles(files[0], files[1], src_lang, tgt_lang);
  if (!pair.ok()) {
    PrintError(pair.status().ToString());
    return kExitNoInput;
  }
  TmxWriter writer(tmx);
  if (output.empty()) {
    auto xml = writer.Render({*pair});
    if (!xml.ok()) {
      PrintError(xml.status().ToString());
      return kExitOutput;
    }
    std::cout << *xml;
    std::cout.flush();
    if (!std::cout) {
      PrintError("cannot write to standard output");
      return kExitOutput;
    }
    return kExitOk;
  }
  Status written = writer.WriteFile(output, {*pair});
  if (!written.ok()) {
    PrintError(written.ToString());
    return kExitOutput;
  }
  return kExitOk;
}

}  // namespace crossalign::cli
