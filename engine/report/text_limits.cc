// Cutting text to a limit, and ISO dates.
#include "report/text_limits.h"

#include <charconv>
#include <ctime>

namespace listscan::report {
namespace {

bool ParseDate(std::string_view text, int* year, int* month, int* day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](size_t at, size_t size, int* value) {
    const char* begin = text.data() + at;
    for (size_t i = 0; i < size; ++i) {
      if (begin[i] < '0' || begin[i] > '9') return false;
    }
    return std::from_chars(begin, begin + size, *value).ec == std::errc();
  };
  return number(0, 4, year) && number(5, 2, month) && number(8, 2, day);
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 (proleptic Gregorian calendar).
long DayNumber(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

}  // namespace

std::string Truncated(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr std::string_view kEllipsis = "...";
  size_t cut = max_bytes - kEllipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

bool IsIsoDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!ParseDate(text, &year, &month, &day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

int DaysBetween(std::string_view from, std::string_view to) {
  int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
  ParseDate(from, &y1, &m1, &d1);
  ParseDate(to, &y2, &m2, &d2);
  return static_cast<int>(DayNumber(y2, m2, d2) - DayNumber(y1, m1, d1));
}

}  // namespace listscan::report
