// Telling whether an input is JSON Lines or CSV: by its name first, else by its first bytes.
#pragma once

#include <optional>
#include <string_view>

#include "input/record_batch.h"

namespace listscan {

// The format named by the extension (.jsonl .ndjson .json .csv .tsv, also under .gz/.gzip/.zst/
// .zstd, any case); kAuto when the name says nothing. `.tsv` also sets `*delimiter` to a tab.
InputFormat FormatFromName(std::string_view name, char* delimiter);

// JSON Lines when the first byte that is not whitespace is '{', else CSV. `start` is the
// beginning of the input; nullopt while it holds only whitespace and more may follow.
std::optional<InputFormat> FormatFromContent(std::string_view start, bool at_end);

}  // namespace listscan
