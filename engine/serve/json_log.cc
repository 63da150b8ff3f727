// Log: format the whole line first, then one write.
#include "serve/json_log.h"

#include <unistd.h>

#include <chrono>
#include <ctime>

#include "absl/strings/str_format.h"
#include "output/json_text.h"

namespace listscan::serve {

LogValue::LogValue(double number) : text(absl::StrFormat("%.6g", number)) {}

void Log(std::string_view level, std::string_view event,
         std::initializer_list<std::pair<std::string_view, LogValue>> fields) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::string line = absl::StrFormat(
      "{\"time\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\",\"level\":", utc.tm_year + 1900,
      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
  AppendJsonString(&line, level);
  line.append(",\"event\":");
  AppendJsonString(&line, event);
  for (const auto& [name, value] : fields) {
    line.push_back(',');
    AppendJsonString(&line, name);
    line.push_back(':');
    if (value.quoted) {
      AppendJsonString(&line, value.text);
    } else {
      line.append(value.text);
    }
  }
  line.append("}\n");
  // One write(2) per line: lines of concurrent threads do not interleave.
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) return;  // a closed stderr must not stop the service
    written += static_cast<size_t>(n);
  }
}

}  // namespace listscan::serve
