//===- IRGenParallel.cpp - Ember AST to the ember dialect: parallelize ----===//
//
// `parallelize[work](count)` becomes an `ember.parallel` whose body calls
// `work` with the item's index. What the call passes besides the index
// (the closure's captures) is computed once, before the op, and passed in
// as captures: the body is isolated, and the ownership checks see the op
// use each one.
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace ember;

mlir::Value IRGen::emitParallel(const CallExpr &e,
                                llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  const auto &item = *llvm::cast<CallExpr>(e.parts.front().get());
  const FnDecl &work = *item.function;
  llvm::SmallVector<mlir::Value> captures;
  for (auto [param, arg] : llvm::zip(llvm::drop_begin(work.params),
                                     llvm::drop_begin(item.resolvedArgs)))
    if (!param.type->isNone())
      captures.push_back(emitArgument(param, arg));
  mlir::Value workers = args.size() > 1 ? args[1] : mlir::Value();
  auto op = ParallelOp::create(builder, l, args[0], workers, captures);
  mlir::OpBuilder::InsertionGuard guard(builder);
  mlir::Block *body = builder.createBlock(&op.getBody());
  body->addArgument(args[0].getType(), l);
  for (mlir::Value capture : captures)
    body->addArgument(capture.getType(), l);
  mlir::func::CallOp::create(builder, l, functions[&work],
                             body->getArguments());
  YieldOp::create(builder, l);
  return {};
}

/// A loop that runs `body` while `span` more items from the index in
/// `slot` fit in `count`; `body` advances the index.
void IRGen::emitWhileFits(mlir::Value slot, mlir::Value count, int64_t span,
                          llvm::function_ref<void()> body, mlir::Location l) {
  mlir::Type intType = count.getType();
  mlir::Value last = BinaryOp::create(
      builder, l, BinaryKind::sub, count,
      ConstantOp::create(builder, l, builder.getIntegerAttr(intType, span)));
  mlir::Block *header = newBlock();
  mlir::Block *loop = newBlock();
  mlir::Block *exit = newBlock();
  branchTo(header, l);
  enterBlock(header);
  mlir::Value i = LoadOp::create(builder, l, slot);
  mlir::cf::CondBranchOp::create(
      builder, l, CmpOp::create(builder, l, CmpPredicate::le, i, last), loop,
      exit);
  enterBlock(loop);
  body();
  branchTo(header, l);
  enterBlock(exit);
}

/// The index slot the calls in `e.parts` pass, set to 0.
mlir::Value IRGen::emitItemIndex(const CallExpr &e, mlir::Location l) {
  const auto &item = *llvm::cast<CallExpr>(e.parts.front().get());
  const auto *index = llvm::cast<NameExpr>(item.resolvedArgs.front());
  mlir::Value slot = getLocal(index->local);
  mlir::Type intType = convertType(index->type);
  StoreOp::create(builder, l,
                  ConstantOp::create(builder, l,
                                     builder.getIntegerAttr(intType, 0)),
                  slot);
  return slot;
}

/// `map[work](count)`: `work(0)`, `work(1)`, ... in order.
mlir::Value IRGen::emitSequentialMap(const CallExpr &e,
                                     llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  mlir::Value slot = emitItemIndex(e, l);
  emitWhileFits(slot, args[0], 1, [&] {
    emitExpr(e.parts.front().get());
    emitIncrement(slot, ConstantOp::create(builder, l,
                                           builder.getIntegerAttr(
                                               args[0].getType(), 1)),
                  l);
  }, l);
  return {};
}

/// `vectorize[work, width](count)`: whole vectors `unroll` at a time, then
/// whole vectors, then one element at a time.
mlir::Value IRGen::emitVectorize(const CallExpr &e,
                                 llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  int64_t width = e.lanes[0], unroll = e.lanes[1];
  mlir::Value slot = emitItemIndex(e, l);
  auto step = [&](const Expr *item, int64_t by) {
    emitExpr(item);
    emitIncrement(slot, ConstantOp::create(builder, l,
                                           builder.getIntegerAttr(
                                               args[0].getType(), by)),
                  l);
  };
  const Expr *vector = e.parts[0].get(), *element = e.parts[1].get();
  if (unroll > 1)
    emitWhileFits(slot, args[0], width * unroll, [&] {
      for (int64_t k = 0; k < unroll; ++k)
        step(vector, width);
    }, l);
  emitWhileFits(slot, args[0], width, [&] { step(vector, width); }, l);
  emitWhileFits(slot, args[0], 1, [&] { step(element, 1); }, l);
  return {};
}
