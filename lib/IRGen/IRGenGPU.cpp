//===- IRGenGPU.cpp - Ember AST to the ember dialect: GPU kernels ---------===//
//
// A launch becomes `ember.gpu_launch` of the kernel's function (marked
// `ember.kernel`), then the context's check for a failure. Positions in a
// kernel are `ember.gpu_index`; `global_idx.x` is computed from the block's
// index and size and the thread's index.
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

using namespace ember;

mlir::Value IRGen::emitGPUIndex(const CallExpr &e) {
  mlir::Location l = loc(e.getLoc());
  mlir::Type type = convertType(e.type);
  int64_t kind = e.lanes[0], dim = e.lanes[1];
  auto read = [&](GPUIndexKind which) -> mlir::Value {
    return GPUIndexOp::create(builder, l, type, which, dim);
  };
  if (kind < 4)
    return read(static_cast<GPUIndexKind>(kind));
  // `global_idx`: block_idx * block_dim + thread_idx.
  mlir::Value block = read(GPUIndexKind::block_idx);
  mlir::Value size = read(GPUIndexKind::block_dim);
  mlir::Value thread = read(GPUIndexKind::thread_idx);
  mlir::Value base = BinaryOp::create(builder, l, BinaryKind::mul, block, size);
  return BinaryOp::create(builder, l, BinaryKind::add, base, thread);
}

mlir::Value IRGen::emitGPULaunch(const CallExpr &e,
                                 llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  mlir::func::FuncOp kernel = functions[e.function];
  GPULaunchOp::create(builder, l, kernel.getSymName(), args[0], args[1],
                      args[2], args[3], args[4], args[5], args[6], args[7],
                      args.drop_front(8));
  // The buffers the kernel got pointers to are used after it.
  for (const Expr *buffer : e.keptAlive)
    LoadOp::create(builder, l, emitBorrow(buffer));
  // A failed launch is reported by the context.
  emitDiscarded(e.parts.front().get());
  return {};
}
