// FoldText's views and offset maps on special characters, invalid UTF-8 and random bytes, and
// FoldViews giving the very same views (the scanner finds hits with one and maps them with the
// other).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "normalize/folded_text.h"

namespace listscan {
namespace {

// The maps are non-decreasing, every range lies inside the original, and every skeleton byte
// points into the normalized view.
void CheckMaps(const FoldedText& folded, size_t original_size) {
  REQUIRE(folded.normalized_begin.size() == folded.normalized.size());
  REQUIRE(folded.normalized_end.size() == folded.normalized.size());
  REQUIRE(folded.normalized_evasions.size() == folded.normalized.size());
  REQUIRE(folded.skeleton_to_normalized.size() == folded.skeleton.size());
  REQUIRE(folded.skeleton_evasions.size() == folded.skeleton.size());
  size_t bad = 0;
  for (size_t i = 0; i < folded.normalized.size(); ++i) {
    if (folded.normalized_begin[i] >= folded.normalized_end[i]) ++bad;
    if (folded.normalized_end[i] > original_size) ++bad;
    if (i > 0 && folded.normalized_begin[i] < folded.normalized_begin[i - 1]) ++bad;
    if (i > 0 && folded.normalized_end[i] < folded.normalized_end[i - 1]) ++bad;
  }
  for (size_t i = 0; i < folded.skeleton.size(); ++i) {
    if (folded.skeleton_to_normalized[i] >= folded.normalized.size()) ++bad;
    if (i > 0 && folded.skeleton_to_normalized[i] <= folded.skeleton_to_normalized[i - 1]) ++bad;
  }
  CHECK(bad == 0);
}

std::string Normalized(const std::string& text) {
  FoldedText folded;
  FoldText(text, &folded);
  return folded.normalized;
}

std::string Skeleton(const std::string& text) {
  FoldedText folded;
  FoldText(text, &folded);
  return folded.skeleton;
}

TEST_CASE("sharp s folds to ss", "[normalize]") {
  CHECK(Normalized("Stra\xC3\x9F" "e") == "strasse");
}

TEST_CASE("letters with a stroke fold to their base letter, as accented ones do", "[normalize]") {
  CHECK(Normalized("KAPSU\xC5\x81KI kapsu\xC5\x82ki") == "kapsulki kapsulki");  // Ł ł
  CHECK(Normalized("\xC4\x91o\xC5\xBE \xC3\xB8l \xC4\xA7") == "doz ol h");      // đož øl ħ
  FoldedText folded;
  FoldText("\xC5\x82", &folded);
  CHECK(folded.normalized_evasions == std::vector<uint8_t>{kEvasionDiacritics});
}

TEST_CASE("the fi ligature folds to f and i", "[normalize]") {
  CHECK(Normalized("\xEF\xAC\x81x") == "fix");
}

TEST_CASE("all bytes of a multi-byte fold map to the one original character", "[normalize]") {
  FoldedText folded;
  FoldText("a\xC3\x9F", &folded);
  REQUIRE(folded.normalized == "ass");
  CHECK(folded.OriginalSpanOfNormalized(1, 2) == std::pair<uint32_t, uint32_t>{1, 3});
  CHECK(folded.OriginalSpanOfNormalized(2, 3) == std::pair<uint32_t, uint32_t>{1, 3});
}

TEST_CASE("no-break spaces, tabs and newlines collapse to one space in the skeleton",
          "[normalize]") {
  CHECK(Skeleton("buy\xC2\xA0\t\n  now") == "buy now");
}

TEST_CASE("an invalid byte becomes U+FFFD mapped to that byte", "[normalize]") {
  FoldedText folded;
  FoldText("a\xFF" "b", &folded);
  CHECK(folded.normalized == "a\xEF\xBF\xBD" "b");
  CHECK(folded.skeleton == "a\xEF\xBF\xBD" "b");
  CHECK(folded.OriginalSpanOfNormalized(1, 4) == std::pair<uint32_t, uint32_t>{1, 2});
  CHECK(folded.normalized_evasions[1] == kEvasionInvalidUtf8);
  CheckMaps(folded, 3);
}

TEST_CASE("a truncated UTF-8 sequence becomes one U+FFFD per byte", "[normalize]") {
  FoldedText folded;
  FoldText("ab\xE2\x82", &folded);
  CHECK(folded.normalized == "ab\xEF\xBF\xBD\xEF\xBF\xBD");
  CheckMaps(folded, 4);
}

TEST_CASE("a truncated UTF-8 sequence before ASCII keeps the ASCII", "[normalize]") {
  FoldedText folded;
  FoldText("\xF0\x9F\x98x", &folded);
  CHECK(folded.normalized == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
  CheckMaps(folded, 4);
}

TEST_CASE("an encoded surrogate becomes U+FFFD", "[normalize]") {
  FoldedText folded;
  FoldText("\xED\xA0\x80z", &folded);
  CHECK(folded.normalized.find("\xED\xA0\x80") == std::string::npos);
  CHECK(folded.normalized.substr(folded.normalized.size() - 1) == "z");
  CheckMaps(folded, 4);
}

TEST_CASE("empty text folds to empty views", "[normalize]") {
  FoldedText folded;
  FoldText("", &folded);
  CHECK(folded.normalized.empty());
  CHECK(folded.skeleton.empty());
  FoldViews("", &folded);
  CHECK(folded.normalized.empty());
  CHECK(folded.skeleton.empty());
}

TEST_CASE("FoldViews gives exactly FoldText's views for a mixed sample", "[normalize]") {
  const std::vector<std::string> samples = {
      "Buy S1BUTR4MINE, \xEF\xBD\x96\xEF\xBD\x89\xEF\xBD\x81\xEF\xBD\x87\xEF\xBD\x92\xEF\xBD\x81"
      " & \xD1\x95ibu\xE2\x80\x8Btramine \xE2\x80\x94 s i b u t r a m i n e! Stra\xC3\x9F" "e",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 v!agra $ibutramine l1l1 \xEF\xAC\x81 caf\xC3\xA9",
      "NO  PRESCRIPTION\xC2\xA0\tNEEDED\r\n\xFF\xE2\x82 s.i.b.u.t.r.a.m.i.n.e 12345678",
      "ABCDEFGH\xE2\x80\x8BIJKLMNOP\xE2\x80\x8B",
      "12345678abcdefgh" "\xCC\x81" "ABCDEFG" "\xD1\x96",
  };
  for (const std::string& sample : samples) {
    FoldedText with_maps;
    FoldText(sample, &with_maps);
    FoldedText views;
    FoldViews(sample, &views);
    INFO(sample);
    CHECK(views.normalized == with_maps.normalized);
    CHECK(views.skeleton == with_maps.skeleton);
  }
}

// The views are built a block at a time where nothing depends on context, and a byte at a time
// around spaced-out letters, whitespace runs and leet symbols. Texts dense in exactly those, at
// every length and alignment, must fold as FoldText's byte-at-a-time pass folds them.
TEST_CASE("FoldViews and the leet marks match FoldText on texts dense in context-dependent bytes",
          "[normalize]") {
  // clang-format off
  const std::vector<std::string> alphabet = {
      "a", "b", "l", "Z", "0", "1", "3", "5", "9", " ", " ", "  ", "\t", "\n", ".", "-", "_", "*",
      "/", ",", "+", "@", "$", "!", "|", "#", "word", "Viagra", "\xC3\xA9", "\xD1\x95",
      "\xE2\x80\x8B", "\xEF\xBD\x96", "\xFF", "\xCE\xB1", "\xCF\x89", "\xE4\xB8\xAD",
      "\xCE\x9D", "\xCE\x9C", "\xD0\x9D", "\xE2\x80\x9C", "\xE2\x82\xAC", "\xC2\xAE",
      "\xC2\xB0"};
  // clang-format on
  std::mt19937 random(99);
  size_t compared = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const size_t pieces = random() % 40;
    for (size_t k = 0; k < pieces; ++k) text += alphabet[random() % alphabet.size()];
    FoldedText with_maps;
    FoldText(text, &with_maps);
    FoldedText views;
    FoldViews(text, &views);
    FoldBuffer normalized, skeleton, leet;
    AppendFoldedViews(text, &normalized, &skeleton, &leet);
    std::string expected_leet;
    for (uint8_t bits : with_maps.skeleton_evasions) {
      expected_leet.push_back((bits & kEvasionLeet) ? 1 : 0);
    }
    INFO(text);
    REQUIRE(views.normalized == with_maps.normalized);
    REQUIRE(views.skeleton == with_maps.skeleton);
    REQUIRE(leet.view() == expected_leet);
    ++compared;
  }
  CHECK(compared == 4000);
}

TEST_CASE("appended views equal each text's own views, laid end to end", "[normalize]") {
  const std::vector<std::string> texts = {"S I B U T R A M I N E", "  two  spaces ", "v!agra",
                                          "", "a b c", "plain text of more than sixteen bytes"};
  FoldBuffer normalized, skeleton;
  std::string expected_normalized, expected_skeleton;
  for (const std::string& text : texts) {
    AppendFoldedViews(text, &normalized, &skeleton);
    FoldedText folded;
    FoldText(text, &folded);
    expected_normalized += folded.normalized;
    expected_skeleton += folded.skeleton;
  }
  CHECK(normalized.view() == expected_normalized);
  CHECK(skeleton.view() == expected_skeleton);
  CHECK(skeleton.view() ==
        "sibutramine two spaces viagraabcpiain text of more than sixteen bytes");
}

TEST_CASE("a reused FoldedText folds a shorter text as if it were new", "[normalize]") {
  FoldedText folded;
  FoldText("a much longer text than the next one \xEF\xBC\xB6", &folded);
  FoldText("S1bu", &folded);
  CHECK(folded.normalized == "s1bu");
  CHECK(folded.skeleton == "sibu");
  CheckMaps(folded, 4);
}

TEST_CASE("a megabyte of random bytes folds with monotone maps inside the original",
          "[normalize]") {
  std::mt19937 random(20240611);
  std::string text(1 << 20, '\0');
  for (char& c : text) c = static_cast<char>(random() & 0xFF);
  FoldedText folded;
  FoldText(text, &folded);
  CheckMaps(folded, text.size());
  FoldedText views;
  FoldViews(text, &views);
  CHECK(views.normalized == folded.normalized);
  CHECK(views.skeleton == folded.skeleton);
}

TEST_CASE("a megabyte of random UTF-8 folds with monotone maps inside the original",
          "[normalize]") {
  std::mt19937 random(7);
  std::string text;
  while (text.size() < (1 << 20)) {
    const uint32_t pick = random() % 4;
    uint32_t cp = pick == 0 ? 0x20 + random() % 0x5F
                 : pick == 1 ? 0xA0 + random() % 0x700
                 : pick == 2 ? 0x2000 + random() % 0xE000
                             : 0x10000 + random() % 0x20000;
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 'x';
    if (cp < 0x80) {
      text.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      text.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      text.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      text.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  FoldedText folded;
  FoldText(text, &folded);
  CheckMaps(folded, text.size());
  FoldedText views;
  FoldViews(text, &views);
  CHECK(views.normalized == folded.normalized);
  CHECK(views.skeleton == folded.skeleton);
}

}  // namespace
}  // namespace listscan
