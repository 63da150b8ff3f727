// Hand-offs between threads that ThreadSanitizer cannot see by itself. Debian's oneTBB is not
// instrumented, so the order its task queues give (what a thread wrote before it spawned a task is
// seen by the task; what the task wrote is seen after the join) is invisible to TSan, and every
// value crossing a TBB hand-off would be reported as raced. Our code states those hand-offs where
// it gives work to TBB and takes results back; outside a TSan build the calls are empty.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <tuple>

#if defined(__SANITIZE_THREAD__)
#define LISTSCAN_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LISTSCAN_TSAN 1
#endif
#endif
#if defined(LISTSCAN_TSAN)
#include <sanitizer/tsan_interface.h>
#endif

namespace listscan {

// What this thread has written so far is seen by any thread that later calls TakeOver(token).
inline void HandOff([[maybe_unused]] const void* token) {
#if defined(LISTSCAN_TSAN)
  __tsan_release(const_cast<void*>(token));
#endif
}

inline void TakeOver([[maybe_unused]] const void* token) {
#if defined(LISTSCAN_TSAN)
  __tsan_acquire(const_cast<void*>(token));
#endif
}

// tbb::parallel_invoke with its hand-offs stated: each piece of work sees what came before the
// call, and what each wrote is seen after it returns. The tokens are static: a piece of work must
// take over before it reads anything the caller wrote, its own captures included. (Calls of one
// instantiation share them, which only orders those calls more than they are.)
template <typename... Work>
void InvokeInParallel(Work&&... work) {
  static const char before = 0, after = 0;
  auto tasks = std::make_tuple([&] {
    TakeOver(&before);
    work();
    HandOff(&after);
  }...);
  HandOff(&before);
  std::apply([](const auto&... task) { tbb::parallel_invoke(task...); }, tasks);
  TakeOver(&after);
}

// tbb::parallel_for over 0..count-1, one index per task (for work items that each take long), with
// the hand-offs stated as above (the task is built before the hand-off, so that it is seen too).
template <typename Work>
void ForEachInParallel(size_t count, Work&& work) {
  static const char before = 0, after = 0;
  const auto task = [&](size_t index) {
    TakeOver(&before);
    work(index);
    HandOff(&after);
  };
  HandOff(&before);
  tbb::parallel_for(size_t{0}, count, task, tbb::simple_partitioner());
  TakeOver(&after);
}

}  // namespace listscan
