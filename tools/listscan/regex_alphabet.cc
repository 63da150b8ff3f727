#include "regex_alphabet.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "normalize/folded_text.h"

namespace listscan::cli {
namespace {

bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

size_t CodePointBytes(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The top-level alternatives of the group that opens at regex[open] ("(" or "(?:"), as
// [begin, end) ranges; empty when the group does not close.
std::vector<std::pair<size_t, size_t>> Alternatives(std::string_view regex, size_t open) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = open + 1;
  if (regex.substr(begin, 2) == "?:") begin += 2;
  int depth = 1;
  bool in_class = false;
  for (size_t i = begin; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      out.emplace_back(begin, i);
      return out;
    } else if (c == '|' && depth == 1) {
      out.emplace_back(begin, i);
      begin = i + 1;
    }
  }
  return {};
}

// Where the group that closes at regex[close] opens, or npos.
size_t GroupOpen(std::string_view regex, size_t close) {
  for (size_t open = close; open-- > 0;) {
    if (regex[open] != '(' || (open > 0 && regex[open - 1] == '\\')) continue;
    const auto alternatives = Alternatives(regex, open);
    if (!alternatives.empty() && alternatives.back().second == close) return open;
  }
  return std::string_view::npos;
}

}  // namespace

std::string RegexAlphabetProblem(std::string_view regex) {
  for (size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size() && regex[i + 1] == 'b') {
      // \b before a non-ASCII letter, or before a group with an alternative that starts with one.
      const size_t next = i + 2;
      bool dead = next < regex.size() && IsNonAscii(regex[next]);
      if (!dead && next < regex.size() && regex[next] == '(') {
        for (const auto& [begin, end] : Alternatives(regex, next)) {
          dead |= begin < end && IsNonAscii(regex[begin]);
        }
      }
      // ... or after one, or after a group with an alternative that ends in one.
      if (i > 0 && IsNonAscii(regex[i - 1])) dead = true;
      if (!dead && i > 0 && regex[i - 1] == ')') {
        if (const size_t open = GroupOpen(regex, i - 1); open != std::string_view::npos) {
          for (const auto& [begin, end] : Alternatives(regex, open)) {
            dead |= begin < end && IsNonAscii(regex[end - 1]);
          }
        }
      }
      if (dead) {
        return absl::StrCat("\\b at byte ", i,
                            " stands beside a letter outside ASCII, where it never holds "
                            "(Hyperscan's \\b is ASCII): leave it out there");
      }
      i += 2;
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (!IsNonAscii(c)) {
      ++i;
      continue;
    }
    const std::string_view letter = regex.substr(i, CodePointBytes(static_cast<unsigned char>(c)));
    if (const std::string folded = NormalizeKeyword(letter); folded != letter) {
      return absl::StrCat("\"", std::string(letter),
                          "\" never occurs in the normalized text, which writes it \"", folded,
                          "\": write that instead");
    }
    i += letter.size();
  }
  return "";
}

}  // namespace listscan::cli
