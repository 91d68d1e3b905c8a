//===- StructPatterns.cpp - Lower struct values and field access ----------===//
//
// A struct value becomes a literal LLVM struct of its converted fields; a
// field of a struct in storage is reached with a GEP, a field of a value
// with `extractvalue`. Destroying a value in storage calls its destructor
// with the value.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace ember;

namespace {

struct FieldRefOpLowering : OpConversionPattern<FieldRefOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FieldRefOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type structType = getTypeConverter()->convertType(
        op.getBase().getType().getElementType());
    if (!structType)
      return rewriter.notifyMatchFailure(op, "unconvertible struct type");
    int32_t index = static_cast<int32_t>(op.getIndex());
    rewriter.replaceOpWithNewOp<LLVM::GEPOp>(
        op, LLVM::LLVMPointerType::get(getContext()), structType,
        adaptor.getBase(), ArrayRef<LLVM::GEPArg>{0, index},
        LLVM::GEPNoWrapFlags::inbounds);
    return success();
  }
};

struct ExtractOpLowering : OpConversionPattern<ExtractOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExtractOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ExtractValueOp>(
        op, adaptor.getValue(),
        ArrayRef<int64_t>{static_cast<int64_t>(op.getIndex())});
    return success();
  }
};

struct ZeroOpLowering : OpConversionPattern<ZeroOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return rewriter.notifyMatchFailure(op, "unconvertible struct type");
    rewriter.replaceOpWithNewOp<LLVM::ZeroOp>(op, type);
    return success();
  }
};

struct DestroyOpLowering : OpConversionPattern<DestroyOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DestroyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(
        op.getRef().getType().getElementType());
    if (!type)
      return rewriter.notifyMatchFailure(op, "unconvertible struct type");
    Value value =
        LLVM::LoadOp::create(rewriter, op.getLoc(), type, adaptor.getRef());
    rewriter.replaceOpWithNewOp<func::CallOp>(op, op.getDestructor(),
                                              TypeRange{}, value);
    return success();
  }
};

} // namespace

void ember::populateEmberStructPatterns(EmberTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<FieldRefOpLowering, ExtractOpLowering, ZeroOpLowering,
               DestroyOpLowering>(
      converter, patterns.getContext());
}
