// The report's figures as one self-contained HTML page (`report --format html`): inline CSS and
// SVG bar charts, no script, nothing loaded from the network (a Content-Security-Policy says so
// to the browser). Every text that came from a listing is escaped: listings are hostile input.
#pragma once

#include <string>
#include <string_view>

#include "report/report_figures.h"

namespace listscan::report {

std::string FiguresHtml(const ReportFigures& figures);

// `text` with & < > " ' written as character references.
std::string HtmlEscape(std::string_view text);

}  // namespace listscan::report
