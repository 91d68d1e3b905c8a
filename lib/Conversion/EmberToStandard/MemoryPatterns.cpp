//===- MemoryPatterns.cpp - Lower stack and shared memory, and atomics ----===//
//
// `stack_allocation` is an alloca in the function's entry block, so that
// one in a loop reuses its memory. In shared memory it is a global of the
// GPU's shared address space in GPU code, and in the emulator memory the
// runtime gives each block, found by the allocation's site. Atomics are
// LLVM's `atomicrmw`: sequentially consistent on the host, relaxed on the
// GPU as CUDA's `atomicAdd` is.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"

using namespace mlir;
using namespace ember;

/// NVPTX's shared address space.
static constexpr unsigned kSharedAddressSpace = 3;

namespace {

struct StackAllocOpLowering : OpConversionPattern<StackAllocOp> {
  using OpConversionPattern::OpConversionPattern;

  /// A new module-level global, named uniquely from `name`.
  LLVM::GlobalOp createGlobal(OpBuilder &builder, Operation *user,
                              StringRef name, Type type, unsigned addrSpace,
                              bool undefined) const {
    Operation *scope = getSymbolScope(user);
    // Each allocation has its own memory, under a name of its own.
    std::string unique = name.str();
    for (unsigned n = 1; SymbolTable::lookupSymbolIn(scope, unique); ++n)
      unique = (name + "." + llvm::Twine(n)).str();
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(&scope->getRegion(0).front());
    Location loc = user->getLoc();
    auto global = LLVM::GlobalOp::create(
        builder, loc, type, /*isConstant=*/false, LLVM::Linkage::Internal,
        unique, undefined ? Attribute() : builder.getZeroAttr(type),
        /*alignment=*/16, addrSpace);
    if (undefined) {
      Block *init = builder.createBlock(&global.getInitializerRegion());
      builder.setInsertionPointToStart(init);
      LLVM::ReturnOp::create(builder, loc,
                             LLVM::UndefOp::create(builder, loc, type));
    }
    return global;
  }

  LogicalResult
  matchAndRewrite(StackAllocOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type element =
        getTypeConverter()->convertType(op.getType().getElementType());
    if (!element)
      return rewriter.notifyMatchFailure(op, "unconvertible element type");
    Location loc = op.getLoc();
    auto ptr = LLVM::LLVMPointerType::get(getContext());
    Type i64 = rewriter.getI64Type();
    int64_t count = op.getCount();
    if (!op.getShared()) {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(
          &op->getParentOfType<func::FuncOp>().getBody().front());
      Value size = LLVM::ConstantOp::create(rewriter, loc, i64, count);
      rewriter.replaceOpWithNewOp<LLVM::AllocaOp>(op, ptr, element, size, 16);
      return success();
    }
    auto array = LLVM::LLVMArrayType::get(element, count);
    if (isDeviceCode(op)) {
      LLVM::GlobalOp global = createGlobal(rewriter, op, "ember.shared", array,
                                           kSharedAddressSpace, true);
      Value shared = LLVM::AddressOfOp::create(rewriter, loc, global);
      rewriter.replaceOpWithNewOp<LLVM::AddrSpaceCastOp>(op, ptr, shared);
      return success();
    }
    // The emulator: this allocation's memory in the running block.
    LLVM::GlobalOp site = createGlobal(rewriter, op, "ember.shared_site",
                                       rewriter.getI8Type(), 0, false);
    uint64_t bytes =
        DataLayout::closest(op).getTypeSize(array).getFixedValue();
    Value memory =
        callRuntime(rewriter, loc, "ember_rt_gpu_emu_shared", ptr,
                    {LLVM::AddressOfOp::create(rewriter, loc, site),
                     LLVM::ConstantOp::create(rewriter, loc, i64,
                                              static_cast<int64_t>(bytes))})
            .getResult(0);
    rewriter.replaceOp(op, memory);
    return success();
  }
};

struct AtomicRMWOpLowering : OpConversionPattern<AtomicRMWOp> {
  using OpConversionPattern::OpConversionPattern;

  static LLVM::AtomicBinOp getBinOp(AtomicKind kind, Type type) {
    bool isFloat = isa<FloatType>(type);
    bool isUnsigned = !isFloat && cast<IntegerType>(type).isUnsigned();
    switch (kind) {
    case AtomicKind::add:
      return isFloat ? LLVM::AtomicBinOp::fadd : LLVM::AtomicBinOp::add;
    case AtomicKind::sub:
      return isFloat ? LLVM::AtomicBinOp::fsub : LLVM::AtomicBinOp::sub;
    case AtomicKind::max:
      return isFloat      ? LLVM::AtomicBinOp::fmax
             : isUnsigned ? LLVM::AtomicBinOp::umax
                          : LLVM::AtomicBinOp::max;
    case AtomicKind::min:
      return isFloat      ? LLVM::AtomicBinOp::fmin
             : isUnsigned ? LLVM::AtomicBinOp::umin
                          : LLVM::AtomicBinOp::min;
    case AtomicKind::exchange:
      return LLVM::AtomicBinOp::xchg;
    }
    llvm_unreachable("unknown atomic kind");
  }

  LogicalResult
  matchAndRewrite(AtomicRMWOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto ordering = isDeviceCode(op) ? LLVM::AtomicOrdering::monotonic
                                     : LLVM::AtomicOrdering::seq_cst;
    rewriter.replaceOpWithNewOp<LLVM::AtomicRMWOp>(
        op, getBinOp(op.getKind(), op.getValue().getType()),
        adaptor.getPointer(), adaptor.getValue(), ordering);
    return success();
  }
};

} // namespace

void ember::populateEmberMemoryPatterns(EmberTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<StackAllocOpLowering, AtomicRMWOpLowering>(
      converter, patterns.getContext());
}
