// RFC 4180 field splitting for one record.
#include "input/csv_fields.h"

#include "absl/strings/str_cat.h"

namespace listscan {

absl::Status SplitCsvRecord(std::string_view record, char delimiter,
                            std::vector<std::string>* fields) {
  size_t count = 0;
  auto next_field = [&]() -> std::string& {
    if (count == fields->size()) fields->emplace_back();
    std::string& field = (*fields)[count++];
    field.clear();
    return field;
  };
  size_t i = 0;
  while (true) {
    std::string& field = next_field();
    if (i < record.size() && record[i] == '"') {
      // Quoted: up to the closing quote; "" is one quote; delimiters and newlines are data.
      ++i;
      while (true) {
        const size_t quote = record.find('"', i);
        if (quote == std::string_view::npos) {
          fields->resize(count);
          return absl::InvalidArgumentError(
              absl::StrCat("column ", count, ": unterminated quoted field"));
        }
        field.append(record.substr(i, quote - i));
        i = quote + 1;
        if (i < record.size() && record[i] == '"') {
          field.push_back('"');
          ++i;
          continue;
        }
        break;
      }
      if (i < record.size() && record[i] != delimiter) {
        fields->resize(count);
        return absl::InvalidArgumentError(
            absl::StrCat("column ", count, ": text after the closing quote"));
      }
    } else {
      // Unquoted: up to the delimiter. A stray quote inside is kept as data (12" pizza).
      const size_t end = record.find(delimiter, i);
      field.assign(record.substr(i, end == std::string_view::npos ? record.size() - i : end - i));
      i = end == std::string_view::npos ? record.size() : end;
    }
    if (i >= record.size()) break;
    ++i;  // the delimiter
  }
  fields->resize(count);
  return absl::OkStatus();
}

}  // namespace listscan
