// Regexes run on the normalized view of a field (folded_text.h), which writes Greek letters with a
// Latin look-alike as that Latin letter, strips accents and folds case: a regex written with such a
// letter ("ανταλλαγ", "Μ") never matches there. And Hyperscan's \b is a boundary between ASCII word
// bytes and the rest: beside a Greek or accented letter it never holds. Both make an alternative of
// a regex dead without any error; `listscan lint` warns about them.
#pragma once

#include <string>
#include <string_view>

namespace listscan::cli {

// Why `regex` has an alternative that can never match the normalized view, or "" when it has none.
std::string RegexAlphabetProblem(std::string_view regex);

}  // namespace listscan::cli
