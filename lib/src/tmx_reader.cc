#include "crossalign/tmx_reader.h"

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <sstream>

#include "atomic_file.h"
#include "utf8.h"

namespace crossalign {
namespace {

std::string Clean(const char* text) {
  return internal::ReplaceInvalidUtf8(text == nullptr ? "" : text);
}

std::string Attr(pugi::xml_node node, const char* name) {
  return Clean(node.attribute(name).value());
}

// The text of a <prop> or <note>: all its character data.
std::string NodeText(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    }
  }
  return internal::ReplaceInvalidUtf8(out);
}

// Character data of a <seg> and of the <hi> elements in it; the native codes
// in bpt, ept, it, ph and ut (and their sub elements) are not text.
void CollectText(pugi::xml_node node, std::string* out, bool* has_element) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out->append(child.value());
    } else if (child.type() == pugi::node_element) {
      *has_element = true;
      if (std::string_view(child.name()) == "hi") {
        CollectText(child, out, has_element);
      }
    }
  }
}

std::string InnerXml(pugi::xml_node node) {
  std::ostringstream out;
  for (pugi::xml_node child : node.children()) {
    child.print(out, "", pugi::format_raw | pugi::format_skip_control_chars,
                pugi::encoding_utf8);
  }
  return internal::ReplaceInvalidUtf8(out.str());
}

void ReadPropsAndNotes(pugi::xml_node node, std::vector<TmxProp>* props,
                       std::vector<std::string>* notes) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "prop") {
      props->push_back({Attr(child, "type"), NodeText(child)});
    } else if (name == "note") {
      notes->push_back(NodeText(child));
    }
  }
}

// Line and column (1-based) of a byte offset.
std::string Where(std::string_view bytes, ptrdiff_t offset) {
  size_t line = 1, column = 1;
  const size_t end =
      std::min(bytes.size(), static_cast<size_t>(offset < 0 ? 0 : offset));
  for (size_t i = 0; i < end; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '-' || c == '.';
}

// pugixml takes a bare '&' as text; XML does not. Returns the offset of the
// first '&' outside comments, CDATA sections, processing instructions and
// the DOCTYPE that does not start a character reference or one of the five
// predefined entity references (any entity name when the DOCTYPE declares
// some), or npos. Used on 8-bit input only.
size_t FindBareAmpersand(std::string_view bytes) {
  bool entities_declared = false;
  size_t i = 0;
  const auto skip_past = [&](std::string_view end) {
    const size_t at = bytes.find(end, i);
    i = at == std::string_view::npos ? bytes.size() : at + end.size();
  };
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '<') {
      const std::string_view rest = bytes.substr(i);
      if (rest.substr(0, 4) == "<!--") {
        skip_past("-->");
      } else if (rest.substr(0, 9) == "<![CDATA[") {
        skip_past("]]>");
      } else if (rest.substr(0, 2) == "<?") {
        skip_past("?>");
      } else if (rest.substr(0, 9) == "<!DOCTYPE") {
        // Up to the '>' that is outside the internal subset.
        int depth = 0;
        for (; i < bytes.size(); ++i) {
          if (bytes[i] == '[') {
            ++depth;
            entities_declared = true;
          }
          if (bytes[i] == ']') --depth;
          if (bytes[i] == '>' && depth <= 0) break;
        }
        ++i;
      } else {
        ++i;
      }
      continue;
    }
    if (c != '&') {
      ++i;
      continue;
    }
    size_t k = i + 1;
    bool ok = false;
    if (k < bytes.size() && bytes[k] == '#') {
      ++k;
      const bool hex = k < bytes.size() && bytes[k] == 'x';
      if (hex) ++k;
      const size_t digits = k;
      while (k < bytes.size() &&
             (std::isdigit(static_cast<unsigned char>(bytes[k])) ||
              (hex && std::isxdigit(static_cast<unsigned char>(bytes[k]))))) {
        ++k;
      }
      ok = k > digits && k < bytes.size() && bytes[k] == ';';
    } else {
      while (k < bytes.size() && IsNameChar(bytes[k])) ++k;
      const std::string_view entity = bytes.substr(i + 1, k - i - 1);
      ok = k < bytes.size() && bytes[k] == ';' && !entity.empty() &&
           (entities_declared || entity == "amp" || entity == "lt" ||
            entity == "gt" || entity == "quot" || entity == "apos");
    }
    if (!ok) return i;
    i = k + 1;
  }
  return std::string_view::npos;
}

// UTF-16 and UTF-32 input starts with a byte-order mark or a NUL byte.
bool LooksEightBit(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return false;
  }
  return bytes.find('\0') == std::string_view::npos;
}

}  // namespace

TmxReader::TmxReader(TmxReaderOptions options) : options_(options) {}

StatusOr<TmxMemory> TmxReader::ReadFile(const std::string& path) const {
  StatusOr<std::string> bytes =
      internal::ReadWholeFile(path, options_.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  return Parse(path, *bytes);
}

StatusOr<TmxMemory> TmxReader::Parse(const std::string& name,
                                     std::string_view bytes) const {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    // The offset is exact for UTF-8 input, which TMX nearly always is.
    return DataLossError(name + ": not well-formed XML (" +
                         parsed.description() + ", " +
                         Where(bytes, parsed.offset) + "); not a TMX file");
  }
  if (LooksEightBit(bytes)) {
    const size_t bare = FindBareAmpersand(bytes);
    if (bare != std::string_view::npos) {
      return DataLossError(
          name +
          ": not well-formed XML ('&' that starts no entity or "
          "character reference, " +
          Where(bytes, static_cast<ptrdiff_t>(bare)) +
          "; write it as &amp;); not a TMX file");
    }
  }
  const pugi::xml_node tmx = xml.document_element();
  if (std::string_view(tmx.name()) != "tmx") {
    return InvalidArgumentError(name +
                                ": not a TMX file (the root element is <" +
                                Clean(tmx.name()) + ">, not <tmx>)");
  }
  const pugi::xml_node body = tmx.child("body");
  if (!body) {
    return InvalidArgumentError(name +
                                ": not a TMX file (<tmx> has no <body>)");
  }
  TmxMemory memory;
  memory.version = Attr(tmx, "version");
  const pugi::xml_node header = tmx.child("header");
  if (header) {
    TmxHeader& h = memory.header;
    h.creationtool = Attr(header, "creationtool");
    h.creationtoolversion = Attr(header, "creationtoolversion");
    h.segtype = Attr(header, "segtype");
    h.o_tmf = Attr(header, "o-tmf");
    h.adminlang = Attr(header, "adminlang");
    h.srclang = Attr(header, "srclang");
    h.datatype = Attr(header, "datatype");
    h.creationdate = Attr(header, "creationdate");
    ReadPropsAndNotes(header, &h.props, &h.notes);
  } else {
    memory.warnings.push_back(name + ": <tmx> has no <header>");
  }

  size_t index = 0;
  for (pugi::xml_node tu : body.children("tu")) {
    ++index;
    TmxUnit unit;
    unit.tuid = Attr(tu, "tuid");
    unit.creationdate = Attr(tu, "creationdate");
    unit.srclang = Attr(tu, "srclang");
    ReadPropsAndNotes(tu, &unit.props, &unit.notes);
    const std::string which = name + ": unit " + std::to_string(index) +
                              (unit.tuid.empty() ? "" : " (" + unit.tuid + ")");
    for (pugi::xml_node tuv : tu.children("tuv")) {
      TmxVariant variant;
      variant.lang = Attr(tuv, "xml:lang");
      if (variant.lang.empty()) variant.lang = Attr(tuv, "lang");
      if (variant.lang.empty()) {
        memory.warnings.push_back(which +
                                  ": a <tuv> has no xml:lang; left out");
        continue;
      }
      ReadPropsAndNotes(tuv, &variant.props, &variant.notes);
      const pugi::xml_node seg = tuv.child("seg");
      if (!seg) {
        memory.warnings.push_back(which + ": the " + variant.lang +
                                  " <tuv> has no <seg>; left out");
        continue;
      }
      bool has_element = false;
      CollectText(seg, &variant.text, &has_element);
      variant.text = internal::ReplaceInvalidUtf8(variant.text);
      if (has_element) variant.seg_xml = InnerXml(seg);
      unit.variants.push_back(std::move(variant));
    }
    memory.units.push_back(std::move(unit));
  }
  return memory;
}

}  // namespace crossalign
