// _crossalign: the pybind11 binding of crossalign's public C++ API
// (lib/include/crossalign/). The package crossalign (python/crossalign/)
// builds its Python API on top; this module stays thin: C++ data in and out,
// the GIL released around every call that reads, identifies, segments or
// aligns, and every non-OK Status raised as crossalign.Error.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crossalign/align_texts.h"
#include "crossalign/alignment.h"
#include "crossalign/collection.h"
#include "crossalign/dictionary.h"
#include "crossalign/document.h"
#include "crossalign/language_identifier.h"
#include "crossalign/pipeline.h"
#include "crossalign/status.h"
#include "crossalign/tmx_memory.h"
#include "crossalign/tmx_reader.h"
#include "crossalign/tmx_writer.h"
#include "crossalign/version.h"
#include "crossalign/writers.h"

namespace py = pybind11;

namespace crossalign::python {
namespace {

// A non-OK Status on its way to Python: translated into the class of
// crossalign._errors that its code names.
struct StatusError {
  Status status;
};

void Check(Status status) {
  if (!status.ok()) throw StatusError{std::move(status)};
}

template <typename T>
T Take(StatusOr<T> value) {
  if (!value.ok()) throw StatusError{value.status()};
  return std::move(*value);
}

using DocumentPtr = std::shared_ptr<const Document>;
// pybind11 holds documents as shared_ptr<Document> (it does not take
// shared_ptr<const T> holders); Python only reads them.
using DocumentHolder = std::shared_ptr<Document>;

DocumentHolder Hold(const DocumentPtr& doc) {
  return std::const_pointer_cast<Document>(doc);
}

std::vector<DocumentPtr> Release(const std::vector<DocumentHolder>& docs) {
  return std::vector<DocumentPtr>(docs.begin(), docs.end());
}

// A pipeline and the options it was made with. Shared between threads:
// Pipeline's methods are const and thread-safe.
class PipelineHandle {
 public:
  explicit PipelineHandle(std::unique_ptr<Pipeline> pipeline)
      : pipeline_(std::move(pipeline)) {}
  const Pipeline& get() const { return *pipeline_; }

 private:
  std::unique_ptr<Pipeline> pipeline_;
};

StatusOr<AlignMode> ParseMode(const std::string& mode) {
  if (mode == "auto") return AlignMode::kAuto;
  if (mode == "translation") return AlignMode::kTranslation;
  if (mode == "comparable") return AlignMode::kComparable;
  return InvalidArgumentError(
      "mode must be auto, translation or comparable, not '" + mode + "'");
}

// Options of a pipeline, as the package passes them (keyword arguments).
std::shared_ptr<PipelineHandle> MakePipeline(
    const std::string& lid_model, const std::string& mode, bool presegmented,
    bool languages_given, const std::string& dictionary,
    const std::string& dictionary_format, const std::string& input_format,
    const std::string& encoding, double same_story,
    const std::string& default_lang) {
  PipelineOptions options;
  options.lid_model = lid_model;
  options.mode = Take(ParseMode(mode));
  options.presegmented = presegmented;
  options.languages_given = languages_given;
  options.read.format = Take(ParseInputFormat(input_format));
  options.read.encoding = encoding;
  if (same_story >= 0.0) options.stories.same_story = same_story;
  // `align split --lang`: the rules of this language, whatever the text.
  if (!default_lang.empty()) options.segmenter.default_lang = default_lang;
  DictionaryFormat format = DictionaryFormat::kAuto;
  if (!ParseDictionaryFormat(dictionary_format, &format)) {
    throw StatusError{InvalidArgumentError(
        "dictionary_format must be auto, crossalign or hunalign, not '" +
        dictionary_format + "'")};
  }
  std::unique_ptr<Pipeline> pipeline;
  {
    py::gil_scoped_release release;
    if (!dictionary.empty()) {
      auto dict = Take(Dictionary::Load(dictionary, format));
      options.aligner.dictionary =
          std::make_shared<const Dictionary>(std::move(dict));
      options.comparable.dictionary = options.aligner.dictionary;
    }
    pipeline = Take(Pipeline::Create(options));
  }
  return std::make_shared<PipelineHandle>(std::move(pipeline));
}

// One segment of a document as `align split --format jsonl` gives it.
py::list Segments(const Document& doc) {
  py::list out;
  for (size_t i = 0; i < doc.segments().size(); ++i) {
    const Segment& s = doc.segments()[i];
    py::dict d;
    d["text"] = py::str(std::string(doc.SegmentText(i)));
    d["start"] = s.span.begin;
    d["end"] = s.span.end;
    d["paragraph"] = s.paragraph;
    d["kind"] = SegmentKindName(s.kind);
    d["lang"] = s.lang.empty() ? doc.lang() : s.lang;
    out.append(d);
  }
  return out;
}

py::dict Languages(const Document& doc) {
  const LanguageShares shares = CountLanguageShares(doc);
  py::dict d;
  d["sentences"] = shares.sentences;
  d["sentences_by_lang"] = shares.sentences_by_lang;
  d["other_share"] = shares.other_share;
  py::list runs;
  for (const LanguageRun& run : FindLanguageRuns(doc)) {
    py::dict r;
    r["lang"] = run.lang;
    r["first_sentence"] = run.first_segment;
    r["end_sentence"] = run.end_segment;
    r["begin_byte"] = doc.segments()[run.first_segment].span.begin;
    r["end_byte"] = doc.segments()[run.end_segment - 1].span.end;
    runs.append(r);
  }
  d["runs"] = runs;
  return d;
}

WriterOptions MakeWriterOptions(double min_score,
                                std::optional<double> creation_time,
                                bool replace) {
  WriterOptions options;
  options.min_score = min_score;
  options.replace = replace;
  if (creation_time) {
    options.tmx.creation_time = std::chrono::system_clock::time_point(
        std::chrono::seconds(static_cast<long long>(*creation_time)));
  }
  return options;
}

void BindData(py::module_& m) {
  py::class_<AlignedUnit>(m, "AlignedUnit", "One bead and its texts.")
      .def_readonly("src", &AlignedUnit::src)
      .def_readonly("tgt", &AlignedUnit::tgt)
      .def_readonly("score", &AlignedUnit::score)
      .def_readonly("src_ids", &AlignedUnit::src_ids)
      .def_readonly("tgt_ids", &AlignedUnit::tgt_ids)
      .def_readonly("bead", &AlignedUnit::bead);

  py::class_<Document, DocumentHolder>(m, "Document",
                                       "A prepared article (read-only).")
      .def_property_readonly("name", &Document::name)
      .def_property_readonly("text", &Document::text)
      .def_property_readonly("lang", &Document::lang)
      .def_property_readonly("lang_confidence", &Document::lang_confidence)
      .def_property_readonly(
          "format",
          [](const Document& d) { return InputFormatName(d.format()); })
      .def_property_readonly("source_encoding", &Document::source_encoding)
      .def_property_readonly("warnings", &Document::warnings)
      .def_property_readonly("notes", &Document::notes)
      .def_property_readonly("metadata",
                             [](const Document& d) {
                               const DocumentMetadata& md = d.metadata();
                               py::dict out;
                               out["outlet"] = md.outlet;
                               out["lang"] = md.lang;
                               out["date"] = md.date;
                               out["url"] = md.url;
                               out["title"] = md.title;
                               return out;
                             })
      .def("segments", &Segments)
      .def("languages", &Languages);

  py::class_<AlignedPair>(m, "AlignedPair", "Two documents and their beads.")
      .def_property_readonly("src",
                             [](const AlignedPair& p) { return Hold(p.src); })
      .def_property_readonly("tgt",
                             [](const AlignedPair& p) { return Hold(p.tgt); })
      .def_property_readonly(
          "mode",
          [](const AlignedPair& p) { return AlignModeName(p.alignment.mode); })
      .def_property_readonly(
          "decision",
          [](const AlignedPair& p) { return AlignmentDecision(p.alignment); })
      .def_property_readonly(
          "reason",
          [](const AlignedPair& p) { return p.alignment.mode_reason; })
      .def_property_readonly(
          "method", [](const AlignedPair& p) { return p.alignment.method; })
      .def_property_readonly(
          "similarity",
          [](const AlignedPair& p) { return p.alignment.story_similarity; })
      .def("units", &UnitsOf, py::arg("min_score") = 0.0);

  py::class_<PairDecision>(m, "PairDecision")
      .def_readonly("src", &PairDecision::src)
      .def_readonly("tgt", &PairDecision::tgt)
      .def_readonly("similarity", &PairDecision::similarity)
      .def_readonly("story", &PairDecision::story)
      .def_readonly("decision", &PairDecision::decision)
      .def_readonly("reason", &PairDecision::reason)
      .def_readonly("aligned", &PairDecision::aligned);

  py::class_<CollectionAlignment>(m, "CollectionAlignment")
      .def_readonly("pairs", &CollectionAlignment::pairs)
      .def_readonly("decisions", &CollectionAlignment::decisions)
      .def_readonly("story_of", &CollectionAlignment::story_of);

  py::class_<TmxProp>(m, "TmxProp")
      .def(py::init<>())
      .def_readwrite("type", &TmxProp::type)
      .def_readwrite("value", &TmxProp::value);
  py::class_<TmxVariant>(m, "TmxVariant")
      .def(py::init<>())
      .def_readwrite("lang", &TmxVariant::lang)
      .def_readwrite("props", &TmxVariant::props)
      .def_readwrite("notes", &TmxVariant::notes)
      .def_readwrite("text", &TmxVariant::text)
      .def_readwrite("seg_xml", &TmxVariant::seg_xml);
  py::class_<TmxUnit>(m, "TmxUnit")
      .def(py::init<>())
      .def_readwrite("tuid", &TmxUnit::tuid)
      .def_readwrite("creationdate", &TmxUnit::creationdate)
      .def_readwrite("srclang", &TmxUnit::srclang)
      .def_readwrite("props", &TmxUnit::props)
      .def_readwrite("notes", &TmxUnit::notes)
      .def_readwrite("variants", &TmxUnit::variants);
  py::class_<TmxHeader>(m, "TmxHeader")
      .def(py::init<>())
      .def_readwrite("creationtool", &TmxHeader::creationtool)
      .def_readwrite("creationtoolversion", &TmxHeader::creationtoolversion)
      .def_readwrite("segtype", &TmxHeader::segtype)
      .def_readwrite("o_tmf", &TmxHeader::o_tmf)
      .def_readwrite("adminlang", &TmxHeader::adminlang)
      .def_readwrite("srclang", &TmxHeader::srclang)
      .def_readwrite("datatype", &TmxHeader::datatype)
      .def_readwrite("creationdate", &TmxHeader::creationdate)
      .def_readwrite("props", &TmxHeader::props)
      .def_readwrite("notes", &TmxHeader::notes);
  py::class_<TmxMemory>(m, "TmxMemory")
      .def(py::init<>())
      .def_readwrite("version", &TmxMemory::version)
      .def_readwrite("header", &TmxMemory::header)
      .def_readwrite("units", &TmxMemory::units)
      .def_readwrite("warnings", &TmxMemory::warnings);
}

void BindPipeline(py::module_& m) {
  py::class_<PipelineHandle, std::shared_ptr<PipelineHandle>>(
      m, "Pipeline", "A loaded pipeline (model, segmenter, aligners).")
      .def(py::init(&MakePipeline), py::arg("lid_model"), py::arg("mode"),
           py::arg("presegmented"), py::arg("languages_given"),
           py::arg("dictionary"), py::arg("dictionary_format"),
           py::arg("input_format"), py::arg("encoding"), py::arg("same_story"),
           py::arg("default_lang"))
      .def_property_readonly(
          "warnings",
          [](const PipelineHandle& p) {
            const LanguageIdentifier* lid = p.get().language_identifier();
            return lid ? lid->Warnings() : std::vector<std::string>{};
          })
      .def("align_texts",
           [](const PipelineHandle& p, const py::bytes& src,
              const py::bytes& tgt, const AlignTextsOptions& options) {
             std::string s = src, t = tgt;
             py::gil_scoped_release release;
             return Take(AlignTexts(p.get(), s, t, options));
           })
      .def("align_files",
           [](const PipelineHandle& p, const std::string& src,
              const std::string& tgt, const std::string& src_lang,
              const std::string& tgt_lang) {
             py::gil_scoped_release release;
             return Take(p.get().AlignFiles(src, tgt, src_lang, tgt_lang));
           })
      .def("prepare_text",
           [](const PipelineHandle& p, const std::string& name,
              const py::bytes& text, const std::string& lang) {
             std::string bytes = text;
             py::gil_scoped_release release;
             Document doc =
                 Take(DecodeDocument(name, bytes, p.get().options().read));
             return Hold(Take(p.get().PrepareDocument(std::move(doc), lang)));
           })
      .def("prepare_file",
           [](const PipelineHandle& p, const std::string& path,
              const std::string& lang) {
             py::gil_scoped_release release;
             return Hold(Take(p.get().Prepare(path, lang)));
           })
      .def("align_documents",
           [](const PipelineHandle& p, const DocumentHolder& src,
              const DocumentHolder& tgt) {
             py::gil_scoped_release release;
             return Take(p.get().Align(src, tgt));
           })
      .def("align_collection",
           [](const PipelineHandle& p, const std::vector<DocumentHolder>& held,
              int jobs, std::vector<std::pair<size_t, size_t>> pairs) {
             const std::vector<DocumentPtr> docs = Release(held);
             CollectionOptions options;
             options.jobs = jobs;
             options.pairs = std::move(pairs);
             py::gil_scoped_release release;
             return Take(AlignCollection(p.get(), docs, options));
           });

  py::class_<AlignTextsOptions>(m, "AlignTextsOptions")
      .def(py::init<>())
      .def_readwrite("src_lang", &AlignTextsOptions::src_lang)
      .def_readwrite("tgt_lang", &AlignTextsOptions::tgt_lang)
      .def_readwrite("src_name", &AlignTextsOptions::src_name)
      .def_readwrite("tgt_name", &AlignTextsOptions::tgt_name);
}

void BindFunctions(py::module_& m) {
  m.def("version", [] { return std::string(Version()); });
  m.def("find_lid_model",
        [](const std::string& path) { return Take(FindLidModel(path)); });
  m.def("check_language_tag",
        [](const std::string& tag) { Check(CheckLanguageTag(tag)); });
  m.def("expand_inputs", [](const std::vector<std::string>& inputs) {
    ArticleFiles files = ExpandArticleInputs(inputs);
    return py::make_tuple(files.files, files.skipped, files.notes);
  });
  m.def("render", [](const std::string& format, const std::string& output,
                     const std::vector<AlignedPair>& pairs, double min_score,
                     std::optional<double> creation_time) {
    const OutputFormat f = Take(ParseOutputFormat(format));
    const WriterOptions options =
        MakeWriterOptions(min_score, creation_time, true);
    std::vector<OutputFile> files;
    {
      py::gil_scoped_release release;
      files = Take(Render(f, output, pairs, options));
    }
    py::list out;
    for (const OutputFile& file : files) {
      out.append(py::make_tuple(file.path, file.content));
    }
    return out;
  });
  m.def("write", [](const std::string& format, const std::string& output,
                    const std::vector<AlignedPair>& pairs, double min_score,
                    std::optional<double> creation_time, bool replace) {
    const OutputFormat f = Take(ParseOutputFormat(format));
    const WriterOptions options =
        MakeWriterOptions(min_score, creation_time, replace);
    py::gil_scoped_release release;
    Check(Write(f, output, pairs, options));
  });
  m.def("read_tmx", [](const std::string& path) {
    py::gil_scoped_release release;
    return Take(TmxReader().ReadFile(path));
  });
  m.def("parse_tmx", [](const std::string& name, const py::bytes& bytes) {
    std::string data = bytes;
    py::gil_scoped_release release;
    return Take(TmxReader().Parse(name, data));
  });
  m.def("render_tmx_memory", [](const TmxMemory& memory,
                                std::optional<double> creation_time) {
    TmxWriterOptions options = MakeWriterOptions(0.0, creation_time, true).tmx;
    py::gil_scoped_release release;
    return Take(TmxWriter(options).RenderMemory(memory));
  });
  m.def("write_tmx_memory", [](const std::string& path, const TmxMemory& memory,
                               std::optional<double> creation_time) {
    TmxWriterOptions options = MakeWriterOptions(0.0, creation_time, true).tmx;
    py::gil_scoped_release release;
    Check(TmxWriter(options).WriteMemoryFile(path, memory));
  });
}

}  // namespace
}  // namespace crossalign::python

PYBIND11_MODULE(_crossalign, m) {
  using crossalign::python::StatusError;
  m.doc() = "The C++ core of crossalign; use the crossalign package.";
  // crossalign._errors maps a status code to its Python class.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      py::object raise =
          py::module_::import("crossalign._errors").attr("_from_status");
      py::object error =
          raise(static_cast<int>(e.status.code()), e.status.message());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())),
                      error.ptr());
    }
  });
  crossalign::python::BindData(m);
  crossalign::python::BindPipeline(m);
  crossalign::python::BindFunctions(m);
}
