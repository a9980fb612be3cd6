// Language identification on the shared Lingua test set
// (../shared/eval/langid/test.tsv, 35 languages): per-language accuracy on
// sentences and word pairs, raw fastText top-1 next to crossalign's
// LanguageIdentifier, without and with a declared candidate set {L, en}, and
// on ALL-CAPS versions of the same lines; then throughput next to the
// `fasttext predict` command-line tool on the same lines, in the same run.
//
//   build/bench/langid_bench [--tsv FILE] [--model FILE] [--confusions]
//                            [--no-cli] [--no-dictionaries]
//                            [--throughput-only]
//
// Conventions (stated again in the output):
// - "raw" is fastText's own top-1 on the unchanged line, its label mapped to
//   BCP-47 the way the library maps it (sh is counted as hr);
// - "ours" is LanguageIdentifier::Identify with min_confidence 0, so every
//   line gets its best guess ("und" only for lines without letters);
// - with a candidate set, English itself would be trivial ({en}), so the
//   candidate-set mean is over the 34 other languages;
// - the CJK word pairs are one or two arbitrary characters (see the data's
//   README); the word-pair mean is given with and without zh/ja/ko.
#include <fasttext/fasttext.h>
#include <sys/resource.h>
#include <time.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crossalign/language_identifier.h"

namespace {

// A path as the report shows it: "shared/eval/..." for the shared data,
// relative to the working folder (the checkout, under bench/run_all.py)
// otherwise, so that no machine's folders end up in bench/RESULTS.md.
std::string Shown(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path file = fs::weakly_canonical(path, error);
  const fs::path shared =
      fs::weakly_canonical(CROSSALIGN_BENCH_SHARED_DIR, error);
  const fs::path in_shared = file.lexically_relative(shared);
  if (!in_shared.empty() && *in_shared.begin() != "..") {
    return (fs::path("shared") / in_shared).string();
  }
  const fs::path here = file.lexically_relative(fs::current_path(error));
  if (!here.empty() && *here.begin() != "..") return here.string();
  return file.filename().string();
}

struct Row {
  std::string lang;
  std::string text;
};

struct Options {
  std::string tsv =
      std::string(CROSSALIGN_BENCH_SHARED_DIR) + "/eval/langid/test.tsv";
  std::string model;
  bool confusions = false;
  bool cli = true;
  bool dictionaries = true;
  bool accuracy = true;
  bool quick = false;
  bool segments_growth = false;
};

// CPU seconds of this process, and of its finished children: the machine
// is shared, and CPU time does not count the waits for a core that
// wall-clock time would.
double Now() {
  timespec ts;
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         1e-9 * static_cast<double>(ts.tv_nsec);
}
double ChildrenCpu() {
  rusage usage;
  ::getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(usage.ru_utime.tv_usec +
                                    usage.ru_stime.tv_usec);
}

std::string ToUpper(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.toUpper();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// fastText label -> the library's BCP-47 mapping.
std::string MapLabel(std::string label) {
  if (label.rfind("__label__", 0) == 0) label.erase(0, 9);
  if (label == "sh") return "hr";
  if (label == "iw") return "he";
  if (label == "in") return "id";
  if (label == "als") return "gsw";
  return label;
}

class RawFastText {
 public:
  explicit RawFastText(const std::string& path) { model_.loadModel(path); }
  std::string Top1(const std::string& text) const {
    std::istringstream in(text + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    model_.predictLine(in, predictions, 1, 0.0f);
    return predictions.empty() ? "und" : MapLabel(predictions[0].second);
  }

 private:
  fasttext::FastText model_;
};

// Per-language tallies for one configuration.
struct Tally {
  std::map<std::string, int> total, correct;
  std::map<std::string, std::map<std::string, int>> wrong;
  void Add(const std::string& gold, const std::string& guess) {
    ++total[gold];
    if (guess == gold) {
      ++correct[gold];
    } else {
      ++wrong[gold][guess];
    }
  }
  double Accuracy(const std::string& lang) const {
    auto t = total.find(lang);
    if (t == total.end() || t->second == 0) return 0.0;
    auto c = correct.find(lang);
    return 100.0 * (c == correct.end() ? 0 : c->second) / t->second;
  }
  double Mean(const std::vector<std::string>& langs) const {
    double sum = 0;
    for (const auto& l : langs) sum += Accuracy(l);
    return langs.empty() ? 0.0 : sum / static_cast<double>(langs.size());
  }
  double Min(const std::vector<std::string>& langs) const {
    double m = 100.0;
    for (const auto& l : langs) m = std::min(m, Accuracy(l));
    return m;
  }
};

std::vector<std::string> Without(std::vector<std::string> langs,
                                 const std::set<std::string>& drop) {
  langs.erase(
      std::remove_if(langs.begin(), langs.end(),
                     [&](const std::string& l) { return drop.count(l) > 0; }),
      langs.end());
  return langs;
}

struct KindResult {
  Tally raw, ours, cand_raw, cand_ours, caps_raw, caps_ours;
};

std::string TopConfusions(const Tally& t, const std::string& lang) {
  auto it = t.wrong.find(lang);
  if (it == t.wrong.end()) return "";
  std::vector<std::pair<int, std::string>> v;
  for (const auto& [guess, n] : it->second) v.push_back({n, guess});
  std::sort(v.rbegin(), v.rend());
  std::string out;
  for (size_t i = 0; i < v.size() && i < 4; ++i) {
    out += (i ? " " : "") + v[i].second + ":" + std::to_string(v[i].first);
  }
  return out;
}

// Raw fastText with a candidate set: the best of {L, en} among its top 20.
std::string RawWithCandidates(const fasttext::FastText& model,
                              const std::string& text,
                              const std::vector<std::string>& candidates) {
  std::istringstream in(text + "\n");
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  model.predictLine(in, predictions, 20, 0.0f);
  for (const auto& p : predictions) {
    const std::string lang = MapLabel(p.second);
    if (std::find(candidates.begin(), candidates.end(), lang) !=
        candidates.end()) {
      return lang;
    }
  }
  return "und";
}

void PrintKind(const char* title, const KindResult& r,
               const std::vector<std::string>& langs, bool confusions) {
  const std::vector<std::string> non_en = Without(langs, {"en"});
  std::printf("### %s\n\n", title);
  std::printf(
      "| lang | n | raw | ours | raw {L,en} | ours {L,en} | raw CAPS | ours "
      "CAPS |%s\n",
      confusions ? " ours: errors |" : "");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|%s\n",
              confusions ? "---|" : "");
  for (const auto& l : langs) {
    const bool en = l == "en";
    char cand_raw[16] = "-", cand_ours[16] = "-";
    if (!en) {
      std::snprintf(cand_raw, sizeof(cand_raw), "%.1f", r.cand_raw.Accuracy(l));
      std::snprintf(cand_ours, sizeof(cand_ours), "%.1f",
                    r.cand_ours.Accuracy(l));
    }
    std::printf("| %s | %d | %.1f | %.1f | %s | %s | %.1f | %.1f |", l.c_str(),
                r.ours.total.at(l), r.raw.Accuracy(l), r.ours.Accuracy(l),
                cand_raw, cand_ours, r.caps_raw.Accuracy(l),
                r.caps_ours.Accuracy(l));
    if (confusions) std::printf(" %s |", TopConfusions(r.ours, l).c_str());
    std::printf("\n");
  }
  std::printf(
      "| **mean** | | **%.2f** | **%.2f** | **%.2f** | **%.2f** | **%.2f** | "
      "**%.2f** |%s\n",
      r.raw.Mean(langs), r.ours.Mean(langs), r.cand_raw.Mean(non_en),
      r.cand_ours.Mean(non_en), r.caps_raw.Mean(langs), r.caps_ours.Mean(langs),
      confusions ? " |" : "");
  std::printf("| min | | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%s\n",
              r.raw.Min(langs), r.ours.Min(langs), r.cand_raw.Min(non_en),
              r.cand_ours.Min(non_en), r.caps_raw.Min(langs),
              r.caps_ours.Min(langs), confusions ? " |" : "");
  const std::vector<std::string> no_cjk = Without(langs, {"zh", "ja", "ko"});
  std::printf(
      "| mean without zh/ja/ko | | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f "
      "|%s\n\n",
      r.raw.Mean(no_cjk), r.ours.Mean(no_cjk),
      r.cand_raw.Mean(Without(no_cjk, {"en"})),
      r.cand_ours.Mean(Without(no_cjk, {"en"})), r.caps_raw.Mean(no_cjk),
      r.caps_ours.Mean(no_cjk), confusions ? " |" : "");
}

// Issue 17, item 3: IdentifySegments on documents of 25k, 50k and 100k
// short lines that carry no evidence of their own (English captions in an
// English document: each keeps the document's language). Before the fix the
// second pass scanned each run once per segment (quadratic: 1.1 / 3.7 /
// 12.7 s on main 48f9309); linear time shows as a constant time per line.
int SegmentsGrowth(const Options& opt) {
  auto model_path = crossalign::FindLidModel(opt.model);
  if (!model_path.ok()) return 3;
  auto lid = crossalign::LanguageIdentifier::Load(*model_path);
  if (!lid.ok()) return 3;
  std::printf(
      "### IdentifySegments growth (short lines without evidence)\n\n"
      "| lines | CPU seconds | microseconds per line |\n|---:|---:|---:|\n");
  double first_per_line = 0.0, last_per_line = 0.0;
  for (const size_t lines : {25000u, 50000u, 100000u}) {
    std::string text;
    std::vector<crossalign::Span> spans;
    for (size_t i = 0; i < lines; ++i) {
      const size_t begin = text.size();
      text += "Photo " + std::string(i % 2 ? "by staff" : "of the day") + ".";
      spans.push_back(crossalign::Span{begin, text.size()});
      text += "\n";
    }
    crossalign::Document doc =
        crossalign::Document::FromText("growth.txt", std::move(text));
    for (const crossalign::Span& span : spans) {
      crossalign::Segment seg;
      seg.span = span;
      doc.mutable_segments()->push_back(seg);
    }
    doc.set_lang("en", 1.0);
    const double t0 = Now();
    (*lid)->IdentifySegments(&doc);
    const double seconds = Now() - t0;
    const double per_line = 1e6 * seconds / static_cast<double>(lines);
    if (first_per_line == 0.0) first_per_line = per_line;
    last_per_line = per_line;
    std::printf("| %zu | %.2f | %.1f |\n", lines, seconds, per_line);
  }
  std::printf(
      "\nTime per line at 100k / at 25k: %.2f (1 is linear; quadratic would "
      "be about 4).\n",
      last_per_line / first_per_line);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--tsv" && i + 1 < argc) {
      opt.tsv = argv[++i];
    } else if (a == "--model" && i + 1 < argc) {
      opt.model = argv[++i];
    } else if (a == "--confusions") {
      opt.confusions = true;
    } else if (a == "--no-cli") {
      opt.cli = false;
    } else if (a == "--throughput-only") {
      opt.accuracy = false;
    } else if (a == "--segments-growth") {
      opt.segments_growth = true;
    } else if (a == "--quick") {
      opt.quick = true;
    } else if (a == "--no-dictionaries") {
      opt.dictionaries = false;
    } else {
      std::fprintf(stderr,
                   "usage: langid_bench [--tsv FILE] [--model FILE] "
                   "[--confusions] [--no-cli] [--no-dictionaries] "
                   "[--throughput-only] [--quick] [--segments-growth]\n");
      return 2;
    }
  }
  if (opt.segments_growth) return SegmentsGrowth(opt);
  std::ifstream in(opt.tsv);
  if (!in) {
    std::printf("Skipped: %s is missing (the shared eval data).\n",
                opt.tsv.c_str());
    return 0;
  }
  auto model_path = crossalign::FindLidModel(opt.model);
  if (!model_path.ok()) {
    std::fprintf(stderr, "langid_bench: %s\n",
                 model_path.status().ToString().c_str());
    return 3;
  }
  crossalign::LanguageIdentifierOptions lid_options;
  lid_options.min_confidence = 0.0;
  if (!opt.dictionaries) lid_options.use_dictionaries = false;
  auto lid = crossalign::LanguageIdentifier::Load(*model_path, lid_options);
  if (!lid.ok()) {
    std::fprintf(stderr, "langid_bench: %s\n", lid.status().ToString().c_str());
    return 3;
  }
  RawFastText raw(*model_path);
  fasttext::FastText raw_model;
  raw_model.loadModel(*model_path);

  std::map<std::string, std::vector<Row>> by_kind;
  std::vector<std::string> langs;
  std::string line;
  while (std::getline(in, line)) {
    const size_t t1 = line.find('\t');
    const size_t t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) continue;
    Row row{line.substr(0, t1), line.substr(t2 + 1)};
    if (std::find(langs.begin(), langs.end(), row.lang) == langs.end()) {
      langs.push_back(row.lang);
    }
    by_kind[line.substr(t1 + 1, t2 - t1 - 1)].push_back(std::move(row));
  }

  std::printf(
      "Data: `%s`. Model: `%s`. \"raw\" is fastText's top-1 on the unchanged "
      "line (sh counted as hr); \"ours\" is `LanguageIdentifier::Identify` "
      "with min_confidence 0. {L,en}: the candidate set is the line's "
      "language and English (raw: the first of them in fastText's top 20); "
      "its mean leaves out en, for which the set would be {en}. CAPS: the "
      "line upper-cased with ICU. Accuracy in %%.\n\n",
      Shown(opt.tsv).c_str(), Shown(*model_path).c_str());

  std::printf(
      "What was tuned where: the n-gram model's weight against fastText "
      "(0.5 / 0.1, floor 1e-3), its stand-ins for bs/id/mk/kk and the "
      "neutral dictionary shares of ms (0.83) and mk (0.75) were measured "
      "on the dev set of bench/make_langid_dev.py (Debian's message "
      "catalogues, 35 languages, no line of this test set); the alphabet, "
      "dictionary and marker weights, the contention margin (5) and the "
      "English threshold (0.9) date from issue 3, set by hand and checked "
      "on this test set then. Nothing was fitted on %s in this version.\n\n",
      Shown(opt.tsv).c_str());

  // The same identifier without the Hunspell dictionaries, for the
  // trade-off line under the throughput table.
  std::unique_ptr<crossalign::LanguageIdentifier> no_dict;
  std::vector<double> no_dict_means;
  if (opt.dictionaries) {
    crossalign::LanguageIdentifierOptions o = lid_options;
    o.use_dictionaries = false;
    auto loaded = crossalign::LanguageIdentifier::Load(*model_path, o);
    if (loaded.ok()) no_dict = std::move(*loaded);
  }
  std::vector<std::string> all_lines;
  std::map<std::string, Tally> ours_by_kind;
  for (const char* kind : {"sentence", "word-pair", "single-word"}) {
    const std::vector<Row>& rows = by_kind[kind];
    KindResult r;
    std::map<std::string, std::unique_ptr<crossalign::LanguageIdentifier>>
        constrained;
    for (const Row& row : rows) all_lines.push_back(row.text);
    if (!opt.accuracy || rows.empty()) continue;
    if (opt.quick) {
      Tally& t = ours_by_kind[kind];
      for (const Row& row : rows)
        t.Add(row.lang, (*lid)->Identify(row.text).lang);
      continue;
    }
    for (const Row& row : rows) {
      r.raw.Add(row.lang, raw.Top1(row.text));
      r.ours.Add(row.lang, (*lid)->Identify(row.text).lang);
      const std::string caps = ToUpper(row.text);
      r.caps_raw.Add(row.lang, raw.Top1(caps));
      r.caps_ours.Add(row.lang, (*lid)->Identify(caps).lang);
      if (row.lang == "en") continue;
      auto& c = constrained[row.lang];
      if (!c) {
        crossalign::LanguageIdentifierOptions o = lid_options;
        o.candidates = {row.lang, "en"};
        auto loaded = crossalign::LanguageIdentifier::Load(*model_path, o);
        if (!loaded.ok()) return 3;
        c = std::move(*loaded);
      }
      r.cand_raw.Add(row.lang,
                     RawWithCandidates(raw_model, row.text, {row.lang, "en"}));
      r.cand_ours.Add(row.lang, c->Identify(row.text).lang);
    }
    PrintKind(std::string(kind) == "sentence"    ? "Sentences"
              : std::string(kind) == "word-pair" ? "Word pairs"
                                                 : "Single words",
              r, langs, opt.confusions);
    ours_by_kind[kind] = r.ours;
    if (no_dict) {
      Tally t;
      for (const Row& row : rows)
        t.Add(row.lang, no_dict->Identify(row.text).lang);
      no_dict_means.push_back(t.Mean(langs));
    }
  }

  // The summary the table uses: mean per-language accuracy of each
  // kind ("und" counts as wrong) and the worst language on sentences.
  if (opt.accuracy && !ours_by_kind.empty()) {
    std::printf(
        "### Summary (crossalign, mean per-language accuracy)\n\n"
        "| sentences | word pairs | single words | worst language "
        "(sentences) |\n|---:|---:|---:|---|\n");
    const Tally& sent = ours_by_kind["sentence"];
    std::string worst;
    double worst_acc = 101.0;
    for (const auto& l : langs) {
      if (sent.total.count(l) && sent.Accuracy(l) < worst_acc) {
        worst_acc = sent.Accuracy(l);
        worst = l;
      }
    }
    std::printf("| %.2f | %.2f | %.2f | %s %.1f |\n\n", sent.Mean(langs),
                ours_by_kind["word-pair"].Mean(langs),
                ours_by_kind["single-word"].Mean(langs), worst.c_str(),
                worst_acc);
    if (opt.quick) {
      std::printf(
          "| lang | sentences | word pairs | single words | errors "
          "(sentences / pairs / words) |\n|---|---:|---:|---:|---|\n");
      for (const auto& l : langs) {
        std::printf("| %s | %.1f | %.1f | %.1f | %s / %s / %s |\n", l.c_str(),
                    sent.Accuracy(l), ours_by_kind["word-pair"].Accuracy(l),
                    ours_by_kind["single-word"].Accuracy(l),
                    TopConfusions(sent, l).c_str(),
                    TopConfusions(ours_by_kind["word-pair"], l).c_str(),
                    TopConfusions(ours_by_kind["single-word"], l).c_str());
      }
      return 0;
    }
  }

  // Throughput on the same lines (sentences then word pairs), median of
  // three runs each. Each crossalign run uses a fresh identifier (empty
  // word caches) warmed up on the first 20 lines of every language and kind,
  // which loads the Hunspell dictionaries; loading is timed separately.
  const size_t n = all_lines.size();
  constexpr int kRuns = 3;
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::vector<std::string> warm;
  for (const auto& [kind, rows] : by_kind) {
    std::map<std::string, int> seen;
    for (const Row& row : rows) {
      if (seen[row.lang]++ < 20) warm.push_back(row.text);
    }
  }
  size_t sink = 0;
  std::vector<double> ours_runs, warm_runs, raw_runs, cli_runs, fast_runs;
  for (int run = 0; run < kRuns; ++run) {
    if (no_dict) {
      const double t0 = Now();
      for (const std::string& l : all_lines) {
        sink += no_dict->Identify(l).lang.size();
      }
      fast_runs.push_back(Now() - t0);
    }
    auto fresh = crossalign::LanguageIdentifier::Load(*model_path, lid_options);
    if (!fresh.ok()) return 3;
    double t0 = Now();
    for (const std::string& l : warm) sink += (*fresh)->Identify(l).lang.size();
    warm_runs.push_back(Now() - t0);
    t0 = Now();
    for (const std::string& l : all_lines) {
      sink += (*fresh)->Identify(l).lang.size();
    }
    ours_runs.push_back(Now() - t0);
    t0 = Now();
    for (const std::string& l : all_lines) sink += raw.Top1(l).size();
    raw_runs.push_back(Now() - t0);
  }
  const double ours_s = median(ours_runs);
  const double raw_lib_s = median(raw_runs);
  std::printf("### Throughput\n\n");
  std::printf(
      "%zu lines (the sentences, word pairs and single words above), one "
      "thread, median of "
      "%d runs, in CPU seconds (user + system; for the CLI those of the "
      "child process, via getrusage). crossalign: a fresh identifier per run, "
      "first warmed up on "
      "%zu lines (20 per language and kind) so that the Hunspell "
      "dictionaries are loaded; that warm-up took %.2f CPU s.\n\n",
      n, kRuns, warm.size(), median(warm_runs));
  std::printf("| what | CPU seconds | lines/s |\n|---|---:|---:|\n");
  std::printf("| crossalign `LanguageIdentifier::Identify` | %.2f | %.0f |\n",
              ours_s, static_cast<double>(n) / ours_s);
  if (!fast_runs.empty()) {
    std::printf(
        "| crossalign without the Hunspell dictionaries "
        "(`use_dictionaries = false`) | %.2f | %.0f |\n",
        median(fast_runs), static_cast<double>(n) / median(fast_runs));
  }
  std::printf(
      "| fastText library `predictLine`, raw line, k=1 | %.2f | %.0f "
      "|\n",
      raw_lib_s, static_cast<double>(n) / raw_lib_s);
  if (opt.cli && std::system("command -v fasttext >/dev/null 2>&1") == 0) {
    char tmpl[] = "/tmp/langid_bench_XXXXXX";
    const int fd = ::mkstemp(tmpl);
    if (fd >= 0) {
      ::close(fd);
      std::ofstream out(tmpl);
      for (const std::string& l : all_lines) out << l << "\n";
      out.close();
      const std::string cmd =
          "fasttext predict '" + *model_path + "' '" + tmpl + "' 1 > /dev/null";
      for (int run = 0; run < kRuns; ++run) {
        const double t0 = ChildrenCpu();
        const int rc = std::system(cmd.c_str());
        if (rc == 0) cli_runs.push_back(ChildrenCpu() - t0);
      }
      std::remove(tmpl);
    }
  }
  if (!cli_runs.empty()) {
    const double cli_s = median(cli_runs);
    std::printf(
        "| `fasttext predict MODEL FILE 1` (Debian's CLI, includes "
        "loading the model) | %.2f | %.0f |\n\n",
        cli_s, static_cast<double>(n) / cli_s);
    std::printf(
        "Throughput ratio crossalign / fasttext CLI: **%.2f** (%.0f%%).\n",
        cli_s / ours_s, 100.0 * cli_s / ours_s);
    if (!fast_runs.empty()) {
      std::printf("\nWithout the dictionaries: ratio %.2f",
                  cli_s / median(fast_runs));
      if (no_dict_means.size() == 3) {
        std::printf(
            ", mean accuracy %.2f (sentences), %.2f (word pairs) and %.2f "
            "(single words), no candidate set",
            no_dict_means[0], no_dict_means[1], no_dict_means[2]);
      }
      std::printf(".\n");
    }
  } else {
    std::printf(
        "\n`fasttext` CLI not available (Debian package fasttext); "
        "no ratio.\n");
  }
  return sink == 0 ? 1 : 0;
}
