// Structured logs: one JSON object per line on stderr, {"time":..., "level":..., "event":..., ...},
// for log collectors that parse JSON. Lines from different threads never interleave.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace listscan::serve {

// A field's value: a string (quoted in the output) or a number/boolean written as is.
struct LogValue {
  LogValue(std::string_view text) : text(text), quoted(true) {}     // NOLINT: implicit on purpose
  LogValue(const char* text) : text(text), quoted(true) {}          // NOLINT
  LogValue(const std::string& text) : text(text), quoted(true) {}   // NOLINT
  LogValue(int number) : text(std::to_string(number)) {}            // NOLINT
  LogValue(unsigned long number) : text(std::to_string(number)) {}  // NOLINT
  LogValue(double number);                                          // NOLINT
  LogValue(bool value) : text(value ? "true" : "false") {}          // NOLINT
  std::string text;
  bool quoted = false;
};

// Writes {"time":"2026-01-31T12:00:00.123Z","level":level,"event":event, fields...}.
void Log(std::string_view level, std::string_view event,
         std::initializer_list<std::pair<std::string_view, LogValue>> fields = {});

}  // namespace listscan::serve
