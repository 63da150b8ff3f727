// Names of categories, severities and countries as written in rule packs and output.
#include <algorithm>
#include <array>

#include "listscan/rule.h"

namespace listscan {
namespace {

constexpr std::array<std::string_view, 7> kCategoryNames = {
    "medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links", "adhoc"};
constexpr std::array<std::string_view, 4> kSeverityNames = {"low", "medium", "high", "critical"};
// The EU member states and the EEA EFTA states, as the DSA Transparency Database writes them.
constexpr std::array<std::string_view, 30> kEeaCountries = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"};

}  // namespace

std::string_view CategoryName(Category category) {
  return kCategoryNames[static_cast<size_t>(category)];
}

std::optional<Category> ParseCategory(std::string_view name) {
  // "adhoc" is reserved for --keywords lists and cannot be written in a pack.
  for (size_t i = 0; i + 1 < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  return kSeverityNames[static_cast<size_t>(severity)];
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == name) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

std::string NormalizeCountryCode(std::string_view value) {
  const size_t begin = value.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const size_t end = value.find_last_not_of(" \t\r\n");
  std::string code(value.substr(begin, end - begin + 1));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (code == "EL") return "GR";
  if (code == "UK") return "GB";
  return code;
}

bool IsEeaCountry(std::string_view code) {
  return std::find(kEeaCountries.begin(), kEeaCountries.end(), code) != kEeaCountries.end();
}

}  // namespace listscan
