// The report's figures as one JSON document (`report --format json`), for dashboards.
#pragma once

#include <optional>
#include <string>

#include "report/report_figures.h"

namespace listscan::report {

std::string FiguresJson(const ReportFigures& figures);

// A share as a fixed-point fraction ("0.2500"), the one spelling every format uses.
std::string Rate(uint64_t part, uint64_t whole);

// The same share for people: "12.50 %", or "-" without a whole.
std::string Percent(uint64_t part, const std::optional<uint64_t>& whole);

}  // namespace listscan::report
