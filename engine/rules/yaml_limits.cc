// CheckYamlLimits: a yaml-cpp event handler that sums node counts, remembering the expanded size
// of every anchored node so that an alias adds that size in constant time.
#include "rules/yaml_limits.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/parser.h"

namespace listscan {
namespace {

class ExpandedNodeCounter final : public YAML::EventHandler {
 public:
  uint64_t total() const { return total_; }

  void OnDocumentStart(const YAML::Mark&) override { sizes_.clear(); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { Leaf(anchor); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    Add(anchor < sizes_.size() ? sizes_[anchor] : 1);
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    Leaf(anchor);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  // Saturating: counts only need to tell "over the limit", and nested aliases can exceed 2^64.
  static constexpr uint64_t kCap = uint64_t{1} << 62;

  void Add(uint64_t nodes) { total_ = std::min(kCap, total_ + std::min(kCap, nodes)); }
  void Remember(YAML::anchor_t anchor, uint64_t nodes) {
    if (anchor == YAML::NullAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
    sizes_[anchor] = nodes;
  }
  void Leaf(YAML::anchor_t anchor) {
    Add(1);
    Remember(anchor, 1);
  }
  void Open(YAML::anchor_t anchor) {
    open_.push_back({anchor, total_});
    Add(1);
  }
  void Close() {
    if (open_.empty()) return;
    const auto [anchor, start] = open_.back();
    open_.pop_back();
    Remember(anchor, total_ - start);
  }

  uint64_t total_ = 0;
  std::vector<uint64_t> sizes_;  // expanded node count by anchor id, in this document
  std::vector<std::pair<YAML::anchor_t, uint64_t>> open_;  // open collections: anchor, total_
};

}  // namespace

absl::Status CheckYamlLimits(std::string_view yaml_text, size_t max_bytes, size_t max_nodes) {
  if (yaml_text.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("the pack is ", yaml_text.size(),
                                                   " bytes, more than the limit of ", max_bytes));
  }
  std::istringstream in{std::string(yaml_text)};
  ExpandedNodeCounter counter;
  try {
    // Only the first document: it is all that loading reads. (Asking yaml-cpp 0.7 for the next
    // document after some malformed ones never returns.)
    YAML::Parser parser(in);
    parser.HandleNextDocument(counter);
  } catch (const YAML::Exception&) {
    // Loading reports the syntax error with its line; what was counted up to it still applies.
  }
  if (counter.total() > max_nodes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the pack expands to more than ", max_nodes,
                     " YAML nodes (aliases counted in full): an alias bomb?"));
  }
  return absl::OkStatus();
}

}  // namespace listscan
