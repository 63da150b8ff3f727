// What a scan reports: the rules that flagged a listing and where their terms matched.
#pragma once

#include <cstdint>
#include <string_view>

namespace listscan {

struct Hit {
  uint32_t rule = 0;   // index into the pack's RuleSet
  uint32_t field = 0;  // index into Listing::fields
  uint32_t start = 0;  // byte offsets in the field's original text
  uint32_t end = 0;
  uint16_t evasions = 0;  // EvasionBits undone to find it; 0 for a plain match
};

}  // namespace listscan
