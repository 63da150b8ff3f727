// JSON string escaping.
#include <catch2/catch.hpp>

#include <string>

#include "output/json_text.h"

namespace listscan {
namespace {

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonString(&out, text);
  return out;
}

TEST_CASE("quotes and backslashes are escaped", "[output]") {
  CHECK(Json("a\"b\\c") == R"("a\"b\\c")");
}

TEST_CASE("control characters are escaped", "[output]") {
  CHECK(Json("\x01\n\r\t\x1F\x7F") == R"("\u0001\n\r\t\u001f\u007f")");
}

TEST_CASE("a NUL byte is escaped", "[output]") {
  CHECK(Json(std::string_view("a\0b", 3)) == R"("a\u0000b")");
}

TEST_CASE("valid UTF-8 is kept as it is", "[output]") {
  CHECK(Json("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
        "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
}

TEST_CASE("invalid UTF-8 bytes become \\ufffd", "[output]") {
  CHECK(Json("a\xFF" "b\xE2\x82") == R"("a\ufffdb\ufffd\ufffd")");
}

TEST_CASE("appending keeps what the string held", "[output]") {
  std::string out = "x:";
  AppendJsonString(&out, "");
  CHECK(out == "x:\"\"");
}

}  // namespace
}  // namespace listscan
