// PromptServer: the keep-alive loop, and a socket Stream with the library's timeouts.
#include "serve/prompt_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace listscan::serve {
namespace {

// Polls one socket for `events`, retrying on EINTR; > 0 when ready, 0 on timeout, < 0 on error.
int PollSocket(socket_t sock, short events, int timeout_ms) {
  pollfd entry{sock, events, 0};
  int ready;
  do {
    ready = ::poll(&entry, 1, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  return ready;
}

int Milliseconds(time_t seconds, time_t microseconds) {
  return static_cast<int>(seconds * 1000 + microseconds / 1000);
}

void AddressOf(const sockaddr_storage& address, std::string& ip, int& port) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
    port = ntohs(v6.sin6_port);
  }
  ip = text.data();
}

// A connection's socket as the library's Stream: reads through a small buffer (a request line
// and headers arrive in one segment and are read a line at a time), waits at most the read or
// write timeout, never raises SIGPIPE.
class SocketStream final : public httplib::Stream {
 public:
  SocketStream(socket_t sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool buffered() const { return buffer_begin_ < buffer_end_; }

  bool is_readable() const override {
    return buffered() || PollSocket(sock_, POLLIN, read_timeout_ms_) > 0;
  }
  bool is_writable() const override { return PollSocket(sock_, POLLOUT, write_timeout_ms_) > 0; }

  ssize_t read(char* ptr, size_t size) override {
    if (!buffered()) {
      if (PollSocket(sock_, POLLIN, read_timeout_ms_) <= 0) return -1;
      if (size >= buffer_.size()) return Receive(ptr, size);
      const ssize_t got = Receive(buffer_.data(), buffer_.size());
      if (got <= 0) return got;
      buffer_begin_ = 0;
      buffer_end_ = static_cast<size_t>(got);
    }
    const size_t taken = std::min(size, buffer_end_ - buffer_begin_);
    std::memcpy(ptr, buffer_.data() + buffer_begin_, taken);
    buffer_begin_ += taken;
    return static_cast<ssize_t>(taken);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent;
    do {
      sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      AddressOf(address, ip, port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      AddressOf(address, ip, port);
    }
  }
  socket_t socket() const override { return sock_; }

 private:
  ssize_t Receive(char* ptr, size_t size) {
    ssize_t got;
    do {
      got = ::recv(sock_, ptr, size, 0);
    } while (got < 0 && errno == EINTR);
    return got;
  }

  socket_t sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::array<char, 4096> buffer_{};
  size_t buffer_begin_ = 0;
  size_t buffer_end_ = 0;
};

}  // namespace

bool PromptServer::RaiseBacklog() { return ::listen(svr_sock_.load(), SOMAXCONN) == 0; }

bool PromptServer::WaitForRequest(socket_t sock) const {
  // Slices short enough that Stop() is seen quickly; unlike the library's loop, no sleep
  // between them, so a request is read the moment poll() reports it.
  constexpr int kSliceMs = 50;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
  while (svr_sock_.load() != INVALID_SOCKET) {
    const int ready = PollSocket(sock, POLLIN, kSliceMs);
    if (ready != 0) return ready > 0;
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
  return false;
}

bool PromptServer::process_and_close_socket(socket_t sock) {
  SocketStream stream(sock, Milliseconds(read_timeout_sec_, read_timeout_usec_),
                      Milliseconds(write_timeout_sec_, write_timeout_usec_));
  bool served = false;
  for (size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.buffered() && !WaitForRequest(sock)) break;
    bool connection_closed = false;
    served = process_request(stream, /*close_connection=*/left == 1, connection_closed, nullptr);
    if (!served || connection_closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace listscan::serve
