// Runs a function over [0, count) on a few threads. Internal.
#ifndef CROSSALIGN_SRC_BASE_PARALLEL_FOR_H_
#define CROSSALIGN_SRC_BASE_PARALLEL_FOR_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace crossalign::internal {

// Runs fn(i) for i in [0, count) on `jobs` threads (on the calling thread
// when jobs <= 1), each taking the next index when done with one.
inline void ParallelFor(size_t count, int jobs,
                        const std::function<void(size_t)>& fn) {
  const int workers = std::max(1, std::min<int>(jobs, static_cast<int>(count)));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) fn(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace crossalign::internal

#endif  // CROSSALIGN_SRC_BASE_PARALLEL_FOR_H_
