// Keyword lists for peer comparisons: real banned-product names first, then generated
// drug- and chemical-like words, all lower case, unique, at least four characters long.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace listscan::corpus {

// The built-in real names: substances, drugs and phrases that marketplace rules look for.
std::span<const std::string_view> RealKeywords();

// The first `count` keywords for `seed`. A shorter list is a prefix of a longer one with the same
// seed, so pattern-count scaling adds patterns without changing the ones already there.
std::vector<std::string> KeywordList(size_t count, uint64_t seed);

}  // namespace listscan::corpus
