// listscan: the command line over the engine. Flags, wiring and exit codes only.
#include <csignal>

#include "CLI/CLI.hpp"
#include "exit_codes.h"
#include "bench_command.h"
#include "diff_command.h"
#include "lint_command.h"
#include "merge_summaries_command.h"
#include "report_command.h"
#include "rules_command.h"
#include "scan_command.h"
#include "serve_command.h"
#include "test_command.h"

int main(int argc, char** argv) {
  // A closed pipe must surface as a write error (exit 2), not kill the process silently.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"listscan: scan marketplace listing dumps for illegal and dangerous products",
               "listscan"};
  app.set_version_flag("--version", std::string("listscan ") + LISTSCAN_VERSION);
  app.require_subcommand(1);
  int (*run)() = nullptr;
  listscan::cli::AddScanCommand(app, &run);
  listscan::cli::AddTestCommand(app, &run);
  listscan::cli::AddLintCommand(app, &run);
  listscan::cli::AddDiffCommand(app, &run);
  listscan::cli::AddBenchCommand(app, &run);
  listscan::cli::AddRulesCommand(app, &run);
  listscan::cli::AddServeCommand(app, &run);
  listscan::cli::AddMergeSummariesCommand(app, &run);
  listscan::cli::AddReportCommand(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : listscan::cli::kExitError;
  }
  return run ? run() : listscan::cli::kExitError;
}
