#include "crossalign/tmx_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "base/file_io.h"
#include "base/utf8.h"
#include "read/text_decoder.h"

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
// The document's depth is checked first (kMaxDepth), so the recursion is
// bounded.
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

// Elements nested deeper than this are refused: a TMX needs 5 levels
// (tmx, body, tu, tuv, seg) and inline markup a few more; 40,000 nested <hi>
// overflowed the stack of the recursive walks.
constexpr int kMaxDepth = 128;

// The deepest element nesting of the document, walked without recursion;
// stops counting past kMaxDepth. Sets *where to the first too-deep node.
int MaxDepth(const pugi::xml_document& xml, pugi::xml_node* where) {
  int depth = 0, deepest = 0;
  pugi::xml_node node = xml.first_child();
  while (node) {
    if (node.type() == pugi::node_element && depth + 1 > deepest) {
      deepest = depth + 1;
      if (deepest > kMaxDepth) {
        *where = node;
        return deepest;
      }
    }
    if (node.first_child()) {
      ++depth;
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == xml) return deepest;
    }
    if (node) node = node.next_sibling();
  }
  return deepest;
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

// A code point XML 1.0 allows (production Char).
bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Parses the character reference at bytes[i] ("&#...;"); returns its length,
// or 0 when it is malformed. *code gets its value (capped above 0x10FFFF).
size_t CharReference(std::string_view bytes, size_t i, uint32_t* code) {
  size_t k = i + 2;
  const bool hex = k < bytes.size() && bytes[k] == 'x';
  if (hex) ++k;
  const size_t digits = k;
  uint64_t value = 0;
  while (k < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[k]);
    int d = -1;
    if (std::isdigit(c)) d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) break;
    value = std::min<uint64_t>(value * (hex ? 16 : 10) + d, 0x110000);
    ++k;
  }
  if (k == digits || k >= bytes.size() || bytes[k] != ';') return 0;
  *code = static_cast<uint32_t>(value);
  return k + 1 - i;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads the general entities an internal DTD subset declares
// (<!ENTITY nbsp "&#160;">) into *entities, their values with character
// references resolved. Returns "" or what is wrong: an external or unparsed
// entity, or a value holding markup or another entity (nested expansion is
// what "billion laughs" abuses; it is not supported).
std::string ReadEntityDeclarations(
    std::string_view subset, std::map<std::string, std::string>* entities) {
  size_t at = 0;
  while ((at = subset.find("<!ENTITY", at)) != std::string_view::npos) {
    size_t k = at + 8;
    while (k < subset.size() && IsSpace(subset[k])) ++k;
    if (k < subset.size() && subset[k] == '%') {  // a parameter entity
      at = k;
      continue;
    }
    const size_t name_begin = k;
    while (k < subset.size() && IsNameChar(subset[k])) ++k;
    const std::string name(subset.substr(name_begin, k - name_begin));
    while (k < subset.size() && IsSpace(subset[k])) ++k;
    if (name.empty() || k >= subset.size() ||
        (subset[k] != '"' && subset[k] != '\'')) {
      return "the DOCTYPE declares an external or malformed entity" +
             (name.empty() ? std::string() : " &" + name + ";") +
             ", which is not read";
    }
    const char quote = subset[k];
    const size_t end = subset.find(quote, k + 1);
    if (end == std::string_view::npos) return "unterminated entity &" + name;
    const std::string_view raw = subset.substr(k + 1, end - k - 1);
    std::string value;
    for (size_t i = 0; i < raw.size(); ++i) {
      uint32_t code = 0;
      size_t len = 0;
      if (raw[i] == '&' && i + 1 < raw.size() && raw[i + 1] == '#') {
        len = CharReference(raw, i, &code);
      }
      if (raw[i] == '&' && (len == 0 || !IsXmlChar(code))) {
        return "entity &" + name +
               "; refers to another entity or an invalid character; only "
               "entities whose value is text are expanded";
      }
      if (raw[i] == '<' || raw[i] == '%') {
        return "entity &" + name + "; holds markup; it is not expanded";
      }
      if (len > 0) {
        internal::AppendUtf8(code, &value);
        i += len - 1;
      } else {
        value.push_back(raw[i]);
      }
    }
    entities->emplace(name, value);  // the first declaration wins
    at = end;
  }
  return "";
}

// Skips the DOCTYPE declaration at `*i` up to the '>' that is outside the
// internal subset, reading the subset's entity declarations. Returns "" or
// what is wrong with them.
std::string SkipDoctype(std::string_view bytes, size_t* i,
                        std::map<std::string, std::string>* entities) {
  size_t subset_begin = std::string_view::npos, subset_end = *i;
  int depth = 0;
  for (; *i < bytes.size(); ++*i) {
    const char c = bytes[*i];
    if (c == '[') {
      if (depth == 0) subset_begin = *i + 1;
      ++depth;
    }
    if (c == ']' && --depth == 0) subset_end = *i;
    if (c == '>' && depth <= 0) break;
  }
  ++*i;
  if (subset_begin == std::string_view::npos || subset_end <= subset_begin) {
    return "";
  }
  return ReadEntityDeclarations(
      bytes.substr(subset_begin, subset_end - subset_begin), entities);
}

// Skips the markup at `*i` (a '<'): past a comment, CDATA section or
// processing instruction, past a DOCTYPE (reading its entities), else one
// byte. Returns "" or what is wrong with the DOCTYPE's entities.
std::string SkipMarkup(std::string_view bytes, size_t* i,
                       std::map<std::string, std::string>* entities) {
  const auto skip_past = [&](std::string_view end) {
    const size_t at = bytes.find(end, *i);
    *i = at == std::string_view::npos ? bytes.size() : at + end.size();
  };
  const std::string_view rest = bytes.substr(*i);
  if (rest.substr(0, 4) == "<!--") {
    skip_past("-->");
  } else if (rest.substr(0, 9) == "<![CDATA[") {
    skip_past("]]>");
  } else if (rest.substr(0, 2) == "<?") {
    skip_past("?>");
  } else if (rest.substr(0, 9) == "<!DOCTYPE") {
    return SkipDoctype(bytes, i, entities);
  } else {
    ++*i;
  }
  return "";
}

// The entity value `value`, escaped so that it stays text in content and
// attributes, appended to `out`.
void AppendEscapedValue(const std::string& value, std::string* out) {
  for (const char v : value) {
    if (v == '&') {
      *out += "&amp;";
    } else if (v == '<') {
      *out += "&lt;";
    } else if (v == '"') {
      *out += "&quot;";
    } else if (v == '\'') {
      *out += "&apos;";
    } else {
      out->push_back(v);
    }
  }
}

// Checks the reference at `i` (a '&'). Returns its length, or 0 with
// `*error` set; `*value` is the declared entity's value to expand, or null
// for a character reference or a predefined entity (left as they are).
size_t CheckReference(std::string_view bytes, size_t i,
                      const std::map<std::string, std::string>& entities,
                      const std::string** value, std::string* error) {
  *value = nullptr;
  if (i + 1 < bytes.size() && bytes[i + 1] == '#') {
    uint32_t code = 0;
    const size_t len = CharReference(bytes, i, &code);
    if (len == 0) {
      *error = "'&#' that starts no character reference; write '&' as &amp;";
      return 0;
    }
    if (!IsXmlChar(code)) {
      *error = "character reference " + std::string(bytes.substr(i, len)) +
               " to a character XML does not allow";
      return 0;
    }
    return len;
  }
  size_t k = i + 1;
  while (k < bytes.size() && IsNameChar(bytes[k])) ++k;
  const std::string entity(bytes.substr(i + 1, k - i - 1));
  if (k >= bytes.size() || bytes[k] != ';' || entity.empty()) {
    *error =
        "'&' that starts no entity or character reference; write it as "
        "&amp;";
    return 0;
  }
  if (entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" ||
      entity == "apos") {
    return k + 1 - i;
  }
  const auto found = entities.find(entity);
  if (found == entities.end()) {
    *error = "entity &" + entity + "; is not declared";
    return 0;
  }
  *value = &found->second;
  return k + 1 - i;
}

// Where XML text differs from what pugixml accepts, on UTF-8 input: returns
// the document with the entities the DOCTYPE declares expanded (pugixml
// leaves "&nbsp;" as literal text), or sets *error (and *error_at, a byte
// offset) for a bare '&' that starts no reference (pugixml takes it as text),
// a reference to an undeclared entity, or a character reference to a code
// point XML forbids (pugixml turns &#0; into a NUL that cut the segment).
// Comments, CDATA sections and processing instructions are left as they are.
std::string CheckReferences(std::string_view bytes, std::string* error,
                            size_t* error_at) {
  std::map<std::string, std::string> entities;
  std::string out;
  size_t copied = 0;  // bytes[0, copied) are in out
  size_t i = 0;
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '<') {
      const size_t begin = i;
      std::string problem = SkipMarkup(bytes, &i, &entities);
      if (!problem.empty()) {
        *error = std::move(problem);
        *error_at = begin;
        return std::string();
      }
      continue;
    }
    if (c != '&') {
      ++i;
      continue;
    }
    const std::string* value = nullptr;
    const size_t len = CheckReference(bytes, i, entities, &value, error);
    if (len == 0) {
      *error_at = i;
      return std::string();
    }
    if (value != nullptr) {
      out.append(bytes.substr(copied, i - copied));
      AppendEscapedValue(*value, &out);
      copied = i + len;
    }
    i += len;
  }
  if (copied == 0) return std::string(bytes);
  out.append(bytes.substr(copied));
  return out;
}

// The encoding named in the XML declaration (<?xml ... encoding="X"?>), or "".
std::string DeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return "";
  const size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return "";
  const std::string_view decl = bytes.substr(0, end);
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  at += 8;
  while (at < decl.size() && (IsSpace(decl[at]) || decl[at] == '=')) ++at;
  if (at >= decl.size() || (decl[at] != '"' && decl[at] != '\'')) return "";
  const size_t close = decl.find(decl[at], at + 1);
  if (close == std::string_view::npos) return "";
  return std::string(decl.substr(at + 1, close - at - 1));
}

bool IsUtf8Name(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(c));
  return name.empty() || name == "utf-8" || name == "utf8" ||
         name == "us-ascii" || name == "ascii";
}

// UTF-16 and UTF-32 input starts with a byte-order mark or a NUL byte.
bool LooksEightBit(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return false;
  }
  return bytes.find('\0') == std::string_view::npos;
}

// The document as UTF-8 text for pugixml. Eight-bit input in another
// encoding its XML declaration names is converted into `*utf8`; invalid
// bytes are reported in `warnings`. Then (still for eight-bit input) the
// entity and character references are checked and the declared entities
// expanded (CheckReferences). UTF-16 and UTF-32 input is left to pugixml.
// Returns the text, which points into `bytes` or `*utf8`.
StatusOr<std::string_view> TextForParser(const std::string& name,
                                         std::string_view bytes,
                                         std::string* utf8,
                                         std::vector<std::string>* warnings) {
  if (!LooksEightBit(bytes)) return bytes;
  const std::string declared = DeclaredEncoding(bytes);
  if (!IsUtf8Name(declared)) {
    // windows-1251, Shift_JIS, ISO-8859-2...: converted by ICU, as
    // articles are.
    StatusOr<internal::DecodedText> decoded =
        internal::DecodeToUtf8(bytes, declared, name);
    if (!decoded.ok()) {
      return InvalidArgumentError(name + ": cannot read the encoding " +
                                  declared + " its XML declaration names (" +
                                  decoded.status().message() + ")");
    }
    if (!decoded->replaced.empty()) {
      warnings->push_back(
          name + ": " + std::to_string(decoded->replaced.size()) +
          " byte(s) are not valid " + declared + " (first at " +
          Where(bytes, static_cast<ptrdiff_t>(decoded->replaced.front())) +
          "); replaced by U+FFFD");
    }
    *utf8 = std::move(decoded->utf8);
  } else {
    const size_t bad = internal::FindInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
      warnings->push_back(
          name + ": invalid UTF-8 at " +
          Where(bytes, static_cast<ptrdiff_t>(bad)) + " (the file declares " +
          (declared.empty() ? "no encoding, so UTF-8" : declared) +
          "); bad bytes replaced by U+FFFD");
    }
  }
  std::string_view text = utf8->empty() ? bytes : std::string_view(*utf8);
  std::string error;
  size_t error_at = 0;
  std::string checked = CheckReferences(text, &error, &error_at);
  if (!error.empty()) {
    return DataLossError(name + ": not well-formed XML (" + error + ", " +
                         Where(text, static_cast<ptrdiff_t>(error_at)) +
                         "); not a TMX file");
  }
  if (checked.size() != text.size() || !utf8->empty()) {
    *utf8 = std::move(checked);
    text = *utf8;
  }
  return text;
}

// Checks that the parsed document is a TMX file this reader reads: not
// nested too deep, <tmx> at the root, with a <body>.
Status CheckTmxShape(const std::string& name, const pugi::xml_document& xml) {
  pugi::xml_node too_deep;
  if (MaxDepth(xml, &too_deep) > kMaxDepth) {
    return DataLossError(name + ": elements nested more than " +
                         std::to_string(kMaxDepth) + " levels deep (<" +
                         Clean(too_deep.name()) +
                         ">); not a TMX file this tool reads");
  }
  const pugi::xml_node tmx = xml.document_element();
  if (std::string_view(tmx.name()) != "tmx") {
    return InvalidArgumentError(name +
                                ": not a TMX file (the root element is <" +
                                Clean(tmx.name()) + ">, not <tmx>)");
  }
  if (!tmx.child("body")) {
    return InvalidArgumentError(name +
                                ": not a TMX file (<tmx> has no <body>)");
  }
  return Status::Ok();
}

TmxHeader ReadHeader(const pugi::xml_node& header) {
  TmxHeader h;
  h.creationtool = Attr(header, "creationtool");
  h.creationtoolversion = Attr(header, "creationtoolversion");
  h.segtype = Attr(header, "segtype");
  h.o_tmf = Attr(header, "o-tmf");
  h.adminlang = Attr(header, "adminlang");
  h.srclang = Attr(header, "srclang");
  h.datatype = Attr(header, "datatype");
  h.creationdate = Attr(header, "creationdate");
  ReadPropsAndNotes(header, &h.props, &h.notes);
  return h;
}

// The unit of <tu> element `tu`; its variants without a language or a
// <seg> are left out, with a warning naming the file and the unit (the
// `index`th of the body, counting from 1).
TmxUnit ReadUnit(const pugi::xml_node& tu, const std::string& name,
                 size_t index, std::vector<std::string>* warnings) {
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
      warnings->push_back(which + ": a <tuv> has no xml:lang; left out");
      continue;
    }
    ReadPropsAndNotes(tuv, &variant.props, &variant.notes);
    const pugi::xml_node seg = tuv.child("seg");
    if (!seg) {
      warnings->push_back(which + ": the " + variant.lang +
                          " <tuv> has no <seg>; left out");
      continue;
    }
    bool has_element = false;
    CollectText(seg, &variant.text, &has_element);
    variant.text = internal::ReplaceInvalidUtf8(variant.text);
    if (has_element) variant.seg_xml = InnerXml(seg);
    unit.variants.push_back(std::move(variant));
  }
  return unit;
}

}  // namespace

TmxReader::TmxReader(TmxReaderOptions options) : options_(options) {}

StatusOr<TmxMemory> TmxReader::ReadFile(const std::string& path) const {
  CROSSALIGN_ASSIGN_OR_RETURN(
      const std::string bytes,
      internal::ReadWholeFile(path, options_.max_file_bytes));
  return Parse(path, bytes);
}

StatusOr<TmxMemory> TmxReader::Parse(const std::string& name,
                                     std::string_view bytes) const {
  std::vector<std::string> warnings;
  std::string utf8;  // the document in UTF-8 when it had to be converted
  StatusOr<std::string_view> text =
      TextForParser(name, bytes, &utf8, &warnings);
  if (!text.ok()) return text.status();
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed = xml.load_buffer(
      text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata,
      LooksEightBit(bytes) ? pugi::encoding_utf8 : pugi::encoding_auto);
  if (!parsed) {
    // The offset is exact for UTF-8 input, which TMX nearly always is.
    return DataLossError(name + ": not well-formed XML (" +
                         parsed.description() + ", " +
                         Where(*text, parsed.offset) + "); not a TMX file");
  }
  if (Status shape = CheckTmxShape(name, xml); !shape.ok()) return shape;
  const pugi::xml_node tmx = xml.document_element();
  TmxMemory memory;
  memory.warnings = std::move(warnings);
  memory.version = Attr(tmx, "version");
  if (const pugi::xml_node header = tmx.child("header")) {
    memory.header = ReadHeader(header);
  } else {
    memory.warnings.push_back(name + ": <tmx> has no <header>");
  }
  size_t index = 0;
  for (pugi::xml_node tu : tmx.child("body").children("tu")) {
    memory.units.push_back(ReadUnit(tu, name, ++index, &memory.warnings));
  }
  return memory;
}

}  // namespace crossalign
