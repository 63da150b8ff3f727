// GET /: the moderators' page (page/index.html, compiled in: the service needs no files at run
// time and the page loads nothing from the network).
#pragma once

#include <string_view>

namespace listscan::serve {

std::string_view ServePage();

}  // namespace listscan::serve
