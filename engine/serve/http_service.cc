// HttpService: routes, authentication, error bodies, request metrics and logs.
#include "serve/http_service.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "output/json_text.h"
#include "serve/bearer_token.h"
#include "serve/json_log.h"
#include "serve/prompt_server.h"
#include "serve/rule_catalog.h"
#include "serve/scan_request.h"
#include "serve/serve_page.h"

namespace listscan::serve {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kJsonLines = "application/x-ndjson";

// The service's paths and the methods each accepts; anything else is "other" in the metrics.
struct Endpoint {
  std::string_view path;
  std::string_view method;
};
constexpr Endpoint kEndpoints[] = {
    {"/", "GET"},         {"/healthz", "GET"},  {"/readyz", "GET"},    {"/metrics", "GET"},
    {"/v1/rules", "GET"}, {"/v1/scan", "POST"}, {"/v1/reload", "POST"}};

std::string_view EndpointLabel(const std::string& path) {
  for (const Endpoint& endpoint : kEndpoints) {
    if (endpoint.path == path) return endpoint.path;
  }
  return "other";
}

// When the request's headers were read (set before routing, read when the response is written:
// both on the connection's thread). Zero for a request that failed before routing.
thread_local Clock::time_point request_started{};

void SetError(httplib::Response& response, int status, std::string_view message,
              uint64_t line = 0) {
  response.status = status;
  response.set_content(ErrorJson(RequestError{status, std::string(message), line}),
                       std::string(kJson));
}

std::string StatusJson(std::string_view status, const ServingPack* pack) {
  std::string json = "{\"status\":";
  AppendJsonString(&json, status);
  if (pack != nullptr) {
    json.append(",\"pack\":");
    AppendJsonString(&json, pack->version);
  }
  json.append("}\n");
  return json;
}

}  // namespace

struct HttpService::Server {
  PromptServer http;
};

HttpService::HttpService(ServiceOptions options, PackHolder::Loader loader, FieldSelection fields,
                         size_t scanners)
    : options_(std::move(options)),
      holder_(std::move(loader), std::move(fields), scanners),
      server_(std::make_unique<Server>()) {
  httplib::Server& http = server_->http;
  const size_t connections = std::max<size_t>(options_.connections, 1);
  http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  http.set_tcp_nodelay(true);
  http.set_read_timeout(options_.read_timeout_seconds, 0);
  http.set_write_timeout(options_.write_timeout_seconds, 0);
  http.set_keep_alive_timeout(options_.keep_alive_seconds);
  http.set_keep_alive_max_count(100000);
  http.set_payload_max_length(options_.max_body_bytes);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Bodies for the errors the library answers itself (unknown path, body too large, bad HTTP).
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (response.status) {
          case 404:
            SetError(response, 404, absl::StrCat("no such endpoint: ", request.path));
            break;
          case 413:
            SetError(response, 413,
                     absl::StrCat("the body is larger than --max-body-bytes (",
                                  options_.max_body_bytes, " bytes)"));
            break;
          case 400:
            SetError(response, 400, "malformed HTTP request");
            break;
          default:
            SetError(response, response.status, absl::StrCat("HTTP status ", response.status));
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  // Counted before the response is written (the library calls this for every answer, errors it
  // answers itself included), so a client that reads /metrics after its own request sees it.
  http.set_post_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        double seconds = -1;  // unknown: the request failed before routing
        if (request_started != Clock::time_point{}) {
          seconds = std::chrono::duration<double>(Clock::now() - request_started).count();
          request_started = Clock::time_point{};
        }
        metrics_.CountRequest(EndpointLabel(request.path), response.status, seconds);
      });
  http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    // Probes that find the service not ready are expected, not worth a log line each.
    const bool probe =
        response.status == 503 && (request.path == "/readyz" || request.path == "/healthz");
    if (response.status >= 400 && !probe) {
      Log(response.status >= 500 ? "error" : "warning", "request_refused",
          {{"method", request.method},
           {"path", request.path},
           {"status", response.status},
           {"remote", request.remote_addr},
           {"response", std::string_view(response.body).substr(0, 500)}});
    }
  });

  // Every request but the page itself (static, no data) needs the token when one is set.
  auto authorized = [this](const httplib::Request& request, httplib::Response& response) {
    if (options_.token.empty() || request.path == "/") return true;
    if (BearerMatches(request.get_header_value("Authorization"), options_.token)) return true;
    response.set_header("WWW-Authenticate", "Bearer");
    SetError(response, 401, "missing or wrong bearer token (Authorization: Bearer <token>)");
    return false;
  };
  auto route = [&](std::string_view path, std::string_view method, auto handler) {
    auto guarded = [authorized, handler](const httplib::Request& request,
                                         httplib::Response& response) {
      if (authorized(request, response)) handler(request, response);
    };
    const std::string pattern(path);
    if (method == "GET") {
      http.Get(pattern, guarded);
    } else {
      http.Post(pattern, guarded);
    }
  };

  route("/", "GET", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(ServePage()), "text/html; charset=utf-8");
  });
  route("/healthz", "GET", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(StatusJson("alive", nullptr), std::string(kJson));
  });
  route("/readyz", "GET", [this](const httplib::Request&, httplib::Response& response) {
    const std::shared_ptr<const ServingPack> pack = holder_.Current();
    if (stopping_.load()) {
      SetError(response, 503, "shutting down");
    } else if (pack == nullptr) {
      SetError(response, 503, "no pack loaded yet");
    } else {
      response.set_content(StatusJson("ready", pack.get()), std::string(kJson));
    }
  });
  route("/metrics", "GET", [this](const httplib::Request&, httplib::Response& response) {
    const std::shared_ptr<const ServingPack> pack = holder_.Current();
    response.set_content(metrics_.Render(pack.get()), "text/plain; version=0.0.4; charset=utf-8");
  });
  route("/v1/rules", "GET", [this](const httplib::Request&, httplib::Response& response) {
    const std::shared_ptr<const ServingPack> pack = holder_.Current();
    if (pack == nullptr) return SetError(response, 503, "no pack loaded yet");
    response.set_header("Listscan-Pack", pack->version);
    response.set_content(RuleCatalogJson(*pack), std::string(kJson));
  });
  route("/v1/scan", "POST", [this](const httplib::Request& request, httplib::Response& response) {
    const std::optional<BodyKind> kind = BodyKindOf(request.get_header_value("Content-Type"));
    if (!kind) {
      return SetError(response, 415,
                      absl::StrCat("Content-Type must be application/json (one listing) or "
                                   "application/x-ndjson (JSON Lines), not '",
                                   request.get_header_value("Content-Type"), "'"));
    }
    // The pack is taken once: a reload meanwhile does not change this request's verdicts.
    const std::shared_ptr<const ServingPack> pack = holder_.Current();
    if (pack == nullptr) return SetError(response, 503, "no pack loaded yet");
    std::string lines;
    ScanTally tally;
    std::optional<RequestError> error;
    {
      ScannerPool::Lease lease = pack->scanners->Acquire();
      error =
          ScanBody(*pack, lease.slot(), *kind, request.body, options_.max_listings, &lines, &tally);
    }
    response.set_header("Listscan-Pack", pack->version);
    if (error) return SetError(response, error->status, error->message, error->line);
    metrics_.CountScan(*pack, tally);
    response.set_content(std::move(lines), std::string(kJsonLines));
  });
  // POST /v1/reload takes no body. `curl -X POST` sends neither a body nor a Content-Length, which
  // the library would wait on as a body that ends when the connection closes: the handler reads
  // (and drops) a body only when one is announced.
  http.Post("/v1/reload",
            [this, authorized](const httplib::Request& request, httplib::Response& response,
                               const httplib::ContentReader& read_body) {
              if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
                read_body([](const char*, size_t) { return true; });
              }
              if (!authorized(request, response)) return;
              absl::StatusOr<std::shared_ptr<const ServingPack>> pack = Reload("POST /v1/reload");
              if (!pack.ok()) return SetError(response, 422, std::string(pack.status().message()));
              response.set_header("Listscan-Pack", (*pack)->version);
              response.set_content(StatusJson("reloaded", pack->get()), std::string(kJson));
            });

  // A known path asked with another method: 405 naming the one it takes. (The body, if any, was
  // read by the library, so the connection stays usable.)
  for (const Endpoint& endpoint : kEndpoints) {
    auto wrong_method = [endpoint](const httplib::Request& request, httplib::Response& response) {
      response.set_header("Allow", std::string(endpoint.method));
      SetError(response, 405,
               absl::StrCat(request.method, " ", std::string(endpoint.path), ": use ",
                            std::string(endpoint.method)));
    };
    const std::string pattern(endpoint.path);
    if (endpoint.method != "GET") http.Get(pattern, wrong_method);
    if (endpoint.method != "POST") http.Post(pattern, wrong_method);
    http.Put(pattern, wrong_method);
    http.Delete(pattern, wrong_method);
    http.Patch(pattern, wrong_method);
  }
}

HttpService::~HttpService() = default;

absl::StatusOr<int> HttpService::Bind() {
  PromptServer& http = server_->http;
  int port = options_.port;
  if (port == 0) {
    port = http.bind_to_any_port(options_.host);
    if (port < 0) return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.host));
  } else if (!http.bind_to_port(options_.host, port)) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.host, ":", port));
  }
  if (!http.RaiseBacklog()) return absl::InternalError("cannot raise the listen backlog");
  return port;
}

void HttpService::Run() {
  // Stop() before the accept loop started would be lost (the library only stops a running
  // server): a watcher repeats it until Run returns.
  running_.store(true);
  std::thread watcher([this] {
    while (running_.load()) {
      if (stopping_.load()) server_->http.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  if (!stopping_.load()) server_->http.listen_after_bind();
  running_.store(false);
  watcher.join();
}

void HttpService::Stop() {
  stopping_.store(true);
  server_->http.stop();
}

absl::StatusOr<std::shared_ptr<const ServingPack>> HttpService::Reload(std::string_view trigger) {
  const std::shared_ptr<const ServingPack> old = holder_.Current();
  absl::StatusOr<std::shared_ptr<const ServingPack>> pack = holder_.Reload();
  metrics_.CountReload(pack.ok());
  if (!pack.ok()) {
    Log("error", "reload_failed",
        {{"trigger", trigger},
         {"error", std::string(pack.status().message())},
         {"serving", old ? std::string_view(old->version) : std::string_view("none")}});
    return pack.status();
  }
  Log("info", "reloaded",
      {{"trigger", trigger},
       {"pack", (*pack)->version},
       {"previous", old ? std::string_view(old->version) : std::string_view("none")},
       {"rules", (*pack)->pack->rules().rules.size()},
       {"load_seconds", (*pack)->load_seconds},
       {"from_cache", (*pack)->pack->stats().from_cache}});
  return pack;
}

}  // namespace listscan::serve
