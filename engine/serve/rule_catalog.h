// GET /v1/rules: what the page shows next to a verdict, for each rule of the pack being served.
#pragma once

#include <string>

#include "serve/pack_holder.h"

namespace listscan::serve {

// {"pack":version,"rules":[{"id":...,"title":...,"category":...,"severity":...,
// "legal_basis":...}, ...]} in pack order, with a newline.
std::string RuleCatalogJson(const ServingPack& pack);

}  // namespace listscan::serve
