// Reading the token file and checking Authorization headers.
#include "serve/bearer_token.h"

#include <fstream>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace listscan::serve {

absl::StatusOr<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read the token file"));
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::string token(absl::StripAsciiWhitespace(content));
  if (token.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": the token is empty"));
  return token;
}

bool BearerMatches(std::string_view header, std::string_view token) {
  // Abseil's string_view is its own type in this Abseil build.
  const absl::string_view authorization(header.data(), header.size());
  constexpr absl::string_view kScheme = "bearer ";
  if (authorization.size() < kScheme.size() ||
      !absl::EqualsIgnoreCase(authorization.substr(0, kScheme.size()), kScheme)) {
    return false;
  }
  const absl::string_view given = absl::StripAsciiWhitespace(authorization.substr(kScheme.size()));
  if (given.size() != token.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ token[i]);
  }
  return difference == 0;
}

}  // namespace listscan::serve
