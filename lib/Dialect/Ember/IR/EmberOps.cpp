//===- EmberOps.cpp - Ember dialect operations ----------------------------===//

#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace ember;

/// `i1`, or a vector of them shaped like the vector `type`: what comparing
/// values of `type` gives.
static Type getI1SameShape(Type type) {
  auto i1 = IntegerType::get(type.getContext(), 1);
  if (auto vector = dyn_cast<VectorType>(type))
    return VectorType::get(vector.getShape(), i1);
  return i1;
}

#include "ember/Dialect/Ember/IR/EmberEnums.cpp.inc"

#define GET_OP_CLASSES
#include "ember/Dialect/Ember/IR/EmberOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  if (auto splat = dyn_cast<SplatElementsAttr>(getValue())) {
    if (!isa<IntegerAttr, FloatAttr>(splat.getSplatValue<Attribute>()))
      return emitOpError("vector value must splat an integer or float");
    return success();
  }
  if (!isa<IntegerAttr, FloatAttr>(getValue()))
    return emitOpError("value must be an integer or float attribute");
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult StringConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

//===----------------------------------------------------------------------===//
// BinaryOp / UnaryOp
//===----------------------------------------------------------------------===//

static bool isBitwise(BinaryKind kind) {
  switch (kind) {
  case BinaryKind::bit_and:
  case BinaryKind::bit_or:
  case BinaryKind::bit_xor:
  case BinaryKind::shl:
  case BinaryKind::shr:
    return true;
  default:
    return false;
  }
}

LogicalResult BinaryOp::verify() {
  Type type = getElementTypeOrSelf(getType());
  bool isFloat = isa<FloatType>(type);
  if (isFloat && isBitwise(getKind()))
    return emitOpError("`") << stringifyBinaryKind(getKind())
                            << "` needs integer operands";
  if (isFloat && getKind() == BinaryKind::rem)
    return emitOpError("`rem` needs integer operands");
  if (type.isInteger(1) && getKind() != BinaryKind::bit_and &&
      getKind() != BinaryKind::bit_or && getKind() != BinaryKind::bit_xor)
    return emitOpError("`i1` operands only allow bitwise and/or/xor");
  return success();
}

/// Integer `/` and shifts check their operands at run time, so they must
/// not be hoisted past the code that guards them.
Speculation::Speculatability BinaryOp::getSpeculatability() {
  if (isa<FloatType>(getElementTypeOrSelf(getType())))
    return Speculation::Speculatable;
  switch (getKind()) {
  case BinaryKind::div:
  case BinaryKind::shl:
  case BinaryKind::shr:
    return Speculation::NotSpeculatable;
  default:
    return Speculation::Speculatable;
  }
}

LogicalResult UnaryOp::verify() {
  Type type = getElementTypeOrSelf(getType());
  if (getKind() == UnaryKind::invert && isa<FloatType>(type))
    return emitOpError("`invert` needs an integer operand");
  if (getKind() == UnaryKind::neg && type.isInteger(1))
    return emitOpError("`neg` is not defined on `i1`");
  return success();
}

//===----------------------------------------------------------------------===//
// CmpOp
//===----------------------------------------------------------------------===//

namespace {
/// `a mod b ==/!= 0` becomes `a rem b ==/!= 0`: a floored remainder is zero
/// exactly when the truncated one is, and the latter needs no sign fix-up.
struct CompareModuloWithZero : OpRewritePattern<CmpOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CmpOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getPredicate() != CmpPredicate::eq &&
        op.getPredicate() != CmpPredicate::ne)
      return failure();
    auto mod = op.getLhs().getDefiningOp<BinaryOp>();
    if (!mod || mod.getKind() != BinaryKind::mod ||
        !isa<IntegerType>(mod.getType()))
      return failure();
    auto zero = op.getRhs().getDefiningOp<ConstantOp>();
    auto zeroAttr = zero ? dyn_cast<IntegerAttr>(zero.getValue()) : nullptr;
    if (!zeroAttr || !zeroAttr.getValue().isZero())
      return failure();
    Value rem = BinaryOp::create(rewriter, mod.getLoc(), BinaryKind::rem,
                                 mod.getLhs(), mod.getRhs());
    rewriter.modifyOpInPlace(op, [&] { op.getLhsMutable().assign(rem); });
    return success();
  }
};
} // namespace

void CmpOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<CompareModuloWithZero>(context);
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  auto from = dyn_cast<VectorType>(getInput().getType());
  auto to = dyn_cast<VectorType>(getType());
  if (static_cast<bool>(from) != static_cast<bool>(to) ||
      (from && from.getShape() != to.getShape()))
    return emitOpError("converts a vector only to one of as many lanes");
  return success();
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// LoadLanesOp / StoreLanesOp
//===----------------------------------------------------------------------===//

static LogicalResult verifyLanes(Operation *op, VectorType vector,
                                 PtrType pointer) {
  if (vector.getElementType() != pointer.getElementType())
    return op->emitOpError("lanes of ")
           << vector.getElementType() << " through a pointer to "
           << pointer.getElementType();
  return success();
}

LogicalResult LoadLanesOp::verify() {
  return verifyLanes(*this, getType(), getPointer().getType());
}

LogicalResult StoreLanesOp::verify() {
  return verifyLanes(*this, getValue().getType(), getPointer().getType());
}

//===----------------------------------------------------------------------===//
// ParallelOp
//===----------------------------------------------------------------------===//

LogicalResult ParallelOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getCaptures().size() + 1 ||
      body.getArgument(0).getType() != getCount().getType())
    return emitOpError("body takes the index, then one value per capture");
  for (auto [capture, arg] :
       llvm::zip(getCaptures(), body.getArguments().drop_front()))
    if (capture.getType() != arg.getType())
      return emitOpError("capture of ") << capture.getType()
                                         << " given to an argument of "
                                         << arg.getType();
  return success();
}

//===----------------------------------------------------------------------===//
// GPU ops
//===----------------------------------------------------------------------===//

LogicalResult
GPULaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto kernel =
      symbolTable.lookupNearestSymbolFrom<func::FuncOp>(*this, getKernelAttr());
  if (!kernel)
    return emitOpError("launches ") << getKernelAttr()
                                    << ", which is not a function";
  if (!kernel->hasAttr("ember.kernel"))
    return emitOpError("launches ") << getKernelAttr()
                                    << ", which is not marked ember.kernel";
  FunctionType type = kernel.getFunctionType();
  if (type.getNumResults() != 0 || !llvm::equal(type.getInputs(), getArgs().getTypes()))
    return emitOpError("passes ")
           << getArgs().getTypes() << " to a kernel of type " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// Struct ops
//===----------------------------------------------------------------------===//

/// The type of field `index` of `type`, which must be a struct.
static FailureOr<Type> getFieldType(Operation *op, Type type, int64_t index) {
  auto structType = dyn_cast<StructValueType>(type);
  if (!structType)
    return op->emitOpError("needs a struct, not ") << type;
  if (index < 0 || index >= static_cast<int64_t>(structType.getFields().size()))
    return op->emitOpError("field index ")
           << index << " is out of range for " << type;
  return structType.getFields()[index];
}

LogicalResult FailFormatOp::verify() {
  size_t holes = 0;
  for (size_t at = getFormat().find("{}"); at != llvm::StringRef::npos;
       at = getFormat().find("{}", at + 2))
    ++holes;
  if (holes != getValues().size())
    return emitOpError("has ") << holes << " `{}` in its format for "
                               << getValues().size() << " values";
  return success();
}

LogicalResult FieldRefOp::verify() {
  FailureOr<Type> field = getFieldType(
      *this, getBase().getType().getElementType(), getIndex());
  if (failed(field))
    return failure();
  if (getResult().getType().getElementType() != *field)
    return emitOpError("result must be a ref to the field type ") << *field;
  return success();
}

LogicalResult ExtractOp::verify() {
  FailureOr<Type> field = getFieldType(*this, getValue().getType(), getIndex());
  if (failed(field))
    return failure();
  if (getResult().getType() != *field)
    return emitOpError("result must have the field type ") << *field;
  return success();
}
