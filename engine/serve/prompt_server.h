// PromptServer: cpp-httplib's server with its per-connection loop replaced, so that a request
// on a kept-alive connection is read as soon as it arrives.
//
// Debian's cpp-httplib (0.11) waits for the next request on a kept-alive connection in 10 ms
// select() slices and sleeps 1 ms after each empty slice. A request that arrives in that sleep
// waits for it: one request in eleven on an idle connection, and every request of a client that
// pauses about 10 ms between requests (p50 1.3 ms instead of 0.2 ms, measured in docs/serve.md).
// Later versions of the library dropped the sleep; this loop is that fix, over the library's own
// request parsing and routing (Server::process_request).
#pragma once

#include <httplib.h>

namespace listscan::serve {

class PromptServer : public httplib::Server {
 public:
  // Listens again on the bound socket with the system's largest backlog. The library listens
  // with a backlog of 5: a burst of new connections (clients starting at once) would have SYNs
  // dropped and retried only after 1 s, 3 s...
  bool RaiseBacklog();

 private:
  // Serves the requests of one connection until the client closes it, it stays idle for the
  // keep-alive timeout, the keep-alive count is spent or the server stops; then closes it.
  bool process_and_close_socket(socket_t sock) override;
  // Whether a request is there to read, waiting in slices so that a stopping server is noticed.
  bool WaitForRequest(socket_t sock) const;
};

}  // namespace listscan::serve
