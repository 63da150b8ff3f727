// The report's figures as Markdown tables (`report --format markdown`), for pull requests.
#pragma once

#include <string>
#include <string_view>

#include "report/report_figures.h"

namespace listscan::report {

std::string FiguresMarkdown(const ReportFigures& figures);

// Text from a listing made inert in a Markdown table cell: markup characters are escaped, HTML
// is written as entities and line breaks become spaces.
std::string MarkdownCell(std::string_view text);

}  // namespace listscan::report
