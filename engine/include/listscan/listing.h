// A listing as the matcher sees it: the text fields chosen for scanning, and the metadata values
// that rules filter on (`where`) or that the output copies (`--with-fields`).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace listscan {

struct TextField {
  std::string name;  // path in the record: "title", "seller.name", "attributes.tags[1]"
  std::string text;  // the unescaped UTF-8 value
};

struct Listing {
  std::string id;
  std::vector<TextField> fields;  // in record order
  // Scalar values by path, for `where` and `--with-fields`; numbers keep their JSON spelling.
  std::vector<std::pair<std::string, std::string>> metadata;

  // The metadata value at `path`, or nullptr.
  const std::string* FindMetadata(std::string_view path) const {
    for (const auto& [key, value] : metadata) {
      if (key == path) return &value;
    }
    return nullptr;
  }
};

}  // namespace listscan
