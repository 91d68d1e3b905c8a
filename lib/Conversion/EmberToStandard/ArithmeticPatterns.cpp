//===- ArithmeticPatterns.cpp - Lower ember scalar ops to arith -----------===//
//
// Mojo's semantics, spelled out on signless arith ops: `/` truncates, `//`
// and `%` round toward negative infinity, and where Mojo leaves a result
// undefined Ember defines it: a zero `/` divisor and a negative shift count
// stop the program, shifts by the bit width or more give 0 (or the sign),
// float to integer saturates. Vectors work lane by lane: every constant
// is splat, and a check stops the program if any lane fails it.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace ember;

namespace {

/// Of a scalar type or of the lanes of a vector type.
bool isUnsigned(Type type) {
  auto intType = dyn_cast<IntegerType>(getElementTypeOrSelf(type));
  return intType && (intType.isUnsigned() || intType.getWidth() == 1);
}

bool isFloat(Type type) { return isa<FloatType>(getElementTypeOrSelf(type)); }

unsigned getLaneWidth(Type type) {
  return getElementTypeOrSelf(type).getIntOrFloatBitWidth();
}

/// `value` (of the lane type), in every lane when `type` is a vector.
Value splatConstant(OpBuilder &b, Location loc, Type type, TypedAttr value) {
  if (auto vector = dyn_cast<VectorType>(type))
    return arith::ConstantOp::create(b, loc,
                                     DenseElementsAttr::get(vector, value));
  return arith::ConstantOp::create(b, loc, value);
}

Value intConstant(OpBuilder &b, Location loc, Type type,
                  const llvm::APInt &value) {
  return splatConstant(b, loc, type,
                       IntegerAttr::get(getElementTypeOrSelf(type), value));
}

Value intConstant(OpBuilder &b, Location loc, Type type, int64_t value) {
  return splatConstant(b, loc, type,
                       IntegerAttr::get(getElementTypeOrSelf(type), value));
}

Value floatConstant(OpBuilder &b, Location loc, Type type, double value) {
  return splatConstant(b, loc, type,
                       FloatAttr::get(getElementTypeOrSelf(type), value));
}

/// A check on each lane of `condition` holds when it holds in all of them.
Value allLanes(OpBuilder &b, Location loc, Value condition) {
  if (!isa<VectorType>(condition.getType()))
    return condition;
  return vector::ReductionOp::create(b, loc, vector::CombiningKind::AND,
                                     condition);
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

struct ConstantOpLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    TypedAttr value = op.getValue();
    if (auto intAttr = dyn_cast<IntegerAttr>(value))
      value = IntegerAttr::get(type, intAttr.getValue());
    if (auto splat = dyn_cast<SplatElementsAttr>(value);
        splat && isa<IntegerType>(splat.getElementType()))
      value = DenseElementsAttr::get(
          cast<ShapedType>(type),
          IntegerAttr::get(getElementTypeOrSelf(type),
                           splat.getSplatValue<llvm::APInt>()));
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, value);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Binary arithmetic
//===----------------------------------------------------------------------===//

struct BinaryOpLowering : OpConversionPattern<BinaryOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BinaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    Value result = isFloat(op.getType())
                       ? lowerFloat(op, lhs, rhs, rewriter)
                       : lowerInteger(op, lhs, rhs, rewriter);
    if (!result)
      return rewriter.notifyMatchFailure(op, "unsupported operand type");
    rewriter.replaceOp(op, result);
    return success();
  }

  static Value lowerFloat(BinaryOp op, Value lhs, Value rhs,
                          ConversionPatternRewriter &b) {
    Location loc = op.getLoc();
    switch (op.getKind()) {
    case BinaryKind::add: return arith::AddFOp::create(b, loc, lhs, rhs);
    case BinaryKind::sub: return arith::SubFOp::create(b, loc, lhs, rhs);
    case BinaryKind::mul: return arith::MulFOp::create(b, loc, lhs, rhs);
    case BinaryKind::div: return arith::DivFOp::create(b, loc, lhs, rhs);
    case BinaryKind::pow: return math::PowFOp::create(b, loc, lhs, rhs);
    case BinaryKind::floordiv:
      // Mojo's float `//` is `floor(a / b)`.
      return math::FloorOp::create(b, loc,
                                   arith::DivFOp::create(b, loc, lhs, rhs));
    case BinaryKind::mod:
      return lowerFloatModulo(loc, lhs, rhs, b);
    default:
      return {};
    }
  }

  /// Mojo's float `%`: `a - trunc(a / b) * b`, moved into the divisor's
  /// sign when the operands' signs differ; `x % 0` is NaN.
  static Value lowerFloatModulo(Location loc, Value lhs, Value rhs,
                                ConversionPatternRewriter &b) {
    Value zero = floatConstant(b, loc, lhs.getType(), 0.0);
    auto lessThanZero = [&](Value x) -> Value {
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
    };
    Value quotient =
        math::TruncOp::create(b, loc, arith::DivFOp::create(b, loc, lhs, rhs));
    Value mod = arith::SubFOp::create(
        b, loc, lhs, arith::MulFOp::create(b, loc, quotient, rhs));
    Value signsDiffer =
        arith::XOrIOp::create(b, loc, lessThanZero(rhs), lessThanZero(lhs));
    Value nonZero =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, mod, zero);
    Value adjust = arith::AndIOp::create(b, loc, signsDiffer, nonZero);
    return arith::SelectOp::create(b, loc, adjust,
                                   arith::AddFOp::create(b, loc, mod, rhs), mod);
  }

  static Value lowerInteger(BinaryOp op, Value lhs, Value rhs,
                            ConversionPatternRewriter &b) {
    Location loc = op.getLoc();
    bool isUnsignedOp = isUnsigned(op.getType());
    switch (op.getKind()) {
    case BinaryKind::add: return arith::AddIOp::create(b, loc, lhs, rhs);
    case BinaryKind::sub: return arith::SubIOp::create(b, loc, lhs, rhs);
    case BinaryKind::mul: return arith::MulIOp::create(b, loc, lhs, rhs);
    case BinaryKind::bit_and: return arith::AndIOp::create(b, loc, lhs, rhs);
    case BinaryKind::bit_or: return arith::OrIOp::create(b, loc, lhs, rhs);
    case BinaryKind::bit_xor: return arith::XOrIOp::create(b, loc, lhs, rhs);
    case BinaryKind::div:
    case BinaryKind::floordiv:
    case BinaryKind::mod:
    case BinaryKind::rem:
      return lowerDivision(op, lhs, rhs, isUnsignedOp, b);
    case BinaryKind::pow:
      return lowerPower(op, lhs, rhs, isUnsignedOp, b);
    case BinaryKind::shl:
    case BinaryKind::shr:
      return lowerShift(op, lhs, rhs, isUnsignedOp, b);
    }
    return {};
  }

  /// Integer `/` truncates and stops the program on a zero divisor; `//`
  /// and `%` round toward negative infinity and give 0 for a zero divisor,
  /// as in Mojo. A divisor of -1 is handled apart, so that `MIN / -1` and
  /// `MIN // -1` wrap to `MIN` instead of trapping.
  static Value lowerDivision(BinaryOp op, Value lhs, Value rhs,
                             bool isUnsignedOp, ConversionPatternRewriter &b) {
    Location loc = op.getLoc();
    Type type = lhs.getType();
    BinaryKind kind = op.getKind();
    auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) -> Value {
      return arith::CmpIOp::create(b, loc, pred, x, y);
    };
    auto select = [&](Value cond, Value x, Value y) -> Value {
      return arith::SelectOp::create(b, loc, cond, x, y);
    };
    Value zero = intConstant(b, loc, type, 0);
    Value one = intConstant(b, loc, type, 1);
    Value isZero = cmp(arith::CmpIPredicate::eq, rhs, zero);
    if (kind == BinaryKind::div)
      emitRuntimeCheck(b, loc,
                       allLanes(b, loc, cmp(arith::CmpIPredicate::ne, rhs, zero)),
                       "integer division by zero");
    // The value for a zero divisor: only reached by `//`, `%` and `rem`.
    auto unlessZero = [&](Value result) {
      return kind == BinaryKind::div ? result : select(isZero, zero, result);
    };
    bool wantsRemainder = kind == BinaryKind::mod || kind == BinaryKind::rem;
    if (isUnsignedOp) {
      Value safeRhs = select(isZero, one, rhs);
      return unlessZero(
          wantsRemainder ? Value(arith::RemUIOp::create(b, loc, lhs, safeRhs))
                         : Value(arith::DivUIOp::create(b, loc, lhs, safeRhs)));
    }

    Value isMinusOne = cmp(arith::CmpIPredicate::eq, rhs,
                           intConstant(b, loc, type, -1));
    Value safeRhs = select(arith::OrIOp::create(b, loc, isZero, isMinusOne),
                           one, rhs);
    Value remainder = arith::RemSIOp::create(b, loc, lhs, safeRhs);
    if (kind == BinaryKind::rem)
      return unlessZero(remainder);
    // Round toward negative infinity: adjust when the remainder is nonzero
    // and its sign differs from the divisor's.
    Value adjust = arith::AndIOp::create(
        b, loc, cmp(arith::CmpIPredicate::ne, remainder, zero),
        cmp(arith::CmpIPredicate::slt,
            arith::XOrIOp::create(b, loc, remainder, rhs), zero));
    if (kind == BinaryKind::mod)
      return unlessZero(select(
          adjust, arith::AddIOp::create(b, loc, remainder, rhs), remainder));
    Value quotient = arith::DivSIOp::create(b, loc, lhs, safeRhs);
    if (kind == BinaryKind::floordiv)
      quotient = select(adjust, arith::SubIOp::create(b, loc, quotient, one),
                        quotient);
    Value negated = arith::SubIOp::create(b, loc, zero, lhs);
    return unlessZero(select(isMinusOne, negated, quotient));
  }

  /// Integer `**` is computed in 64 bits by the runtime, which gives Mojo's
  /// results for negative exponents; narrower results wrap.
  static Value lowerPower(BinaryOp op, Value lhs, Value rhs, bool isUnsignedOp,
                          ConversionPatternRewriter &b) {
    Location loc = op.getLoc();
    Type type = lhs.getType();
    Type i64 = b.getI64Type();
    if (isa<VectorType>(type))
      return {}; // Sema rejects an integer `**` on vectors.
    if (type != i64) {
      if (isUnsignedOp) {
        lhs = arith::ExtUIOp::create(b, loc, i64, lhs);
        rhs = arith::ExtUIOp::create(b, loc, i64, rhs);
      } else {
        lhs = arith::ExtSIOp::create(b, loc, i64, lhs);
        rhs = arith::ExtSIOp::create(b, loc, i64, rhs);
      }
    }
    StringRef fn = isUnsignedOp ? "ember_rt_pow_u64" : "ember_rt_pow_i64";
    Value result = callRuntime(b, loc, fn, i64, {lhs, rhs}).getResult(0);
    return type == i64 ? result : arith::TruncIOp::create(b, loc, type, result);
  }

  /// Shifts by at least the bit width give 0 (or the sign for a signed
  /// `>>`); a negative count stops the program.
  static Value lowerShift(BinaryOp op, Value lhs, Value rhs, bool isUnsignedOp,
                          ConversionPatternRewriter &b) {
    Location loc = op.getLoc();
    Type type = lhs.getType();
    unsigned width = getLaneWidth(type);
    Value zero = intConstant(b, loc, type, 0);
    if (!isUnsignedOp) {
      Value nonNegative =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, rhs, zero);
      emitRuntimeCheck(b, loc, allLanes(b, loc, nonNegative),
                       "negative shift count");
    }
    Value maxShift = intConstant(b, loc, type, width - 1);
    Value inRange =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ule, rhs, maxShift);
    if (op.getKind() == BinaryKind::shl) {
      Value shifted = arith::ShLIOp::create(b, loc, lhs, rhs);
      return arith::SelectOp::create(b, loc, inRange, shifted, zero);
    }
    if (isUnsignedOp) {
      Value shifted = arith::ShRUIOp::create(b, loc, lhs, rhs);
      return arith::SelectOp::create(b, loc, inRange, shifted, zero);
    }
    Value count = arith::SelectOp::create(b, loc, inRange, rhs, maxShift);
    return arith::ShRSIOp::create(b, loc, lhs, count);
  }
};

//===----------------------------------------------------------------------===//
// Unary, comparison, select
//===----------------------------------------------------------------------===//

struct UnaryOpLowering : OpConversionPattern<UnaryOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(UnaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getOperand();
    Type type = x.getType();
    if (isFloat(type)) {
      if (op.getKind() != UnaryKind::neg)
        return rewriter.notifyMatchFailure(op, "`invert` on a float");
      rewriter.replaceOpWithNewOp<arith::NegFOp>(op, x);
      return success();
    }
    if (op.getKind() == UnaryKind::neg) {
      rewriter.replaceOpWithNewOp<arith::SubIOp>(
          op, intConstant(rewriter, loc, type, 0), x);
      return success();
    }
    rewriter.replaceOpWithNewOp<arith::XOrIOp>(
        op, x, intConstant(rewriter, loc, type, -1));
    return success();
  }
};

struct CmpOpLowering : OpConversionPattern<CmpOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getLhs().getType();
    if (isa<PtrType>(type)) {
      static const LLVM::ICmpPredicate preds[] = {
          LLVM::ICmpPredicate::eq,  LLVM::ICmpPredicate::ne,
          LLVM::ICmpPredicate::ult, LLVM::ICmpPredicate::ule,
          LLVM::ICmpPredicate::ugt, LLVM::ICmpPredicate::uge};
      rewriter.replaceOpWithNewOp<LLVM::ICmpOp>(
          op, preds[static_cast<int>(op.getPredicate())], adaptor.getLhs(),
          adaptor.getRhs());
      return success();
    }
    if (isFloat(type)) {
      // Ordered comparisons, except `!=`, which is true for NaN.
      static const arith::CmpFPredicate preds[] = {
          arith::CmpFPredicate::OEQ, arith::CmpFPredicate::UNE,
          arith::CmpFPredicate::OLT, arith::CmpFPredicate::OLE,
          arith::CmpFPredicate::OGT, arith::CmpFPredicate::OGE};
      rewriter.replaceOpWithNewOp<arith::CmpFOp>(
          op, preds[static_cast<int>(op.getPredicate())], adaptor.getLhs(),
          adaptor.getRhs());
      return success();
    }
    static const arith::CmpIPredicate signedPreds[] = {
        arith::CmpIPredicate::eq,  arith::CmpIPredicate::ne,
        arith::CmpIPredicate::slt, arith::CmpIPredicate::sle,
        arith::CmpIPredicate::sgt, arith::CmpIPredicate::sge};
    static const arith::CmpIPredicate unsignedPreds[] = {
        arith::CmpIPredicate::eq,  arith::CmpIPredicate::ne,
        arith::CmpIPredicate::ult, arith::CmpIPredicate::ule,
        arith::CmpIPredicate::ugt, arith::CmpIPredicate::uge};
    auto index = static_cast<int>(op.getPredicate());
    rewriter.replaceOpWithNewOp<arith::CmpIOp>(
        op, isUnsigned(type) ? unsignedPreds[index] : signedPreds[index],
        adaptor.getLhs(), adaptor.getRhs());
    return success();
  }
};

/// `arith.select` on Ember integer types only changes its types.
struct SelectOpTypeConversion : OpConversionPattern<arith::SelectOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(arith::SelectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::SelectOp>(
        op, adaptor.getCondition(), adaptor.getTrueValue(),
        adaptor.getFalseValue());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

struct CastOpLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = op.getInput().getType();
    Type to = op.getType();
    Type target = getTypeConverter()->convertType(to);
    Value x = adaptor.getInput();
    Location loc = op.getLoc();
    Value result;
    if (isa<IndexType>(to))
      result = isUnsigned(from)
                   ? Value(arith::IndexCastUIOp::create(rewriter, loc, to, x))
                   : Value(arith::IndexCastOp::create(rewriter, loc, to, x));
    else if (getElementTypeOrSelf(to).isInteger(1))
      result = lowerToBool(rewriter, loc, x);
    else if (isFloat(from) && isFloat(to))
      result = lowerFloatToFloat(rewriter, loc, x, target);
    else if (isFloat(to))
      result = isUnsigned(from)
                   ? Value(arith::UIToFPOp::create(rewriter, loc, target, x))
                   : Value(arith::SIToFPOp::create(rewriter, loc, target, x));
    else if (isFloat(from))
      result = lowerFloatToInt(rewriter, loc, x, target, isUnsigned(to));
    else
      result = lowerIntToInt(rewriter, loc, x, target, isUnsigned(from));
    rewriter.replaceOp(op, result);
    return success();
  }

  /// `float16` and `bfloat16` have as many bits and different formats, so
  /// one converts to the other through `float32`.
  static Value lowerFloatToFloat(OpBuilder &b, Location loc, Value x,
                                 Type target) {
    unsigned from = getLaneWidth(x.getType()), to = getLaneWidth(target);
    if (from == to) {
      Type wide = b.getF32Type();
      if (auto vector = dyn_cast<VectorType>(target))
        wide = VectorType::get(vector.getShape(), wide);
      x = arith::ExtFOp::create(b, loc, wide, x);
      return arith::TruncFOp::create(b, loc, target, x);
    }
    if (from < to)
      return arith::ExtFOp::create(b, loc, target, x);
    return arith::TruncFOp::create(b, loc, target, x);
  }

  static Value lowerToBool(OpBuilder &b, Location loc, Value x) {
    Type type = x.getType();
    if (getElementTypeOrSelf(type).isInteger(1))
      return x;
    if (isFloat(type)) {
      Value zero = floatConstant(b, loc, type, 0.0);
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x, zero);
    }
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                 intConstant(b, loc, type, 0));
  }

  static Value lowerIntToInt(OpBuilder &b, Location loc, Value x, Type target,
                             bool fromUnsigned) {
    unsigned fromWidth = getLaneWidth(x.getType());
    unsigned toWidth = getLaneWidth(target);
    if (fromWidth == toWidth)
      return x;
    if (fromWidth > toWidth)
      return arith::TruncIOp::create(b, loc, target, x);
    if (fromUnsigned)
      return arith::ExtUIOp::create(b, loc, target, x);
    return arith::ExtSIOp::create(b, loc, target, x);
  }

  /// Truncates toward zero, saturating at the bounds of the target type;
  /// NaN gives 0.
  static Value lowerFloatToInt(OpBuilder &b, Location loc, Value x,
                               Type target, bool toUnsigned) {
    Type floatType = x.getType();
    unsigned width = getLaneWidth(target);
    llvm::APInt minValue = toUnsigned ? llvm::APInt::getMinValue(width)
                                      : llvm::APInt::getSignedMinValue(width);
    llvm::APInt maxValue = toUnsigned ? llvm::APInt::getMaxValue(width)
                                      : llvm::APInt::getSignedMaxValue(width);
    // Both bounds are powers of two (or zero), so they are exact floats.
    double low = toUnsigned ? 0.0 : -std::ldexp(1.0, width - 1);
    double high = std::ldexp(1.0, toUnsigned ? width : width - 1);
    auto floatConst = [&](double v) {
      return floatConstant(b, loc, floatType, v);
    };
    auto intConst = [&](const llvm::APInt &v) {
      return intConstant(b, loc, target, v);
    };
    Value converted =
        toUnsigned ? Value(arith::FPToUIOp::create(b, loc, target, x))
                   : Value(arith::FPToSIOp::create(b, loc, target, x));
    Value tooHigh = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                                          floatConst(high));
    Value tooLow = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                         floatConst(low));
    Value isNaN =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
    Value result =
        arith::SelectOp::create(b, loc, tooHigh, intConst(maxValue), converted);
    result = arith::SelectOp::create(b, loc, tooLow, intConst(minValue), result);
    return arith::SelectOp::create(b, loc, isNaN,
                                   intConst(llvm::APInt(width, 0)), result);
  }
};

} // namespace

void ember::populateEmberArithmeticPatterns(EmberTypeConverter &converter,
                                            RewritePatternSet &patterns) {
  patterns.add<ConstantOpLowering, BinaryOpLowering, UnaryOpLowering,
               CmpOpLowering, SelectOpTypeConversion, CastOpLowering>(
      converter, patterns.getContext());
}
