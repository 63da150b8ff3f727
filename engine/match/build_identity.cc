// The build id comes from the PT_NOTE segments of the loaded object that holds this function,
// found with dl_iterate_phdr: no file is read when the linker wrote one (Debian's does).
#include "match/build_identity.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <xxhash.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace listscan {
namespace {

struct Search {
  uintptr_t address = 0;
  std::string build_id;
};

int FindBuildId(dl_phdr_info* info, size_t, void* data) {
  Search* search = static_cast<Search*>(data);
  bool holds_address = false;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    const uintptr_t begin = info->dlpi_addr + header.p_vaddr;
    if (header.p_type == PT_LOAD && search->address >= begin &&
        search->address < begin + header.p_memsz) {
      holds_address = true;
    }
  }
  if (!holds_address) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      memcpy(&note, at, sizeof(note));
      const char* name = at + sizeof(note);
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      const char* next = desc + ((note.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
        search->build_id = absl::BytesToHexString(absl::string_view(desc, note.n_descsz));
        return 1;
      }
      at = next;
    }
  }
  return 1;  // the object holding the engine, without a build id
}

std::string ComputeIdentity() {
  Search search;
  search.address = reinterpret_cast<uintptr_t>(&ComputeIdentity);
  dl_iterate_phdr(FindBuildId, &search);
  if (!search.build_id.empty()) return absl::StrCat(LISTSCAN_VERSION, "+", search.build_id);
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&ComputeIdentity), &info) && info.dli_fname) {
    std::ifstream in(info.dli_fname, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in) {
      const std::string file = bytes.str();
      return absl::StrFormat("%s+file%016x", LISTSCAN_VERSION,
                             XXH3_64bits(file.data(), file.size()));
    }
  }
  return LISTSCAN_VERSION;
}

}  // namespace

const std::string& BuildIdentity() {
  static const std::string identity = ComputeIdentity();
  return identity;
}

}  // namespace listscan
