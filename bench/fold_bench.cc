// Measures the evasion fold on its own: every line of a file through FoldViews (the two views, as
// the database scan needs them) and through FoldText (views plus offset maps, as a field with a
// candidate match needs them). Prints MB/s of input for each, from the fastest
// of REPEAT passes (default 3).
//
// Usage: fold_bench FILE [REPEAT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/folded_text.h"

namespace {

// The fastest of `repeat` passes: on a shared machine the fastest pass is the least disturbed.
template <typename Fold>
double MegabytesPerSecond(const std::vector<std::string>& lines, size_t bytes, int repeat,
                          Fold fold) {
  listscan::FoldedText folded;
  size_t checksum = 0;
  double fastest = 1e30;
  for (int r = 0; r < repeat; ++r) {
    const auto started = std::chrono::steady_clock::now();
    for (const std::string& line : lines) {
      fold(line, &folded);
      checksum += folded.skeleton.size();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fastest = std::min(fastest, seconds);
  }
  if (checksum == 0) std::fprintf(stderr, "empty input\n");
  return static_cast<double>(bytes) / 1e6 / fastest;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fold_bench FILE [REPEAT]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fold_bench: cannot open %s\n", argv[1]);
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    bytes += line.size();
    lines.push_back(std::move(line));
  }
  std::printf("input %.1f MB in %zu lines\n", bytes / 1e6, lines.size());
  std::printf("FoldViews (views only)  %8.1f MB/s\n",
              MegabytesPerSecond(lines, bytes, repeat, listscan::FoldViews));
  std::printf("FoldText  (views + maps) %8.1f MB/s\n",
              MegabytesPerSecond(lines, bytes, repeat, listscan::FoldText));
  return 0;
}
