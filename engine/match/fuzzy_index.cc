// FuzzyIndex: one-edit matching of long keywords through phonetic keys and an affix bitmap.
#include "match/fuzzy_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "match/byte_codec.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Where the letter that starts at text[i] ends.
size_t LetterEnd(std::string_view text, size_t i) {
  size_t end = i + 1;
  while (end < text.size() && IsContinuation(static_cast<unsigned char>(text[end]))) ++end;
  return end;
}

// Keys are compared on their first this many letters.
constexpr size_t kMaxKeyUnits = 64;

size_t Letters(std::string_view key) {
  return static_cast<size_t>(std::count_if(key.begin(), key.end(), [](char c) {
    return !IsContinuation(static_cast<unsigned char>(c));
  }));
}

// The letters of `key` as code-point-sized units (the bytes of one letter packed together), so a
// multi-byte letter is one unit for the edit distance. Keys longer than `capacity` are cut there.
size_t Units(std::string_view key, uint32_t* units, size_t capacity) {
  size_t count = 0;
  for (size_t i = 0; i < key.size() && count < capacity;) {
    uint32_t unit = static_cast<unsigned char>(key[i++]);
    while (i < key.size() && IsContinuation(static_cast<unsigned char>(key[i]))) {
      unit = (unit << 8) | static_cast<unsigned char>(key[i++]);
    }
    units[count++] = unit;
  }
  return count;
}

// One bit per letter of a key: a-z each their own, any other letter one of six bits by its code
// point. A key one edit from another differs from it in at most two of these bits (a changed
// letter: the one gone and the one new), so most candidates are ruled out without reading them.
uint32_t LetterBits(std::string_view key) {
  uint32_t bits = 0;
  for (size_t i = 0, units = 0; i < key.size() && units < kMaxKeyUnits; ++units) {
    uint32_t unit = static_cast<unsigned char>(key[i++]);
    while (i < key.size() && IsContinuation(static_cast<unsigned char>(key[i]))) {
      unit = (unit << 8) | static_cast<unsigned char>(key[i++]);
    }
    bits |= uint32_t{1} << (unit >= 'a' && unit <= 'z' ? unit - 'a' : 26 + unit % 6);
  }
  return bits;
}

bool WithinOneEditUnits(const uint32_t* a, size_t a_size, const uint32_t* b, size_t b_size) {
  if (a_size < b_size) return WithinOneEditUnits(b, b_size, a, a_size);
  if (a_size - b_size > 1) return false;
  size_t prefix = 0;
  while (prefix < b_size && a[prefix] == b[prefix]) ++prefix;
  if (prefix == a_size) return true;  // equal
  auto same = [](const uint32_t* x, const uint32_t* y, size_t n) {
    return std::equal(x, x + n, y);
  };
  if (a_size == b_size + 1) {  // one letter dropped from `a`
    return same(a + prefix + 1, b + prefix, b_size - prefix);
  }
  const size_t rest = a_size - prefix - 1;
  if (same(a + prefix + 1, b + prefix + 1, rest)) return true;  // one letter changed
  return rest >= 1 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] &&
         same(a + prefix + 2, b + prefix + 2, rest - 1);  // two neighbours swapped
}

// The Latin letters Greek ones fold to in the skeleton (α→a, β→b, ε→e, ι→i, κ→k, η→n, ο→o, ρ→p,
// τ→t, υ→u, ν→v, ω→w, χ→x, γ→y).
constexpr char kGreekLookAlikes[] = "abeiknoptuvwxy";

// Whether a skeleton word is Greek: it has more Greek letters (UTF-8 lead bytes 0xCE, 0xCF) than
// Latin letters that are no look-alike of a Greek one. "Μοdafinil" (a Latin word with one Greek
// letter) is not; a Greek word with one Latin letter typed into it is.
bool IsGreekWord(std::string_view word) {
  size_t greek = 0, latin = 0;
  for (const char c : word) {
    if (c == '\xCE' || c == '\xCF') {
      ++greek;
    } else if (c >= 'a' && c <= 'z' &&
               std::string_view(kGreekLookAlikes).find(c) == std::string_view::npos) {
      ++latin;
    }
  }
  return greek > latin;
}

// Whether a skeleton word may be Greek written wholly in letters that fold to Latin look-alikes
// ("εναντική" folds to "evavtikn"): no Greek byte left, and only those Latin letters.
bool AllGreekLookAlikes(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return c >= 'a' && c <= 'z' &&
           std::string_view(kGreekLookAlikes).find(c) != std::string_view::npos;
  });
}

// The phonetic key of a Greek word, as the skeleton writes it: the letters that look like Latin
// ones already are (α→a, η→n, ι→i, ν→v, ο→o, υ→u, ω→w, γ→y, ρ→p...), the others are Greek. Modern
// Greek spells one sound many ways, and sellers mix them up: η, υ, ει, οι, υι are all "i", ω is
// "o", αι is "e", μπ is "b", γκ is γ (ου, αυ, ευ stay), and doubled letters are one.
size_t WriteGreekKey(std::string_view word, char* out) {
  size_t n = 0;
  size_t last = 0;  // where the last unit written starts
  auto put = [&](std::string_view unit) {
    // Doubled letters once, multi-byte ones too ("λλ", "σσ").
    if (n >= unit.size() && n - last == unit.size() &&
        std::string_view(out + last, unit.size()) == unit) {
      return;
    }
    last = n;
    for (const char c : unit) out[n++] = c;
  };
  auto previous = [&] { return std::string_view(out + last, n - last); };
  for (size_t i = 0; i < word.size();) {
    size_t end = i + 1;
    while (end < word.size() && IsContinuation(static_cast<unsigned char>(word[end]))) ++end;
    const std::string_view unit = word.substr(i, end - i);
    const std::string_view next = word.substr(end, end < word.size() ? 1 : 0);
    i = end;
    if (unit == "u") {  // ου, αυ, ευ stay; υ alone is "i"
      put(previous() == "o" || previous() == "a" || previous() == "e" ? "u" : "i");
    } else if (unit == "n" && previous() != "e" && previous() != "o" && previous() != "a") {
      put("i");
    } else if ((unit == "i" || unit == "n") &&
               (previous() == "e" || previous() == "o" || previous() == "a")) {
      // ει, οι and their misspellings εη, οη are "i"; αι (αη) is "e"
      const bool ai = previous() == "a";
      n = last;
      put(ai ? "e" : "i");
    } else if (unit == "w") {
      put("o");
    } else if (unit == "y" && next == "k") {  // γκ
      put("y");
      ++i;
    } else if (unit == "\u03BC" && word.substr(i).starts_with("\u03C0")) {  // μπ
      put("b");
      i += 2;
    } else {
      put(unit);
    }
  }
  return n;
}

// Writes the phonetic key of `word` to `out` (room for word.size() + 1 bytes: "x" becomes two
// letters, but then a letter before it is dropped or it is at most one extra) and returns its size.
size_t WritePhoneticKey(std::string_view word, char* out) {
  size_t n = 0;
  const size_t size = word.size();
  for (size_t i = 0; i < size; ++i) {
    char c = word[i];
    const char next = i + 1 < size ? word[i + 1] : '\0';
    switch (c) {
      case 'p':
        if (next == 'h') {
          c = 'f', ++i;
        } else if (n > 0 && out[n - 1] == 'm') {
          c = 'b';  // "mp" and "mb" sound alike: Greek writes both as μπ ("Ozembic")
        } else if (n > 0 && out[n - 1] == 'b' && word[i - 1] == 'p') {
          continue;  // that "p" doubled ("Ozemppic")
        }
        break;
      case 't':
        if (next == 'h') ++i;
        break;
      case 'c':
      case 'k':
      case 'q':
        // "ks" and "cs" sound as "x" and take one letter, so dropping the "x" of "ciprofloxacin"
        // stays one edit; "ck" is one "c".
        if (next == 's') {
          c = 'x', ++i;
        } else {
          if (c == 'c' && next == 'k') ++i;
          c = 'c';
        }
        break;
      case 'x':
        if (next == 's') ++i;  // the "x" ends in that "s" already: "Saxsenda"
        break;
      case 'y':
        c = 'i';
        break;
      case 'z':
        c = 's';
        break;
      case 'w':
        c = 'v';
        break;
      default:
        break;
    }
    // Doubled letters once ("hydroquinnone"); bytes of multi-byte letters are never merged.
    if (static_cast<unsigned char>(c) < 0x80 && n > 0 && out[n - 1] == c) continue;
    out[n++] = c;
  }
  return n;
}

}  // namespace

void PhoneticKey(std::string_view word, std::string* key) {
  key->resize(2 * word.size() + 1);
  key->resize(WritePhoneticKey(word, key->data()));
}

void GreekKey(std::string_view word, std::string* key) {
  key->resize(2 * word.size() + 1);
  key->resize(WriteGreekKey(word, key->data()));
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
  uint32_t a_units[kMaxKeyUnits], b_units[kMaxKeyUnits];
  const size_t a_size = Units(a, a_units, kMaxKeyUnits);
  const size_t b_size = Units(b, b_units, kMaxKeyUnits);
  return WithinOneEditUnits(a_units, a_size, b_units, b_size);
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  uint32_t x[kMaxKeyUnits], y[kMaxKeyUnits];
  const size_t n = Units(a, x, kMaxKeyUnits);
  const size_t m = Units(b, y, kMaxKeyUnits);
  if ((n > m ? n - m : m - n) > static_cast<size_t>(limit)) return limit + 1;
  // Three rows of the optimal string alignment table.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (size_t j = 1; j <= m; ++j) {
      int d = std::min({previous[j] + 1, current[j - 1] + 1,
                        previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_best = std::min(row_best, d);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

void ForEachDeletion(std::string_view key, std::string* scratch,
                     const std::function<void(std::string_view)>& visit) {
  for (size_t i = 0; i < key.size();) {
    const size_t end = LetterEnd(key, i);
    scratch->assign(key.substr(0, i));
    scratch->append(key.substr(end));
    visit(*scratch);
    i = end;
  }
}

struct FuzzyIndex::Builder {
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> buckets;         // Bucket → entries_
  absl::flat_hash_map<std::string, std::vector<uint32_t>> sound_alike;  // key → sound_entries_
};

void FuzzyIndex::AddEntry(const Entry& entry, size_t min_letters, Builder* builder) {
  const std::string_view key = texts_[entry.key];
  const size_t letters = Letters(key);
  const size_t word_bytes = texts_[entry.keyword].size();
  // Under seven letters one edit may touch both affixes, and the bitmap would miss it.
  if (letters < FuzzyOptions::kFewestEditLetters || Letters(texts_[entry.keyword]) < min_letters) {
    // The keyword's letters count, not its key's: the skeleton reads l as i and doubled letters
    // count once, so "lilial" has the key "iai".
    if (Letters(texts_[entry.keyword]) < static_cast<size_t>(FuzzyOptions::kSoundAlikeLetters) ||
        letters < kFewestSoundAlikeKeyLetters) {
      return;
    }
    builder->sound_alike[std::string(key)].push_back(static_cast<uint32_t>(sound_entries_.size()));
    sound_entries_.push_back(entry);
    // Words of four bytes at least: Scan hashes a word's first and last four bytes.
    min_word_bytes_ = std::min(min_word_bytes_, std::max<size_t>(4, letters - 1));
    max_word_bytes_ = std::max(max_word_bytes_, 2 * (word_bytes + 1));
    return;
  }
  const auto index = static_cast<uint32_t>(entries_.size());
  for (const bool suffix : {false, true}) {
    const uint64_t bucket = Bucket(key, letters, suffix);
    const uint32_t bit = BitOf(bucket);
    bitmap_[bit >> 6] |= uint64_t{1} << (bit & 63);
    builder->buckets[bucket].push_back(index);
  }
  entries_.push_back(entry);
  // A word within reach has a key of at least letters - 1 letters, and a key is no longer
  // than its word nor less than half of it.
  min_word_bytes_ = std::min(min_word_bytes_, letters - 1);
  max_word_bytes_ = std::max(max_word_bytes_, 2 * (word_bytes + 1));
}

uint64_t FuzzyIndex::Bucket(std::string_view key, size_t letters, bool suffix) {
  const size_t bytes = AffixBytes(letters, key.size());
  uint64_t affix = 0;
  std::memcpy(&affix, suffix ? key.data() + key.size() - bytes : key.data(), bytes);
  return Mix(affix, letters, suffix);
}

FuzzyIndex::FuzzyIndex(const PatternTable& table, const RuleSet& rules)
    : bitmap_((size_t{1} << kBitmapBits) / 64, 0) {
  texts_.Add("");
  Builder builder;
  std::string key, deletion;
  for (const uint32_t p : table.fuzzy_ids()) {
    const Pattern& pattern = table.patterns()[p];
    // A phrase ("senza certificazione") is matched through each of its words long enough for an
    // edit, the others standing as written around it.
    const std::vector<absl::string_view> words = absl::StrSplit(pattern.expression, ' ');
    size_t at = 0;
    for (const absl::string_view piece : words) {
      const std::string_view word(piece.data(), piece.size());
      const size_t begin = at;
      at += word.size() + 1;
      // In a phrase only the words of seven letters or more count (those under the rule's
      // min_letters as sound-alikes: "FM vysýlač" for "FM vysílač"): sound-alikes of its short
      // words find little and would match common words ("no" and "non").
      if (words.size() > 1 && Letters(word) < std::min<size_t>(pattern.fuzzy_min_letters,
                                                               FuzzyOptions::kFewestEditLetters)) {
        continue;
      }
      PhoneticKey(word, &key);
      Entry entry{.key = texts_.Add(key), .keyword = texts_.Add(word), .pattern = p};
      if (words.size() > 1) {
        entry.before = texts_.Add(std::string_view(pattern.expression).substr(0, begin));
        entry.after =
            texts_.Add(std::string_view(pattern.expression)
                           .substr(std::min(begin + word.size(), pattern.expression.size())));
      }
      AddEntry(entry, pattern.fuzzy_min_letters, &builder);
      // A Greek keyword is indexed under its Greek key too, also one whose letters all fold to
      // Latin look-alikes ("εναντική" is "evavtikn"): Greek words of a text are looked up under
      // both keys.
      if (IsGreekWord(word) ||
          ((pattern.keyword_evasions & kEvasionHomoglyph) && AllGreekLookAlikes(word))) {
        std::string greek;
        GreekKey(word, &greek);
        if (greek != key) {
          entry.key = texts_.Add(greek);
          AddEntry(entry, pattern.fuzzy_min_letters, &builder);
        }
      }
    }
  }
  if (empty()) return;
  DeriveTables();
  // Laid out flat in key order, so the same pack always gives the same tables.
  std::vector<uint64_t> hashes;
  for (const auto& [bucket, indices] : builder.buckets) bucket_keys_.push_back(bucket);
  std::sort(bucket_keys_.begin(), bucket_keys_.end());
  for (const uint64_t bucket : bucket_keys_) bucket_entries_.Add(builder.buckets.at(bucket));
  bucket_slots_ = HashSlots(bucket_keys_);
  std::vector<std::string_view> sounds;
  for (const auto& [sound, indices] : builder.sound_alike) sounds.push_back(sound);
  std::sort(sounds.begin(), sounds.end());
  for (const std::string_view sound : sounds) {
    sound_keys_.Add(sound);
    sound_runs_.Add(
        builder.sound_alike.find(absl::string_view(sound.data(), sound.size()))->second);
    hashes.push_back(KeyHash(sound));
  }
  sound_slots_ = HashSlots(hashes);
  hashes.clear();
  absl::flat_hash_map<std::string, uint32_t> known;  // → known_words_
  auto add_known = [&](std::string_view word) {
    const auto [it, added] =
        known.emplace(std::string(word), static_cast<uint32_t>(known_words_.size()));
    if (added) {
      known_words_.Add(word);
      hashes.push_back(KeyHash(word));
    }
    return it->second;
  };
  for (const uint32_t p : table.literal_ids()) {
    // A phrase joined for its spelt-out form ("tilidinn" of "Tilidin N") is no word of a text.
    if (table.patterns()[p].spaced_only) continue;
    const std::string& keyword = table.patterns()[p].expression;
    if (std::all_of(keyword.begin(), keyword.end(),
                    [](char c) { return IsFuzzyLetter(static_cast<unsigned char>(c)); })) {
      add_known(keyword);
    }
  }
  // A dictionary word that is a keyword ("kwikzilver", "diferencia", "tadalafil"), or lies one edit
  // from a long one (it is the name in another language: "ciprofloksacyna", "fenoloftaleina"),
  // holds back none of the keyword's misspellings, and is matched like one itself. Near short
  // keywords, words are just other words ("hammer", "jammer").
  absl::flat_hash_set<std::string_view> keywords;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> long_keys;  // key or a deletion → entries_
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    keywords.insert(texts_[entries_[i].keyword]);
    const std::string_view entry_key = texts_[entries_[i].key];
    if (Letters(entry_key) < kKeywordVariantLetters) continue;
    long_keys[KeyHash(entry_key)].push_back(i);
    ForEachDeletion(entry_key, &deletion,
                    [&](std::string_view d) { long_keys[KeyHash(d)].push_back(i); });
  }
  // A short word of a phrase ("graisse" of "brûleur de graisse") is no keyword by itself: as a
  // common word it still holds back "graise" from "gralise".
  for (const Entry& entry : sound_entries_) {
    if (entry.before == 0 && entry.after == 0) keywords.insert(texts_[entry.keyword]);
  }
  // (The same word, not the same sound: "graisse" and "gralise" share a key, and stay apart.)
  auto spells_keyword = [&](std::string_view common_skeleton, std::string_view common_key) {
    if (keywords.contains(common_skeleton)) return true;
    bool found = false;
    auto check = [&](std::string_view probe) {
      const auto it = long_keys.find(KeyHash(probe));
      if (found || it == long_keys.end()) return;
      for (const uint32_t i : it->second) {
        if (EditDistance(common_key, texts_[entries_[i].key], 1) <= 1) found = true;
      }
    };
    check(common_key);
    ForEachDeletion(common_key, &deletion, check);
    return found;
  };
  std::vector<std::pair<uint64_t, uint32_t>> common_keys;  // key hash, known_words_ index
  std::vector<uint64_t> near;
  std::set<std::string> letters;  // sorted: the same pack gives the same bytes
  std::string greek;
  for (const std::string& word : rules.common_words) {
    const std::string skeleton = SkeletonKeyword(word);
    PhoneticKey(skeleton, &key);
    if (spells_keyword(skeleton, key)) continue;
    const uint32_t known_index = add_known(skeleton);
    auto add_common = [&](std::string_view common_key) {
      common_keys.emplace_back(KeyHash(common_key), known_index);
      for (size_t i = 0; i < common_key.size();) {
        const size_t end = LetterEnd(common_key, i);
        letters.insert(std::string(common_key.substr(i, end - i)));
        i = end;
      }
      near.push_back(KeyHash(common_key));
      ForEachDeletion(common_key, &deletion,
                      [&](std::string_view d) { near.push_back(KeyHash(d)); });
    };
    add_common(key);
    // Greek words are common words under their Greek key too, as Greek keywords are.
    if (IsGreekWord(skeleton) ||
        (word.find_first_of("\xCE\xCF") != std::string::npos && AllGreekLookAlikes(skeleton))) {
      GreekKey(skeleton, &greek);
      if (greek != key) add_common(greek);
    }
  }
  known_slots_ = HashSlots(hashes);
  std::sort(common_keys.begin(), common_keys.end());
  for (const auto& [hash, word] : common_keys) {
    common_key_hashes_.owned().push_back(hash);
    common_key_words_.owned().push_back(word);
  }
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  common_near_ = FlatArray<uint64_t>(std::move(near));
  for (const std::string& letter : letters) common_letters_ += letter;
}

std::vector<std::pair<std::string, uint32_t>> FuzzyIndex::EditKeys() const {
  std::vector<std::pair<std::string, uint32_t>> keys;
  for (const Entry& entry : entries_) keys.emplace_back(texts_[entry.key], entry.pattern);
  return keys;
}

bool FuzzyIndex::SoundsLikeCommonWord(std::string_view word, std::string_view key,
                                      std::string_view keyword) const {
  const std::span<const uint64_t> hashes = common_key_hashes_.span();
  const auto [first, last] = std::equal_range(hashes.begin(), hashes.end(), KeyHash(key));
  if (first == last) return false;
  const int to_keyword = EditDistance(word, keyword, 3);
  for (auto it = first; it != last; ++it) {
    const std::string_view common = known_words_[common_key_words_[it - hashes.begin()]];
    // The keyword itself may be a common word (a word of a phrase): no other reading.
    if (common == keyword) continue;
    if (EditDistance(word, common, to_keyword) <= to_keyword) return true;
  }
  return false;
}

bool FuzzyIndex::NearCommonWord(std::string_view key, Scratch* scratch) const {
  if (common_near_.empty()) return false;
  const std::span<const uint64_t> near_keys = common_near_.span(),
                                  common_keys = common_key_hashes_.span();
  auto in = [](std::span<const uint64_t> hashes, std::string_view probe) {
    return std::binary_search(hashes.begin(), hashes.end(), KeyHash(probe));
  };
  // Equal to a common key, or one letter short of one: the key itself is in the near set.
  if (in(near_keys, key)) return true;
  // A deletion of the key in the near set is a common key (the key has one letter more), or a
  // common key without one letter: then the two are at most two edits apart ("sildenfil" and
  // "sidenofil"), and only the key with that letter changed, or swapped with the next, can be
  // one edit from it. Those few variants are looked up among the common keys themselves.
  std::string& variant = scratch->variant;
  for (size_t i = 0; i < key.size();) {
    const size_t end = LetterEnd(key, i);
    scratch->deletion.assign(key.substr(0, i));
    scratch->deletion.append(key.substr(end));
    if (in(near_keys, scratch->deletion)) {
      if (in(common_keys, scratch->deletion)) return true;
      const std::string_view letter = key.substr(i, end - i);
      for (size_t l = 0; l < common_letters_.size();) {
        const size_t l_end = LetterEnd(common_letters_, l);
        const std::string_view other = std::string_view(common_letters_).substr(l, l_end - l);
        l = l_end;
        if (other == letter) continue;
        variant.assign(key.substr(0, i));
        variant.append(other);
        variant.append(key.substr(end));
        if (in(common_keys, variant)) return true;
      }
      if (end < key.size()) {
        const size_t next_end = LetterEnd(key, end);
        variant.assign(key.substr(0, i));
        variant.append(key.substr(end, next_end - end));
        variant.append(letter);
        variant.append(key.substr(next_end));
        if (in(common_keys, variant)) return true;
      }
    }
    i = end;
  }
  return false;
}

void FuzzyIndex::DeriveTables() {
  entry_letters_.resize(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    entry_letters_[i] = LetterBits(texts_[entries_[i].key]);
  }
  absl::flat_hash_map<std::string_view, std::vector<uint32_t>> joined;
  auto add = [&](const Entry& entry, uint32_t matched) {
    const std::string_view keyword = texts_[entry.keyword];
    if (keyword.size() >= kJoinedFewestBytes &&
        std::all_of(keyword.begin(), keyword.end(),
                    [](char c) { return IsFuzzyLetter(static_cast<unsigned char>(c)); })) {
      std::vector<uint32_t>& runs = joined[keyword];
      // A keyword indexed under two keys joins once.
      const bool twin = std::any_of(runs.begin(), runs.end(), [&](uint32_t other) {
        return EntryOf(other).SameTarget(entry);
      });
      if (!twin) runs.push_back(matched);
    }
  };
  for (uint32_t i = 0; i < entries_.size(); ++i) add(entries_[i], i);
  for (uint32_t i = 0; i < sound_entries_.size(); ++i) add(sound_entries_[i], i | kSoundEntry);
  std::vector<std::string_view> keywords;
  for (const auto& [keyword, matched] : joined) keywords.push_back(keyword);
  std::sort(keywords.begin(), keywords.end());
  joined_filter_.assign((size_t{1} << kJoinedFilterBits) / 64, 0);
  std::vector<uint64_t> hashes;
  for (const std::string_view keyword : keywords) {
    joined_keywords_.Add(keyword);
    joined_runs_.Add(joined.find(keyword)->second);
    hashes.push_back(KeyHash(keyword));
    const uint32_t bit = JoinedFilterBit(keyword, keyword, keyword.size());
    joined_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    joined_max_bytes_ = std::max(joined_max_bytes_, keyword.size());
  }
  joined_slots_ = HashSlots(hashes);
}

void FuzzyIndex::Compare(std::string_view word, std::string_view key, const uint64_t* buckets,
                         size_t probes, Scratch* scratch) const {
  scratch->candidates.clear();
  const uint32_t letters = LetterBits(key);
  for (size_t b = 0; b < probes; ++b) {
    const uint64_t bucket = buckets[b];
    const int64_t found =
        bucket_slots_.Find(bucket, [&](size_t i) { return bucket_keys_[i] == bucket; });
    if (found < 0) continue;
    for (const uint32_t index : bucket_entries_[found]) {
      if (std::popcount(entry_letters_[index] ^ letters) <= 2) {
        scratch->candidates.push_back(index);
      }
    }
  }
  std::sort(scratch->candidates.begin(), scratch->candidates.end());
  scratch->candidates.erase(std::unique(scratch->candidates.begin(), scratch->candidates.end()),
                            scratch->candidates.end());
  // A word that sounds like a keyword is its misspelling unless a common word that sounds the same
  // is as near; one that needs an edit, unless it lies one edit from a common word (computed once).
  int near_common = -1;
  for (const uint32_t index : scratch->candidates) {
    const Entry& entry = entries_[index];
    const std::string_view keyword = texts_[entry.keyword], entry_key = texts_[entry.key];
    if (word == keyword || !WithinOneEdit(key, entry_key)) continue;
    if (key == entry_key) {
      if (SoundsLikeCommonWord(word, key, keyword)) continue;
    } else {
      if (near_common < 0) near_common = NearCommonWord(key, scratch) ? 1 : 0;
      if (near_common == 1) continue;
    }
    scratch->matched.push_back(index);
  }
}

void FuzzyIndex::MatchWord(std::string_view word, Scratch* scratch) const {
  if (known_slots_.Find(KeyHash(word), [&](size_t i) { return known_words_[i] == word; }) >= 0) {
    return;
  }
  if (scratch->key.size() < 2 * word.size() + 8) scratch->key.resize(2 * word.size() + 8);
  const std::string_view key(scratch->key.data(), WritePhoneticKey(word, scratch->key.data()));
  const size_t first = scratch->matched.size();
  MatchKey(word, key, scratch);
  // A Greek word is looked up under its Greek key too ("λέηζερ" sounds as "λέιζερ"); a keyword
  // found under both keys is matched once.
  if (!IsGreekWord(word)) return;
  if (scratch->greek_key.size() < 2 * word.size() + 8) {
    scratch->greek_key.resize(2 * word.size() + 8);
  }
  const std::string_view greek_key(scratch->greek_key.data(),
                                   WriteGreekKey(word, scratch->greek_key.data()));
  if (greek_key == key) return;
  MatchKey(word, greek_key, scratch);
  for (size_t m = first + 1; m < scratch->matched.size(); ++m) {
    const Entry& entry = EntryOf(scratch->matched[m]);
    for (size_t k = first; k < m; ++k) {
      if (EntryOf(scratch->matched[k]).SameTarget(entry)) {
        scratch->matched.erase(scratch->matched.begin() + static_cast<std::ptrdiff_t>(m--));
        break;
      }
    }
  }
}

void FuzzyIndex::MatchKey(std::string_view word, std::string_view key, Scratch* scratch) const {
  if (key.size() < 3) return;
  if (!sound_entries_.empty()) {
    const int64_t found =
        sound_slots_.Find(KeyHash(key), [&](size_t i) { return sound_keys_[i] == key; });
    if (found >= 0) {
      for (const uint32_t index : sound_runs_[found]) {
        const std::string_view keyword = texts_[sound_entries_[index].keyword];
        if (word != keyword && !SoundsLikeCommonWord(word, key, keyword)) {
          scratch->matched.push_back(index | kSoundEntry);
        }
      }
    }
  }
  if (entries_.empty()) return;
  // The key's first and last 8 bytes (zero-padded when shorter), from which every affix comes.
  uint64_t head = 0, tail = 0;
  if (key.size() >= 8) {
    std::memcpy(&head, key.data(), 8);
    std::memcpy(&tail, key.data() + key.size() - 8, 8);
  } else {
    std::memcpy(&head, key.data(), key.size());
    tail = head << (8 * (8 - key.size()));
  }
  // Keywords one letter shorter or longer than the word are in reach too.
  const size_t letters = Letters(key);
  uint64_t buckets[6];
  size_t probes = 0;
  for (const size_t reach : {letters - 1, letters, letters + 1}) {
    const size_t bytes = AffixBytes(reach, key.size());
    const uint64_t prefix = bytes == 8 ? head : head & ((uint64_t{1} << (8 * bytes)) - 1);
    const uint64_t suffix = tail >> (8 * (8 - bytes));
    for (const uint64_t bucket : {Mix(prefix, reach, false), Mix(suffix, reach, true)}) {
      if (MayMatch(bucket)) buckets[probes++] = bucket;
    }
  }
  if (probes > 0) Compare(word, key, buckets, probes, scratch);
}

void FuzzyIndex::Scan(std::string_view text, const char* leet, Scratch* scratch,
                      std::vector<Match>* out) const {
  if (empty()) return;
  if (scratch->slots.empty()) scratch->slots.resize(size_t{1} << kSlotBits);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  WordSpan before_previous, previous;  // the two words before
  for (size_t i = 0; i < size;) {
    if (!IsFuzzyLetter(bytes[i])) {
      ++i;
      continue;
    }
    size_t from = i;
    while (i < size && IsFuzzyLetter(bytes[i])) ++i;
    // Typographic quotes and other punctuation from outside ASCII are not part of the word
    // ("„sibutramin“").
    size_t to = i;
    while (from < to && bytes[from] >= 0x80 && !IsWordAfter(text.substr(0, to), from)) {
      do ++from; while (from < to && IsContinuation(bytes[from]));
    }
    while (to > from && bytes[to - 1] >= 0x80 && !IsWordBefore(text.substr(0, to), to)) {
      do --to; while (to > from && IsContinuation(bytes[to]));
    }
    const size_t length = to - from;
    if (previous.to > previous.from) {
      const WordSpan two[] = {previous, {from, to}};
      MatchJoined(text, leet, two, scratch, out);
      if (before_previous.to > before_previous.from) {
        const WordSpan three[] = {before_previous, previous, {from, to}};
        MatchJoined(text, leet, three, scratch, out);
      }
    }
    before_previous = previous;
    previous = {from, to};
    if (length < min_word_bytes_ || length > max_word_bytes_) continue;
    // A word with a leet digit or symbol is read for misspellings only when it is long and mostly
    // letters ("R0akkut4n"): codes and model numbers ("LS0000737") are not.
    if (std::memchr(leet + from, 1, length) != nullptr &&
        (length < kLeetWordBytes ||
         4 * static_cast<size_t>(std::count(leet + from, leet + from + length, 1)) > length)) {
      continue;
    }
    const std::string_view word = text.substr(from, length);
    const size_t first = scratch->matched.size();
    size_t begin = first, end = first;
    if (length > kRememberedBytes) {
      MatchWord(word, scratch);
      end = scratch->matched.size();
    } else {
      // The word's first and last four or eight bytes and its length, hashed (words of six bytes
      // and more only, so the loads stay inside the word).
      uint64_t head = 0, tail = 0;
      if (length >= 8) {
        std::memcpy(&head, word.data(), 8);
        std::memcpy(&tail, word.data() + length - 8, 8);
      } else {
        uint32_t head4, tail4;
        std::memcpy(&head4, word.data(), 4);
        std::memcpy(&tail4, word.data() + length - 4, 4);
        head = head4;
        tail = tail4;
      }
      const uint64_t hash = Mix(head ^ (tail * 0xc2b2ae3d27d4eb4full), length, false);
      Scratch::Slot& slot = scratch->slots[hash >> (64 - kSlotBits)];
      if (slot.length == length && slot.hash == hash &&
          std::memcmp(slot.bytes, word.data(), length) == 0) {
        begin = slot.begin;
        end = slot.end;
      } else {
        if (first >= kMaxMatched) {  // forget everything rather than grow without bound
          std::fill(scratch->slots.begin(), scratch->slots.end(), Scratch::Slot{});
          scratch->matched.clear();
          begin = 0;
        }
        MatchWord(word, scratch);
        end = scratch->matched.size();
        slot.hash = hash;
        slot.length = static_cast<uint8_t>(length);
        std::memcpy(slot.bytes, word.data(), length);
        slot.begin = static_cast<uint32_t>(begin);
        slot.end = static_cast<uint32_t>(end);
      }
    }
    for (size_t m = begin; m < end; ++m) Emit(text, from, to, scratch->matched[m], false, out);
  }
}

void FuzzyIndex::Emit(std::string_view text, size_t from, size_t to, uint32_t matched, bool split,
                      std::vector<Match>* out) const {
  const Entry& entry = EntryOf(matched);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  // A word of a phrase counts when the rest of the phrase stands around it as written.
  const std::string_view before = texts_[entry.before], after = texts_[entry.after];
  const size_t phrase_from = from - std::min(from, before.size());
  const size_t phrase_to = to + after.size();
  if (!before.empty() &&
      (from < before.size() || text.substr(phrase_from, before.size()) != before ||
       (phrase_from > 0 && IsFuzzyLetter(bytes[phrase_from - 1])))) {
    return;
  }
  if (!after.empty() && (phrase_to > size || text.substr(to, after.size()) != after ||
                         (phrase_to < size && IsFuzzyLetter(bytes[phrase_to])))) {
    return;
  }
  out->push_back(
      {static_cast<uint32_t>(phrase_from), static_cast<uint32_t>(phrase_to), entry.pattern, split});
}

void FuzzyIndex::MatchJoined(std::string_view text, const char* leet,
                             std::span<const WordSpan> pieces, Scratch* scratch,
                             std::vector<Match>* out) const {
  // Two pieces of three letters or more, or three of two or more ("Eu-ti-rox", "tra-ma-dol"),
  // each one separator byte from the next, the same separator throughout.
  const size_t fewest_piece = pieces.size() == 2 ? kJoinedPieceBytes : kJoinedPieceBytes - 1;
  size_t bytes = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const auto [from, to] = pieces[k];
    if (to - from < fewest_piece) return;
    if (k > 0 && (pieces[k - 1].to + 1 != from || text[from - 1] != text[pieces[0].to])) return;
    bytes += to - from;
  }
  const size_t first_from = pieces.front().from, last_to = pieces.back().to;
  if (bytes < kJoinedFewestBytes || bytes > joined_max_bytes_ ||
      !IsSplitSeparator(text[pieces[0].to])) {
    return;
  }
  const uint32_t bit =
      JoinedFilterBit(text.substr(first_from, 2), text.substr(last_to - 2, 2), bytes);
  if (!((joined_filter_[bit >> 6] >> (bit & 63)) & 1) ||
      std::memchr(leet + first_from, 1, last_to - first_from) != nullptr) {
    return;
  }
  scratch->joined.clear();
  for (const auto [from, to] : pieces) scratch->joined.append(text.substr(from, to - from));
  const std::string_view joined = scratch->joined;
  const int64_t found =
      joined_slots_.Find(KeyHash(joined), [&](size_t i) { return joined_keywords_[i] == joined; });
  if (found < 0) return;
  // Words of the pack's vocabulary, every one of them, are not a split keyword.
  auto known = [&](const WordSpan& piece) {
    const std::string_view word = text.substr(piece.from, piece.to - piece.from);
    return known_slots_.Find(KeyHash(word), [&](size_t i) { return known_words_[i] == word; }) >= 0;
  };
  if (std::all_of(pieces.begin(), pieces.end(), known)) return;
  for (const uint32_t matched : joined_runs_[found]) {
    Emit(text, first_from, last_to, matched, true, out);
  }
}

namespace {

template <typename Entry>
std::vector<Entry> GetEntries(ByteReader* in, size_t pattern_count, size_t text_count) {
  std::vector<Entry> entries = in->GetVector<Entry>();
  for (const Entry& entry : entries) {
    if (entry.pattern >= pattern_count ||
        std::max({entry.key, entry.keyword, entry.before, entry.after}) >= text_count) {
      in->Fail();
    }
  }
  return entries;
}

}  // namespace

void FuzzyIndex::Serialize(ByteWriter* out) const {
  out->PutVector(bitmap_);
  texts_.Serialize(out);
  out->PutVector(entries_);
  out->PutVector(bucket_keys_);
  bucket_entries_.Serialize(out);
  bucket_slots_.Serialize(out);
  sound_keys_.Serialize(out);
  sound_runs_.Serialize(out);
  sound_slots_.Serialize(out);
  out->PutVector(sound_entries_);
  known_words_.Serialize(out);
  known_slots_.Serialize(out);
  common_key_hashes_.Serialize(out);
  common_key_words_.Serialize(out);
  common_near_.Serialize(out);
  out->PutString(common_letters_);
  out->Put<uint64_t>(min_word_bytes_);
  out->Put<uint64_t>(max_word_bytes_);
}

std::unique_ptr<FuzzyIndex> FuzzyIndex::Deserialize(ByteReader* in, size_t pattern_count) {
  std::unique_ptr<FuzzyIndex> index(new FuzzyIndex());
  FuzzyIndex& x = *index;
  x.bitmap_ = in->GetVector<uint64_t>();
  bool ok = x.bitmap_.size() == (size_t{1} << kBitmapBits) / 64 && x.texts_.Deserialize(in);
  x.entries_ = GetEntries<Entry>(in, pattern_count, x.texts_.size());
  x.bucket_keys_ = in->GetVector<uint64_t>();
  ok = ok && x.bucket_entries_.Deserialize(in) &&
       x.bucket_entries_.size() == x.bucket_keys_.size() &&
       x.bucket_entries_.AllBelow(x.entries_.size()) &&
       x.bucket_slots_.Deserialize(in, x.bucket_keys_.size()) && x.sound_keys_.Deserialize(in) &&
       x.sound_runs_.Deserialize(in) && x.sound_runs_.size() == x.sound_keys_.size() &&
       x.sound_slots_.Deserialize(in, x.sound_keys_.size());
  x.sound_entries_ = GetEntries<Entry>(in, pattern_count, x.texts_.size());
  ok = ok && x.sound_runs_.AllBelow(x.sound_entries_.size()) && x.known_words_.Deserialize(in) &&
       x.known_slots_.Deserialize(in, x.known_words_.size());
  ok = ok && x.common_key_hashes_.Deserialize(in) && x.common_key_words_.Deserialize(in) &&
       x.common_near_.Deserialize(in);
  x.common_letters_ = in->GetString();
  x.min_word_bytes_ = in->Get<uint64_t>();
  x.max_word_bytes_ = in->Get<uint64_t>();
  const std::span<const uint64_t> hashes = x.common_key_hashes_.span(),
                                  near = x.common_near_.span();
  const std::span<const uint32_t> words = x.common_key_words_.span();
  ok = ok && hashes.size() == words.size() &&
       std::all_of(words.begin(), words.end(),
                   [&](uint32_t word) { return word < x.known_words_.size(); }) &&
       std::is_sorted(hashes.begin(), hashes.end()) && std::is_sorted(near.begin(), near.end());
  if (!ok || !in->ok()) return nullptr;
  x.DeriveTables();
  return index;
}

}  // namespace listscan
