// `listscan serve`: flags, signals (SIGHUP reloads, SIGTERM/SIGINT drain and exit 0) and wiring.
#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "exit_codes.h"
#include "pack_options.h"
#include "serve/bearer_token.h"
#include "serve/http_service.h"
#include "serve/json_log.h"

namespace listscan::cli {
namespace {

struct ServeFlags {
  PackOptions pack;
  std::string listen = "127.0.0.1:8080";
  std::string token_file;
  std::string fields;
  std::string id_field = "id";
  unsigned threads = 0;
  serve::ServiceOptions service;
};

ServeFlags& Flags() {
  static ServeFlags flags;
  return flags;
}

// "host:port", "[v6 address]:port"; the host may not be empty (no accidental 0.0.0.0).
absl::Status ParseListen(const std::string& listen, serve::ServiceOptions* options) {
  const size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = -1;
  if (colon != std::string::npos) {
    const char* begin = listen.data() + colon + 1;
    const char* end = listen.data() + listen.size();
    const auto [rest, error] = std::from_chars(begin, end, port);
    if (error != std::errc() || rest != end) port = -1;
  }
  if (host.empty() || port < 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--listen '", listen, "': expected HOST:PORT, e.g. 127.0.0.1:8080 (port 0: any free one)"));
  }
  options->host = host;
  options->port = port;
  return absl::OkStatus();
}

// Loads the packs on its own thread: first at start, then at each SIGHUP, so a slow compile
// never holds up the signal thread (a SIGTERM during a reload is still answered).
class Reloader {
 public:
  explicit Reloader(serve::HttpService* service) : service_(service) {}

  // Loads the first pack; false (after stopping the service) when that fails.
  void Start() {
    thread_ = std::thread([this] {
      if (!service_->Reload("start").ok()) {
        first_load_failed_ = true;
        service_->Stop();
        return;
      }
      std::unique_lock lock(mutex_);
      while (true) {
        wake_.wait(lock, [this] { return pending_ || done_; });
        if (done_) return;
        pending_ = false;
        lock.unlock();
        (void)service_->Reload("SIGHUP");  // logged and counted; a failure keeps the old pack
        lock.lock();
      }
    });
  }
  void Request() {
    std::lock_guard lock(mutex_);
    pending_ = true;
    wake_.notify_one();
  }
  void Finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  bool first_load_failed() const { return first_load_failed_; }

 private:
  serve::HttpService* service_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool done_ = false;
  std::atomic<bool> first_load_failed_{false};
};

int RunServe() {
  ServeFlags& flags = Flags();
  serve::ServiceOptions options = flags.service;
  if (absl::Status parsed = ParseListen(flags.listen, &options); !parsed.ok()) {
    return ReportError(parsed);
  }
  if (!flags.token_file.empty()) {
    absl::StatusOr<std::string> token = serve::ReadTokenFile(flags.token_file);
    if (!token.ok()) return ReportError(token.status());
    options.token = std::move(*token);
  }
  if (flags.pack.rule_paths.empty() && flags.pack.keywords_file.empty()) {
    return ReportError(
        absl::InvalidArgumentError("no rules: give --rules PATH or --keywords FILE"));
  }
  FieldSelection fields;
  for (absl::string_view field : absl::StrSplit(flags.fields, ',', absl::SkipWhitespace())) {
    fields.scan.emplace_back(field);
  }
  fields.id_field = flags.id_field;
  const unsigned threads =
      flags.threads > 0 ? flags.threads : std::max(1u, std::thread::hardware_concurrency());

  // Signals are taken by one thread with sigwait; every thread started from here inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGHUP, SIGTERM, SIGINT}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const PackOptions pack_options = flags.pack;
  serve::HttpService service(
      options, [pack_options] { return LoadAndCompile(pack_options); }, fields, threads);
  absl::StatusOr<int> port = service.Bind();
  if (!port.ok()) return ReportError(port.status());
  serve::Log("info", "listening",
             {{"host", options.host},
              {"port", *port},
              {"threads", static_cast<unsigned long>(threads)},
              {"connections", static_cast<unsigned long>(options.connections)},
              {"auth", !options.token.empty()}});

  Reloader reloader(&service);
  std::atomic<bool> served{false};
  std::thread signal_thread([&] {
    const timespec tick{0, 200'000'000};
    while (!served.load()) {
      const int signal = sigtimedwait(&signals, nullptr, &tick);
      if (signal == SIGHUP) {
        serve::Log("info", "reload_requested", {{"trigger", "SIGHUP"}});
        reloader.Request();
      } else if (signal == SIGTERM || signal == SIGINT) {
        serve::Log("info", "draining", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
        service.Stop();
      }
    }
  });
  reloader.Start();
  service.Run();
  served.store(true);
  signal_thread.join();
  reloader.Finish();
  if (reloader.first_load_failed()) {
    serve::Log("error", "stopped", {{"reason", "the packs could not be loaded"}});
    return kExitError;
  }
  serve::Log("info", "stopped", {{"reason", "signal"}});
  return 0;
}

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, int (**run)()) {
  ServeFlags& flags = Flags();
  CLI::App* serve = app.add_subcommand(
      "serve", "Answer scan requests over HTTP (JSON in, JSON Lines out); see docs/serve.md");
  AddPackFlags(serve, &flags.pack);
  serve->add_option("--listen", flags.listen, "HOST:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  serve->add_option("-j,--threads", flags.threads, "Requests scanned at once (0: every core)")
      ->capture_default_str();
  serve->add_option("--token-file", flags.token_file,
                    "Require 'Authorization: Bearer <token>' with the token in FILE");
  serve->add_option("--fields", flags.fields,
                    "Comma-separated field paths or globs to scan (default: every string value)");
  serve->add_option("--id-field", flags.id_field, "Field that holds the listing id")
      ->capture_default_str();
  serve
      ->add_option("--max-body-bytes", flags.service.max_body_bytes,
                   "Refuse request bodies larger than this (413)")
      ->capture_default_str();
  serve
      ->add_option("--max-listings", flags.service.max_listings,
                   "Refuse requests with more listings than this (413)")
      ->capture_default_str();
  serve
      ->add_option("--connections", flags.service.connections,
                   "Connections served at once (each holds a thread while open)")
      ->capture_default_str();
  serve
      ->add_option("--read-timeout", flags.service.read_timeout_seconds,
                   "Seconds a client may leave a request unfinished")
      ->capture_default_str();
  serve
      ->add_option("--write-timeout", flags.service.write_timeout_seconds,
                   "Seconds a client may take to read a response")
      ->capture_default_str();
  serve
      ->add_option("--keep-alive-timeout", flags.service.keep_alive_seconds,
                   "Seconds an idle kept-alive connection stays open")
      ->capture_default_str();
  serve->callback([run] { *run = RunServe; });
  return serve;
}

}  // namespace listscan::cli
