// `align review IN.tmx... -o PAGE.html` and `align review --apply`.
#include "cli.h"
#include "jobs/review_job.h"

namespace crossalign::cli {

int RunReviewCommand(int argc, char** argv) {
  ReviewPageJob page;
  ReviewApplyJob apply;
  std::string keep;
  Command o("align review",
            Tr(R"(Usage: align review IN.tmx... -o PAGE.html [--report FILE]
       align review --apply DECISIONS.json IN.tmx -o OUT.tmx

The first form writes a review page: one HTML file (no other file, no
network) on which a person reads every unit of the memories side by side,
sorts and filters them by score, language pair and document pair, searches
them, sees the alignment path of each translation and the stories of a
many-article run, and accepts or rejects units (buttons, or the keys a, r,
j, k). When it has the articles (the page is written in the run, or they
can be read where the TMX's x-document names them), a document view shows
both articles side by side, every segment, to pair, unpair, merge and split
sentences. "Export decisions" downloads decisions.json.

The second form applies decisions.json to the memory: the units the reviewer
made in the document view (pairing sentences, merging or splitting units)
are added with x-review = added, merged or split, unpaired units are left
out, rejected units are left out, accepted ones get <prop
type="x-review">accepted</prop>, the others are kept as they are (or left
out with --keep accepted). A decisions file exported from another memory's
page is refused. Decisions for units the memory does not hold are reported,
not fatal.

The page is also written by the aligner: align SRC TGT -o OUT.tmx --review
PAGE.html (or align FILE... -o DIR --review PAGE.html).

Options:
)"),
            Tr("\nExit codes: as align --help lists them.\n"));
  o.Name("-o,--output", &page.output, "FILE",
         Tr("the page (or, with --apply, the TMX), written through a\n"
            "temporary file renamed into place; stdout when absent"));
  o.Value("--report", &page.report_path, "FILE",
          Tr("the aligner's --report (JSON lines): the page lists the\narticle "
             "pairs it considered and why some were left out"));
  o.Value("--title", &page.title, "TEXT",
          Tr("the page's title (default: the memories' names)"));
  o.Value("--apply", &apply.decisions_path, "FILE",
          Tr("apply this decisions.json to the one IN.tmx"));
  o.Value("--keep", &keep, "accepted",
          Tr("with --apply, keep only the units accepted, corrected\nor made "
             "by the reviewer (default: all but the rejected)"));
  o.Flag("--realign", &apply.realign,
         Tr("with --apply, align each article pair again between the\nlinks "
            "the reviewer made or accepted (reads the articles)"));
  AddDateOption(&o, &apply.tmx,
                Tr("with --apply, creationdate for units and header that\nlack "
                   "one (YYYY-MM-DD, ...); others keep theirs"));
  AddForceOption(&o, Tr("replace an existing output file"));
  o.Operands(&page.inputs);
  const int parsed = o.Parse(argc, argv);
  if (parsed >= 0) return parsed;
  if (page.inputs.empty()) return UsageError(Tr("review: no TMX files given"));
  page.replace = apply.replace = Overwrite();
  page.report = apply.report = PrintRunMessages(false, false);
  if (apply.decisions_path.empty()) {
    if (!keep.empty() || apply.realign) {
      return UsageError(Tr("review: --keep and --realign are for --apply"));
    }
    return RunExitCode(RunReviewPageJob(page));
  }
  if (!page.report_path.empty() || !page.title.empty()) {
    return UsageError(
        Tr("review: --report and --title are for the page, not --apply"));
  }
  if (!keep.empty() && keep != "accepted") {
    return UsageError(
        Format(Tr("review: --keep takes 'accepted', not '{1}'"), keep));
  }
  if (page.inputs.size() != 1) {
    return UsageError(Format(Tr("review --apply: give exactly one IN.tmx, "
                                "not {1}"),
                             page.inputs.size()));
  }
  apply.apply.keep_accepted_only = keep == "accepted";
  apply.input = page.inputs[0];
  apply.output = page.output;
  return RunExitCode(RunReviewApplyJob(apply));
}

}  // namespace crossalign::cli
