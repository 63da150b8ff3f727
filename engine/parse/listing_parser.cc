// ListingParser: simdjson On-Demand for JSON Lines, SplitCsvRecord for CSV.
#include "parse/listing_parser.h"

#include <fnmatch.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>

#include "absl/strings/str_cat.h"
#include "input/csv_fields.h"
#include "simdjson.h"

namespace listscan {

namespace od = simdjson::ondemand;

struct ListingParser::Json {
  od::parser parser;
  std::string record;  // the record, copied with room for the padding simdjson reads past
  std::string sanitized;
  std::string path;
};

namespace {

constexpr int kMaxDepth = 64;

bool MatchesAny(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), path.c_str(), 0) == 0;
  });
}

bool Selected(const FieldSelection& selection, const std::string& path) {
  if (!selection.skip.empty() && MatchesAny(selection.skip, path)) return false;
  return selection.scan.empty() || MatchesAny(selection.scan, path);
}

std::string_view TrimToken(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r')) {
    token.remove_suffix(1);
  }
  return token;
}

}  // namespace

bool ReplaceInvalidUtf8(std::string_view text, std::string* out) {
  out->clear();
  bool replaced = false;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t i = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (i < size) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + i, size - i, &code_point);
    if (length < 0) {
      out->append("\xEF\xBF\xBD");
      replaced = true;
      ++i;
    } else {
      out->append(text.substr(i, length));
      i += length;
    }
  }
  return replaced;
}

ListingParser::ListingParser(FieldSelection selection)
    : selection_(std::move(selection)),
      json_(std::make_unique<Json>()),
      scan_seen_(selection_.scan.size(), false),
      scan_unseen_(selection_.scan.size()),
      metadata_seen_(selection_.metadata.size(), false) {}

ListingParser::~ListingParser() = default;

void ListingParser::AddString(const std::string& path, std::string_view value, Listing* out) {
  if (path == selection_.id_field) out->id.assign(value);
  AddScalar(path, value, out);
  if (scan_unseen_ > 0) {
    // Until every pattern has matched once, each is tried (Selected stops at the first).
    for (size_t i = 0; i < selection_.scan.size(); ++i) {
      if (!scan_seen_[i] && fnmatch(selection_.scan[i].c_str(), path.c_str(), 0) == 0) {
        scan_seen_[i] = true;
        --scan_unseen_;
      }
    }
  }
  if (value.empty() || !Selected(selection_, path)) return;
  if (used_fields_ == out->fields.size()) out->fields.emplace_back();
  TextField& field = out->fields[used_fields_++];
  field.name.assign(path);
  field.text.assign(value);
}

void ListingParser::AddScalar(std::string_view path, std::string_view value, Listing* out) {
  const auto wanted = std::find(selection_.metadata.begin(), selection_.metadata.end(), path);
  if (wanted == selection_.metadata.end()) return;
  metadata_seen_[wanted - selection_.metadata.begin()] = true;
  if (used_metadata_ == out->metadata.size()) out->metadata.emplace_back();
  auto& [key, stored] = out->metadata[used_metadata_++];
  key.assign(path);
  stored.assign(value);
}

absl::Status ListingParser::Parse(const SourceInfo& source, const RawRecord& record,
                                  Listing* out) {
  out->id.clear();
  used_fields_ = 0;
  used_metadata_ = 0;
  absl::Status status = source.format == InputFormat::kCsv ? ParseCsv(source, record.bytes, out)
                                                           : ParseJson(record.bytes, out);
  out->fields.resize(used_fields_);
  out->metadata.resize(used_metadata_);
  if (status.ok() && out->id.empty()) out->id = absl::StrCat(source.name, ":", record.line);
  return status;
}

absl::Status ListingParser::ParseCsv(const SourceInfo& source, std::string_view bytes,
                                     Listing* out) {
  if (absl::Status status = SplitCsvRecord(bytes, source.delimiter, &csv_values_); !status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("invalid CSV: ", status.message()));
  }
  const auto& header = source.csv_header;
  if (csv_values_.size() > header.size()) {
    return absl::InvalidArgumentError(absl::StrCat("invalid CSV: ", csv_values_.size(),
                                                   " fields, the header has ", header.size()));
  }
  std::string& path = json_->path;
  for (size_t i = 0; i < csv_values_.size(); ++i) {
    path = header[i];
    std::string& value = csv_values_[i];
    if (ReplaceInvalidUtf8(value, &json_->sanitized)) value.swap(json_->sanitized);
    AddString(path, value, out);
  }
  return absl::OkStatus();
}

absl::Status ListingParser::ParseJson(std::string_view bytes, Listing* out) {
  Json& json = *json_;
  auto iterate = [&json](std::string_view text, od::document* document) {
    json.record.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    json.record.assign(text);
    return json.parser.iterate(json.record.data(), json.record.size(), json.record.capacity())
        .get(*document);
  };
  od::document document;
  auto error = iterate(bytes, &document);
  if (error == simdjson::UTF8_ERROR) {
    // Invalid UTF-8 is replaced for matching; the record is still scanned.
    ReplaceInvalidUtf8(bytes, &json.sanitized);
    error = iterate(json.sanitized, &document);
  }
  if (error) return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", simdjson::error_message(error)));

  od::object object;
  if (document.get_object().get(object)) {
    return absl::InvalidArgumentError("invalid JSON: a listing must be a JSON object");
  }
  json.path.clear();

  // Depth-first walk over every value; paths are "a.b", "tags[2]".
  // A generic lambda that takes itself: recursion by direct call, not through std::function.
  auto walk = [&](auto&& self, od::value value, int depth) -> simdjson::error_code {
    if (depth > kMaxDepth) return simdjson::DEPTH_ERROR;
    od::json_type type;
    if (auto e = value.type().get(type)) return e;
    switch (type) {
      case od::json_type::object: {
        od::object child;
        if (auto e = value.get_object().get(child)) return e;
        for (auto member : child) {
          std::string_view key;
          if (auto e = member.unescaped_key().get(key)) return e;
          const size_t mark = json.path.size();
          if (!json.path.empty()) json.path.push_back('.');
          json.path.append(key);
          od::value inner;
          if (auto e = member.value().get(inner)) return e;
          if (auto e = self(self, inner, depth + 1)) return e;
          json.path.resize(mark);
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::array: {
        od::array child;
        if (auto e = value.get_array().get(child)) return e;
        size_t index = 0;
        for (auto element : child) {
          od::value inner;
          if (auto e = element.get(inner)) return e;
          const size_t mark = json.path.size();
          char digits[24];
          const char* digits_end = std::to_chars(digits, digits + sizeof(digits), index++).ptr;
          json.path.push_back('[');
          json.path.append(digits, static_cast<size_t>(digits_end - digits));
          json.path.push_back(']');
          if (auto e = self(self, inner, depth + 1)) return e;
          json.path.resize(mark);
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::string: {
        std::string_view text;
        if (auto e = value.get_string().get(text)) return e;
        AddString(json.path, text, out);
        return simdjson::SUCCESS;
      }
      default: {
        // raw_json_token() does not validate: check the scalar first ("tru" is not JSON).
        std::string_view token = TrimToken(value.raw_json_token());
        simdjson::error_code e = simdjson::SUCCESS;
        if (type == od::json_type::number) {
          od::number number;
          e = value.get_number().get(number);
        } else if (type == od::json_type::boolean) {
          bool flag = false;
          e = value.get_bool().get(flag);
        } else {
          bool is_null = false;
          e = value.is_null().get(is_null);
          if (!e && !is_null) e = simdjson::N_ATOM_ERROR;
          if (!e) return simdjson::SUCCESS;
        }
        if (e) return e;
        if (json.path == selection_.id_field && type == od::json_type::number) out->id.assign(token);
        AddScalar(json.path, token, out);
        return simdjson::SUCCESS;
      }
    }
  };
  for (auto member : object) {
    std::string_view key;
    if (auto e = member.unescaped_key().get(key)) {
      return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", simdjson::error_message(e)));
    }
    json.path.assign(key);
    od::value inner;
    simdjson::error_code e = member.value().get(inner);
    if (!e) e = walk(walk, inner, 1);
    if (e) return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", simdjson::error_message(e)));
  }
  // On-Demand parses lazily: content after the object only shows as a token still to be read.
  const char* trailing = nullptr;
  if (document.current_location().get(trailing) == simdjson::SUCCESS) {
    return absl::InvalidArgumentError("invalid JSON: trailing content after the object");
  }
  return absl::OkStatus();
}

}  // namespace listscan
