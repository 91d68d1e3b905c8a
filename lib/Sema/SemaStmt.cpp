//===- SemaStmt.cpp - Ember semantic analysis: statements -----------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

/// A `comptime for` of more iterations than this is refused, not unrolled.
static constexpr int64_t kMaxUnrolledIterations = 4096;

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

/// The `return`, `break` or `continue` that makes the rest of a block dead.
static const char *getJumpKeyword(const Stmt *stmt) {
  if (isa<ReturnStmt>(stmt))
    return "return";
  if (isa<BreakStmt>(stmt))
    return "break";
  if (isa<ContinueStmt>(stmt))
    return "continue";
  if (isa<RaiseStmt>(stmt))
    return "raise";
  return nullptr;
}

void Sema::checkBlock(Block &block) {
  for (size_t i = 0; i < block.size(); ++i) {
    checkStmt(block[i].get());
    // After a `comptime if` whose branch always returns, the rest of the
    // block is not part of this instance: it is neither checked nor
    // emitted, as another instance may need it.
    if (auto *s = dyn_cast<IfStmt>(block[i].get());
        s && s->isComptime && i + 1 < block.size() &&
        alwaysExits(s->taken ? s->thenBody : s->elseBody)) {
      block.erase(block.begin() + i + 1, block.end());
      return;
    }
    const char *jump = getJumpKeyword(block[i].get());
    if (jump && i + 1 < block.size()) {
      diags.report(block[i + 1]->getRange(), DiagID::warn_unreachable);
      diags.report(block[i]->getLoc(), DiagID::note_unreachable_after, jump);
      for (size_t j = i + 1; j < block.size(); ++j)
        checkStmt(block[j].get());
      return;
    }
  }
}

LocalVar *Sema::declareLocal(llvm::StringRef name, llvm::SMRange range,
                             const Type *type, Scope &target) {
  // A name poisoned by an earlier error may still be declared.
  const Symbol *previous = target.lookupHere(name);
  if (previous && previous->kind != Symbol::Kind::Poisoned) {
    diags.report(range, DiagID::err_redefinition, name);
    diags.report(previous->declRange, DiagID::note_previous_definition);
    return nullptr;
  }
  auto local = std::make_unique<LocalVar>();
  local->name = name.str();
  local->declRange = range;
  local->type = type;
  local->owner = currentFn;
  Symbol symbol;
  symbol.kind = Symbol::Kind::Local;
  symbol.local = local.get();
  symbol.declRange = range;
  target.replace(name, symbol);
  currentFn->locals.push_back(std::move(local));
  return currentFn->locals.back().get();
}

/// A variable the program cannot name, for a value Sema introduces.
LocalVar *Sema::declareHiddenLocal(llvm::StringRef name, llvm::SMRange range,
                                   const Type *type) {
  auto local = std::make_unique<LocalVar>();
  local->name = name.str();
  local->declRange = range;
  local->type = type;
  local->owner = currentFn;
  currentFn->locals.push_back(std::move(local));
  return currentFn->locals.back().get();
}

void Sema::checkStmt(Stmt *stmt) {
  switch (stmt->getKind()) {
  case Stmt::Kind::Expr: {
    ExprPtr &expr = cast<ExprStmt>(stmt)->expr;
    check(expr);
    return;
  }
  case Stmt::Kind::Var:
    return checkVar(*cast<VarStmt>(stmt));
  case Stmt::Kind::Assign:
    return checkAssign(*cast<AssignStmt>(stmt));
  case Stmt::Kind::AugAssign:
    return checkAugAssign(*cast<AugAssignStmt>(stmt));
  case Stmt::Kind::If: {
    auto *s = cast<IfStmt>(stmt);
    if (s->isComptime)
      return checkComptimeIf(*s);
    checkCondition(s->cond);
    {
      ScopeRAII thenScope(*this);
      checkBlock(s->thenBody);
    }
    ScopeRAII elseScope(*this);
    checkBlock(s->elseBody);
    return;
  }
  case Stmt::Kind::While: {
    auto *s = cast<WhileStmt>(stmt);
    checkCondition(s->cond);
    {
      ScopeRAII bodyScope(*this);
      ++loopDepth;
      checkBlock(s->body);
      --loopDepth;
    }
    ScopeRAII elseScope(*this);
    checkBlock(s->elseBody);
    return;
  }
  case Stmt::Kind::For:
    return checkFor(*cast<ForStmt>(stmt));
  case Stmt::Kind::Break:
  case Stmt::Kind::Continue:
    if (loopDepth == 0)
      diags.report(stmt->getRange(), DiagID::err_break_outside_loop,
                   isa<BreakStmt>(stmt) ? "break" : "continue");
    return;
  case Stmt::Kind::Return:
    return checkReturn(*cast<ReturnStmt>(stmt));
  case Stmt::Kind::Raise:
    return checkRaise(*cast<RaiseStmt>(stmt));
  case Stmt::Kind::Try:
    return checkTry(*cast<TryStmt>(stmt));
  case Stmt::Kind::With:
    return checkWith(*cast<WithStmt>(stmt));
  case Stmt::Kind::Alias: {
    auto *alias = cast<AliasDecl>(stmt);
    Symbol symbol;
    symbol.kind = Symbol::Kind::Alias;
    symbol.alias = alias;
    symbol.declRange = alias->nameRange;
    if (const Symbol *previous = scope->lookupHere(alias->name)) {
      diags.report(alias->nameRange, DiagID::err_redefinition, alias->name);
      diags.report(previous->declRange, DiagID::note_previous_definition);
      return;
    }
    scope->insert(alias->name, symbol);
    return checkAlias(*alias);
  }
  case Stmt::Kind::ComptimeAssert:
    return checkComptimeAssert(*cast<ComptimeAssertStmt>(stmt));
  case Stmt::Kind::Function:
    return checkLocalFunction(*cast<FunctionStmt>(stmt));
  case Stmt::Kind::Pass:
  case Stmt::Kind::Error:
    return;
  }
}

void Sema::checkVar(VarStmt &var) {
  if (var.isRef)
    return checkRefBinding(var);
  const Type *type = nullptr;
  if (var.typeExpr) {
    type = resolveType(var.typeExpr.get());
    if (var.init)
      checkAs(var.init, type);
  } else if (var.init) {
    type = materialize(var.init, checkValue(var.init));
  } else {
    diags.report(var.nameRange, DiagID::err_var_needs_type, var.name);
    type = Type::get(Type::Kind::Error);
  }
  if (var.init)
    checkCopy(*var.init);
  var.local = declareLocal(var.name, var.nameRange, type, *scope);
}

/// Finds the variable `name` assigns to, reporting why it cannot be.
LocalVar *Sema::lookupAssignable(NameExpr &name) {
  const Symbol *symbol = scope->lookup(name.name);
  if (!symbol || symbol->kind == Symbol::Kind::Poisoned)
    return nullptr;
  if (symbol->kind != Symbol::Kind::Local) {
    diags.report(name.getRange(), DiagID::err_assign_to_constant, name.name);
    return nullptr;
  }
  LocalVar *local = symbol->local;
  markWritten(local);
  if (!local->isMutable) {
    reportImmutable(*local, name.getRange());
    return nullptr;
  }
  return local;
}

/// Checks `target = value`; a new name is declared in the function scope,
/// or, for `var` (`declares`), in the current one.
void Sema::checkAssignTo(ExprPtr &targetPtr, ExprPtr &value, bool declares) {
  Expr *target = targetPtr.get();
  if (isa<DiscardExpr>(target)) {
    target->type = check(value);
    return;
  }
  if (isa<AttributeExpr, CallExpr>(target)) {
    // `object.field = value` writes the field in place, `f() = value` the
    // storage `f` returns a reference to.
    const Type *fieldType = check(targetPtr);
    bool isCall = isa<CallExpr>(target);
    if (isCall && !fieldType->isError() && !isLValue(target)) {
      diags.report(target->getRange(), DiagID::err_invalid_assign_target,
                   "a function call that returns a value");
      fieldType = Type::get(Type::Kind::Error);
    }
    if (fieldType->isError() || !checkAssignableLValue(target)) {
      checkValue(value);
      return;
    }
    checkOwnedValue(value, fieldType);
    return;
  }
  if (isa<SubscriptExpr>(target))
    return checkSetItem(targetPtr, value);
  auto *name = cast<NameExpr>(target);
  const Symbol *symbol = scope->lookup(name->name);
  if (!symbol || declares) {
    const Type *type = materialize(value, checkValue(value));
    checkCopy(*value);
    name->local = declareLocal(name->name, name->getRange(), type,
                               declares ? *scope : *functionScope);
    name->type = type;
    return;
  }
  LocalVar *local = lookupAssignable(*name);
  if (!local) {
    checkValue(value);
    name->type = Type::get(Type::Kind::Error);
    return;
  }
  name->local = local;
  name->type = local->type;
  checkOwnedValue(value, local->type);
}

void Sema::checkAssign(AssignStmt &assign) {
  // `a, b = x, y`: all values are computed before any is stored.
  if (auto *targets = dyn_cast<TupleExpr>(assign.targets.front().get())) {
    auto *values = dyn_cast<TupleExpr>(assign.value.get());
    // `a, b = pair` unpacks a tuple value.
    if (assign.targets.size() == 1 && !values) {
      if (!checkUnpacking(assign))
        return;
      values = cast<TupleExpr>(assign.value.get());
    }
    if (assign.targets.size() != 1 ||
        values->elements.size() != targets->elements.size()) {
      diags.report(assign.value->getRange(), DiagID::err_tuple_arity,
                   targets->elements.size(),
                   values ? values->elements.size() : 1);
      return;
    }
    for (size_t i = 0; i < values->elements.size(); ++i)
      checkAssignTo(targets->elements[i], values->elements[i],
                    assign.declares);
    assign.value->type = Type::get(Type::Kind::None);
    return;
  }
  checkAssignTo(assign.targets.front(), assign.value);
  // Each target after the first gets a copy.
  auto *structType = llvm::dyn_cast_or_null<StructType>(assign.value->type);
  if (assign.targets.size() > 1 && structType &&
      !structType->getDecl().implicitlyCopyable)
    diags.report(assign.value->getRange(), DiagID::err_implicit_copy,
                 structType->getName());
  for (size_t i = 1; i < assign.targets.size(); ++i) {
    if (isa<DiscardExpr>(assign.targets[i].get()))
      continue;
    auto *name = dyn_cast<NameExpr>(assign.targets[i].get());
    if (!name) {
      diags.report(assign.targets[i]->getRange(), DiagID::err_unsupported,
                   "assigning to a subscript or an attribute");
      continue;
    }
    const Symbol *symbol = scope->lookup(name->name);
    if (!symbol) {
      name->local = declareLocal(name->name, name->getRange(),
                                 assign.value->type, *functionScope);
      name->type = assign.value->type;
    } else if (LocalVar *local = lookupAssignable(*name)) {
      name->local = local;
      name->type = local->type;
      if (local->type != assign.value->type && !local->type->isError() &&
          !assign.value->type->isError())
        mismatch(*assign.value, local->type);
    }
  }
}

/// Whether reading `e` twice reads the same storage and has no effect: a
/// variable, a literal, and fields and pointer elements of those.
static bool isSimpleLValue(const Expr *e) {
  if (isa<NameExpr, IntLiteralExpr>(e))
    return true;
  if (auto *attr = dyn_cast<AttributeExpr>(e))
    return isSimpleLValue(attr->base.get());
  if (auto *sub = dyn_cast<SubscriptExpr>(e))
    return isSimpleLValue(sub->base.get()) &&
           llvm::all_of(sub->indices,
                        [](const ExprPtr &i) { return isSimpleLValue(i.get()); });
  return false;
}

/// Whether computing the checked `e` again gives the same value and does
/// nothing else: variables, literals, and scalar arithmetic on them.
static bool isPureValue(const Expr *e) {
  if (isa<NameExpr, IntLiteralExpr, FloatLiteralExpr, StringLiteralExpr,
          BoolLiteralExpr, DTypeLiteralExpr>(e))
    return true;
  if (auto *u = dyn_cast<UnaryExpr>(e))
    return isPureValue(u->operand.get());
  if (auto *b = dyn_cast<BinaryExpr>(e))
    return isPureValue(b->lhs.get()) && isPureValue(b->rhs.get());
  if (auto *c = dyn_cast<CastExpr>(e))
    return isPureValue(c->operand.get());
  return false;
}

/// `xs[i] op= v` or `f() op= v` where the subscript or call returns a
/// reference: the target becomes a hidden `ref` bound to it.
bool Sema::bindAugmentedReference(AugAssignStmt &assign) {
  if (assign.reference)
    return false;
  if (auto *sub = dyn_cast<SubscriptExpr>(assign.target.get())) {
    const Type *base = checkValue(sub->base);
    if (base->isError() || !base->isStruct() || getTupleDecl(base))
      return false;
    // Through the reference `__getitem__` gives, if it does; otherwise
    // `a[i] = a[i] op v`.
    auto getters = cast<StructType>(base)->getDecl().findMethods("__getitem__");
    if (llvm::none_of(getters, [](const FnDecl *fn) { return fn->returnsRef; }))
      return false;
    checkSubscript(assign.target);
  } else if (checkValue(assign.target)->isError()) {
    return false;
  }
  if (!returnsReference(assign.target.get()))
    return false;
  llvm::SMRange range = assign.target->getRange();
  LocalVar *reference = declareHiddenLocal("ref", range, assign.target->type);
  bindReference(reference, assign.target.get(), /*isMutable=*/true);
  assign.reference = reference;
  assign.referenced = std::move(assign.target);
  assign.target = makeLocalRef(reference, range);
  return true;
}

/// A copy of a variable or a chain of fields of one, to read it again.
static ExprPtr cloneLValue(const Expr *e) {
  if (isa<SubscriptExpr>(e))
    return cloneExpr(*e);
  if (auto *name = dyn_cast<NameExpr>(e))
    return std::make_unique<NameExpr>(name->getRange(), name->name);
  auto *attr = cast<AttributeExpr>(e);
  return std::make_unique<AttributeExpr>(attr->getRange(),
                                         cloneLValue(attr->base.get()),
                                         attr->name, attr->nameRange);
}

void Sema::checkAugAssign(AugAssignStmt &assign) {
  Expr *target = assign.target.get();
  // A subscript or call that gives a reference is evaluated once, into a
  // hidden reference the operation then reads and writes.
  if (isa<SubscriptExpr, CallExpr>(target) && bindAugmentedReference(assign))
    return checkAugAssign(assign);
  target = assign.target.get();
  auto *sub = dyn_cast<SubscriptExpr>(target);
  // `p[i] += v` of a pointer reads and writes `p[i]` in place.
  bool simple = sub && isSimpleLValue(sub) && !checkValue(sub->base)->isError();
  bool pointerElement = simple && sub->base->type->isPointer();
  // `a[i] += v` of a struct is `a[i] = a[i] + v`: `__getitem__`, then
  // `__setitem__`, of indices that read the same each time.
  bool structElement =
      sub && isSimpleLValue(sub->base.get()) &&
      !checkValue(sub->base)->isError() && sub->base->type->isStruct() &&
      llvm::all_of(sub->indices, [&](ExprPtr &index) {
        return !checkValue(index)->isError() && isPureValue(index.get());
      });
  if (structElement) {
    ExprPtr value = std::make_unique<BinaryExpr>(
        assign.getRange(), assign.op, assign.opLoc, cloneExpr(*sub),
        std::move(assign.value));
    cast<BinaryExpr>(value.get())->isAugmented = true;
    ExprPtr store = cloneExpr(*sub);
    checkSetItem(store, value);
    assign.combined = std::move(value);
    assign.inPlace = true;
    return;
  }
  if (isa<CallExpr>(target)) {
    if (!target->type->isError())
      diags.report(target->getRange(), DiagID::err_invalid_assign_target,
                   "a function call that returns a value");
    return;
  }
  if (!isa<NameExpr, AttributeExpr>(target) && !pointerElement) {
    diags.report(target->getRange(), DiagID::err_unsupported,
                 "an augmented assignment to this subscript");
    return;
  }
  const Type *type = checkValue(assign.target);
  if (type->isError())
    return;
  if (rewriteInPlaceOperator(assign))
    return;
  if (assign.reference) {
    // The hidden reference has no name to look up.
    markWritten(assign.reference);
    if (!assign.reference->isMutable) {
      checkAssignableLValue(assign.referenced.get());
      return;
    }
  } else if (auto *name = dyn_cast<NameExpr>(target)) {
    if (!lookupAssignable(*name))
      return;
  } else if (!checkAssignableLValue(target)) {
    return;
  }
  // `x op= v` is `x = x op v`, with `x` read again through a fresh copy.
  ExprPtr current = assign.reference
                        ? makeLocalRef(assign.reference, target->getRange())
                        : cloneLValue(target);
  assign.combined = std::make_unique<BinaryExpr>(
      assign.getRange(), assign.op, assign.opLoc, std::move(current),
      std::move(assign.value));
  cast<BinaryExpr>(assign.combined.get())->isAugmented = true;
  checkAs(assign.combined, type);
}

void Sema::checkComptimeAssert(ComptimeAssertStmt &s) {
  checkCondition(s.cond);
  if (s.message && !isa<StringLiteralExpr>(s.message.get())) {
    diags.report(s.message->getRange(), DiagID::err_assert_message);
    return;
  }
  if (s.cond->type->isError())
    return;
  std::optional<int64_t> value = evaluateConstant(*s.cond);
  if (!value) {
    diags.report(s.cond->getRange(), DiagID::err_not_constant_condition,
                 "comptime assert");
    return;
  }
  if (*value)
    return;
  if (s.message)
    diags.report(s.cond->getRange(), DiagID::err_assert_failed_message,
                 cast<StringLiteralExpr>(s.message.get())->value);
  else
    diags.report(s.cond->getRange(), DiagID::err_assert_failed);
}

/// `comptime if`: the condition is a compile-time `Bool`; the branch it
/// does not pick is neither checked nor emitted.
void Sema::checkComptimeIf(IfStmt &s) {
  checkCondition(s.cond);
  if (s.cond->type->isError())
    return;
  std::optional<int64_t> value = evaluateConstant(*s.cond);
  if (!value) {
    diags.report(s.cond->getRange(), DiagID::err_not_constant_condition,
                 "comptime if");
    return;
  }
  s.taken = *value != 0;
  ScopeRAII branchScope(*this);
  checkBlock(s.taken ? s.thenBody : s.elseBody);
}

/// `comptime for v in range(...)`: the range is known at compile time, and
/// the body is copied once per value, with `v` a `comptime` value in it.
void Sema::checkComptimeFor(ForStmt &loop) {
  auto *call = dyn_cast<CallExpr>(loop.iterable.get());
  auto *callee = call ? dyn_cast<NameExpr>(call->callee.get()) : nullptr;
  const Symbol *symbol = callee ? scope->lookup(callee->name) : nullptr;
  auto *target = dyn_cast<NameExpr>(loop.target.get());
  if (!symbol || symbol->kind != Symbol::Kind::Builtin ||
      symbol->builtin != Builtin::Range ||
      !(target || isa<DiscardExpr>(loop.target.get()))) {
    diags.report(loop.iterable->getRange(), DiagID::err_unsupported,
                 "`comptime for` over anything but `range(...)` into a name");
    return;
  }
  call->builtin = Builtin::Range;
  checkRangeArgs(*call);
  if (call->resolvedArgs.empty())
    return;
  std::optional<int64_t> bounds[3] = {0, std::nullopt, 1};
  for (int i = 0; i < 3; ++i)
    if (Expr *arg = call->resolvedArgs[i]) {
      bounds[i] = evaluateConstant(*arg);
      if (!bounds[i]) {
        diags.report(arg->getRange(), DiagID::err_not_constant_condition,
                     "comptime for");
        return;
      }
    }
  int64_t start = *bounds[0], stop = *bounds[1], step = *bounds[2];
  if (step == 0)
    return; // Reported by checkRangeArgs.
  int64_t count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                           : (start > stop ? (start - stop - step - 1) / -step : 0);
  if (count > kMaxUnrolledIterations) {
    diags.report(loop.iterable->getRange(), DiagID::err_unroll_too_long,
                 count, kMaxUnrolledIterations);
    return;
  }
  ++loopDepth;
  for (int64_t i = 0, v = start; i < count; ++i, v += step) {
    ScopeRAII iterationScope(*this);
    if (target) {
      auto value = std::make_unique<AliasDecl>(target->getRange());
      value->name = target->name;
      value->nameRange = target->getRange();
      value->value = makeIntConstant(target->getRange(), v);
      checkAs(value->value, Type::get(Type::Kind::Int));
      value->checked = true;
      Symbol symbol;
      symbol.kind = Symbol::Kind::Alias;
      symbol.alias = value.get();
      symbol.declRange = target->getRange();
      scope->insert(target->name, symbol);
      loop.iterationValues.push_back(std::move(value));
    }
    loop.unrolled.push_back(cloneBlock(loop.body));
    checkBlock(loop.unrolled.back());
  }
  --loopDepth;
  ScopeRAII elseScope(*this);
  checkBlock(loop.elseBody);
}

void Sema::checkFor(ForStmt &loop) {
  if (loop.isComptime)
    return checkComptimeFor(loop);
  auto *call = dyn_cast<CallExpr>(loop.iterable.get());
  auto *callee = call ? dyn_cast<NameExpr>(call->callee.get()) : nullptr;
  const Symbol *symbol = callee ? scope->lookup(callee->name) : nullptr;
  bool isRange = symbol && symbol->kind == Symbol::Kind::Builtin &&
                 symbol->builtin == Builtin::Range;
  // `for i, x in enumerate(xs)` runs over `xs`, counting in `i`.
  auto *targets = dyn_cast<TupleExpr>(loop.target.get());
  ExprPtr indexTarget;
  if (symbol && symbol->kind == Symbol::Kind::Builtin &&
      symbol->builtin == Builtin::Enumerate && targets &&
      targets->elements.size() == 2 && call->args.size() == 1 &&
      call->args[0].keyword.empty()) {
    indexTarget = std::move(targets->elements[0]);
    loop.target = std::move(targets->elements[1]);
    loop.iterable = std::move(call->args[0].value);
    targets = dyn_cast<TupleExpr>(loop.target.get());
  }
  const Type *element = Type::get(Type::Kind::Int);
  if (!isRange) {
    element = checkContainerLoop(loop);
    if (!element)
      element = Type::get(Type::Kind::Error);
  } else {
    call->builtin = Builtin::Range;
    checkRangeArgs(*call);
  }
  ScopeRAII bodyScope(*this);
  if (auto *name = llvm::dyn_cast_or_null<NameExpr>(indexTarget.get())) {
    loop.index = declareLocal(name->name, name->getRange(),
                              Type::get(Type::Kind::Int), *scope);
    name->local = loop.index;
    name->type = Type::get(Type::Kind::Int);
  } else if (indexTarget && !isa<DiscardExpr>(indexTarget.get())) {
    diags.report(indexTarget->getRange(), DiagID::err_for_target);
  }
  auto *target = dyn_cast<NameExpr>(loop.target.get());
  if (isa<DiscardExpr>(loop.target.get())) {
    // `for _ in ...` only counts.
  } else if (targets) {
    bindLoopElements(loop, *targets, element);
  } else if (!target) {
    diags.report(loop.target->getRange(), DiagID::err_for_target);
  } else {
    loop.local = declareLocal(target->name, target->getRange(), element,
                              *scope);
    target->local = loop.local;
    target->type = element;
    bindLoopReference(loop);
  }
  ++loopDepth;
  checkBlock(loop.body);
  --loopDepth;
  ScopeRAII elseScope(*this);
  checkBlock(loop.elseBody);
}

void Sema::checkReturn(ReturnStmt &ret) {
  if (currentFn->neverReturns) {
    diags.report(ret.getRange(), DiagID::err_return_in_never, currentFn->name);
    if (ret.value)
      check(ret.value);
    return;
  }
  // An untyped `def` returns the type of its first returned value.
  if (currentFn->inferResult && !currentFn->resultType)
    currentFn->resultType = ret.value && !isa<NoneLiteralExpr>(ret.value.get())
                                ? checkValue(ret.value)
                                : Type::get(Type::Kind::None);
  const Type *resultType = currentFn->resultType;
  if (!ret.value) {
    if (!resultType->isNone() && !resultType->isError())
      diags.report(ret.getRange(), DiagID::err_missing_return_value,
                   currentFn->name, resultType->getName());
    return;
  }
  if (resultType->isNone()) {
    if (!isa<NoneLiteralExpr>(ret.value.get()))
      diags.report(ret.value->getRange(), DiagID::err_return_value_in_none_fn,
                   currentFn->name);
    ret.value.reset();
    return;
  }
  if (currentFn->returnsRef)
    return checkRefReturn(ret);
  checkAs(ret.value, resultType);
  // Returning a variable the function owns moves it out: nothing can use
  // it afterwards. Anything else is copied.
  auto *name = dyn_cast<NameExpr>(ret.value.get());
  if (!name || !name->local || !name->local->ownsValue)
    checkCopy(*ret.value);
}

/// Whether `block` has a `break` that leaves the loop it is the body of.
static bool containsBreak(const Block &block) {
  for (const StmtPtr &stmt : block) {
    if (isa<BreakStmt>(stmt.get()))
      return true;
    if (auto *s = dyn_cast<IfStmt>(stmt.get()))
      if (containsBreak(s->thenBody) || containsBreak(s->elseBody))
        return true;
  }
  return false;
}

/// Whether control never falls off the end of `block`.
bool Sema::alwaysExits(const Block &block) {
  for (const StmtPtr &stmt : block) {
    if (isa<ReturnStmt, RaiseStmt>(stmt.get()))
      return true;
    // A call of a function that returns `Never`, of `exit` or of the
    // library's `__fail` does not come back.
    if (auto *s = dyn_cast<ExprStmt>(stmt.get()))
      if (auto *call = llvm::dyn_cast_or_null<CallExpr>(s->expr.get());
          call && ((call->function && call->function->neverReturns) ||
                   call->builtin == Builtin::Exit ||
                   call->builtin == Builtin::Fail))
        return true;
    if (auto *s = dyn_cast<IfStmt>(stmt.get())) {
      if (s->isComptime && alwaysExits(s->taken ? s->thenBody : s->elseBody))
        return true;
      if (alwaysExits(s->thenBody) && alwaysExits(s->elseBody))
        return true;
    }
    if (auto *s = dyn_cast<TryStmt>(stmt.get()))
      if ((alwaysExits(s->body) && (!s->hasExcept || alwaysExits(s->handler))) ||
          alwaysExits(s->finallyBody))
        return true;
    // A `with` whose manager may handle an error can end normally.
    if (auto *s = dyn_cast<WithStmt>(stmt.get()))
      if (alwaysExits(s->body) &&
          llvm::none_of(s->items, [](const WithItem &item) {
            return item.exitWithError != nullptr;
          }))
        return true;
    if (auto *s = dyn_cast<WhileStmt>(stmt.get())) {
      auto *lit = dyn_cast<BoolLiteralExpr>(s->cond.get());
      // `while True` without a `break` of its own never ends normally.
      if (lit && lit->value && !containsBreak(s->body))
        return true;
    }
  }
  return false;
}
