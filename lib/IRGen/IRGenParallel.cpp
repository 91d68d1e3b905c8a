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
                                     llvm::drop_begin(item.resolvedArgs))) {
    if (param.type->isNone())
      continue;
    if (param.convention == ArgConvention::Mut)
      captures.push_back(emitLValue(arg));
    else if (isPassedByReference(param))
      captures.push_back(emitBorrow(arg));
    else
      captures.push_back(emitExpr(arg));
  }
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

/// `map[work](count)`: `work(0)`, `work(1)`, ... in order, the index in
/// the hidden variable the item's call passes.
mlir::Value IRGen::emitSequentialMap(const CallExpr &e,
                                     llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  const auto &item = *llvm::cast<CallExpr>(e.parts.front().get());
  const auto *index = llvm::cast<NameExpr>(item.resolvedArgs.front());
  mlir::Value slot = getLocal(index->local);
  mlir::Type intType = args[0].getType();
  StoreOp::create(builder, l,
                  ConstantOp::create(builder, l,
                                     builder.getIntegerAttr(intType, 0)),
                  slot);
  mlir::Block *header = newBlock();
  mlir::Block *body = newBlock();
  mlir::Block *exit = newBlock();
  branchTo(header, l);
  enterBlock(header);
  mlir::Value i = LoadOp::create(builder, l, slot);
  mlir::cf::CondBranchOp::create(
      builder, l, CmpOp::create(builder, l, CmpPredicate::lt, i, args[0]), body,
      exit);
  enterBlock(body);
  emitExpr(&item);
  emitIncrement(slot,
                ConstantOp::create(builder, l, builder.getIntegerAttr(intType, 1)),
                l);
  branchTo(header, l);
  enterBlock(exit);
  return {};
}
