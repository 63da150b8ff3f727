// Appending JSON values to a string: listscan writes its small, fixed output shapes directly.
#pragma once

#include <string>
#include <string_view>

namespace listscan {

// Appends `text` as a quoted JSON string. Invalid UTF-8 bytes become \ufffd so the output is
// always valid JSON; control characters are escaped.
void AppendJsonString(std::string* out, std::string_view text);

}  // namespace listscan
