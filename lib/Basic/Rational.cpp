//===- Rational.cpp - Exact rational numbers ------------------------------===//

#include "ember/Basic/Rational.h"

#include <algorithm>

using namespace ember;
using llvm::APInt;

/// `value` no wider than its bits need (at least one bit).
static APInt fit(const APInt &value) {
  return value.zextOrTrunc(std::max(1u, value.getActiveBits()));
}

/// `a` and `b` at one width, `extra` bits wider than the wider of them.
static std::pair<APInt, APInt> sameWidth(const APInt &a, const APInt &b,
                                         unsigned extra = 0) {
  unsigned width = std::max(a.getBitWidth(), b.getBitWidth()) + extra;
  return {a.zext(width), b.zext(width)};
}

static APInt multiply(const APInt &a, const APInt &b) {
  unsigned width = a.getBitWidth() + b.getBitWidth();
  return fit(a.zext(width) * b.zext(width));
}

static APInt powerOfTen(unsigned exponent) {
  APInt result(4, 1), ten(4, 10);
  for (unsigned i = 0; i < exponent; ++i)
    result = multiply(result, ten);
  return result;
}

Rational::Rational(bool negative, APInt numerator, APInt denominator)
    : negative(negative) {
  if (numerator.isZero()) {
    this->negative = false;
    this->numerator = APInt(1, 0);
    this->denominator = APInt(1, 1);
    return;
  }
  auto [n, d] = sameWidth(numerator, denominator);
  APInt divisor = llvm::APIntOps::GreatestCommonDivisor(n, d);
  this->numerator = fit(n.udiv(divisor));
  this->denominator = fit(d.udiv(divisor));
}

Rational::Rational(const APInt &value, bool isSigned)
    : Rational(isSigned && value.isNegative(),
               isSigned && value.isNegative() ? fit(-value) : fit(value),
               APInt(1, 1)) {}

std::optional<Rational> Rational::fromDecimal(llvm::StringRef text) {
  std::string digits;
  int64_t exponent = 0;
  size_t i = 0;
  bool sawPoint = false;
  for (; i < text.size() && (isdigit(text[i]) || text[i] == '.'); ++i) {
    if (text[i] == '.') {
      if (sawPoint)
        return std::nullopt;
      sawPoint = true;
    } else {
      digits += text[i];
      exponent -= sawPoint;
    }
  }
  if (digits.empty())
    return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E')
      return std::nullopt;
    int64_t written = 0;
    if (text.substr(i + 1).getAsInteger(10, written))
      return std::nullopt;
    exponent += written;
  }
  // Beyond this, no float tells the value from zero or infinity.
  if (exponent > 400 || exponent < -800)
    return std::nullopt;
  APInt value = fit(APInt(digits.size() * 4 + 1, digits, 10));
  APInt scale = powerOfTen(static_cast<unsigned>(std::abs(exponent)));
  return exponent >= 0 ? Rational(false, multiply(value, scale), APInt(1, 1))
                       : Rational(false, value, scale);
}

Rational Rational::operator-() const {
  return Rational(!negative, numerator, denominator);
}

Rational Rational::operator+(const Rational &other) const {
  APInt a = multiply(numerator, other.denominator);
  APInt b = multiply(other.numerator, denominator);
  APInt denominators = multiply(denominator, other.denominator);
  auto [x, y] = sameWidth(a, b, 1);
  if (negative == other.negative)
    return Rational(negative, fit(x + y), denominators);
  // Opposite signs: the larger magnitude's sign wins.
  if (x.uge(y))
    return Rational(negative, fit(x - y), denominators);
  return Rational(other.negative, fit(y - x), denominators);
}

Rational Rational::operator-(const Rational &other) const {
  return *this + -other;
}

Rational Rational::operator*(const Rational &other) const {
  return Rational(negative != other.negative,
                  multiply(numerator, other.numerator),
                  multiply(denominator, other.denominator));
}

std::optional<Rational> Rational::divide(const Rational &other) const {
  if (other.isZero())
    return std::nullopt;
  return Rational(negative != other.negative,
                  multiply(numerator, other.denominator),
                  multiply(denominator, other.numerator));
}

std::optional<Rational> Rational::power(int64_t exponent) const {
  if (exponent < 0) {
    std::optional<Rational> positive = power(-exponent);
    return Rational(false, APInt(1, 1), APInt(1, 1)).divide(*positive);
  }
  Rational result(false, APInt(1, 1), APInt(1, 1));
  for (int64_t i = 0; i < exponent; ++i)
    result = result * *this;
  return result;
}

double Rational::toDouble() const {
  return toFloat(llvm::APFloat::IEEEdouble()).convertToDouble();
}

llvm::APFloat Rational::toFloat(const llvm::fltSemantics &format) const {
  if (isZero())
    return llvm::APFloat::getZero(format);
  // q = numerator * 2^shift / denominator has at least 64 bits, more than
  // any float format up to double keeps; a remainder sets q's last bit,
  // which then only decides ties, so that rounding q rounds the exact
  // value.
  int shift = 64 + static_cast<int>(denominator.getActiveBits()) -
              static_cast<int>(numerator.getActiveBits());
  APInt n = numerator, d = denominator;
  if (shift >= 0)
    n = n.zext(n.getBitWidth() + shift).shl(shift);
  else
    d = d.zext(d.getBitWidth() - shift).shl(-shift);
  auto [a, b] = sameWidth(n, d);
  APInt quotient = a.udiv(b);
  if (!a.urem(b).isZero())
    quotient.setBit(0);
  // q < 2^65 is exact in a quad, and so is its scaling (a quad's range is
  // far wider than any literal's); only the conversion to `format` rounds.
  llvm::APFloat value(llvm::APFloat::IEEEquad());
  value.convertFromAPInt(quotient, /*IsSigned=*/false,
                         llvm::APFloat::rmNearestTiesToEven);
  value = llvm::scalbn(value, -shift, llvm::APFloat::rmNearestTiesToEven);
  bool losesInfo = false;
  value.convert(format, llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  if (negative)
    value.changeSign();
  return value;
}
