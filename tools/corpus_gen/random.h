// Deterministic, allocation-free random numbers for the corpus generator: xoshiro256** seeded by
// splitmix64, plus the few distributions the corpus needs (uniform, normal, log-normal, Zipf).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace listscan::corpus {

inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A stateless 64-bit mix, used to derive stable names from ids (seller 17 is always the same name).
inline uint64_t Mix64(uint64_t value) {
  uint64_t state = value;
  return SplitMix64(&state);
}

class Random {
 public:
  explicit Random(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& word : state_) word = SplitMix64(&state);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound); Lemire's multiply-shift, bias below 2^-32 for the bounds used here.
  uint32_t Below(uint32_t bound) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(bound)) >> 32);
  }
  // Uniform in [low, high].
  int Between(int low, int high) { return low + static_cast<int>(Below(high - low + 1)); }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Unit() < probability; }

  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0.0;
    do u = Unit();
    while (u <= 0.0);
    const double v = Unit();
    const double radius = std::sqrt(-2.0 * std::log(u));
    spare_ = radius * std::sin(2.0 * M_PI * v);
    has_spare_ = true;
    return radius * std::cos(2.0 * M_PI * v);
  }
  // exp(N(mu, sigma)): the median is exp(mu).
  double LogNormal(double mu, double sigma) { return std::exp(mu + sigma * Normal()); }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(static_cast<uint32_t>(items.size()))];
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Zipf over 1..n with exponent s > 0, s != 1 handled alike: rejection-inversion (Hörmann and
// Derflinger 1996), O(1) memory and time per draw, so a million sellers cost nothing.
class ZipfDistribution {
 public:
  ZipfDistribution(uint64_t n, double exponent) : n_(static_cast<double>(n)), s_(exponent) {
    h_x1_ = H(1.5) - 1.0;
    h_n_ = H(n_ + 0.5);
    threshold_ = 2.0 - HInverse(H(2.5) - std::exp(-s_ * std::log(2.0)));
  }

  uint64_t Sample(Random& random) const {
    while (true) {
      const double u = h_n_ + random.Unit() * (h_x1_ - h_n_);
      const double x = HInverse(u);
      double k = std::floor(x + 0.5);
      if (k < 1.0) k = 1.0;
      if (k > n_) k = n_;
      if (k - x <= threshold_ || u >= H(k + 0.5) - std::exp(-s_ * std::log(k))) {
        return static_cast<uint64_t>(k);
      }
    }
  }

 private:
  // H is an antiderivative of x^-s; written via log1p/expm1 helpers so s close to 1 stays exact.
  double H(double x) const {
    const double log_x = std::log(x);
    return Helper2((1.0 - s_) * log_x) * log_x;
  }
  double HInverse(double x) const {
    double t = x * (1.0 - s_);
    if (t < -1.0) t = -1.0;
    return std::exp(Helper1(t) * x);
  }
  static double Helper1(double x) {  // log1p(x) / x
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
  }
  static double Helper2(double x) {  // expm1(x) / x
    return std::abs(x) > 1e-8 ? std::expm1(x) / x
                              : 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
  }

  double n_;
  double s_;
  double h_x1_;
  double h_n_;
  double threshold_;
};

}  // namespace listscan::corpus
