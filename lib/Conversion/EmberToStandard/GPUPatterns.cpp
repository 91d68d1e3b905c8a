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
      case GPUIndexKind::lane_id:
        index = gpu::LaneIdOp::create(rewriter, loc, /*upper_bound=*/nullptr);
        break;
      }
      rewriter.replaceOpWithNewOp<arith::IndexCastUIOp>(op, i64, index);
      return success();
    }
    // The emulator's positions, each x, y, z, then the lane.
    auto array = LLVM::LLVMArrayType::get(i64, 13);
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

/// A shuffle moves 32-bit words: a smaller number travels zero-extended,
/// a 64-bit one as two words. The emulator moves 64 bits at once.
struct GPUShuffleOpLowering : OpConversionPattern<GPUShuffleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GPUShuffleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value value = adaptor.getValue();
    Type type = value.getType();
    unsigned bits = type.getIntOrFloatBitWidth();
    Type word = rewriter.getIntegerType(bits);
    if (isa<FloatType>(type))
      value = LLVM::BitcastOp::create(rewriter, loc, word, value);
    Value moved;
    if (isDeviceCode(op)) {
      moved = shuffleOnDevice(rewriter, op, value, adaptor.getOperand());
    } else {
      Type i64 = rewriter.getI64Type();
      Value wide = bits < 64 ? LLVM::ZExtOp::create(rewriter, loc, i64, value)
                             : value;
      Value operand =
          LLVM::ZExtOp::create(rewriter, loc, i64, adaptor.getOperand());
      Value kind = LLVM::ConstantOp::create(
          rewriter, loc, i64, static_cast<int64_t>(op.getKind()));
      moved = callRuntime(rewriter, loc, "ember_rt_gpu_emu_shuffle", i64,
                          {wide, operand, kind})
                  .getResult(0);
      if (bits < 64)
        moved = LLVM::TruncOp::create(rewriter, loc, word, moved);
    }
    if (isa<FloatType>(type))
      moved = LLVM::BitcastOp::create(rewriter, loc, type, moved);
    rewriter.replaceOp(op, moved);
    return success();
  }

  static Value shuffleOnDevice(OpBuilder &b, GPUShuffleOp op, Value bits,
                               Value operand) {
    Location loc = op.getLoc();
    Type i32 = b.getI32Type();
    unsigned width = bits.getType().getIntOrFloatBitWidth();
    Value warp = arith::ConstantIntOp::create(b, loc, 32, 32);
    gpu::ShuffleMode mode = gpu::ShuffleMode::IDX;
    switch (op.getKind()) {
    case GPUShuffleKind::idx:
      break;
    case GPUShuffleKind::up:
      mode = gpu::ShuffleMode::UP;
      break;
    case GPUShuffleKind::down:
      mode = gpu::ShuffleMode::DOWN;
      break;
    case GPUShuffleKind::xor_:
      mode = gpu::ShuffleMode::XOR;
      break;
    }
    auto shuffleWord = [&](Value w) -> Value {
      return gpu::ShuffleOp::create(b, loc, w, operand, warp, mode)
          .getShuffleResult();
    };
    if (width <= 32) {
      Value w = width < 32 ? LLVM::ZExtOp::create(b, loc, i32, bits) : bits;
      Value moved = shuffleWord(w);
      return width < 32 ? LLVM::TruncOp::create(b, loc, bits.getType(), moved)
                        : moved;
    }
    Type i64 = b.getI64Type();
    Value low = shuffleWord(LLVM::TruncOp::create(b, loc, i32, bits));
    Value shift = LLVM::ConstantOp::create(b, loc, i64, 32);
    Value high = shuffleWord(LLVM::TruncOp::create(
        b, loc, i32, LLVM::LShrOp::create(b, loc, bits, shift)));
    Value joined = LLVM::OrOp::create(
        b, loc, LLVM::ZExtOp::create(b, loc, i64, low),
        LLVM::ShlOp::create(b, loc, LLVM::ZExtOp::create(b, loc, i64, high),
                            shift));
    return joined;
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
  patterns.add<GPUIndexOpLowering, GPUShuffleOpLowering, GPUBarrierOpLowering,
               GPULaunchOpLowering,
               DeviceSqrtLowering>(converter, patterns.getContext());
}
