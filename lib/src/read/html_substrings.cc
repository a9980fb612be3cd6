// FindSubstrings: many needles in one text in one pass (rolling hashes).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/html_article_extractor.h"

namespace crossalign::internal {

namespace {

// Polynomial hashes of byte strings modulo two primes at once, for
// FindSubstrings. Equal hashes only make a candidate: every match is
// confirmed byte by byte, so the constants (two well-known primes and two
// arbitrary bases below them) affect only how rarely a candidate is false.
constexpr uint64_t kModA = 2147483647;  // 2^31 - 1
constexpr uint64_t kModB = 1000000007;
constexpr uint64_t kBaseA = 911382323;
constexpr uint64_t kBaseB = 972663749;

struct Poly {
  uint32_t a = 0, b = 0;
};

Poly Extend(Poly h, unsigned char c) {
  return {static_cast<uint32_t>((h.a * kBaseA + c + 1) % kModA),
          static_cast<uint32_t>((h.b * kBaseB + c + 1) % kModB)};
}

// base^n for both moduli.
Poly Power(size_t n) {
  uint64_t ra = 1, rb = 1, ba = kBaseA, bb = kBaseB;
  for (; n > 0; n >>= 1) {
    if (n & 1) ra = ra * ba % kModA, rb = rb * bb % kModB;
    ba = ba * ba % kModA;
    bb = bb * bb % kModB;
  }
  return {static_cast<uint32_t>(ra), static_cast<uint32_t>(rb)};
}

// The hashes of every prefix of a string: the hash of any piece in O(1).
class PrefixHashes {
 public:
  explicit PrefixHashes(std::string_view s) : h_(s.size() + 1) {
    for (size_t i = 0; i < s.size(); ++i) {
      h_[i + 1] = Extend(h_[i], static_cast<unsigned char>(s[i]));
    }
  }
  // The hash of s[at, at + len), with power = Power(len), as one key.
  uint64_t Piece(size_t at, size_t len, Poly power) const {
    const Poly& x = h_[at];
    const Poly& y = h_[at + len];
    const uint64_t a = (y.a + kModA - x.a * uint64_t{power.a} % kModA) % kModA;
    const uint64_t b = (y.b + kModB - x.b * uint64_t{power.b} % kModB) % kModB;
    return a << 32 | b;
  }

 private:
  std::vector<Poly> h_;
};

// The length of the pieces needles are looked for by: long enough that
// the pieces of prose are rarely shared, short enough that most blocks
// have several to choose from.
constexpr size_t kPieceBytes = 16;

}  // namespace

std::vector<bool> FindSubstrings(std::string_view text,
                                 const std::vector<std::string>& needles,
                                 size_t* work) {
  size_t steps = 0;
  std::vector<bool> found(needles.size(), false);
  // Distinct needles that fit in the text (an empty one is always found).
  std::unordered_map<std::string_view, size_t> id_of;
  std::vector<std::string_view> distinct;
  std::vector<std::vector<size_t>> users;
  for (size_t k = 0; k < needles.size(); ++k) {
    if (needles[k].empty()) {
      found[k] = true;
    } else if (needles[k].size() <= text.size()) {
      const auto [it, added] = id_of.emplace(needles[k], distinct.size());
      if (added) {
        distinct.push_back(needles[k]);
        users.emplace_back();
      }
      users[it->second].push_back(k);
    }
    steps += needles[k].size() + 1;
  }
  // Each needle's pieces: every kPieceBytes from its start, and its last
  // piece (a short needle is one piece, itself). The piece used is the one
  // the fewest needles share, so that a shared opening ("Lorem ipsum ...")
  // does not make every needle a candidate wherever it occurs.
  struct Needle {
    uint64_t hash = 0;  // of the whole needle
    Poly power;         // Power(size)
    size_t offset = 0;  // of the piece looked for
  };
  std::vector<Needle> info(distinct.size());
  std::vector<std::vector<std::pair<size_t, uint64_t>>> pieces(distinct.size());
  std::vector<std::unordered_map<uint64_t, size_t>> shared(kPieceBytes + 1);
  for (size_t id = 0; id < distinct.size(); ++id) {
    const std::string_view s = distinct[id];
    const PrefixHashes h(s);
    const size_t len = std::min(s.size(), kPieceBytes);
    const Poly power = Power(len);
    info[id].power = Power(s.size());
    info[id].hash = h.Piece(0, s.size(), info[id].power);
    for (size_t at = 0;; at += kPieceBytes) {
      if (at + len > s.size()) at = s.size() - len;
      pieces[id].emplace_back(at, h.Piece(at, len, power));
      ++shared[len][pieces[id].back().second];
      if (at + len >= s.size()) break;
    }
    steps += 2 * s.size();
  }
  // By piece length, the pieces looked for and the needles they stand for.
  std::vector<std::unordered_map<uint64_t, std::vector<size_t>>> wanted(
      kPieceBytes + 1);
  for (size_t id = 0; id < distinct.size(); ++id) {
    const size_t len = std::min(distinct[id].size(), kPieceBytes);
    const auto best =
        std::min_element(pieces[id].begin(), pieces[id].end(),
                         [&](const auto& x, const auto& y) {
                           return shared[len][x.second] < shared[len][y.second];
                         });
    info[id].offset = best->first;
    wanted[len][best->second].push_back(id);
    steps += pieces[id].size();
  }
  pieces.clear();
  shared.clear();
  // One pass over the text per piece length in use (one for needles of
  // kPieceBytes or more, one per shorter length).
  const PrefixHashes h(text);
  for (size_t len = 1; len <= kPieceBytes; ++len) {
    auto& table = wanted[len];
    if (table.empty() || len > text.size()) continue;
    const Poly power = Power(len);
    // Most pieces of the text are looked for by no needle: a bit per hash
    // (its low bits) says so without a lookup in the table. 64 bits per
    // piece looked for keep false hits near 1.5%.
    uint64_t filter_bits = 1024;
    while (filter_bits < 64 * table.size()) filter_bits *= 2;
    std::vector<bool> maybe(filter_bits);
    for (const auto& entry : table) maybe[entry.first % filter_bits] = true;
    for (size_t p = 0; p + len <= text.size() && !table.empty(); ++p) {
      ++steps;
      const uint64_t piece = h.Piece(p, len, power);
      if (!maybe[piece % filter_bits]) continue;
      const auto it = table.find(piece);
      if (it == table.end()) continue;
      std::vector<size_t>& ids = it->second;
      for (size_t i = 0; i < ids.size();) {
        ++steps;
        const size_t id = ids[i];
        const std::string_view s = distinct[id];
        const size_t start = p - info[id].offset;
        bool match = p >= info[id].offset && start + s.size() <= text.size() &&
                     h.Piece(start, s.size(), info[id].power) == info[id].hash;
        if (match) {
          steps += s.size();
          match = text.substr(start, s.size()) == s;
        }
        if (!match) {
          ++i;
          continue;
        }
        for (size_t k : users[id]) found[k] = true;
        ids[i] = ids.back();
        ids.pop_back();
      }
      if (ids.empty()) table.erase(it);
    }
  }
  if (work != nullptr) *work = steps;
  return found;
}

}  // namespace crossalign::internal
