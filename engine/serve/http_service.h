// `listscan serve`: the HTTP endpoints over a PackHolder. With PromptServer, the only code that
// knows the HTTP library (cpp-httplib: a thread per open connection, from a fixed pool).
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "serve/metrics.h"
#include "serve/pack_holder.h"

namespace listscan::serve {

struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port (Bind says which)
  size_t connections = 64;            // connections served at once; more wait to be accepted
  size_t max_body_bytes = 16u << 20;  // a larger body is a 413
  size_t max_listings = 10000;        // per request; more is a 413
  std::string token;                  // when set, requests need "Authorization: Bearer <token>"
  int read_timeout_seconds = 10;      // a client that sends nothing for this long is dropped
  int write_timeout_seconds = 10;
  int keep_alive_seconds = 5;  // an idle kept-alive connection is closed after this
};

class HttpService {
 public:
  HttpService(ServiceOptions options, PackHolder::Loader loader, FieldSelection fields,
              size_t scanners);
  ~HttpService();

  // Binds the listening socket; returns the port.
  absl::StatusOr<int> Bind();
  // Serves until Stop(), then finishes the requests in flight and returns.
  void Run();
  // Stops accepting; Run() returns once the requests in flight are answered. Safe to call from
  // any thread, any number of times, and before Run() started.
  void Stop();

  // Loads the packs again and swaps them in, or keeps the current pack; logs and counts either.
  // `trigger` says why ("start", "SIGHUP", "POST /v1/reload").
  absl::StatusOr<std::shared_ptr<const ServingPack>> Reload(std::string_view trigger);

 private:
  struct Server;
  ServiceOptions options_;
  PackHolder holder_;
  Metrics metrics_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> running_{false};
  std::unique_ptr<Server> server_;
};

}  // namespace listscan::serve
