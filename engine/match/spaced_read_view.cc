#include "match/spaced_read_view.h"

namespace listscan {

void SpacedReadNormalized(const FoldedText& folded, std::string* out,
                          std::vector<uint32_t>* to_normalized, std::vector<uint8_t>* joined) {
  out->clear();
  to_normalized->clear();
  joined->clear();
  const std::string& normalized = folded.normalized;
  // The skeleton's bytes in order, each standing for the normalized character it came from: a
  // character is written whole (its UTF-8 bytes, not the skeleton's leet letter) once.
  uint32_t next = 0;
  for (size_t k = 0; k < folded.skeleton.size(); ++k) {
    const uint32_t at = folded.skeleton_to_normalized[k];
    if (at < next) continue;
    uint32_t end = at + 1;
    while (end < normalized.size() && (static_cast<unsigned char>(normalized[end]) & 0xC0) == 0x80) {
      ++end;
    }
    const uint8_t spaced = (folded.skeleton_evasions[k] & kEvasionSpacing) ? 1 : 0;
    for (uint32_t b = at; b < end; ++b) {
      out->push_back(normalized[b]);
      to_normalized->push_back(b);
      joined->push_back(spaced);
    }
    next = end;
  }
}

}  // namespace listscan
