//===- GPUPatterns.cpp - Lower Ember's GPU ops ----------------------------===//
//
// In a `gpu.module` (the kernels compiled for the GPU), positions become
// the `gpu` dialect's `thread_id` and friends and `barrier()` its
// `gpu.barrier`, which `convert-gpu-to-nvvm` then lowers. On the host,
// where the same kernels run in the emulator, positions are read from the
// emulator's thread-local `ember_rt_gpu_emu_ids` and a barrier suspends
// the emulated thread. A launch becomes a call of `ember_rt_gpu_launch`
// with the kernel's name (as the GPU module knows it), the program's GPU
// image, a function that runs the kernel's host version with arguments
// unpacked from an array of pointers, and that array.
//
//===----------------------------------------------------------------------===//

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "RuntimeCalls.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace ember;

std::string ember::getKernelDeviceName(StringRef symbol) {
  std::string name;
  for (char c : symbol)
    name += llvm::isAlnum(c) ? c : '_';
  return name;
}

/// The module-level LLVM global `name`, made by `make` if missing.
static LLVM::GlobalOp
getOrCreateGlobal(OpBuilder &builder, Operation *user, StringRef name,
                  llvm::function_ref<LLVM::GlobalOp(OpBuilder &)> make) {
  Operation *scope = getSymbolScope(user);
  if (auto global = dyn_cast_or_null<LLVM::GlobalOp>(
          SymbolTable::lookupSymbolIn(scope, name)))
    return global;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&scope->getRegion(0).front());
  return make(builder);
}

namespace {

struct GPUIndexOpLowering : OpConversionPattern<GPUIndexOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GPUIndexOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    int64_t dim = op.getDim();
    if (isDeviceCode(op)) {
      auto dimension = static_cast<gpu::Dimension>(dim);
      Value index;
      switch (op.getKind()) {
      case GPUIndexKind::thread_idx:
        index = gpu::ThreadIdOp::create(rewriter, loc, dimension);
        break;
      case GPUIndexKind::block_idx:
        index = gpu::BlockIdOp::create(rewriter, loc, dimension);
        break;
      case GPUIndexKind::block_dim:
        index = gpu::BlockDimOp::create(rewriter, loc, dimension);
        break;
      case GPUIndexKind::grid_dim:
        index = gpu::GridDimOp::create(rewriter, loc, dimension);
        break;
      }
      rewriter.replaceOpWithNewOp<arith::IndexCastUIOp>(op, i64, index);
      return success();
    }
    auto array = LLVM::LLVMArrayType::get(i64, 12);
    LLVM::GlobalOp ids = getOrCreateGlobal(
        rewriter, op, "ember_rt_gpu_emu_ids", [&](OpBuilder &builder) {
          return LLVM::GlobalOp::create(
              builder, loc, array, /*isConstant=*/false,
              LLVM::Linkage::External, "ember_rt_gpu_emu_ids", Attribute(),
              /*alignment=*/8, /*addrSpace=*/0, /*dsoLocal=*/false,
              /*thread_local_=*/true);
        });
    Value base = LLVM::AddressOfOp::create(rewriter, loc, ids);
    int32_t slot = static_cast<int32_t>(op.getKind()) * 3 + dim;
    Value address = LLVM::GEPOp::create(
        rewriter, loc, LLVM::LLVMPointerType::get(getContext()), array, base,
        ArrayRef<LLVM::GEPArg>{0, slot});
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, i64, address);
    return success();
  }
};

struct GPUBarrierOpLowering : OpConversionPattern<GPUBarrierOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GPUBarrierOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (isDeviceCode(op))
      gpu::BarrierOp::create(rewriter, op.getLoc());
    else
      callRuntime(rewriter, op.getLoc(), "ember_rt_gpu_emu_barrier", {}, {});
    rewriter.eraseOp(op);
    return success();
  }
};

struct GPULaunchOpLowering : OpConversionPattern<GPULaunchOp> {
  using OpConversionPattern::OpConversionPattern;

  /// `void <kernel>.emulated(ptr params)`: loads each argument through
  /// its pointer and calls the kernel.
  LLVM::LLVMFuncOp getEmulatedKernel(OpBuilder &builder, GPULaunchOp op,
                                     TypeRange argTypes) const {
    auto module = op->getParentOfType<ModuleOp>();
    std::string name = (op.getKernel() + ".emulated").str();
    if (auto existing = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
      return existing;
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module.getBody());
    Location loc = op.getLoc();
    auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
    auto fn = LLVM::LLVMFuncOp::create(
        builder, loc, name,
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(getContext()),
                                    {ptr}),
        LLVM::Linkage::Internal);
    Block *entry = fn.addEntryBlock(builder);
    builder.setInsertionPointToStart(entry);
    SmallVector<Value> args;
    for (auto [i, type] : llvm::enumerate(argTypes)) {
      Value slot = LLVM::GEPOp::create(builder, loc, ptr, ptr,
                                       entry->getArgument(0),
                                       ArrayRef<LLVM::GEPArg>{int32_t(i)});
      Value address = LLVM::LoadOp::create(builder, loc, ptr, slot);
      args.push_back(LLVM::LoadOp::create(builder, loc, type, address));
    }
    func::CallOp::create(builder, loc, op.getKernel(), TypeRange{}, args);
    LLVM::ReturnOp::create(builder, loc, ValueRange{});
    return fn;
  }

  /// The program's GPU code, which the driver fills in once it is built;
  /// a lone NUL byte means there is none.
  Value getImage(OpBuilder &builder, GPULaunchOp op) const {
    Location loc = op.getLoc();
    LLVM::GlobalOp image = getOrCreateGlobal(
        builder, op, kGPUImageSymbol, [&](OpBuilder &b) {
          auto type = LLVM::LLVMArrayType::get(b.getI8Type(), 1);
          return LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                        LLVM::Linkage::Internal,
                                        kGPUImageSymbol,
                                        b.getStringAttr(StringRef("\0", 1)));
        });
    return LLVM::AddressOfOp::create(builder, loc, image);
  }

  LogicalResult
  matchAndRewrite(GPULaunchOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto ptr = LLVM::LLVMPointerType::get(getContext());
    Type i64 = rewriter.getI64Type();
    ValueRange args = adaptor.getArgs();

    // The argument array and each argument's slot live in the entry block,
    // so that a launch in a loop does not grow the stack.
    Value count, array;
    SmallVector<Value> slots;
    {
      OpBuilder::InsertionGuard guard(rewriter);
      Block &entry = op->getParentOfType<func::FuncOp>().getBody().front();
      rewriter.setInsertionPointToStart(&entry);
      Value one = LLVM::ConstantOp::create(rewriter, loc, i64, int64_t(1));
      count = LLVM::ConstantOp::create(
          rewriter, loc, i64, static_cast<int64_t>(std::max<size_t>(1, args.size())));
      array = LLVM::AllocaOp::create(rewriter, loc, ptr, ptr, count);
      for (Value arg : args)
        slots.push_back(
            LLVM::AllocaOp::create(rewriter, loc, ptr, arg.getType(), one));
    }
    for (auto [i, arg] : llvm::enumerate(args)) {
      LLVM::StoreOp::create(rewriter, loc, arg, slots[i]);
      Value entry = LLVM::GEPOp::create(rewriter, loc, ptr, ptr, array,
                                        ArrayRef<LLVM::GEPArg>{int32_t(i)});
      LLVM::StoreOp::create(rewriter, loc, slots[i], entry);
    }

    std::string name = getKernelDeviceName(op.getKernel());
    Value nameValue = LLVM::ExtractValueOp::create(
        rewriter, loc, createStringValue(rewriter, loc, name),
        ArrayRef<int64_t>{0});
    LLVM::LLVMFuncOp emulated =
        getEmulatedKernel(rewriter, op, args.getTypes());
    Value emulatedAddress = LLVM::AddressOfOp::create(rewriter, loc, emulated);
    callRuntime(rewriter, loc, "ember_rt_gpu_launch", {},
                {adaptor.getHandle(), nameValue, getImage(rewriter, op),
                 emulatedAddress, adaptor.getGridX(), adaptor.getGridY(),
                 adaptor.getGridZ(), adaptor.getBlockX(), adaptor.getBlockY(),
                 adaptor.getBlockZ(), adaptor.getShared(), array});
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

/// The NVVM intrinsic of a correctly rounded `math.sqrt` of `type` (`f32`
/// or `f64`), or null. The GPU lowering would call libdevice's
/// `__nv_sqrtf`, an approximation unless built for precise square roots.
const char *ember::getDeviceSqrtIntrinsic(Type type) {
  if (type.isF32())
    return "llvm.nvvm.sqrt.rn.f";
  if (type.isF64())
    return "llvm.nvvm.sqrt.rn.d";
  return nullptr;
}

/// `math.sqrt` in device code: `sqrt.rn`, as exact as the CPU's.
struct DeviceSqrtLowering : OpConversionPattern<math::SqrtOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(math::SqrtOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const char *intrinsic = getDeviceSqrtIntrinsic(op.getType());
    if (!intrinsic || !isDeviceCode(op))
      return failure();
    rewriter.replaceOpWithNewOp<LLVM::CallIntrinsicOp>(
        op, op.getType(), rewriter.getStringAttr(intrinsic),
        ValueRange{adaptor.getOperand()});
    return success();
  }
};

void ember::populateEmberGPUPatterns(EmberTypeConverter &converter,
                                     RewritePatternSet &patterns) {
  patterns.add<GPUIndexOpLowering, GPUBarrierOpLowering, GPULaunchOpLowering,
               DeviceSqrtLowering>(converter, patterns.getContext());
}
