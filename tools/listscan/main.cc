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
#include "version_text.h"

int main(int argc, char** argv) {
  // A closed pipe surfaces as a write error (EPIPE) that each command handles: scan stops quietly
  // and ends as SIGPIPE would, after its summary; the others report it (exit 2).
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"listscan: scan marketplace listing dumps for illegal and dangerous products",
               "listscan"};
  app.set_version_flag("-V,--version", listscan::cli::VersionText(),
                       "Print the version, the Hyperscan version and the CPU features it uses");
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
  // `listscan help [SUBCOMMAND]`: the same text as `--help`.
  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Print the help of listscan or of a subcommand");
  help->add_option("subcommand", help_topic, "A subcommand");
  help->callback([&] {
    CLI::App* topic = &app;
    if (!help_topic.empty()) {
      try {
        topic = app.get_subcommand(help_topic);
      } catch (const CLI::OptionNotFound&) {
        throw CLI::ValidationError("help", "no subcommand named " + help_topic);
      }
    }
    std::fputs(topic->help(topic == &app ? "" : "listscan").c_str(), stdout);
    run = [] { return std::fflush(stdout) == 0 ? 0 : listscan::cli::kExitError; };
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : listscan::cli::kExitError;
  }
  return run ? run() : listscan::cli::kExitError;
}
