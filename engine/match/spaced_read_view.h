// The regexes' view of a field with letters spelt out one by one. Keywords run on the skeleton,
// which joins "l i n e á r" into "linear" and "n o  C E" into "no ce"; regexes run on the
// normalized view, where the letters stay apart, so "1 0 0 0 W" never met a wattage regex nor
// "o h n e  S i c h e r u n g" a fuse regex. For the few fields where the skeleton joined such
// a run, the regexes also run over the normalized text joined the same way (leet kept as it is),
// with a map back to normalized offsets.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "normalize/folded_text.h"

namespace listscan {

// `folded.normalized` with the separators the skeleton dropped between spelt-out letters left
// out, and its whitespace runs collapsed as the skeleton has them. Needs the maps of FoldText.
// Per byte of `out`: `to_normalized` gets the normalized byte it is, `joined` 1 where it follows
// a dropped separator (kEvasionSpacing), else 0. A regex match counts as spacing only where it
// holds a joined byte.
void SpacedReadNormalized(const FoldedText& folded, std::string* out,
                          std::vector<uint32_t>* to_normalized, std::vector<uint8_t>* joined);

}  // namespace listscan
