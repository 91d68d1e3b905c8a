//===- IRGen.cpp - Ember AST to the ember dialect: functions, statements --===//
//
// Control flow is emitted as a CFG of `cf` branches inside `func.func`, so
// that `break`, `continue` and early `return` need no special handling.
// Every local lives in an `ember.local` slot in the entry block; LLVM's
// mem2reg turns the slots into registers.
//
//===----------------------------------------------------------------------===//

#include "IRGenImpl.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

std::string ember::getFunctionSymbol(llvm::StringRef unitName,
                                     llvm::StringRef name) {
  // The `ember.` prefix keeps user names apart from C and LLVM symbols.
  std::string symbol = "ember.";
  for (char c : unitName)
    symbol += llvm::isAlnum(c) ? c : '_';
  return symbol + "." + name.str();
}

/// `ember.std.<name>` for the library's, `ember.<unit>.<name>` otherwise.
std::string IRGen::getDeclSymbol(unsigned unit, bool isLibrary,
                                 llvm::StringRef name) {
  if (isLibrary)
    return "ember.std." + name.str();
  return getFunctionSymbol(
      unit < module.units.size() ? module.units[unit].name : module.name, name);
}

IRGen::IRGen(const Module &module, mlir::MLIRContext &context,
             llvm::SourceMgr &sourceMgr)
    : module(module), context(context), sourceMgr(sourceMgr),
      builder(&context) {
  fileName = builder.getStringAttr(
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())
          ->getBufferIdentifier());
}

mlir::Location IRGen::loc(llvm::SMLoc l) {
  unsigned buffer = sourceMgr.FindBufferContainingLoc(l);
  if (buffer == 0 || buffer == sourceMgr.getMainFileID()) {
    auto [line, col] = sourceMgr.getLineAndColumn(l);
    return mlir::FileLineColLoc::get(fileName, line, col);
  }
  // The library's own sources.
  auto [line, col] = sourceMgr.getLineAndColumn(l, buffer);
  return mlir::FileLineColLoc::get(
      builder.getStringAttr(
          sourceMgr.getMemoryBuffer(buffer)->getBufferIdentifier()),
      line, col);
}

mlir::Type IRGen::convertType(const Type *type) {
  if (type->isInteger())
    return mlir::IntegerType::get(&context, type->getBitWidth(),
                                  type->isSigned()
                                      ? mlir::IntegerType::Signed
                                      : mlir::IntegerType::Unsigned);
  switch (type->getKind()) {
  case Type::Kind::Bool:
    return builder.getI1Type();
  case Type::Kind::Float16:
    return builder.getF16Type();
  case Type::Kind::BFloat16:
    return builder.getBF16Type();
  case Type::Kind::Float32:
    return builder.getF32Type();
  case Type::Kind::Float64:
    return builder.getF64Type();
  case Type::Kind::StringLiteral:
    return StrType::get(&context);
  case Type::Kind::DType: // The kind of its scalars.
    return builder.getIntegerType(8, /*isSigned=*/false);
  case Type::Kind::SIMD:
    return mlir::VectorType::get({type->getWidth()},
                                 convertType(type->getElementType()));
  case Type::Kind::Pointer:
    return PtrType::get(&context,
                        convertType(llvm::cast<PointerType>(type)->getPointee()));
  case Type::Kind::Struct: {
    const StructDecl &decl = llvm::cast<StructType>(type)->getDecl();
    llvm::SmallVector<mlir::Type> fields;
    for (const FieldDecl &field : decl.fields)
      fields.push_back(convertType(field.type));
    return StructValueType::get(&context, decl.name, fields);
  }
  default:
    return nullptr;
  }
}

mlir::OwningOpRef<mlir::ModuleOp> IRGen::emit() {
  mlir::OwningOpRef<mlir::ModuleOp> owned =
      mlir::ModuleOp::create(loc(llvm::SMLoc::getFromPointer(
          sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())
              ->getBufferStart())));
  moduleOp = *owned;
  builder.setInsertionPointToEnd(moduleOp.getBody());
  for (const FnDecl *fn : getEmittedFunctions())
    declareFunction(*fn);
  for (const StructDecl *decl : getEmittedStructs())
    declareLifecycle(*decl);
  for (const FnDecl *fn : getEmittedFunctions())
    emitFunction(*fn);
  emitSynthesizedLifecycles();
  emitEntryPoint();
  removeUnusedLibraryFunctions();
  return owned;
}

/// The structs of the module, with each template replaced by its
/// instances.
std::vector<const StructDecl *> IRGen::getEmittedStructs() {
  std::vector<const StructDecl *> emitted;
  for (const auto &decl : module.structs) {
    if (!decl->isTemplate())
      emitted.push_back(decl.get());
    for (const auto &instance : decl->instances)
      emitted.push_back(instance.second.get());
  }
  for (const auto &tuple : module.tuples)
    emitted.push_back(tuple.get());
  return emitted;
}

/// The functions and methods of the module, with each template replaced by
/// its instances.
std::vector<const FnDecl *> IRGen::getEmittedFunctions() {
  std::vector<const FnDecl *> emitted;
  auto add = [&](const FnDecl &fn) {
    if (fn.isDeferred) // Never used.
      return;
    if (!fn.isGeneric) {
      emitted.push_back(&fn);
      return;
    }
    for (const auto &instance : fn.instances)
      if (!instance.second->isDeferred)
        emitted.push_back(instance.second.get());
  };
  for (const StructDecl *decl : getEmittedStructs())
    for (const auto &method : decl->methods)
      add(*method);
  for (const auto &fn : module.functions)
    add(*fn);
  for (const FnDecl *fn : module.localFunctions)
    add(*fn);
  return emitted;
}

/// `ember.<module>.<name>` or `ember.<module>.<Struct>.<name>`, with an
/// instance's parameters (`[Int, 3]`), and a number after overloads of one
/// name.
std::string IRGen::getUniqueSymbol(const FnDecl &fn) {
  std::string name =
      (fn.parent ? fn.parent->name + "." + fn.name : fn.name) +
      fn.instanceSuffix;
  // A nested function is named after the one it is declared in.
  for (const FnDecl *outer = fn.enclosing; outer; outer = outer->enclosing)
    name = (outer->parent ? outer->parent->name + "." : "") + outer->name +
           outer->instanceSuffix + "." + name;
  return getUniqueSymbol(getDeclSymbol(fn.unit, fn.isLibrary, name));
}

/// Only what a program uses of the library is compiled further.
void IRGen::removeUnusedLibraryFunctions() {
  // The uses of each function, counted in one walk; erasing a function
  // takes its own uses away, which may leave others unused.
  llvm::DenseMap<mlir::StringAttr, unsigned> uses;
  auto forEachUse = [&](mlir::func::FuncOp fn, auto &&visit) {
    if (auto symbolUses = mlir::SymbolTable::getSymbolUses(fn))
      for (const mlir::SymbolTable::SymbolUse &use : *symbolUses)
        visit(use.getSymbolRef().getRootReference());
  };
  llvm::DenseMap<mlir::StringAttr, mlir::func::FuncOp> library;
  for (auto fn : moduleOp.getOps<mlir::func::FuncOp>()) {
    forEachUse(fn, [&](mlir::StringAttr name) { ++uses[name]; });
    if (fn.getSymName().starts_with("ember.std."))
      library[fn.getSymNameAttr()] = fn;
  }
  llvm::SmallVector<mlir::func::FuncOp> unused;
  for (auto [name, fn] : library)
    if (!uses.lookup(name))
      unused.push_back(fn);
  while (!unused.empty()) {
    mlir::func::FuncOp fn = unused.pop_back_val();
    forEachUse(fn, [&](mlir::StringAttr name) {
      auto it = library.find(name);
      if (--uses[name] == 0 && it != library.end() && it->second != fn)
        unused.push_back(it->second);
    });
    library.erase(fn.getSymNameAttr());
    fn.erase();
  }
}

std::string IRGen::getUniqueSymbol(std::string base) {
  std::string symbol = base;
  for (unsigned n = 1; !usedSymbols.insert(symbol).second; ++n)
    symbol = base + "." + std::to_string(n);
  return symbol;
}

void IRGen::declareFunction(const FnDecl &fn) {
  llvm::SmallVector<mlir::Type> params, results;
  for (const Param &param : fn.params) {
    mlir::Type type = convertType(param.type);
    if (!type) // `None` has no value to pass.
      continue;
    // `out self` is the result; a `mut` argument is the caller's slot, and
    // so is a `read` one of a type with a lifecycle.
    if (param.convention == ArgConvention::Out) {
      results.push_back(type);
      continue;
    }
    if (isPassedByReference(param))
      type = RefType::get(&context, type);
    params.push_back(type);
  }
  if (mlir::Type result = convertType(fn.resultType))
    results.push_back(fn.returnsRef ? RefType::get(&context, result) : result);
  // Whether it raised, and what.
  if (fn.raisedType) {
    results.push_back(builder.getI1Type());
    results.push_back(convertType(fn.raisedType));
  }
  auto fnOp = mlir::func::FuncOp::create(
      builder, loc(fn.nameRange.Start), getUniqueSymbol(fn),
      builder.getFunctionType(params, results));
  fnOp.setPrivate();
  if (fn.isKernel)
    fnOp->setAttr("ember.kernel", builder.getUnitAttr());
  functions[&fn] = fnOp;
}

void IRGen::emitFunction(const FnDecl &fn) {
  currentFn = functions[&fn];
  currentDecl = &fn;
  locals.clear();
  outSelf = nullptr;
  handlers.assign(1, {nullptr, fn.raisedType});
  cleanups.clear();
  mlir::Block *entry = currentFn.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  unsigned argIndex = 0;
  for (const Param &param : fn.params) {
    if (param.convention == ArgConvention::Out) {
      // It is returned, never destroyed; but an initializer that raises
      // destroys the fields it initialized, field by field, on the way out.
      outSelf = createLocalSlot(param.local, /*owner=*/false);
      if (fn.raisedType)
        markOwner(outSelf, param.type, /*isDeinit=*/true);
      continue;
    }
    if (param.type->isNone())
      continue;
    mlir::Value arg = entry->getArgument(argIndex++);
    if (!param.local) // `_`
      continue;
    if (isPassedByReference(param))
      locals[param.local] = arg;
    else
      StoreOp::create(builder, loc(param.nameRange.Start), arg,
                      getLocal(param.local));
  }
  emitBlock(fn.body);
  if (!isTerminated()) {
    mlir::Location end = loc(fn.range.End);
    if (fn.resultType->isNone())
      emitReturn({}, end);
    else // Sema proved this point unreachable.
      mlir::LLVM::UnreachableOp::create(builder, end);
  }
  builder.setInsertionPointToEnd(moduleOp.getBody());
}

/// Returns `value`, if any; an `__init__` returns its `self`.
void IRGen::emitReturn(mlir::Value value, mlir::Location l) {
  // A raising initializer's `self` owns its fields, which leave with it.
  if (outSelf)
    value = handlers.front().type ? mlir::Value(MoveOp::create(builder, l, outSelf))
                                  : mlir::Value(LoadOp::create(builder, l, outSelf));
  llvm::SmallVector<mlir::Value> results;
  if (value)
    results.push_back(value);
  // A raising function did not raise.
  if (const Type *raised = handlers.front().type) {
    results.push_back(
        ConstantOp::create(builder, l, builder.getBoolAttr(false)));
    results.push_back(emitNoValue(convertType(raised), l));
  }
  mlir::func::ReturnOp::create(builder, l, results);
}

/// `int main()` for the C runtime: runs the main file's `main` (an
/// imported module may have its own, which is an ordinary function), then
/// lets the runtime finish.
void IRGen::emitEntryPoint() {
  const FnDecl *mainFn = nullptr;
  for (const auto &fn : module.functions)
    if (fn->name == "main" && fn->unit == 0)
      mainFn = fn.get();
  if (!mainFn)
    return;
  mlir::Location l = loc(mainFn->nameRange.Start);
  auto entry = mlir::func::FuncOp::create(
      builder, l, "main", builder.getFunctionType({}, builder.getI32Type()));
  currentFn = entry;
  builder.setInsertionPointToStart(entry.addEntryBlock());
  auto call = mlir::func::CallOp::create(builder, l, functions[mainFn],
                                         mlir::ValueRange{});
  // An error that leaves `main` is reported, and the exit status is 1.
  mlir::Value raised;
  if (mainFn->raisedType) {
    raised = call.getResult(0);
    mlir::Block *report = newBlock(), *finish = newBlock();
    mlir::cf::CondBranchOp::create(builder, l, raised, report, finish);
    enterBlock(report);
    mlir::Value error = emitTemporary(call.getResult(1), mainFn->raisedType, l);
    mlir::func::CallOp::create(builder, l, functions[getReportFunction()],
                               error);
    branchTo(finish, l);
    enterBlock(finish);
  }
  // The runtime decides the exit status (0, or 3 when asked to check for
  // leaks and there are some).
  mlir::Type status = builder.getI32Type();
  {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(moduleOp.getBody());
    mlir::func::FuncOp::create(builder, l, "ember_rt_finish",
                               builder.getFunctionType({}, status))
        .setPrivate();
  }
  mlir::Value code =
      mlir::func::CallOp::create(builder, l, "ember_rt_finish", status,
                                 mlir::ValueRange{})
          .getResult(0);
  if (raised)
    code = mlir::arith::SelectOp::create(
        builder, l, raised,
        mlir::arith::ConstantOp::create(builder, l, builder.getI32IntegerAttr(1)),
        code);
  mlir::func::ReturnOp::create(builder, l, code);
}

/// The library's `_report_unhandled`, which prints an error that leaves
/// `main`.
const FnDecl *IRGen::getReportFunction() {
  for (const auto &fn : module.functions)
    if (fn->isLibrary && fn->name == "_report_unhandled")
      return fn.get();
  llvm_unreachable("the library defines _report_unhandled");
}

/// A slot in the entry block. It holds no value until a store:
/// `ember-check-init` rejects reads that may come before one.
mlir::Value IRGen::createSlot(mlir::Type type, llvm::StringRef name,
                              mlir::Location l) {
  mlir::OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&currentFn.getBody().front());
  return LocalOp::create(builder, l, RefType::get(&context, type), name);
}

/// The slot of `local`, made on first use.
mlir::Value IRGen::getLocal(const LocalVar *local) {
  auto it = locals.find(local);
  if (it != locals.end())
    return it->second;
  return createLocalSlot(local, local->ownsValue);
}

/// The slot of `local`; an `owner` destroys the value it holds.
mlir::Value IRGen::createLocalSlot(const LocalVar *local, bool owner) {
  mlir::Location l = loc(local->declRange.Start);
  mlir::Value slot;
  // A struct slot names its fields, for the initialization checker.
  if (auto *structType = llvm::dyn_cast<StructType>(local->type))
    slot = createStructSlot(structType->getDecl(), local->name, l);
  else
    slot = createSlot(convertType(local->type), local->name, l);
  if (owner)
    markOwner(slot, local->type, local->isDeinit);
  locals[local] = slot;
  return slot;
}

mlir::Block *IRGen::newBlock() { return new mlir::Block(); }

/// Appends `block` to the function and emits into it from now on, so that
/// blocks appear in source order.
void IRGen::enterBlock(mlir::Block *block) {
  currentFn.getBody().push_back(block);
  builder.setInsertionPointToStart(block);
}

bool IRGen::isTerminated() {
  mlir::Block *block = builder.getInsertionBlock();
  return !block->empty() &&
         block->back().hasTrait<mlir::OpTrait::IsTerminator>();
}

void IRGen::branchTo(mlir::Block *dest, mlir::Location l) {
  if (!isTerminated())
    mlir::cf::BranchOp::create(builder, l, dest);
}

void IRGen::emitBlock(const Block &block) {
  for (const StmtPtr &stmt : block) {
    // Code after `return`, `break` or `continue` is dead.
    if (isTerminated())
      return;
    emitStmt(stmt.get());
  }
}

void IRGen::emitStmt(const Stmt *stmt) {
  mlir::Location l = loc(stmt->getLoc());
  switch (stmt->getKind()) {
  case Stmt::Kind::Expr:
    emitDiscarded(cast<ExprStmt>(stmt)->expr.get());
    return;
  case Stmt::Kind::Var: {
    auto *var = cast<VarStmt>(stmt);
    if (var->isRef) {
      locals[var->local] = emitLValue(var->init.get());
      return;
    }
    if (var->init)
      store(emitExpr(var->init.get()), getLocal(var->local),
            var->local->type, l);
    return;
  }
  case Stmt::Kind::Assign:
    return emitAssign(*cast<AssignStmt>(stmt));
  case Stmt::Kind::AugAssign: {
    auto *s = cast<AugAssignStmt>(stmt);
    if (s->reference)
      locals[s->reference] = emitLValue(s->referenced.get());
    if (s->inPlace) {
      emitExpr(s->combined.get());
      return;
    }
    return store(s->target.get(), emitExpr(s->combined.get()));
  }
  case Stmt::Kind::If:
    return emitIf(*cast<IfStmt>(stmt));
  case Stmt::Kind::While:
    return emitWhile(*cast<WhileStmt>(stmt));
  case Stmt::Kind::For:
    return emitFor(*cast<ForStmt>(stmt));
  case Stmt::Kind::Break:
    emitCleanups(loops.back().cleanupDepth);
    return branchTo(loops.back().breakDest, l);
  case Stmt::Kind::Continue:
    emitCleanups(loops.back().cleanupDepth);
    return branchTo(loops.back().continueDest, l);
  case Stmt::Kind::Raise:
    return emitRaiseStmt(*cast<RaiseStmt>(stmt));
  case Stmt::Kind::Try:
    return emitTry(*cast<TryStmt>(stmt));
  case Stmt::Kind::With:
    return emitWith(*cast<WithStmt>(stmt));
  case Stmt::Kind::Return: {
    auto *ret = cast<ReturnStmt>(stmt);
    mlir::Value value;
    // A variable the function owns moves out, as its bits (Sema allows
    // it without a copy).
    auto *name = llvm::dyn_cast_or_null<NameExpr>(ret->value.get());
    if (currentDecl->returnsRef)
      value = emitLValue(ret->value.get());
    else if (name && name->local && name->local->ownsValue &&
             !isTrivial(name->type))
      value = MoveOp::create(builder, l, getLocal(name->local));
    else if (ret->value)
      value = emitExpr(ret->value.get());
    // The value is computed before the `finally` blocks it leaves run.
    emitCleanups(0);
    if (!isTerminated())
      emitReturn(value, l);
    return;
  }
  case Stmt::Kind::Function:
    // A closure's copies of what it captures are made where it is defined;
    // the function itself is emitted on its own.
    for (const auto &[copy, value] : cast<FunctionStmt>(stmt)->fn->snapshots)
      store(emitExpr(value.get()), getLocal(copy), copy->type, l);
    return;
  case Stmt::Kind::Pass:
  case Stmt::Kind::Alias:
  case Stmt::Kind::ComptimeAssert:
  case Stmt::Kind::Error:
    return;
  }
}

void IRGen::store(const Expr *target, mlir::Value value) {
  mlir::Location l = loc(target->getLoc());
  if (llvm::isa<DiscardExpr>(target)) {
    if (!isTrivial(target->type))
      emitTemporary(value, target->type, l);
    return;
  }
  store(value, emitLValue(target), target->type, l);
}

/// The slot of a variable, or of a field of one, or the storage a pointer
/// reaches.
mlir::Value IRGen::emitLValue(const Expr *e) {
  if (auto *name = dyn_cast<NameExpr>(e))
    return getLocal(name->local);
  if (auto *call = dyn_cast<CallExpr>(e))
    return emitCall(*call);
  if (auto *sub = dyn_cast<SubscriptExpr>(e))
    return PtrElementOp::create(builder, loc(sub->getLoc()),
                                emitExpr(sub->base.get()),
                                emitExpr(sub->indices[0].get()));
  auto *attr = cast<AttributeExpr>(e);
  mlir::Value base = emitLValue(attr->base.get());
  mlir::Type field = convertType(attr->type);
  return FieldRefOp::create(builder, loc(attr->nameRange.Start),
                            RefType::get(&context, field), base,
                            attr->fieldIndex);
}

void IRGen::emitAssign(const AssignStmt &s) {
  // `a, b = pair`: the pair is kept, and its elements move out of it.
  if (s.unpackedLocal)
    store(emitExpr(s.unpacked.get()), getLocal(s.unpackedLocal),
          s.unpackedLocal->type, loc(s.getLoc()));
  if (auto *targets = dyn_cast<TupleExpr>(s.targets.front().get())) {
    // Every value is computed before any target is written.
    auto *values = cast<TupleExpr>(s.value.get());
    llvm::SmallVector<mlir::Value> computed;
    for (auto [target, value] : llvm::zip(targets->elements, values->elements)) {
      if (llvm::isa<DiscardExpr>(target.get())) {
        emitDiscarded(value.get());
        computed.push_back(nullptr);
        continue;
      }
      computed.push_back(emitExpr(value.get()));
    }
    for (auto [target, value] : llvm::zip(targets->elements, computed))
      if (value)
        store(target.get(), value);
    return;
  }
  if (s.targets.size() == 1 && llvm::isa<DiscardExpr>(s.targets[0].get())) {
    emitDiscarded(s.value.get());
    return;
  }
  mlir::Value value = emitExpr(s.value.get());
  const Expr *first = s.targets.front().get();
  store(first, value);
  // Each further target gets a copy (Sema checked that it may).
  for (const ExprPtr &target : llvm::drop_begin(s.targets)) {
    if (!isTrivial(target->type) && !llvm::isa<DiscardExpr>(first))
      value = emitCopy(emitLValue(first), first->type, loc(target->getLoc()));
    store(target.get(), value);
  }
}

void IRGen::emitIf(const IfStmt &s) {
  if (s.isComptime)
    return emitBlock(s.taken ? s.thenBody : s.elseBody);
  mlir::Location l = loc(s.getLoc());
  mlir::Value cond = emitExpr(s.cond.get());
  mlir::Block *thenBlock = newBlock();
  mlir::Block *elseBlock = s.elseBody.empty() ? nullptr : newBlock();
  mlir::Block *merge = newBlock();
  mlir::cf::CondBranchOp::create(builder, l, cond, thenBlock,
                                 elseBlock ? elseBlock : merge);
  enterBlock(thenBlock);
  emitBlock(s.thenBody);
  branchTo(merge, l);
  if (elseBlock) {
    enterBlock(elseBlock);
    emitBlock(s.elseBody);
    branchTo(merge, l);
  }
  enterBlock(merge);
}

void IRGen::emitWhile(const WhileStmt &s) {
  mlir::Location l = loc(s.getLoc());
  mlir::Block *header = newBlock();
  mlir::Block *body = newBlock();
  mlir::Block *elseBlock = s.elseBody.empty() ? nullptr : newBlock();
  mlir::Block *exit = newBlock();
  branchTo(header, l);
  enterBlock(header);
  mlir::cf::CondBranchOp::create(builder, l, emitExpr(s.cond.get()), body,
                                 elseBlock ? elseBlock : exit);
  enterBlock(body);
  loops.push_back({exit, header, cleanups.size()});
  emitBlock(s.body);
  loops.pop_back();
  branchTo(header, l);
  emitLoopExit(s.elseBody, elseBlock, exit, l);
}

/// Emits a loop's `else` block, if it has one, which falls through to
/// `exit`, and continues after the loop.
void IRGen::emitLoopExit(const Block &elseBody, mlir::Block *elseBlock,
                         mlir::Block *exit, mlir::Location l) {
  if (elseBlock) {
    enterBlock(elseBlock);
    emitBlock(elseBody);
    branchTo(exit, l);
  }
  enterBlock(exit);
}

/// The sign of a constant `range` step: +1, -1, or 0 when not a literal.
static int getConstantSign(const Expr *step) {
  if (!step || llvm::isa<IntLiteralExpr>(step))
    return 1;
  if (auto *u = dyn_cast<UnaryExpr>(step))
    if (u->op == UnaryOperator::Neg && llvm::isa<IntLiteralExpr>(u->operand.get()))
      return -1;
  return 0;
}

/// Each unrolled iteration is a block of its own, so that `continue` goes
/// to the next one and `break` past the last.
void IRGen::emitUnrolledFor(const ForStmt &s) {
  mlir::Location l = loc(s.getLoc());
  mlir::Block *elseBlock = s.elseBody.empty() ? nullptr : newBlock();
  mlir::Block *exit = newBlock();
  for (const Block &iteration : s.unrolled) {
    mlir::Block *body = newBlock();
    mlir::Block *next = newBlock();
    branchTo(body, l);
    enterBlock(body);
    loops.push_back({exit, next, cleanups.size()});
    emitBlock(iteration);
    loops.pop_back();
    branchTo(next, l);
    enterBlock(next);
  }
  branchTo(elseBlock ? elseBlock : exit, l);
  emitLoopExit(s.elseBody, elseBlock, exit, l);
}

/// Adds `step` to the loop counter in `counter`.
void IRGen::emitIncrement(mlir::Value counter, mlir::Value step,
                          mlir::Location l) {
  mlir::Value current = LoadOp::create(builder, l, counter);
  StoreOp::create(builder, l,
                  BinaryOp::create(builder, l, BinaryKind::add, current, step),
                  counter);
}

/// `for x in container`: `x` is `container.__getitem__(i)` for `i` from 0
/// while it is below `container.__len__()`.
void IRGen::emitContainerFor(const ForStmt &s) {
  mlir::Location l = loc(s.getLoc());
  if (s.container)
    store(emitExpr(s.iterable.get()), getLocal(s.container), s.container->type,
          l);
  mlir::Type intType = builder.getIntegerType(64, /*isSigned=*/true);
  mlir::Value counter = getLocal(s.counter);
  StoreOp::create(builder, l,
                  ConstantOp::create(builder, l, builder.getIntegerAttr(intType, 0)),
                  counter);
  mlir::Block *header = newBlock();
  mlir::Block *body = newBlock();
  mlir::Block *latch = newBlock();
  mlir::Block *elseBlock = s.elseBody.empty() ? nullptr : newBlock();
  mlir::Block *exit = newBlock();
  branchTo(header, l);
  enterBlock(header);
  mlir::Value i = LoadOp::create(builder, l, counter);
  mlir::Value cond = CmpOp::create(builder, l, CmpPredicate::lt, i,
                                   emitExpr(s.length.get()));
  mlir::cf::CondBranchOp::create(builder, l, cond, body,
                                 elseBlock ? elseBlock : exit);
  enterBlock(body);
  if (s.index)
    StoreOp::create(builder, l, i, getLocal(s.index));
  if (s.local && s.local->isRef) {
    locals[s.local] = emitLValue(s.item.get());
  } else if (s.local) {
    store(emitExpr(s.item.get()), getLocal(s.local), s.local->type, l);
  } else if (!isTrivial(s.item->type)) {
    // `for _ in`: dies at once.
    emitTemporary(emitExpr(s.item.get()), s.item->type, l);
  } else {
    emitExpr(s.item.get());
  }
  // `for a, b in pairs`: each name is an element of the item.
  for (auto [index, element] : llvm::enumerate(s.unpacked))
    if (element)
      locals[element] = getFieldRef(
          getLocal(s.local), llvm::cast<StructType>(s.local->type)->getDecl(),
          index, l);
  loops.push_back({exit, latch, cleanups.size()});
  emitBlock(s.body);
  loops.pop_back();
  branchTo(latch, l);
  enterBlock(latch);
  emitIncrement(counter,
                ConstantOp::create(builder, l, builder.getIntegerAttr(intType, 1)),
                l);
  branchTo(header, l);
  emitLoopExit(s.elseBody, elseBlock, exit, l);
}

void IRGen::emitFor(const ForStmt &s) {
  if (s.isComptime)
    return emitUnrolledFor(s);
  if (s.length)
    return emitContainerFor(s);
  mlir::Location l = loc(s.getLoc());
  auto *range = cast<CallExpr>(s.iterable.get());
  const Expr *startExpr = range->resolvedArgs[0];
  const Expr *stepExpr = range->resolvedArgs[2];
  mlir::Type intType = builder.getIntegerType(64, /*isSigned=*/true);
  auto constant = [&](int64_t v) -> mlir::Value {
    return ConstantOp::create(builder, l, builder.getIntegerAttr(intType, v));
  };
  mlir::Value start = startExpr ? emitExpr(startExpr) : constant(0);
  mlir::Value stop = emitExpr(range->resolvedArgs[1]);
  mlir::Value step = stepExpr ? emitExpr(stepExpr) : constant(1);
  int sign = getConstantSign(stepExpr);
  if (sign == 0)
    CheckOp::create(builder, l,
                    CmpOp::create(builder, l, CmpPredicate::ne, step,
                                  constant(0)),
                    "`range` step must not be zero");

  // A hidden counter drives the loop, so that assigning to the loop
  // variable in the body does not change the iteration, as in Python.
  mlir::Value counter = createSlot(intType, "for.counter", l);
  StoreOp::create(builder, l, start, counter);

  mlir::Block *header = newBlock();
  mlir::Block *body = newBlock();
  mlir::Block *latch = newBlock();
  mlir::Block *elseBlock = s.elseBody.empty() ? nullptr : newBlock();
  mlir::Block *exit = newBlock();
  branchTo(header, l);

  enterBlock(header);
  mlir::Value i = LoadOp::create(builder, l, counter);
  mlir::Value cond;
  if (sign > 0) {
    cond = CmpOp::create(builder, l, CmpPredicate::lt, i, stop);
  } else if (sign < 0) {
    cond = CmpOp::create(builder, l, CmpPredicate::gt, i, stop);
  } else {
    mlir::Value up = CmpOp::create(builder, l, CmpPredicate::gt, step,
                                   constant(0));
    cond = mlir::arith::SelectOp::create(
        builder, l, up, CmpOp::create(builder, l, CmpPredicate::lt, i, stop),
        CmpOp::create(builder, l, CmpPredicate::gt, i, stop));
  }
  mlir::cf::CondBranchOp::create(builder, l, cond, body,
                                 elseBlock ? elseBlock : exit);

  enterBlock(body);
  if (s.local)
    StoreOp::create(builder, l, i, getLocal(s.local));
  loops.push_back({exit, latch, cleanups.size()});
  emitBlock(s.body);
  loops.pop_back();
  branchTo(latch, l);

  enterBlock(latch);
  emitIncrement(counter, step, l);
  branchTo(header, l);

  emitLoopExit(s.elseBody, elseBlock, exit, l);
}

mlir::OwningOpRef<mlir::ModuleOp> ember::emitModule(const Module &module,
                                                    mlir::MLIRContext &context,
                                                    llvm::SourceMgr &sourceMgr) {
  // The dialects the emitted IR uses, whoever made the context.
  context.loadDialect<EmberDialect, mlir::func::FuncDialect,
                      mlir::cf::ControlFlowDialect, mlir::arith::ArithDialect,
                      mlir::math::MathDialect, mlir::vector::VectorDialect>();
  return IRGen(module, context, sourceMgr).emit();
}
