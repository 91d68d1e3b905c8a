//===- IRGenError.cpp - Raising, handling and cleaning up -----------------===//
//
// Errors are returned values, with no unwinding: a raising function returns
// its results, then an `i1` that says whether it raised and the error
// (all-zero bits when it did not). After a raising call, control branches
// on that flag to the innermost handler, a block that takes the error as
// its argument: an `except`, a `with` manager's `__exit__`, a `finally`
// that runs and passes the error on, or the function's own exit, which
// returns it. `finally` blocks and `__exit__()` calls also run where
// `break`, `continue` and `return` leave them: they are cleanups, emitted
// inline at each exit. The ownership pass destroys what is live on each
// path, so an error path needs no destructor calls of its own.
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace ember;
using llvm::cast;

/// The results a function has for a value it does not produce: the result
/// of a raising function that raised, or its error when it did not.
mlir::Value IRGen::emitNoValue(mlir::Type type, mlir::Location l) {
  if (llvm::isa<StructValueType>(type))
    return ZeroOp::create(builder, l, type);
  if (llvm::isa<PtrType, RefType>(type))
    return NullOp::create(builder, l, type);
  return emitZero(type, l);
}

/// The block that errors go to from here, made when first needed for the
/// function's own exit.
mlir::Block *IRGen::getHandlerBlock() {
  ErrorTarget &target = handlers.back();
  if (target.block)
    return target.block;
  mlir::OpBuilder::InsertionGuard guard(builder);
  mlir::Location l = currentFn.getLoc();
  target.block = newBlock();
  mlir::Value error =
      target.block->addArgument(convertType(target.type), l);
  enterBlock(target.block);
  llvm::SmallVector<mlir::Value> results;
  for (mlir::Type type : currentFn.getResultTypes().drop_back(2))
    results.push_back(emitNoValue(type, l));
  results.push_back(ConstantOp::create(builder, l, builder.getBoolAttr(true)));
  results.push_back(error);
  mlir::func::ReturnOp::create(builder, l, results);
  return target.block;
}

/// A handler block for errors of `type`, taking the error as its argument.
mlir::Block *IRGen::newHandlerBlock(const Type *type, mlir::Location l) {
  mlir::Block *block = newBlock();
  block->addArgument(convertType(type), l);
  return block;
}

/// Sends `error` to the innermost handler, converted to its type.
void IRGen::emitRaise(mlir::Value error, const ErrorConversion &conversion,
                      mlir::Location l) {
  if (conversion.converted) {
    store(error, getLocal(conversion.raised), conversion.raised->type, l);
    error = emitExpr(conversion.converted.get());
  }
  mlir::cf::BranchOp::create(builder, l, getHandlerBlock(), error);
}

/// After a call of a raising function: its error, if it raised, goes to
/// the handler; its results, if it did not, are what the call gives.
mlir::Value IRGen::emitRaisingCallResult(mlir::func::CallOp call,
                                         const ErrorConversion &conversion,
                                         mlir::Location l) {
  unsigned count = call.getNumResults();
  mlir::Block *raised = newBlock(), *normal = newBlock();
  mlir::cf::CondBranchOp::create(builder, l, call.getResult(count - 2), raised,
                                 normal);
  enterBlock(raised);
  emitRaise(call.getResult(count - 1), conversion, l);
  enterBlock(normal);
  return count > 2 ? call.getResult(0) : mlir::Value();
}

void IRGen::emitRaiseStmt(const RaiseStmt &s) {
  mlir::Location l = loc(s.getLoc());
  mlir::Value error;
  if (s.reraised) {
    error = emitMove(getLocal(s.reraised), s.reraised->type, l);
  } else {
    // A variable the function owns moves out, as for `return`.
    auto *name = llvm::dyn_cast<NameExpr>(s.value.get());
    if (name && name->local && name->local->ownsValue)
      error = emitMove(getLocal(name->local), name->type, l);
    else
      error = emitOwned(s.value.get());
  }
  emitRaise(error, s.conversion, l);
}

/// Runs the cleanups from the innermost down to the `depth` outermost
/// ones, as `break`, `continue` and `return` leave them. Each runs where
/// it was: with the handlers, cleanups and loops outside it.
void IRGen::emitCleanups(size_t depth) {
  for (size_t i = cleanups.size(); i-- > depth && !isTerminated();) {
    Cleanup cleanup = cleanups[i];
    auto savedCleanups = cleanups;
    auto savedHandlers = handlers;
    auto savedLoops = loops;
    cleanups.resize(i);
    handlers.resize(cleanup.handlerDepth);
    loops.resize(cleanup.loopDepth);
    if (cleanup.finallyBody)
      emitBlock(*cleanup.finallyBody);
    else
      emitDiscarded(cleanup.exit);
    cleanups = std::move(savedCleanups);
    handlers = std::move(savedHandlers);
    loops = std::move(savedLoops);
  }
}

void IRGen::pushCleanup(const Block *finallyBody, const Expr *exit) {
  cleanups.push_back({finallyBody, exit, handlers.size(), loops.size()});
}

/// Emits a handler block that has uses: `emitBody` with its error; one
/// that nothing raises to is dropped.
void IRGen::emitHandler(mlir::Block *block,
                        llvm::function_ref<void(mlir::Value)> emitBody) {
  if (block->hasNoPredecessors()) {
    delete block;
    return;
  }
  enterBlock(block);
  emitBody(block->getArgument(0));
}

/// A handler that runs a cleanup and passes the error on: the error waits
/// in a slot of its own, destroyed if the cleanup raises instead.
void IRGen::emitPassingHandler(mlir::Block *block, const Type *type,
                               llvm::function_ref<void()> emitCleanup,
                               mlir::Location l) {
  emitHandler(block, [&](mlir::Value error) {
    mlir::Value pending = createSlot(error.getType(), "pending.error", l);
    markOwner(pending, type, false);
    store(error, pending, type, l);
    emitCleanup();
    if (!isTerminated())
      mlir::cf::BranchOp::create(builder, l, getHandlerBlock(),
                                 emitMove(pending, type, l));
  });
}

void IRGen::emitTry(const TryStmt &s) {
  mlir::Location l = loc(s.getLoc());
  mlir::Block *after = newBlock();
  // Errors that reach the `finally` (from the body without an `except`,
  // or from the `except` and `else` blocks) pass through it.
  mlir::Block *finallyOnError = nullptr;
  const Type *outerType = handlers.back().type;
  if (s.hasFinally) {
    pushCleanup(&s.finallyBody, nullptr);
    if (outerType) {
      finallyOnError = newHandlerBlock(outerType, l);
      handlers.push_back({finallyOnError, outerType});
    }
  }
  mlir::Block *except = nullptr;
  if (s.hasExcept) {
    except = newHandlerBlock(s.error->type, l);
    handlers.push_back({except, s.error->type});
  }
  emitBlock(s.body);
  if (except)
    handlers.pop_back();
  // The `else` block runs when the body ends normally.
  mlir::Block *done = newBlock();
  if (!isTerminated())
    emitBlock(s.elseBody);
  branchTo(done, l);
  if (except)
    emitHandler(except, [&](mlir::Value error) {
      store(error, getLocal(s.error), s.error->type, l);
      emitBlock(s.handler);
      branchTo(done, l);
    });
  enterBlock(done);
  if (!s.hasFinally) {
    branchTo(after, l);
    enterBlock(after);
    return;
  }
  if (finallyOnError)
    handlers.pop_back();
  cleanups.pop_back();
  emitBlock(s.finallyBody);
  branchTo(after, l);
  if (finallyOnError)
    emitPassingHandler(finallyOnError, outerType,
                       [&] { emitBlock(s.finallyBody); }, l);
  enterBlock(after);
}

void IRGen::emitWith(const WithStmt &s, size_t index) {
  if (index == s.items.size())
    return emitBlock(s.body);
  const WithItem &item = s.items[index];
  mlir::Location l = loc(item.manager->getLoc());
  if (item.managerLocal)
    store(emitOwned(item.manager.get()), getLocal(item.managerLocal),
          item.managerLocal->type, l);
  emitStmt(item.enter.get());
  if (isTerminated())
    return;
  const Type *outerType = handlers.back().type;
  // Errors in the body reach `__exit__(error)`, or pass through
  // `__exit__()`.
  mlir::Block *onError = nullptr;
  const Type *errorType = item.exitWithError ? item.error->type : outerType;
  if (errorType && (item.exitWithError || item.exit)) {
    onError = newHandlerBlock(errorType, l);
    handlers.push_back({onError, errorType});
  }
  if (item.exit)
    pushCleanup(nullptr, item.exit.get());
  emitWith(s, index + 1);
  if (item.exit)
    cleanups.pop_back();
  if (onError)
    handlers.pop_back();
  mlir::Block *after = newBlock();
  if (item.exit && !isTerminated())
    emitDiscarded(item.exit.get());
  branchTo(after, l);
  if (onError && item.exitWithError) {
    emitHandler(onError, [&](mlir::Value error) {
      store(error, getLocal(item.error), errorType, l);
      mlir::Value handled = emitExpr(item.exitWithError.get());
      mlir::Block *propagate = newBlock();
      mlir::cf::CondBranchOp::create(builder, l, handled, after, propagate);
      enterBlock(propagate);
      emitRaise(emitMove(getLocal(item.error), errorType, l),
                item.propagation, l);
    });
  } else if (onError) {
    emitPassingHandler(onError, errorType,
                       [&] { emitDiscarded(item.exit.get()); }, l);
  }
  enterBlock(after);
}
