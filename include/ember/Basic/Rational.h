//===- Rational.h - Exact rational numbers ----------------------*- C++ -*-===//
//
// The value of a float literal, and of arithmetic on literals, is exact at
// compile time, as Mojo's `FloatLiteral` is: `3.0 * (4.0 / 3.0 - 1.0)` is
// 1, not 0.9999999999999998. A Rational is a fraction of arbitrary-size
// integers, kept in lowest terms; it is rounded to a float once, where
// the literal becomes a value of a float type.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_BASIC_RATIONAL_H
#define EMBER_BASIC_RATIONAL_H

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace ember {

class Rational {
public:
  /// An integer.
  explicit Rational(const llvm::APInt &value, bool isSigned);

  /// The value of a decimal literal such as `12.5e-3` (no underscores);
  /// none if it is not one, or its exponent is beyond any float's.
  static std::optional<Rational> fromDecimal(llvm::StringRef text);

  Rational operator-() const;
  Rational operator+(const Rational &other) const;
  Rational operator-(const Rational &other) const;
  Rational operator*(const Rational &other) const;
  /// None when `other` is zero.
  std::optional<Rational> divide(const Rational &other) const;
  /// `this ** exponent`; none when that is 0 ** negative.
  std::optional<Rational> power(int64_t exponent) const;

  bool isZero() const { return numerator.isZero(); }
  bool isNegative() const { return negative; }
  /// The nearest value of a float format (ties to even), and the nearest
  /// double.
  llvm::APFloat toFloat(const llvm::fltSemantics &format) const;
  double toDouble() const;

private:
  Rational(bool negative, llvm::APInt numerator, llvm::APInt denominator);

  /// Sign and magnitudes: numerator / denominator, in lowest terms, the
  /// denominator positive; each APInt as wide as it needs to be.
  bool negative;
  llvm::APInt numerator, denominator;
};

} // namespace ember

#endif // EMBER_BASIC_RATIONAL_H
