// FuzzyIndex: finds the words of a skeleton text that lie one edit away from a rule's long
// keyword ("clenbuterole", "hydroquinnone", "fluoxitine"), outside Hyperscan.
//
// Words and keywords are compared through a phonetic key (ph→f, th→t, k/q→c, ks/cs/xs→x, mp→mb,
// y→i, z→s, w→v, doubled letters once), so "fluoksetin" and "fluoxetine" are one edit apart. An edit
// (a letter changed, added, dropped, or two neighbours swapped) in a key of L ≥ 7 letters leaves
// its first or its last (L - 1) / 2 bytes as they were: a bitmap of the keywords' key prefixes
// and suffixes, by length, rejects almost every word in a few probes, and only the rest are
// compared with the few keywords that share one of them. The cost does not grow with
// the number of keywords. Hyperscan's own edit_distance was measured 100 times slower on this job.
#pragma once

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "listscan/rule.h"
#include "match/flat_tables.h"
#include "match/pattern_table.h"

namespace listscan {

class ByteReader;
class ByteWriter;

// The phonetic key of a skeleton word (lower-case; bytes of non-ASCII letters copied as they are).
void PhoneticKey(std::string_view word, std::string* key);

// The Greek key of a skeleton word: one spelling for the letters and digraphs of Modern Greek that
// sound alike (η υ ει οι as ι, ω as ο, αι as ε, μπ as b, γκ as γ). A Greek word of a text is
// looked up under both its keys, a Greek keyword is indexed under both.
void GreekKey(std::string_view word, std::string* key);

// Whether two keys are at most one edit apart (optimal string alignment distance ≤ 1), counting
// a multi-byte letter as one.
bool WithinOneEdit(std::string_view a, std::string_view b);

// The optimal string alignment distance of two keys, counting a multi-byte letter as one; any
// distance above `limit` is reported as limit + 1.
int EditDistance(std::string_view a, std::string_view b, int limit);

// Calls `visit` with `key` without one of its letters, for each letter (a multi-byte letter is
// dropped whole); the same variant may come twice ("aab").
void ForEachDeletion(std::string_view key, std::string* scratch,
                     const std::function<void(std::string_view)>& visit);

class FuzzyIndex {
 public:
  static constexpr size_t kRememberedBytes = 23;  // longer words are looked up every time

  // Indexes the fuzzy patterns of `table`. Words that are a pack keyword themselves, or one of
  // `rules.common_words`, are never taken for a misspelling.
  FuzzyIndex(const PatternTable& table, const RuleSet& rules);

  bool empty() const { return entries_.empty() && sound_entries_.empty(); }

  // The index in a flat encoding, for the pack cache: reading it back costs a small part of
  // building it from the common words, which is otherwise most of a cached start-up.
  void Serialize(ByteWriter* out) const;
  // Null when the bytes are not an index over `pattern_count` patterns.
  static std::unique_ptr<FuzzyIndex> Deserialize(ByteReader* in, size_t pattern_count);

  // The phonetic keys of the keywords matched one edit away, with their patterns.
  std::vector<std::pair<std::string, uint32_t>> EditKeys() const;

  struct Match {
    uint32_t from;     // the word text[from, to)
    uint32_t to;
    uint32_t pattern;  // a fuzzy pattern of PatternTable::patterns()
    bool split;        // the keyword itself written as two words ("tadala fil"), not misspelt
  };
  // Working space of Scan, one per thread. A catalogue repeats the same tens of thousands of long
  // words ("ingredients", "chocolate"), so each word's outcome is remembered in a direct-mapped
  // table (65,536 slots, 2.6 MB): most words cost one probe there, not a phonetic key and a
  // lookup. 4,096 slots kept in cache lost more to forgotten words than they saved (9% more CPU
  // for a whole scan with the EU packs).
  struct Scratch {
    struct Slot {
      uint64_t hash = 0;
      uint32_t begin = 0;   // its matches: matched[begin, end)
      uint32_t end = 0;
      uint8_t length = 0;   // 0: empty
      char bytes[kRememberedBytes];
    };
    std::string key;
    std::string greek_key;  // a Greek word's second key
    std::string deletion;
    std::string variant;
    std::vector<uint32_t> candidates;
    std::vector<Slot> slots;
    std::vector<uint32_t> matched;  // entries_ indices, or sound_entries_ ones | kSoundEntry
    std::string joined;
  };
  // Appends to `out`, in the order the words end, every word of `text` (a skeleton) that lies one
  // edit from a fuzzy keyword, and every two words that are one such keyword split by a space,
  // hyphen, dot or underscore ("tadala fil", "via gra": keywords of six bytes or more, pieces
  // of three or more, not both keywords or common words), or three such words ("eu-ti-rox"). `leet`
  // marks the skeleton's leet bytes: a word with one is a code or a number ("LS0000737"), or
  // already an evasion the exact keywords undo, and is skipped.
  void Scan(std::string_view text, const char* leet, Scratch* scratch,
            std::vector<Match>* out) const;

 private:
  // Strings are indices into texts_.
  struct Entry {
    uint32_t key = 0;      // the keyword's (or phrase word's) phonetic key
    uint32_t keyword = 0;  // its skeleton: a word equal to it is an exact hit, not a misspelling
    uint32_t before = 0;   // for a word of a phrase: the phrase before it ("senza ") and after it
    uint32_t after = 0;
    uint32_t pattern = 0;
    // The same keyword word of the same pattern (a Greek keyword under its second key).
    bool SameTarget(const Entry& other) const {
      return pattern == other.pattern && keyword == other.keyword && before == other.before &&
             after == other.after;
    }
  };
  struct Builder;  // the hash tables AddEntry fills, before they are laid out flat
  FuzzyIndex() = default;
  static constexpr uint32_t kSoundEntry = 1u << 31;  // in Scratch::matched: sound_entries_[i]
  // The entry a Scratch::matched value names.
  const Entry& EntryOf(uint32_t matched) const {
    return (matched & kSoundEntry) ? sound_entries_[matched & ~kSoundEntry] : entries_[matched];
  }
  void AddEntry(const Entry& entry, size_t min_letters, Builder* builder);
  static constexpr int kBitmapBits = 18;
  // Sound-alikes need a key of this many letters ("iai" of "lilial").
  static constexpr size_t kFewestSoundAlikeKeyLetters = 3;
  // Keys of this many letters or more: a dictionary word one edit away is the same name.
  static constexpr size_t kKeywordVariantLetters = 10;
  // Words with leet digits or symbols of this many bytes or more, at most a quarter of them leet,
  // are read for misspellings too.
  static constexpr size_t kLeetWordBytes = 8;

  // The bucket of a key's prefix or suffix for keywords of `letters` letters: as many bytes as
  // one edit cannot touch on both ends ((letters - 1) / 2, at least 3, at most 8), the length
  // and the side, hashed.
  static uint64_t Bucket(std::string_view key, size_t letters, bool suffix);
  static size_t AffixBytes(size_t letters, size_t key_bytes) {
    return std::min(std::clamp<size_t>((letters - 1) / 2, 3, 8), key_bytes);
  }
  static uint64_t Mix(uint64_t affix, size_t letters, bool suffix) {
    uint64_t h = (affix ^ ((uint64_t{letters} << 1 | suffix) * 0x9E3779B97F4A7C15ull)) *
                 0xff51afd7ed558ccdull;
    return h ^ (h >> 31);
  }
  static uint32_t BitOf(uint64_t bucket) {
    return static_cast<uint32_t>(bucket >> (64 - kBitmapBits));
  }
  bool MayMatch(uint64_t bucket) const {
    const uint32_t bit = BitOf(bucket);
    return (bitmap_[bit >> 6] >> (bit & 63)) & 1;
  }

  // Appends to scratch->matched the entries `word` matches.
  void MatchWord(std::string_view word, Scratch* scratch) const;
  // The same for one of the word's keys.
  void MatchKey(std::string_view word, std::string_view key, Scratch* scratch) const;
  // Whether a key lies at most one edit from a common word's key: a non-word as near a real word
  // as to a keyword is that word's typo ("graise" is "graisse", not "gralise").
  bool NearCommonWord(std::string_view key, Scratch* scratch) const;
  // Whether `word` sounds like a common word (the same key) that is no farther from it, letter by
  // letter, than `keyword` is: "graise" is as near "graisse" as "gralise", and is the former's
  // typo; "jammmer" is nearer "jammer" than "jamer". Ties go to the common word, the likelier
  // reading in real text (measured on Open Food Facts).
  bool SoundsLikeCommonWord(std::string_view word, std::string_view key,
                            std::string_view keyword) const;
  // XXH3, not absl::Hash: the hashes are stored in the pack cache, and absl::Hash is seeded
  // differently in every process.
  static uint64_t KeyHash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }
  void Compare(std::string_view word, std::string_view key, const uint64_t* buckets,
               size_t probes, Scratch* scratch) const;
  // Fills entry_letters_ and the joined_ tables (derived from the entries, not stored in the pack
  // cache).
  void DeriveTables();
  // Appends the match of `matched` (an entries_ index, or a sound_entries_ one | kSoundEntry) at
  // text[from, to) when the rest of its phrase stands around it as written.
  void Emit(std::string_view text, size_t from, size_t to, uint32_t matched, bool split,
            std::vector<Match>* out) const;
  // The words text[first_from, first_to) and text[from, to) read as one keyword, when neither
  // has a leet byte.
  // The words text[from, to) of a text.
  struct WordSpan {
    size_t from = 0;
    size_t to = 0;
  };
  // Appends to `out` the keywords that `pieces` (two or three neighbouring words) spell together.
  void MatchJoined(std::string_view text, const char* leet, std::span<const WordSpan> pieces,
                   Scratch* scratch, std::vector<Match>* out) const;
  static uint32_t JoinedFilterBit(std::string_view joined_head, std::string_view joined_tail,
                                  size_t bytes) {
    uint16_t head, tail;
    std::memcpy(&head, joined_head.data(), 2);
    std::memcpy(&tail, joined_tail.data() + joined_tail.size() - 2, 2);
    const uint64_t h =
        (uint64_t{head} | uint64_t{tail} << 16 | uint64_t{bytes} << 32) * 0x9E3779B97F4A7C15ull;
    return static_cast<uint32_t>(h >> (64 - kJoinedFilterBits));
  }
  static constexpr int kJoinedFilterBits = 20;
  // A split keyword has six bytes or more, each of two pieces three or more (each of three, two or
  // more): "code in" is not the "codein" of a pack, nor "signal on" its "signalon" ("via gra" is
  // "viagra", "eu-ti-rox" is "eutirox").
  static constexpr size_t kJoinedFewestBytes = 6, kJoinedPieceBytes = 3;
  static constexpr int kSlotBits = 16;
  static constexpr size_t kMaxMatched = 1 << 20;

  // Flat tables (flat_tables.h), not hash maps of strings: reading them back from the pack cache is
  // a few copies, where rebuilding maps of 400,000 words was most of a cached start-up.
  StringList texts_;  // the entries' strings; 0 is ""
  std::vector<Entry> entries_;
  std::vector<uint32_t> entry_letters_;  // LetterBits of each entry's key
  // The entries' keywords of kJoinedFewestBytes or more, all letters: joined_keywords_[i] has
  // joined_runs_[i] (entries_ indices, or sound_entries_ ones | kSoundEntry). joined_filter_ has a
  // bit per (first two bytes, last two bytes, length) of them: most word pairs go on that bit.
  StringList joined_keywords_;
  ValueRuns<uint32_t> joined_runs_;
  HashSlots joined_slots_;
  std::vector<uint64_t> joined_filter_;
  size_t joined_max_bytes_ = 0;
  std::vector<uint64_t> bitmap_;
  // The entries by Bucket: bucket_keys_[i] (found through bucket_slots_) has bucket_entries_[i].
  std::vector<uint64_t> bucket_keys_;
  ValueRuns<uint32_t> bucket_entries_;
  HashSlots bucket_slots_;
  // Keywords of 5 letters or more that take no edit, by phonetic key: matched when a word sounds
  // the same ("xanaks" for "xanax"). sound_keys_[i] has sound_runs_[i] of sound_entries_.
  StringList sound_keys_;
  ValueRuns<uint32_t> sound_runs_;
  HashSlots sound_slots_;
  std::vector<Entry> sound_entries_;
  // Skeletons never taken for a misspelling: the pack's keywords, then its common words.
  StringList known_words_;
  HashSlots known_slots_;
  // The common words by the hash of their key (two vectors sorted by hash), and the hashes of
  // those keys and of the keys without one letter (sorted, unique). Sorted vectors, not hash
  // tables: they are looked up only for the rare words that lie one edit from a keyword.
  FlatArray<uint64_t> common_key_hashes_;
  FlatArray<uint32_t> common_key_words_;  // → known_words_
  FlatArray<uint64_t> common_near_;
  std::string common_letters_;  // every letter of the common keys, once, end to end
  size_t min_word_bytes_ = SIZE_MAX;
  size_t max_word_bytes_ = 0;
};

// Letters of the skeleton: what a word is made of for FuzzyIndex (digits end a word there).
constexpr bool IsFuzzyLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

// What a keyword split in two words may be split by (FuzzyIndex::Match::split).
constexpr bool IsSplitSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '_'; }

}  // namespace listscan
