// What identifies this build of listscan for its caches and serialised packs: the version and the
// linker's build id of the binary or library holding the engine, so that any rebuild with other
// code refuses what an older one wrote, even at the same version number.
#pragma once

#include <string>

namespace listscan {

// "0.1.0+<build id in hex>"; when the object has no build id, a hash of its file instead.
const std::string& BuildIdentity();

}  // namespace listscan
