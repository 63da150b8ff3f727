// The regexes' view of a field written in leetspeak. Regexes are written on the normalized view,
// where "s3nz4 m3554 a t3rr4" keeps its digits; keywords run on the skeleton, where the leet is
// undone. For the few fields with a word in leet, the regexes also run over the normalized view
// with those digits and symbols read as the letters the skeleton reads them as: the same length
// and offsets, so a match there maps back to the original text as any regex match does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/folded_text.h"

namespace listscan {

// Whether a field's skeleton holds leet digits or symbols between two letters of a word ("t3rr4",
// "k31n3"), as a word in disguise does; a dose ("500mg"), a vitamin ("B12") or a model number
// ("X200") has them only at one end. `leet` marks the skeleton's leet bytes (1).
bool HasLeetInsideWord(std::string_view skeleton, const char* leet);

// What LeetReadNormalized did to a byte.
enum LeetRead : uint8_t {
  kLeetKept = 0,        // not a leet byte
  kLeetRead = 1,        // a leet byte read as a letter
  kLeetInsideWord = 2,  // ... between two letters of the text ("s3nz4": the 3)
};

// `folded.normalized` with its leet bytes read as the skeleton's letters, except those that start
// a word with no leet between two of its letters ("1mg" keeps its digit, "53m@glu7" is read);
// `read` gets a LeetRead per byte of `out`. A multi-byte symbol read as a letter ("€") stays as it
// is. A regex match counts as leet only where it holds a kLeetInsideWord byte: a field with one
// word in leet may hold codes too ("advice line: 36MN00" is no "line: e6mnoo").
void LeetReadNormalized(const FoldedText& folded, std::string* out, std::vector<uint8_t>* read);

}  // namespace listscan
