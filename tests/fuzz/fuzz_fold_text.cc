// The Unicode fold and its offset maps, on valid UTF-8 (what the parser passes on). Properties:
// every folded byte maps to a span inside the original field that starts and ends on a UTF-8
// boundary; the skeleton map never goes backwards; the map-free folds give the same views.
#include <cstdint>
#include <string>

#include "fuzz_file.h"
#include "normalize/folded_text.h"
#include "parse/listing_parser.h"

namespace listscan::fuzz {
namespace {

bool OnBoundary(std::string_view text, uint32_t offset) {
  return offset == text.size() ||
         (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

void CheckSpan(std::string_view original, std::pair<uint32_t, uint32_t> span) {
  LISTSCAN_FUZZ_CHECK(span.first < span.second);
  LISTSCAN_FUZZ_CHECK(span.second <= original.size());
  LISTSCAN_FUZZ_CHECK(OnBoundary(original, span.first));
  LISTSCAN_FUZZ_CHECK(OnBoundary(original, span.second));
}

}  // namespace
}  // namespace listscan::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace listscan;
  using namespace listscan::fuzz;
  static FoldedText folded;
  static FoldedText views;
  std::string original(reinterpret_cast<const char*>(data), size);
  std::string sanitized;
  if (ReplaceInvalidUtf8(original, &sanitized)) original.swap(sanitized);

  FoldText(original, &folded);
  const size_t n = folded.normalized.size();
  LISTSCAN_FUZZ_CHECK(folded.normalized_begin.size() == n);
  LISTSCAN_FUZZ_CHECK(folded.normalized_end.size() == n);
  LISTSCAN_FUZZ_CHECK(folded.normalized_evasions.size() == n);
  for (uint32_t i = 0; i < n; ++i) {
    CheckSpan(original, {folded.normalized_begin[i], folded.normalized_end[i]});
    CheckSpan(original, folded.OriginalSpanOfNormalized(i, i + 1));
    CheckSpan(original, folded.OriginalSpanOfNormalized(0, i + 1));
    CheckSpan(original, folded.OriginalSpanOfNormalized(i, static_cast<uint32_t>(n)));
  }
  const size_t k = folded.skeleton.size();
  LISTSCAN_FUZZ_CHECK(folded.skeleton_to_normalized.size() == k);
  LISTSCAN_FUZZ_CHECK(folded.skeleton_evasions.size() == k);
  for (uint32_t i = 0; i < k; ++i) {
    LISTSCAN_FUZZ_CHECK(folded.skeleton_to_normalized[i] < n);
    CheckSpan(original, folded.OriginalSpanOfSkeleton(i, i + 1));
    CheckSpan(original, folded.OriginalSpanOfSkeleton(0, i + 1));
    CheckSpan(original, folded.OriginalSpanOfSkeleton(i, static_cast<uint32_t>(k)));
    if (i > 0) {
      LISTSCAN_FUZZ_CHECK(folded.skeleton_to_normalized[i - 1] <= folded.skeleton_to_normalized[i]);
    }
  }

  FoldViews(original, &views);
  LISTSCAN_FUZZ_CHECK(views.normalized == folded.normalized);
  LISTSCAN_FUZZ_CHECK(views.skeleton == folded.skeleton);
  FoldBuffer normalized;
  FoldBuffer skeleton;
  FoldBuffer leet;
  AppendFoldedViews(original, &normalized, &skeleton, &leet);
  LISTSCAN_FUZZ_CHECK(normalized.view() == folded.normalized);
  LISTSCAN_FUZZ_CHECK(skeleton.view() == folded.skeleton);
  LISTSCAN_FUZZ_CHECK(leet.size() == skeleton.size());
  return 0;
}
