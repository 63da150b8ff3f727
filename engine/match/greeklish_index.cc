#include "match/greeklish_index.h"

#include <algorithm>
#include <array>

#include "absl/strings/string_view.h"
#include "match/fuzzy_index.h"

namespace listscan {
namespace {

constexpr bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}
// The letters and the digits Greeklish writes for letters (8 for θ, 3 for ξ, 0 for ο).
constexpr bool IsGreeklishByte(char c) { return IsAsciiLetter(c) || IsDigit(c); }
constexpr bool IsWordByteOfText(unsigned char c) {
  return IsGreeklishByte(static_cast<char>(c)) || c >= 0x80;
}

// Words of Greek as Greeklish writes them. The first set is Greek only: function words and the
// words of any classified ad (condition, new, pieces, delivery, price, works); the second is also
// another pack language's ("me", "se", "to", "na", "den", "gia" for Italian "già", "mesa").
constexpr std::string_view kOnlyGreek[] = {
    "kai", "einai", "eimai", "xwris", "xoris", "choris", "exei", "exw", "exoun", "exoume", "kathe",
    "mazi", "thn", "ths", "twn", "tis", "stin", "sthn", "stis", "sths", "stous", "tha", "pws",
    "opws", "tou", "mou", "moy", "sou", "oti", "apo", "mporw", "mporei", "thelei", "thelw",
    "polu", "ligo", "kala", "kalh", "afto", "oxi", "nai", "mexri", "epishs", "episis",
    "douleuei", "doulevei", "leitourgei", "leitourgoun", "akoma", "twra", "mprosta", "ena",
    "enas", "tmx", "temaxia", "temaxio", "xronwn", "xronia", "paidia", "paidiko", "paidika",
    "paidi", "telikh", "teliki", "paralavh", "paralavi", "paradosh", "paradosi", "apostolh",
    "apostoli", "timh", "timi", "eyrw", "kouti", "koutia", "mavro", "mavrh", "mavri", "aspro",
    "kokkino", "megalo", "foremeno", "foremena", "pwleitai", "pwlhsh", "pwlisi", "pwlountai",
    "agorasa", "afisa", "xapia", "xapi", "xeri", "xeriou", "gnwstous", "ellhnika", "ellinika",
    "oute", "tipota", "kati", "edw", "ekei", "ekso", "ektos", "kainourgio", "kainourio",
    "kainourgia", "kainouria", "kainourgies", "katastash", "katastasi", "sfragismeno",
    "sfragismena", "xrisimopoiimeno", "xrhsimopoihmeno", "metaxeirismeno", "kanonika", "aggelia",
    "aggelies", "minima", "mhnyma", "mhnymata", "minimata", "thlefwno", "tilefwno", "kinhto",
    "kinito", "diathesimo", "diathesima", "megethos", "xrwma", "xrwmata", "afou", "omws",
    "mallon", "sigoura", "sxedon", "oloi", "oles", "diakrita", "grapste", "steilte", "kaleste"};
constexpr std::string_view kAlsoElsewhere[] = {
    "gia", "me",  "se",  "na",   "to",  "ta",   "h",    "o",    "oi",   "i",     "den",
    "sto", "sta", "mia", "alla", "mono", "para", "ti",  "pou",  "ston", "stn",   "ola",
    "ton", "tin", "meta", "mesa", "prin", "poly", "mikro", "olo"};

// A word of up to 16 bytes as two numbers that sort as the word does.
using PackedWord = std::pair<uint64_t, uint64_t>;
constexpr size_t kLongestListedWord = 16;

constexpr PackedWord Packed(std::string_view word) {
  uint64_t high = 0, low = 0;
  for (size_t i = 0; i < 16; ++i) {
    const uint64_t c = i < word.size() ? static_cast<unsigned char>(word[i]) : 0;
    (i < 8 ? high : low) = (i < 8 ? high : low) << 8 | c;
  }
  return {high, low};
}

template <size_t N>
constexpr std::array<PackedWord, N> SortedPacked(const std::string_view (&words)[N]) {
  std::array<PackedWord, N> packed{};
  for (size_t i = 0; i < N; ++i) packed[i] = Packed(words[i]);
  std::sort(packed.begin(), packed.end());
  return packed;
}

// A bit per word shape: first letter, second letter (or none), length up to 16.
constexpr size_t ShapeBit(std::string_view word) {
  const size_t second = word.size() > 1 && IsAsciiLetter(word[1]) ? word[1] - 'a' : 26;
  return ((static_cast<size_t>(word[0] - 'a') * 27) + second) * (kLongestListedWord + 1) +
         word.size();
}
using ShapeBits = std::array<uint64_t, (26 * 27 * (kLongestListedWord + 1) + 63) / 64>;

template <size_t N, size_t M>
constexpr ShapeBits ListedShapes(const std::string_view (&a)[N], const std::string_view (&b)[M]) {
  ShapeBits bits{};
  auto set = [&](std::string_view word) {
    bits[ShapeBit(word) / 64] |= uint64_t{1} << ShapeBit(word) % 64;
  };
  for (const std::string_view word : a) set(word);
  for (const std::string_view word : b) set(word);
  return bits;
}

bool HasListedShape(const ShapeBits& bits, std::string_view word) {
  if (word.empty() || !IsAsciiLetter(word[0]) || word.size() > kLongestListedWord) return false;
  const size_t bit = ShapeBit(word);
  return bit / 64 < bits.size() && ((bits[bit / 64] >> (bit % 64)) & 1);
}

template <size_t N>
bool Contains(const std::array<PackedWord, N>& sorted, std::string_view word) {
  return word.size() <= kLongestListedWord &&
         std::binary_search(sorted.begin(), sorted.end(), Packed(word));
}

// Appends a Greek letter as the normalized view writes it.
void Put(std::string* out, std::string_view letter) { out->append(letter); }

}  // namespace

uint8_t GreeklishToGreek(std::string_view latin, uint8_t readings, std::string* greek) {
  greek->clear();
  uint8_t letters = 0;
  const size_t size = latin.size();
  auto at = [&](size_t i) { return i < size ? latin[i] : '\0'; };
  // A digraph with "h" ("th", "ph", "kh", "dh") is one letter before a vowel; before anything
  // else the "h" is an η of its own ("thn" is την, "sth" στη).
  auto h_digraph = [&](size_t i) { return at(i + 1) == 'h' && IsVowel(at(i + 2)); };
  char previous = '\0';
  for (size_t i = 0; i < size; ++i) {
    const char c = latin[i];
    switch (c) {
      case 'a': Put(greek, "a"); break;
      case 'b': Put(greek, "b"); break;  // β, or μπ: the Greek key reads both as b
      case 'c':
        if (at(i + 1) == 'h') {
          Put(greek, "x");
          ++i;
        } else {
          Put(greek, "k");
        }
        break;
      case 'd':
        Put(greek, "\u03B4");
        if (h_digraph(i)) ++i;
        break;
      case 'e': Put(greek, "e"); break;
      case 'f':
      case 'v':
        // αυ and ευ before a consonant are "af"/"av", "ef"/"ev" ("afto", "evkolo").
        if ((previous == 'a' || previous == 'e') && IsAsciiLetter(at(i + 1)) &&
            !IsVowel(at(i + 1))) {
          Put(greek, "u");
        } else {
          Put(greek, c == 'f' ? "\u03C6" : "b");
        }
        break;
      case 'g': Put(greek, "y"); break;
      case 'h':
        // "h" alone: χ before a vowel ("hapia"), η elsewhere ("mikrh", "h").
        Put(greek, IsVowel(at(i + 1)) ? "x" : "n");
        break;
      case 'i': Put(greek, "i"); break;
      case 'j': Put(greek, "\u03B6"); break;
      case 'k':
        if (at(i + 1) == 's') {
          Put(greek, "\u03BE");
          ++i;
        } else if (h_digraph(i)) {
          Put(greek, "x");
          ++i;
        } else {
          Put(greek, "k");
        }
        break;
      case 'l': Put(greek, "\u03BB"); break;
      case 'm': Put(greek, "\u03BC"); break;
      case 'n': Put(greek, "v"); break;
      case 'o': Put(greek, "o"); break;
      case 'p':
        if (at(i + 1) == 's') {
          Put(greek, "\u03C8");
          ++i;
        } else if (h_digraph(i)) {
          Put(greek, "\u03C6");
          ++i;
        } else {
          Put(greek, "\u03C0");
        }
        break;
      case 'q': Put(greek, "k"); break;
      case 'r': Put(greek, "p"); break;
      case 's': Put(greek, "\u03C3"); break;
      case 't':
        if (h_digraph(i)) {
          Put(greek, "\u03B8");
          ++i;
        } else {
          Put(greek, "t");
        }
        break;
      case 'u':
        // ου, αυ, ευ; a "u" of its own is ου ("pu", "kurtina"), or υ ("nuxi").
        if (previous == 'o' || previous == 'a' || previous == 'e') {
          Put(greek, "u");
        } else {
          letters |= kUpsilonReading;
          Put(greek, (readings & kUpsilonReading) ? "u" : "ou");
        }
        break;
      case 'w': Put(greek, "w"); break;
      case 'x':  // χ, or ξ ("taxi")
        letters |= kXiReading;
        Put(greek, (readings & kXiReading) ? "\u03BE" : "x");
        break;
      case 'y': Put(greek, "u"); break;  // υ
      case 'z': Put(greek, "\u03B6"); break;
      case '8':
      case '3':
      case '0':
        // A digit beside another is part of a number ("10aria", "300ml"), not a letter.
        if ((i > 0 && IsDigit(latin[i - 1])) || IsDigit(at(i + 1))) {
          greek->push_back(c);
        } else {
          Put(greek, c == '8' ? "\u03B8" : c == '3' ? "\u03BE" : "o");
        }
        break;
      default: greek->push_back(c); break;
    }
    previous = c;
  }
  return letters;
}

constexpr size_t kGreeklishSampleBytes = 128;

bool LooksGreeklish(const std::vector<std::string_view>& fields) {
  static constexpr auto kOnly = SortedPacked(kOnlyGreek);
  static constexpr auto kShared = SortedPacked(kAlsoElsewhere);
  static constexpr auto kListed = ListedShapes(kOnlyGreek, kAlsoElsewhere);
  static constexpr auto kWordBytes = [] {
    std::array<bool, 256> word{};
    for (int c = 0; c < 256; ++c) word[c] = IsWordByteOfText(static_cast<unsigned char>(c));
    return word;
  }();
  int only = 0, shared = 0;
  for (const std::string_view field : fields) {
    // Function words come in every sentence: the start of a field tells (long ingredient lists
    // and descriptions cost nothing more).
    const auto* bytes = reinterpret_cast<const unsigned char*>(field.data());
    const size_t size = std::min(field.size(), kGreeklishSampleBytes);
    for (size_t i = 0; i < size;) {
      if (!kWordBytes[bytes[i]]) {
        ++i;
        continue;
      }
      const size_t from = i;
      while (i < size && kWordBytes[bytes[i]]) ++i;
      // Most words of a catalogue go on their shape (first two letters and length).
      if (i - from > kLongestListedWord || !HasListedShape(kListed, field.substr(from, i - from))) {
        continue;
      }
      const std::string_view word = field.substr(from, i - from);
      if (Contains(kOnly, word)) {
        ++only;
      } else if (Contains(kShared, word)) {
        ++shared;
      }
      if (only >= 2 || (only >= 1 && shared >= 2)) return true;
    }
  }
  return false;
}

GreeklishIndex::GreeklishIndex(const PatternTable& table) {
  std::string greek, key;
  std::vector<std::string> keys;
  for (uint32_t p = 0; p < table.patterns().size(); ++p) {
    const Pattern& pattern = table.patterns()[p];
    if (pattern.is_regex || pattern.fuzzy || pattern.spaced_only || pattern.greek_words == 0 ||
        !pattern.word_boundaries) {
      continue;
    }
    // Words of letters separated by single spaces only: what Scan reads.
    const std::string_view keyword = pattern.normalized_keyword;
    keys.clear();
    bool letters_only = !keyword.empty();
    size_t word = 0;
    for (size_t from = 0; from <= keyword.size() && letters_only; ++word) {
      size_t to = keyword.find(' ', from);
      if (to == std::string_view::npos) to = keyword.size();
      const std::string_view text = keyword.substr(from, to - from);
      letters_only = !text.empty() && word < 32 &&
                     std::all_of(text.begin(), text.end(), [](char c) {
                       return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
                     });
      if ((pattern.greek_words >> word) & 1) {
        GreekKey(text, &key);
      } else {
        GreeklishToGreek(text, 0, &greek);
        GreekKey(greek, &key);
      }
      keys.push_back(key);
      from = to + 1;
    }
    if (!letters_only) continue;
    Entry entry{p, std::vector<std::string>(keys.begin() + 1, keys.end())};
    first_word_[keys.front()].push_back(std::move(entry));
  }
}

void GreeklishIndex::Scan(std::string_view normalized, Scratch* scratch,
                          std::vector<Match>* out) const {
  if (empty()) return;
  auto& words = scratch->words;
  words.clear();
  scratch->keys.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(normalized.data());
  bool only_spaces = false;
  for (size_t i = 0; i < normalized.size();) {
    if (!IsWordByteOfText(bytes[i])) {
      only_spaces = only_spaces && bytes[i] == ' ';
      ++i;
      continue;
    }
    const size_t from = i;
    bool latin = true;
    while (i < normalized.size() && IsWordByteOfText(bytes[i])) latin &= bytes[i++] < 0x80;
    const std::string_view word = normalized.substr(from, i - from);
    // Numbers ("24", "8") are no words here: they get no key.
    const bool has_letter = std::any_of(word.begin(), word.end(), [](char c) {
      return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
    });
    Scratch::Word& added = words.emplace_back();
    added.from = static_cast<uint32_t>(from);
    added.to = static_cast<uint32_t>(i);
    added.latin = latin;
    added.spaces_before = only_spaces && words.size() > 1;
    only_spaces = true;
    if (!has_letter) continue;  // a number
    // The word's key under each reading of its two-way letters (Latin words with a "u" of its
    // own or an "x").
    uint8_t letters = 0;
    for (uint8_t reading = 0; reading < kReadings; ++reading) {
      if ((reading & letters) != reading) continue;
      if (latin) {
        letters = GreeklishToGreek(word, reading, &scratch->greek);
        GreekKey(scratch->greek, &scratch->key);
      } else {
        GreekKey(word, &scratch->key);
      }
      added.keys[reading] = {static_cast<uint32_t>(scratch->keys.size()),
                             static_cast<uint32_t>(scratch->keys.size() + scratch->key.size())};
      scratch->keys += scratch->key;
    }
  }
  auto key_of = [&](const Scratch::Word& w, int reading) {
    const auto [begin, end] = w.keys[reading];
    return std::string_view(scratch->keys).substr(begin, end - begin);
  };
  auto has_key = [&](const Scratch::Word& w, std::string_view key) {
    for (int reading = 0; reading < kReadings; ++reading) {
      if (w.keys[reading].second > w.keys[reading].first && key_of(w, reading) == key) return true;
    }
    return false;
  };
  for (size_t w = 0; w < words.size(); ++w) {
    for (int reading = 0; reading < kReadings; ++reading) {
      if (words[w].keys[reading].second == words[w].keys[reading].first) continue;
      const std::string_view key = key_of(words[w], reading);
      const auto found = first_word_.find(absl::string_view(key.data(), key.size()));
      if (found == first_word_.end()) continue;
      for (const Entry& entry : found->second) {
        const size_t last = w + entry.rest.size();
        if (last >= words.size()) continue;
        bool latin = words[w].latin, same = true;
        for (size_t k = 0; k < entry.rest.size() && same; ++k) {
          const Scratch::Word& next = words[w + 1 + k];
          same = next.spaces_before && has_key(next, entry.rest[k]);
          latin |= next.latin;
        }
        if (same && latin) out->push_back({words[w].from, words[last].to, entry.pattern});
      }
    }
  }
}

}  // namespace listscan
