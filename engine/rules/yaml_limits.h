// Limits on a rule pack's YAML, checked before it is loaded into nodes: a pack is small text, and
// a few kilobytes of nested aliases (an "alias bomb") must not expand into billions of nodes.
#pragma once

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace listscan {

// The bundled packs are at most a few MB and 0.4 million nodes.
inline constexpr size_t kMaxPackBytes = size_t{16} << 20;
inline constexpr size_t kMaxPackNodes = 2'000'000;

// Fails with a reason when `yaml_text` is larger than `max_bytes`, or when its nodes, with every
// alias counted as the whole node it names, number more than `max_nodes`. One streaming pass over
// the text, without building nodes. Malformed YAML passes: loading it reports the syntax error.
absl::Status CheckYamlLimits(std::string_view yaml_text, size_t max_bytes = kMaxPackBytes,
                             size_t max_nodes = kMaxPackNodes);

}  // namespace listscan
