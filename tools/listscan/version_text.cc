// `listscan --version`.
#include "version_text.h"

#include <hs/hs.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace listscan::cli {

std::string VersionText() {
  std::vector<std::string> features;
  __builtin_cpu_init();
  if (__builtin_cpu_supports("ssse3")) features.push_back("SSSE3");
  if (__builtin_cpu_supports("sse4.2")) features.push_back("SSE4.2");
  if (__builtin_cpu_supports("popcnt")) features.push_back("POPCNT");
  if (__builtin_cpu_supports("avx2")) features.push_back("AVX2");
  if (__builtin_cpu_supports("avx512bw")) features.push_back("AVX-512BW");
  if (__builtin_cpu_supports("avx512vbmi")) features.push_back("AVX-512VBMI");
  const bool usable = hs_valid_platform() == HS_SUCCESS;
  return absl::StrCat("listscan ", LISTSCAN_VERSION, "\nHyperscan ", hs_version(),
                      "\nCPU features: ", features.empty() ? "none" : absl::StrJoin(features, " "),
                      usable ? "" : " (Hyperscan needs SSSE3: it cannot run here)");
}

}  // namespace listscan::cli
