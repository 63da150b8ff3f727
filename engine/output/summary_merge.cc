// MergeSummaries: the summaries are parsed into a small value tree, merged key by key, and
// written back in SummaryJson's layout.
#include "output/summary_merge.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output/json_text.h"
#include "output/scan_summary.h"

namespace listscan {
namespace {

struct Member;

struct Value {
  enum class Kind { kNull, kBool, kInteger, kReal, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool flag = false;
  int64_t integer = 0;
  double real = 0;
  std::string text;
  std::vector<Value> items;
  std::vector<Member> members;  // a vector of a type still incomplete here: allowed since C++17
  bool keys_in_order = true;    // every merged object had its keys in name order

  Value* Find(std::string_view key);
};

struct Member {
  Member(std::string name, Value value) : name(std::move(name)), value(std::move(value)) {}
  std::string name;
  Value value;
};

Value* Value::Find(std::string_view key) {
  for (auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

Value FromDom(simdjson::dom::element element) {
  using simdjson::dom::element_type;
  Value value;
  switch (element.type()) {
    case element_type::OBJECT:
      value.kind = Value::Kind::kObject;
      for (auto [key, member] : simdjson::dom::object(element)) {
        if (!value.members.empty() && value.members.back().name > key) {
          value.keys_in_order = false;
        }
        value.members.emplace_back(std::string(key), FromDom(member));
      }
      break;
    case element_type::ARRAY:
      value.kind = Value::Kind::kArray;
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        value.items.push_back(FromDom(item));
      }
      break;
    case element_type::STRING:
      value.kind = Value::Kind::kString;
      value.text = std::string(std::string_view(element));
      break;
    case element_type::INT64:
      value.kind = Value::Kind::kInteger;
      value.integer = int64_t(element);
      break;
    case element_type::UINT64:
      value.kind = Value::Kind::kInteger;
      value.integer = static_cast<int64_t>(uint64_t(element));
      break;
    case element_type::DOUBLE:
      value.kind = Value::Kind::kReal;
      value.real = double(element);
      break;
    case element_type::BOOL:
      value.kind = Value::Kind::kBool;
      value.flag = bool(element);
      break;
    case element_type::NULL_VALUE:
      break;
  }
  return value;
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind != b.kind || a.flag != b.flag || a.integer != b.integer || a.real != b.real ||
      a.text != b.text || a.items.size() != b.items.size() ||
      a.members.size() != b.members.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameValue(a.items[i], b.items[i])) return false;
  }
  for (size_t i = 0; i < a.members.size(); ++i) {
    if (a.members[i].name != b.members[i].name ||
        !SameValue(a.members[i].value, b.members[i].value)) {
      return false;
    }
  }
  return true;
}

bool IsNumber(const Value& v) {
  return v.kind == Value::Kind::kInteger || v.kind == Value::Kind::kReal;
}
double AsReal(const Value& v) {
  return v.kind == Value::Kind::kInteger ? static_cast<double>(v.integer) : v.real;
}

// Keys that describe the pack rather than count anything.
bool MustAgree(std::string_view key) { return key == "rules_loaded" || key == "patterns"; }

absl::Status Merge(std::string_view key, const Value& from, Value* into) {
  if (MustAgree(key)) {
    if (!SameValue(from, *into)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the summaries' \"", std::string(key), "\" differ: they come from different rule packs"));
    }
    return absl::OkStatus();
  }
  if (key == "stopped_at") return absl::OkStatus();  // the first part's is kept
  if (IsNumber(from) && IsNumber(*into)) {
    if (from.kind == Value::Kind::kInteger && into->kind == Value::Kind::kInteger) {
      into->integer += from.integer;
    } else {
      into->real = AsReal(*into) + AsReal(from);
      into->kind = Value::Kind::kReal;
    }
    return absl::OkStatus();
  }
  if (from.kind != into->kind) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", std::string(key), "\" has different types"));
  }
  switch (from.kind) {
    case Value::Kind::kBool:
      // sellers_truncated holds when any part truncated; the other flags when every part holds.
      into->flag = key == "sellers_truncated" ? into->flag || from.flag : into->flag && from.flag;
      break;
    case Value::Kind::kArray:
      into->items.insert(into->items.end(), from.items.begin(), from.items.end());
      break;
    case Value::Kind::kObject: {
      into->keys_in_order = into->keys_in_order && from.keys_in_order;
      // Indexed, since per-seller maps hold up to a million keys.
      absl::flat_hash_map<std::string, size_t> index;
      index.reserve(into->members.size());
      for (size_t i = 0; i < into->members.size(); ++i) index.emplace(into->members[i].name, i);
      for (const auto& [name, value] : from.members) {
        if (auto found = index.find(name); found != index.end()) {
          Value* existing = &into->members[found->second].value;
          if (absl::Status status = Merge(name, value, existing); !status.ok()) return status;
        } else {
          index.emplace(name, into->members.size());
          into->members.emplace_back(name, value);
        }
      }
      break;
    }
    default:  // strings and nulls: the first part's
      break;
  }
  return absl::OkStatus();
}

// The merged per-seller counts keep the cap of one run (ScanCounts::Add): sellers first seen
// after the first kMaxSellers, in part order, are added up in listings_of_uncounted_sellers.
void CapSellers(Value* merged) {
  Value* sellers = merged->Find("listings_per_seller");
  Value* uncounted = merged->Find("listings_of_uncounted_sellers");
  Value* truncated = merged->Find("sellers_truncated");
  if (!sellers || !uncounted || !truncated || sellers->kind != Value::Kind::kObject ||
      sellers->members.size() <= ScanCounts::kMaxSellers) {
    return;
  }
  for (size_t i = ScanCounts::kMaxSellers; i < sellers->members.size(); ++i) {
    uncounted->integer += sellers->members[i].value.integer;
  }
  sellers->members.erase(sellers->members.begin() + ScanCounts::kMaxSellers,
                         sellers->members.end());
  truncated->kind = Value::Kind::kBool;
  truncated->flag = true;
}

void SortKeys(Value* value) {
  for (auto& [name, member] : value->members) SortKeys(&member);
  for (Value& item : value->items) SortKeys(&item);
  if (value->kind == Value::Kind::kObject && value->keys_in_order) {
    std::stable_sort(value->members.begin(), value->members.end(),
                     [](const auto& a, const auto& b) { return a.name < b.name; });
  }
}

// A value inside the top-level object, on one line as SummaryJson writes it.
void AppendInline(std::string* out, const Value& value) {
  switch (value.kind) {
    case Value::Kind::kNull:
      out->append("null");
      break;
    case Value::Kind::kBool:
      out->append(value.flag ? "true" : "false");
      break;
    case Value::Kind::kInteger:
      absl::StrAppend(out, value.integer);
      break;
    case Value::Kind::kReal:
      absl::StrAppend(out, absl::StrFormat("%.3f", value.real));
      break;
    case Value::Kind::kString:
      AppendJsonString(out, value.text);
      break;
    case Value::Kind::kArray:
      out->append("[");
      for (size_t i = 0; i < value.items.size(); ++i) {
        if (i) out->append(", ");
        AppendInline(out, value.items[i]);
      }
      out->append("]");
      break;
    case Value::Kind::kObject:
      out->append("{");
      for (size_t i = 0; i < value.members.size(); ++i) {
        if (i) out->append(", ");
        AppendJsonString(out, value.members[i].name);
        out->append(": ");
        AppendInline(out, value.members[i].value);
      }
      out->append("}");
      break;
  }
}

}  // namespace

absl::StatusOr<std::string> MergeSummaries(const std::vector<SummaryText>& parts) {
  if (parts.empty()) return absl::InvalidArgumentError("no summaries to merge");
  simdjson::dom::parser parser;
  Value merged;
  for (size_t i = 0; i < parts.size(); ++i) {
    simdjson::dom::element element;
    if (auto error = parser.parse(parts[i].json).get(element); error) {
      return absl::InvalidArgumentError(
          absl::StrCat(parts[i].name, ": not a JSON summary: ", simdjson::error_message(error)));
    }
    if (element.type() != simdjson::dom::element_type::OBJECT) {
      return absl::InvalidArgumentError(absl::StrCat(parts[i].name, ": not a JSON object"));
    }
    Value value = FromDom(element);
    if (i == 0) {
      merged = std::move(value);
      continue;
    }
    if (absl::Status status = Merge("", value, &merged); !status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(parts[i].name, ": ", status.message()));
    }
  }
  Value* complete = merged.Find("complete");
  if (complete && complete->flag) {
    merged.members.erase(std::remove_if(merged.members.begin(), merged.members.end(),
                                        [](const auto& m) { return m.name == "stopped_at"; }),
                         merged.members.end());
  }
  const Value* bytes = merged.Find("bytes_read");
  const Value* seconds = merged.Find("seconds");
  if (Value* rate = merged.Find("mb_per_s"); rate && bytes && seconds) {
    const double total = AsReal(*seconds);
    rate->kind = Value::Kind::kReal;
    rate->real = total > 0 ? AsReal(*bytes) / 1e6 / total : 0;
  }
  CapSellers(&merged);
  for (auto& [name, member] : merged.members) SortKeys(&member);

  std::string out = "{\n";
  for (size_t i = 0; i < merged.members.size(); ++i) {
    const auto& [name, value] = merged.members[i];
    out.append("  ");
    AppendJsonString(&out, name);
    out.append(": ");
    if (name == "mb_per_s") {
      absl::StrAppend(&out, absl::StrFormat("%.1f", value.real));
    } else {
      AppendInline(&out, value);
    }
    out.append(i + 1 < merged.members.size() ? ",\n" : "\n");
  }
  out.append("}\n");
  return out;
}

}  // namespace listscan
