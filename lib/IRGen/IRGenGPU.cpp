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
  if (kind == 5)
    return read(GPUIndexKind::lane_id);
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

/// The kernel `(count, captures...)` that runs `work`'s items: each thread
/// calls `work(i, captures...)` for `i` its global index, then every
/// `grid * block`th item after it.
mlir::func::FuncOp IRGen::getParallelKernel(const FnDecl &work,
                                            mlir::TypeRange captures,
                                            mlir::Location l) {
  mlir::func::FuncOp &kernel = parallelKernels[&work];
  if (kernel)
    return kernel;
  mlir::func::FuncOp workFn = functions[&work];
  mlir::Type intType = builder.getIntegerType(64, /*isSigned=*/true);
  llvm::SmallVector<mlir::Type> params{intType};
  llvm::append_range(params, captures);
  mlir::OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(moduleOp.getBody());
  kernel = mlir::func::FuncOp::create(
      builder, l, getUniqueSymbol(workFn.getSymName().str() + ".gpu"),
      builder.getFunctionType(params, {}));
  kernel.setPrivate();
  kernel->setAttr("ember.kernel", builder.getUnitAttr());
  mlir::func::FuncOp caller = currentFn;
  currentFn = kernel;
  mlir::Block *entry = kernel.addEntryBlock();
  builder.setInsertionPointToStart(entry);

  // A capture `work` takes by reference is this thread's copy.
  llvm::SmallVector<mlir::Value> passed{mlir::Value()};
  for (auto [arg, type] : llvm::zip(llvm::drop_begin(entry->getArguments()),
                                    llvm::drop_begin(
                                        workFn.getFunctionType().getInputs()))) {
    if (!llvm::isa<RefType>(type)) {
      passed.push_back(arg);
      continue;
    }
    mlir::Value copy = createSlot(arg.getType(), "capture", l);
    StoreOp::create(builder, l, arg, copy);
    passed.push_back(copy);
  }
  mlir::Type uintType = builder.getIntegerType(64, /*isSigned=*/false);
  auto read = [&](GPUIndexKind which) -> mlir::Value {
    return GPUIndexOp::create(builder, l, uintType, which, 0);
  };
  auto product = [&](mlir::Value a, mlir::Value b) -> mlir::Value {
    return BinaryOp::create(builder, l, BinaryKind::mul, a, b);
  };
  mlir::Value first = BinaryOp::create(
      builder, l, BinaryKind::add,
      product(read(GPUIndexKind::block_idx), read(GPUIndexKind::block_dim)),
      read(GPUIndexKind::thread_idx));
  mlir::Value stride =
      product(read(GPUIndexKind::block_dim), read(GPUIndexKind::grid_dim));
  mlir::Value item = createSlot(intType, "item", l);
  StoreOp::create(builder, l, emitCast(first, intType, l), item);
  mlir::Value step = emitCast(stride, intType, l);
  emitWhileFits(item, entry->getArgument(0), 1, [&] {
    passed[0] = LoadOp::create(builder, l, item);
    mlir::func::CallOp::create(builder, l, workFn, passed);
    emitIncrement(item, step, l);
  }, l);
  mlir::func::ReturnOp::create(builder, l);
  currentFn = caller;
  return kernel;
}

mlir::Value IRGen::emitGPUParallel(const CallExpr &e,
                                   llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  const auto &item = *llvm::cast<CallExpr>(e.parts[0].get());
  const FnDecl &work = *item.function;
  // The captures go to the GPU as values.
  llvm::SmallVector<mlir::Value> kernelArgs{args[0]};
  for (auto [param, arg] : llvm::zip(llvm::drop_begin(work.params),
                                     llvm::drop_begin(item.resolvedArgs)))
    if (!param.type->isNone())
      kernelArgs.push_back(emitExpr(arg));
  const auto &count = *llvm::cast<NameExpr>(e.parts[4].get());
  StoreOp::create(builder, l, args[0], getLocal(count.local));
  mlir::Value handle = emitExpr(e.parts[2].get());
  mlir::Value grid = emitExpr(e.parts[3].get());
  mlir::Value block = emitExpr(e.parts[5].get());
  auto constant = [&](int64_t value) -> mlir::Value {
    return ConstantOp::create(builder, l,
                              builder.getIntegerAttr(args[0].getType(), value));
  };
  mlir::Value one = constant(1);
  mlir::func::FuncOp kernel = getParallelKernel(
      work, mlir::TypeRange(mlir::ValueRange(kernelArgs).drop_front()), l);
  GPULaunchOp::create(builder, l, kernel.getSymName(), handle, grid, one, one,
                      block, one, one, constant(0), kernelArgs);
  // A failed launch is reported by the context.
  emitDiscarded(e.parts[1].get());
  return {};
}
