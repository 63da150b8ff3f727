// Appending text as a JSON string or a CSV field, and making foreign text safe to embed.
#pragma once

#include <string>
#include <string_view>

namespace listscan::corpus {

// Appends `text` quoted and escaped as a JSON string. `text` must be valid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

// Appends `text` as one RFC 4180 field: quoted (quotes doubled) when it holds , " CR or LF.
void AppendCsvField(std::string_view text, std::string* out);

// Copies `text` with invalid UTF-8 bytes replaced by '?' and control characters by spaces:
// for names read from files the project did not write.
std::string SanitizedText(std::string_view text);

}  // namespace listscan::corpus
