// FuzzyIndex: one-edit matching of long keywords through phonetic keys and an affix bitmap.
#include "match/fuzzy_index.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "match/byte_codec.h"
#include "normalize/folded_text.h"

namespace listscan {
namespace {

constexpr bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

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
        if (next == 'h') c = 'f', ++i;
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

bool WithinOneEdit(std::string_view a, std::string_view b) {
  constexpr size_t kMaxUnits = 64;
  uint32_t a_units[kMaxUnits], b_units[kMaxUnits];
  const size_t a_size = Units(a, a_units, kMaxUnits);
  const size_t b_size = Units(b, b_units, kMaxUnits);
  return WithinOneEditUnits(a_units, a_size, b_units, b_size);
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  constexpr size_t kMaxUnits = 64;
  uint32_t x[kMaxUnits], y[kMaxUnits];
  const size_t n = Units(a, x, kMaxUnits);
  const size_t m = Units(b, y, kMaxUnits);
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
    size_t end = i + 1;
    while (end < key.size() && IsContinuation(static_cast<unsigned char>(key[end]))) ++end;
    scratch->assign(key.substr(0, i));
    scratch->append(key.substr(end));
    visit(*scratch);
    i = end;
  }
}

void FuzzyIndex::AddEntry(Entry entry, size_t min_letters) {
  const size_t letters = Letters(entry.key);
  const size_t word_bytes = entry.keyword.size();
  // Under seven letters one edit may touch both affixes, and the bitmap would miss it.
  if (letters < FuzzyOptions::kFewestEditLetters || Letters(entry.keyword) < min_letters) {
    if (letters < static_cast<size_t>(FuzzyOptions::kSoundAlikeLetters)) return;
    sound_alike_[entry.key].push_back(static_cast<uint32_t>(sound_entries_.size()));
    sound_entries_.push_back(std::move(entry));
    // Words of four bytes at least: Scan hashes a word's first and last four bytes.
    min_word_bytes_ = std::min(min_word_bytes_, std::max<size_t>(4, letters - 1));
    max_word_bytes_ = std::max(max_word_bytes_, 2 * (word_bytes + 1));
    return;
  }
  const auto index = static_cast<uint32_t>(entries_.size());
  for (const bool suffix : {false, true}) {
    const uint64_t bucket = Bucket(entry.key, letters, suffix);
    const uint32_t bit = BitOf(bucket);
    bitmap_[bit >> 6] |= uint64_t{1} << (bit & 63);
    buckets_[bucket].push_back(index);
  }
  entries_.push_back(std::move(entry));
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
      // In a phrase only the words long enough for an edit count: sound-alikes of its short words
      // cost a lookup for most words of a text and find little.
      if (words.size() > 1 && Letters(word) < pattern.fuzzy_min_letters) continue;
      Entry entry;
      PhoneticKey(word, &entry.key);
      entry.keyword = std::string(word);
      entry.pattern = p;
      if (words.size() > 1) {
        entry.before = pattern.expression.substr(0, begin);
        entry.after =
            pattern.expression.substr(std::min(begin + word.size(), pattern.expression.size()));
      }
      AddEntry(std::move(entry), pattern.fuzzy_min_letters);
    }
  }
  if (empty()) return;
  for (const uint32_t p : table.literal_ids()) {
    const std::string& keyword = table.patterns()[p].expression;
    if (std::all_of(keyword.begin(), keyword.end(),
                    [](char c) { return IsFuzzyLetter(static_cast<unsigned char>(c)); })) {
      known_words_.insert(keyword);
    }
  }
  // A dictionary word that is a keyword ("kwikzilver", "diferencia", "tadalafil"), or lies one edit
  // from a long one (it is the name in another language: "ciprofloksacyna", "fenoloftaleina"),
  // holds back none of the keyword's misspellings, and is matched like one itself. Near short
  // keywords, words are just other words ("hammer", "jammer").
  absl::flat_hash_set<std::string_view> keywords;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> long_keys;  // key or a deletion → entries_
  std::string key, deletion;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    keywords.insert(entries_[i].keyword);
    if (Letters(entries_[i].key) < kKeywordVariantLetters) continue;
    long_keys[KeyHash(entries_[i].key)].push_back(i);
    ForEachDeletion(entries_[i].key, &deletion,
                    [&](std::string_view d) { long_keys[KeyHash(d)].push_back(i); });
  }
  for (const Entry& entry : sound_entries_) keywords.insert(entry.keyword);
  // (The same word, not the same sound: "graisse" and "gralise" share a key, and stay apart.)
  auto spells_keyword = [&](std::string_view common_skeleton, std::string_view common_key) {
    if (keywords.contains(common_skeleton)) return true;
    bool found = false;
    auto check = [&](std::string_view probe) {
      const auto it = long_keys.find(KeyHash(probe));
      if (found || it == long_keys.end()) return;
      for (const uint32_t i : it->second) {
        if (EditDistance(common_key, entries_[i].key, 1) <= 1) found = true;
      }
    };
    check(common_key);
    ForEachDeletion(common_key, &deletion, check);
    return found;
  };
  std::vector<std::pair<uint64_t, uint32_t>> common_keys;  // key hash, common_words_ index
  for (const std::string& word : rules.common_words) {
    std::string skeleton = SkeletonKeyword(word);
    PhoneticKey(skeleton, &key);
    if (spells_keyword(skeleton, key)) continue;
    known_words_.insert(skeleton);
    common_keys.emplace_back(KeyHash(key), static_cast<uint32_t>(common_words_.size()));
    common_words_.push_back(std::move(skeleton));
    common_near_.push_back(KeyHash(key));
    ForEachDeletion(key, &deletion,
                    [this](std::string_view d) { common_near_.push_back(KeyHash(d)); });
  }
  std::sort(common_keys.begin(), common_keys.end());
  for (const auto& [hash, word] : common_keys) {
    common_key_hashes_.push_back(hash);
    common_key_words_.push_back(word);
  }
  std::sort(common_near_.begin(), common_near_.end());
  common_near_.erase(std::unique(common_near_.begin(), common_near_.end()), common_near_.end());
}

std::vector<std::pair<std::string, uint32_t>> FuzzyIndex::EditKeys() const {
  std::vector<std::pair<std::string, uint32_t>> keys;
  for (const Entry& entry : entries_) keys.emplace_back(entry.key, entry.pattern);
  return keys;
}

bool FuzzyIndex::SoundsLikeCommonWord(std::string_view word, std::string_view key,
                                      std::string_view keyword) const {
  const auto [first, last] =
      std::equal_range(common_key_hashes_.begin(), common_key_hashes_.end(), KeyHash(key));
  if (first == last) return false;
  const int to_keyword = EditDistance(word, keyword, 3);
  for (auto it = first; it != last; ++it) {
    const std::string& common = common_words_[common_key_words_[it - common_key_hashes_.begin()]];
    if (EditDistance(word, common, to_keyword) <= to_keyword) return true;
  }
  return false;
}

bool FuzzyIndex::NearCommonWord(std::string_view key, Scratch* scratch) const {
  // Equal to a common key, or one letter short of one: the key itself is in the set. One letter
  // more, or one changed or swapped: one of its deletions is (a common key, or one of its own
  // deletions).
  if (common_near_.empty()) return false;
  auto contains = [this](std::string_view probe) {
    return std::binary_search(common_near_.begin(), common_near_.end(), KeyHash(probe));
  };
  if (contains(key)) return true;
  bool near = false;
  ForEachDeletion(key, &scratch->deletion, [&](std::string_view d) {
    near = near || contains(d);
  });
  return near;
}

void FuzzyIndex::Compare(std::string_view word, std::string_view key, const uint64_t* buckets,
                         size_t probes, Scratch* scratch) const {
  scratch->candidates.clear();
  for (size_t b = 0; b < probes; ++b) {
    if (const auto it = buckets_.find(buckets[b]); it != buckets_.end()) {
      scratch->candidates.insert(scratch->candidates.end(), it->second.begin(), it->second.end());
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
    if (word == entry.keyword || !WithinOneEdit(key, entry.key)) continue;
    if (key == entry.key) {
      if (SoundsLikeCommonWord(word, key, entry.keyword)) continue;
    } else {
      if (near_common < 0) near_common = NearCommonWord(key, scratch) ? 1 : 0;
      if (near_common == 1) continue;
    }
    scratch->matched.push_back(index);
  }
}

void FuzzyIndex::MatchWord(std::string_view word, Scratch* scratch) const {
  if (known_words_.contains(absl::string_view(word.data(), word.size()))) return;
  if (scratch->key.size() < 2 * word.size() + 8) scratch->key.resize(2 * word.size() + 8);
  const std::string_view key(scratch->key.data(), WritePhoneticKey(word, scratch->key.data()));
  if (key.size() < 3) return;
  if (!sound_alike_.empty()) {
    if (const auto it = sound_alike_.find(absl::string_view(key.data(), key.size()));
        it != sound_alike_.end()) {
      for (const uint32_t index : it->second) {
        const Entry& entry = sound_entries_[index];
        if (word != entry.keyword && !SoundsLikeCommonWord(word, key, entry.keyword)) {
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
    for (size_t m = begin; m < end; ++m) {
      const uint32_t matched = scratch->matched[m];
      const Entry& entry = (matched & kSoundEntry) ? sound_entries_[matched & ~kSoundEntry]
                                                   : entries_[matched];
      // A word of a phrase counts when the rest of the phrase stands around it as written.
      const size_t phrase_from = from - std::min(from, entry.before.size());
      const size_t phrase_to = to + entry.after.size();
      if (!entry.before.empty() &&
          (from < entry.before.size() ||
           text.substr(phrase_from, entry.before.size()) != entry.before ||
           (phrase_from > 0 && IsFuzzyLetter(bytes[phrase_from - 1])))) {
        continue;
      }
      if (!entry.after.empty() &&
          (phrase_to > size || text.substr(to, entry.after.size()) != entry.after ||
           (phrase_to < size && IsFuzzyLetter(bytes[phrase_to])))) {
        continue;
      }
      out->push_back({static_cast<uint32_t>(phrase_from), static_cast<uint32_t>(phrase_to),
                      entry.pattern});
    }
  }
}

namespace {

constexpr size_t kEntryMinBytes = 4 * sizeof(uint64_t) + sizeof(uint32_t);

template <typename Entry>
void PutEntries(ByteWriter* out, const std::vector<Entry>& entries) {
  out->Put<uint64_t>(entries.size());
  for (const Entry& entry : entries) {
    out->PutString(entry.key);
    out->PutString(entry.keyword);
    out->Put<uint32_t>(entry.pattern);
    out->PutString(entry.before);
    out->PutString(entry.after);
  }
}

template <typename Entry>
std::vector<Entry> GetEntries(ByteReader* in, size_t pattern_count) {
  std::vector<Entry> entries(in->GetCount(kEntryMinBytes));
  for (Entry& entry : entries) {
    entry.key = in->GetString();
    entry.keyword = in->GetString();
    entry.pattern = in->Get<uint32_t>();
    entry.before = in->GetString();
    entry.after = in->GetString();
    if (entry.pattern >= pattern_count) in->Fail();
  }
  return entries;
}

bool AllBelow(const std::vector<uint32_t>& values, size_t limit) {
  return std::all_of(values.begin(), values.end(), [limit](uint32_t v) { return v < limit; });
}

}  // namespace

void FuzzyIndex::Serialize(ByteWriter* out) const {
  out->PutVector(bitmap_);
  PutEntries(out, entries_);
  // Hash tables in a sorted order, so the same pack always gives the same bytes.
  std::vector<uint64_t> buckets;
  for (const auto& [bucket, indices] : buckets_) buckets.push_back(bucket);
  std::sort(buckets.begin(), buckets.end());
  out->Put<uint64_t>(buckets.size());
  for (const uint64_t bucket : buckets) {
    out->Put<uint64_t>(bucket);
    out->PutVector(buckets_.at(bucket));
  }
  std::vector<std::string_view> sounds;
  for (const auto& [key, indices] : sound_alike_) sounds.push_back(key);
  std::sort(sounds.begin(), sounds.end());
  out->Put<uint64_t>(sounds.size());
  for (const std::string_view key : sounds) {
    out->PutString(key);
    out->PutVector(sound_alike_.find(absl::string_view(key.data(), key.size()))->second);
  }
  PutEntries(out, sound_entries_);
  std::vector<std::string_view> known(known_words_.begin(), known_words_.end());
  std::sort(known.begin(), known.end());
  out->Put<uint64_t>(known.size());
  for (const std::string_view word : known) out->PutString(word);
  out->PutVector(common_key_hashes_);
  out->PutVector(common_key_words_);
  out->PutStrings(common_words_);
  out->PutVector(common_near_);
  out->Put<uint64_t>(min_word_bytes_);
  out->Put<uint64_t>(max_word_bytes_);
}

std::unique_ptr<FuzzyIndex> FuzzyIndex::Deserialize(ByteReader* in, size_t pattern_count) {
  std::unique_ptr<FuzzyIndex> index(new FuzzyIndex());
  index->bitmap_ = in->GetVector<uint64_t>();
  if (index->bitmap_.size() != (size_t{1} << kBitmapBits) / 64) in->Fail();
  index->entries_ = GetEntries<Entry>(in, pattern_count);
  const size_t buckets = in->GetCount(2 * sizeof(uint64_t));
  index->buckets_.reserve(buckets);
  for (size_t i = 0; i < buckets && in->ok(); ++i) {
    const uint64_t bucket = in->Get<uint64_t>();
    std::vector<uint32_t> entries = in->GetVector<uint32_t>();
    if (!AllBelow(entries, index->entries_.size())) in->Fail();
    index->buckets_.emplace(bucket, std::move(entries));
  }
  const size_t sounds = in->GetCount(2 * sizeof(uint64_t));
  index->sound_alike_.reserve(sounds);
  std::vector<std::pair<std::string, std::vector<uint32_t>>> sound_keys;
  for (size_t i = 0; i < sounds && in->ok(); ++i) {
    std::string key = in->GetString();
    sound_keys.emplace_back(std::move(key), in->GetVector<uint32_t>());
  }
  index->sound_entries_ = GetEntries<Entry>(in, pattern_count);
  for (auto& [key, entries] : sound_keys) {
    if (!AllBelow(entries, index->sound_entries_.size())) in->Fail();
    index->sound_alike_.emplace(std::move(key), std::move(entries));
  }
  const size_t known = in->GetCount(sizeof(uint64_t));
  index->known_words_.reserve(known);
  for (size_t i = 0; i < known && in->ok(); ++i) index->known_words_.insert(in->GetString());
  index->common_key_hashes_ = in->GetVector<uint64_t>();
  index->common_key_words_ = in->GetVector<uint32_t>();
  index->common_words_ = in->GetStrings();
  index->common_near_ = in->GetVector<uint64_t>();
  index->min_word_bytes_ = in->Get<uint64_t>();
  index->max_word_bytes_ = in->Get<uint64_t>();
  if (index->common_key_hashes_.size() != index->common_key_words_.size() ||
      !AllBelow(index->common_key_words_, index->common_words_.size()) ||
      !std::is_sorted(index->common_key_hashes_.begin(), index->common_key_hashes_.end()) ||
      !std::is_sorted(index->common_near_.begin(), index->common_near_.end())) {
    in->Fail();
  }
  if (!in->ok()) return nullptr;
  return index;
}

}  // namespace listscan
