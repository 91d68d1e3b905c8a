//===- PointerPatterns.cpp - Lower pointers and heap memory ---------------===//
//
// A pointer is an LLVM pointer; an element or an offset is a GEP over the
// element type. Heap memory comes from the runtime's allocator, which stops
// the program when memory runs out. A string literal's bytes and length
// are the two halves of its `{ptr, i64}`.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"

using namespace mlir;
using namespace ember;

namespace {

Type getPointerType(MLIRContext *context) {
  return LLVM::LLVMPointerType::get(context);
}

/// The address `index` elements after `base`.
Value createElementAddress(OpBuilder &builder, Location loc, Type element,
                           Value base, Value index) {
  return LLVM::GEPOp::create(builder, loc, getPointerType(builder.getContext()),
                             element, base, ArrayRef<LLVM::GEPArg>{index});
}

/// The size in bytes of `count` elements: the address of element `count` of
/// a null pointer.
Value createByteCount(OpBuilder &builder, Location loc, Type element,
                      Value count) {
  Value null =
      LLVM::ZeroOp::create(builder, loc, getPointerType(builder.getContext()));
  Value end = createElementAddress(builder, loc, element, null, count);
  return LLVM::PtrToIntOp::create(builder, loc, builder.getI64Type(), end);
}

/// The alignment of one lane of `vector`: all a vector access through a
/// pointer may assume.
unsigned getLaneAlignment(Type vector) {
  return cast<VectorType>(vector).getElementType().getIntOrFloatBitWidth() / 8;
}

struct LoadLanesOpLowering : OpConversionPattern<LoadLanesOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LoadLanesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, type, adaptor.getPointer(),
                                              getLaneAlignment(type));
    return success();
  }
};

struct StoreLanesOpLowering : OpConversionPattern<StoreLanesOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StoreLanesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value value = adaptor.getValue();
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(
        op, value, adaptor.getPointer(), getLaneAlignment(value.getType()));
    return success();
  }
};

struct AllocOpLowering : OpConversionPattern<AllocOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(AllocOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type element = getTypeConverter()->convertType(op.getType().getElementType());
    if (!element)
      return rewriter.notifyMatchFailure(op, "unconvertible element type");
    Location loc = op.getLoc();
    Value bytes = createByteCount(rewriter, loc, element, adaptor.getCount());
    // `malloc` aligns for scalars; wider vectors, and code that asks for
    // it, need more.
    uint64_t alignment = std::max<uint64_t>(
        DataLayout::closest(op).getTypeABIAlignment(element),
        op.getAlignment().value_or(1));
    Value memory =
        alignment <= 16
            ? callRuntime(rewriter, loc, "ember_rt_alloc",
                          getPointerType(getContext()), bytes)
                  .getResult(0)
            : callRuntime(rewriter, loc, "ember_rt_alloc_aligned",
                          getPointerType(getContext()),
                          {bytes, LLVM::ConstantOp::create(
                                      rewriter, loc, rewriter.getI64Type(),
                                      static_cast<int64_t>(alignment))})
                  .getResult(0);
    rewriter.replaceOp(op, memory);
    return success();
  }
};

struct FreeOpLowering : OpConversionPattern<FreeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FreeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op.getLoc(), "ember_rt_free", {},
                adaptor.getPointer());
    rewriter.eraseOp(op);
    return success();
  }
};

struct NullOpLowering : OpConversionPattern<NullOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(NullOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ZeroOp>(op, getPointerType(getContext()));
    return success();
  }
};

/// `ember.ptr_offset` and `ember.ptr_element` are both a GEP.
template <typename Op> struct AddressOpLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto pointerType = llvm::cast<PtrType>(op.getPointer().getType());
    Type element =
        this->getTypeConverter()->convertType(pointerType.getElementType());
    if (!element)
      return rewriter.notifyMatchFailure(op, "unconvertible element type");
    Value index = adaptor.getOperands()[1];
    rewriter.replaceOp(op, createElementAddress(rewriter, op.getLoc(), element,
                                                adaptor.getPointer(), index));
    return success();
  }
};

/// `ember.ptr_cast`, `ember.address_of` and `ember.derived_ref` keep the
/// address.
template <typename Op> struct SameAddressLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperands()[0]);
    return success();
  }
};

struct PtrToIntOpLowering : OpConversionPattern<PtrToIntOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PtrToIntOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::PtrToIntOp>(op, rewriter.getI64Type(),
                                                  adaptor.getPointer());
    return success();
  }
};

struct CopyMemoryOpLowering : OpConversionPattern<CopyMemoryOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CopyMemoryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type element = getTypeConverter()->convertType(
        op.getDest().getType().getElementType());
    if (!element)
      return rewriter.notifyMatchFailure(op, "unconvertible element type");
    Value bytes =
        createByteCount(rewriter, op.getLoc(), element, adaptor.getCount());
    rewriter.replaceOpWithNewOp<LLVM::MemcpyOp>(
        op, adaptor.getDest(), adaptor.getSource(), bytes, /*isVolatile=*/false);
    return success();
  }
};

/// Field `index` of a lowered `!ember.str`.
template <typename Op, int64_t index>
struct StrPartLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ExtractValueOp>(
        op, adaptor.getString(), ArrayRef<int64_t>{index});
    return success();
  }
};

struct MakeStrOpLowering : OpConversionPattern<MakeStrOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MakeStrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    Location loc = op.getLoc();
    Value str = LLVM::UndefOp::create(rewriter, loc, type);
    str = LLVM::InsertValueOp::create(rewriter, loc, str, adaptor.getData(),
                                      ArrayRef<int64_t>{0});
    str = LLVM::InsertValueOp::create(rewriter, loc, str, adaptor.getLength(),
                                      ArrayRef<int64_t>{1});
    rewriter.replaceOp(op, str);
    return success();
  }
};

} // namespace

void ember::populateEmberPointerPatterns(EmberTypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns.add<AllocOpLowering, FreeOpLowering, NullOpLowering,
               LoadLanesOpLowering, StoreLanesOpLowering,
               AddressOpLowering<PtrOffsetOp>, AddressOpLowering<PtrElementOp>,
               SameAddressLowering<PtrCastOp>,
               SameAddressLowering<AddressOfOp>,
               SameAddressLowering<DerivedRefOp>, PtrToIntOpLowering,
               CopyMemoryOpLowering,
               StrPartLowering<StrDataOp, 0>, StrPartLowering<StrLengthOp, 1>,
               MakeStrOpLowering>(converter, patterns.getContext());
}
