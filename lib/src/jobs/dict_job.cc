#include "jobs/dict_job.h"

namespace crossalign {

StatusOr<Dictionary> MakeDictionary(const DictJob& job) {
  StatusOr<Dictionary> dict = InvalidArgumentError("dict: no verb");
  if (job.verb == "import") {
    dict = Dictionary::ImportFreeDict(job.freedict);
  } else if (job.verb == "pivot") {
    auto first = Dictionary::Load(job.files.at(0), job.in_format);
    if (!first.ok()) return first;
    auto second = Dictionary::Load(job.files.at(1), job.in_format);
    if (!second.ok()) return second;
    dict = Dictionary::Compose(*first, *second);
  } else {
    dict = Dictionary::Load(job.files.at(0), job.in_format);
  }
  if (dict.ok() && job.reverse) dict = dict->Reversed();
  return dict;
}

DictionaryFormat DictionaryOutputFormat(const std::string& path,
                                        DictionaryFormat format) {
  if (format != DictionaryFormat::kAuto) return format;
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".dic") == 0
             ? DictionaryFormat::kHunalign
             : DictionaryFormat::kSourceTarget;
}

}  // namespace crossalign
