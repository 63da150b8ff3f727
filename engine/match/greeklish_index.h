// GreeklishIndex: the pack's Greek keywords found where Greek is written in Latin letters
// ("Greeklish": "xwris syntagh" for "χωρίς συνταγή", "8ermansh" for "θέρμανση"), as Greek
// sellers type on phones and as they hide words from Greek keyword filters.
//
// There is no one spelling to match: the same Greek word comes as "xwris", "xoris" or "choris",
// "h" stands for η or χ, "8" and "th" for θ, "mp" and "b" for μπ. So both sides meet in the Greek
// key of the misspelling index (GreekKey: η υ ει οι as ι, ω as ο, αι as ε, μπ as b, doubled
// letters once): each Latin word of a text is first written in Greek letters, one common way,
// then keyed; each Greek keyword is keyed word by word. A phrase matches when the words of a text
// have its words' keys, one after the other, with only spaces between them. Only listings that
// read as Greeklish (their Greek function words, LooksGreeklish) are read this way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "match/pattern_table.h"

namespace listscan {

// A Latin word written in Greek letters as the normalized view writes Greek ones (α→a, ν→v,
// η→n, ρ→p, χ→x...; δ, θ, λ, μ, ξ, π, σ, φ, ψ, ζ stay Greek): "xwris" → χωρισ, "8ermansh" →
// θερμανση, "thn" → την, "afto" → αυτο. Two letters have two readings: a "u" of its own is ου
// ("pu") or υ ("nuxi"), an "x" is χ ("xapia") or ξ ("taxi"); `readings` takes the second of
// those it names (TwoWayLetter bits). Returns the TwoWayLetter bits of the letters the word has.
enum TwoWayLetter : uint8_t { kUpsilonReading = 1, kXiReading = 2 };
constexpr int kReadings = 4;  // every subset of the two-way letters
uint8_t GreeklishToGreek(std::string_view latin, uint8_t readings, std::string* greek);

// Whether a listing's fields (normalized views) read as Greeklish: the first 128 bytes of its
// fields hold two Greek words no other pack language writes the same ("kai", "einai", "xwris",
// "tou", "kainourgio", "tmx"...), or one of them and two that others share ("gia", "me", "to",
// "na": Italian, Spanish or English words too).
bool LooksGreeklish(const std::vector<std::string_view>& fields);

class GreeklishIndex {
 public:
  // Indexes the exact keywords of `table` that have a Greek word.
  explicit GreeklishIndex(const PatternTable& table);

  bool empty() const { return first_word_.empty(); }

  struct Match {
    uint32_t from;  // normalized[from, to) of the field
    uint32_t to;
    uint32_t pattern;
  };
  // Working space of Scan, one per thread.
  struct Scratch {
    struct Word {
      uint32_t from = 0;
      uint32_t to = 0;
      // keys[begin, end) of the word's key under each reading (TwoWayLetter bits) of its
      // two-way letters; empty for a number, and for the readings of letters it lacks.
      std::pair<uint32_t, uint32_t> keys[kReadings] = {};
      bool latin = false;
      bool spaces_before = false;  // only spaces between it and the word before
    };
    std::vector<Word> words;
    std::string keys;
    std::string greek;
    std::string key;
  };
  // Appends the keywords a field's normalized view holds with at least one of their words written
  // in Latin letters (those written all in Greek are the exact keywords' own hits).
  void Scan(std::string_view normalized, Scratch* scratch, std::vector<Match>* out) const;

 private:
  struct Entry {
    uint32_t pattern;
    std::vector<std::string> rest;  // the keys of the keyword's words after the first
  };
  absl::flat_hash_map<std::string, std::vector<Entry>> first_word_;
};

}  // namespace listscan
