//===- IRGenSIMD.cpp - Ember AST to the ember dialect: SIMD vectors -------===//
//
// A `SIMD[dtype, w]` value is a `vector<w x T>`. Arithmetic, comparisons and
// conversions are the ember ops, which work lane by lane; building,
// reading and rearranging lanes uses the vector dialect directly, on
// Ember's lane types (the lowering only changes those types).
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace ember;

/// Zero in every lane of `type`.
mlir::Value IRGen::emitVectorZero(mlir::VectorType type, mlir::Location l) {
  mlir::Type element = type.getElementType();
  mlir::TypedAttr zero =
      llvm::isa<mlir::FloatType>(element)
          ? mlir::TypedAttr(builder.getFloatAttr(element, 0.0))
          : mlir::TypedAttr(builder.getIntegerAttr(element, 0));
  return ConstantOp::create(builder, l,
                            mlir::DenseElementsAttr::get(type, zero));
}

/// A conversion that involves a vector: a scalar is converted to the lane
/// type and splat; a vector converts lane by lane; a vector is true when
/// any lane is nonzero, as Mojo's `SIMD.__bool__` is.
mlir::Value IRGen::emitVectorCast(mlir::Value value, mlir::Type to,
                                  mlir::Location l) {
  auto toVector = llvm::dyn_cast<mlir::VectorType>(to);
  if (!llvm::isa<mlir::VectorType>(value.getType())) {
    mlir::Value lane = emitCast(value, toVector.getElementType(), l);
    return mlir::vector::BroadcastOp::create(builder, l, toVector, lane);
  }
  if (toVector)
    return CastOp::create(builder, l, to, value);
  auto vector = llvm::cast<mlir::VectorType>(value.getType());
  mlir::Value nonZero = CmpOp::create(builder, l, CmpPredicate::ne, value,
                                      emitVectorZero(vector, l));
  mlir::Value any = emitReduction(mlir::vector::CombiningKind::OR, nonZero, l);
  return emitCast(any, to, l);
}

mlir::Value IRGen::emitReduction(mlir::vector::CombiningKind kind,
                                 mlir::Value vector, mlir::Location l) {
  return mlir::vector::ReductionOp::create(builder, l, kind, vector);
}

/// The combining kind of a reduction of lanes of type `lane`.
static mlir::vector::CombiningKind getCombiningKind(Builtin builtin,
                                                    mlir::Type lane) {
  using Kind = mlir::vector::CombiningKind;
  bool isFloat = llvm::isa<mlir::FloatType>(lane);
  bool isUnsigned = lane.isUnsignedInteger() || lane.isInteger(1);
  switch (builtin) {
  case Builtin::ReduceAdd: return Kind::ADD;
  case Builtin::ReduceMul: return Kind::MUL;
  case Builtin::ReduceAnd: return Kind::AND;
  case Builtin::ReduceOr: return Kind::OR;
  case Builtin::ReduceMin:
    return isFloat ? Kind::MINNUMF : isUnsigned ? Kind::MINUI : Kind::MINSI;
  case Builtin::ReduceMax:
    return isFloat ? Kind::MAXNUMF : isUnsigned ? Kind::MAXUI : Kind::MAXSI;
  default:
    llvm_unreachable("not a reduction");
  }
}

mlir::Value IRGen::emitSIMDBuiltin(const CallExpr &e,
                                   llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  mlir::Type type = convertType(e.type);
  switch (e.builtin) {
  case Builtin::SIMDBuild:
    if (args.empty())
      return emitZero(type, l);
    return mlir::vector::FromElementsOp::create(
        builder, l, llvm::cast<mlir::VectorType>(type), args);
  case Builtin::SIMDExtract: {
    if (!llvm::isa<mlir::VectorType>(args[0].getType()))
      return args[0]; // A scalar's lane, its index checked.
    mlir::Value index = emitCast(args[1], builder.getIndexType(), l);
    return mlir::vector::ExtractOp::create(builder, l, args[0],
                                           mlir::OpFoldResult(index));
  }
  case Builtin::SIMDInsert: {
    if (!llvm::isa<mlir::VectorType>(args[0].getType()))
      return args[2];
    mlir::Value index = emitCast(args[1], builder.getIndexType(), l);
    return mlir::vector::InsertOp::create(builder, l, args[2], args[0],
                                          mlir::OpFoldResult(index));
  }
  case Builtin::ReduceAdd:
  case Builtin::ReduceMul:
  case Builtin::ReduceMin:
  case Builtin::ReduceMax:
  case Builtin::ReduceAnd:
  case Builtin::ReduceOr: {
    auto vector = llvm::cast<mlir::VectorType>(args[0].getType());
    return emitReduction(getCombiningKind(e.builtin, vector.getElementType()),
                         args[0], l);
  }
  case Builtin::SIMDShuffle: {
    mlir::Value other = args.size() > 1 ? args[1] : args[0];
    auto result = mlir::vector::ShuffleOp::create(builder, l, args[0], other,
                                                  e.lanes);
    // A one-lane result is a scalar.
    if (!llvm::isa<mlir::VectorType>(type))
      return mlir::vector::ExtractOp::create(builder, l, result,
                                             llvm::ArrayRef<int64_t>{0});
    return result;
  }
  case Builtin::SIMDSelect:
    return mlir::arith::SelectOp::create(builder, l, args[0], args[1],
                                         args[2]);
  case Builtin::Fma:
    return mlir::math::FmaOp::create(builder, l, args[0], args[1], args[2]);
  default:
    llvm_unreachable("not a SIMD builtin");
  }
}
