//===- SemaError.cpp - Ember semantic analysis: raising and handling ------===//
//
// Errors are values: a raising function returns its error beside its
// result. Sema decides where each error goes (the innermost `try` or
// `with` that handles it, or out of the function, which must be `raises`)
// and how it becomes the error type there: a `Writable` struct becomes an
// `Error` holding its text, other structs convert through an `@implicit`
// initializer.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// The library's `Error`, what a plain `raises` raises.
const Type *Sema::getErrorStructType() {
  const Symbol *symbol = moduleScope.lookupHere("Error");
  if (!symbol || symbol->kind != Symbol::Kind::Type)
    return errorType();
  return symbol->type;
}

/// Whether `e` is `Never`, the type of no value, which only a function's
/// result (it never returns) and its `raises` (it never raises) may be.
bool Sema::namesNever(const Expr &e) {
  auto *name = dyn_cast<NameExpr>(&e);
  return name && name->name == "Never" && !scope->lookup("Never");
}

void Sema::resolveRaisedType(FnDecl &fn) {
  if (!fn.raises)
    return;
  if (!fn.raisedTypeExpr) {
    fn.raisedType = getErrorStructType();
    return;
  }
  // `raises Never` raises nothing.
  if (namesNever(*fn.raisedTypeExpr)) {
    fn.raises = false;
    return;
  }
  fn.raisedType = resolveType(fn.raisedTypeExpr.get());
  if (!fn.raisedType->isStruct() && !fn.raisedType->isError()) {
    diags.report(fn.raisedTypeExpr->getRange(), DiagID::err_raise_value,
                 fn.raisedType->getName());
    fn.raisedType = errorType();
  }
}

ExprPtr Sema::makeLocalRef(LocalVar *local, llvm::SMRange range) {
  auto name = std::make_unique<NameExpr>(range, local->name);
  name->local = local;
  name->type = local->type;
  return name;
}

/// An error raised at `site` (by a call of `callee`, or a `raise`) goes to
/// the innermost handler.
/// Whether `fn` is a `def` without `raises` that may still turn out to
/// raise: under the older reading of `def`, one whose body raises does.
static bool mayRaiseImplicitly(const FnDecl &fn) {
  return fn.isDef && !fn.raises && !fn.raisedType && !fn.isLibrary &&
         !fn.isGeneric;
}

/// Under the older reading of `def`, a `def` may raise without `raises`:
/// Ember accepts that with a warning, and the function raises `Error`.
/// Returns whether the current function now raises.
bool Sema::raiseImplicitly(llvm::SMRange range) {
  FnDecl &fn = *currentFn;
  if (!mayRaiseImplicitly(fn))
    return false;
  // A call checked before now took it not to raise: that must be said.
  diags.report(fn.nameRange,
               fn.raisingObserved ? DiagID::err_def_raises_after_use
                                  : DiagID::warn_def_raises_implicitly,
               fn.name);
  diags.report(range, DiagID::note_raises_here);
  fn.raisedType = getErrorStructType();
  errorHandlers.push_back({fn.raisedType, {}, 0});
  return true;
}

/// Before a call to `fn` is checked: whether `fn` raises must be known,
/// so the body of a module-level `def` without `raises` is checked first
/// (methods are checked before functions are, instances when the program
/// asks for them). One not checked yet, or being checked (a recursive
/// call), is taken not to raise from now on.
void Sema::settleRaising(FnDecl &fn) {
  if (!mayRaiseImplicitly(fn))
    return;
  if (!fn.bodyChecked && !fn.parent && !fn.outerScope && !fn.isRequested &&
      !fn.isDeferred && meetsConstraint(fn))
    checkFunctionBody(fn);
  if (!fn.raisedType)
    fn.raisingObserved = true;
}

void Sema::recordRaise(ErrorConversion &site, const Type *raised,
                       llvm::SMRange range, const FnDecl *callee) {
  if (raised->isError())
    return;
  if (errorHandlers.empty() && currentFn && raiseImplicitly(range))
    return recordRaise(site, raised, range, callee);
  if (errorHandlers.empty()) {
    if (!currentFn) {
      diags.report(range, DiagID::err_raise_outside_function);
      return;
    }
    // The library's own helpers, such as what a launch checks after it,
    // are not the user's to name.
    llvm::StringRef calleeName = callee ? llvm::StringRef(callee->name) : "";
    bool isDunder = calleeName.starts_with("__") && calleeName.ends_with("__");
    if (callee && callee->isLibrary && calleeName.starts_with("_") && !isDunder)
      diags.report(range, DiagID::err_hidden_call_raises_unhandled,
                   currentFn->name);
    else if (callee)
      diags.report(range, DiagID::err_call_raises_unhandled,
                   callee->parent && callee->name == "__init__"
                       ? callee->parent->name
                       : callee->name,
                   currentFn->name);
    else
      diags.report(range, DiagID::err_raise_unhandled, currentFn->name);
    diags.report(currentFn->nameRange, DiagID::note_mark_raises,
                 currentFn->name);
    return;
  }
  ErrorHandler &handler = errorHandlers.back();
  ++handler.count;
  if (handler.type)
    convertError(site, raised, handler.type, range);
  else
    handler.sites.emplace_back(&site, raised, range);
}

/// Ends the innermost handler, a `try`'s: its error type is the one type
/// that its body raises, or `Error` when there are several.
const Type *Sema::finishHandler() {
  ErrorHandler handler = std::move(errorHandlers.back());
  errorHandlers.pop_back();
  const Type *type = nullptr;
  for (auto &[site, raised, range] : handler.sites)
    if (!type)
      type = raised;
    else if (type != raised)
      type = getErrorStructType();
  if (!type)
    type = getErrorStructType();
  for (auto &[site, raised, range] : handler.sites)
    convertError(*site, raised, type, range);
  return type;
}

bool Sema::isWritable(const Type *type) {
  auto *structType = dyn_cast<StructType>(type);
  return structType && !structType->getDecl().findMethods("write_to").empty();
}

void Sema::convertError(ErrorConversion &site, const Type *from,
                        const Type *to, llvm::SMRange range) {
  if (from == to || from->isError() || to->isError())
    return;
  const Type *errorStruct = getErrorStructType();
  bool toError = to == errorStruct && isWritable(from);
  if (!toError && getImplicitConversions(from, to).empty()) {
    diags.report(range, DiagID::err_error_conversion, from->getName(),
                 to->getName());
    diags.report(range.Start, DiagID::note_error_conversion);
    return;
  }
  site.raised = declareHiddenLocal("raised", range, from);
  ExprPtr value = makeLocalRef(site.raised, range);
  if (!toError) {
    convertImplicitly(value, to);
    site.converted = std::move(value);
    return;
  }
  // `Error(raised)`: the text the error writes.
  auto call =
      std::make_unique<CallExpr>(range, std::make_unique<ErrorExpr>(range));
  call->args.push_back({"", {}, std::move(value)});
  checkConstruction(*call, cast<StructType>(to)->getDecl());
  call->type = to;
  site.converted = std::move(call);
}

void Sema::checkRaise(RaiseStmt &s) {
  if (!s.value) {
    if (caughtErrors.empty()) {
      diags.report(s.getRange(), DiagID::err_bare_raise);
      return;
    }
    s.reraised = caughtErrors.back();
    recordRaise(s.conversion, s.reraised->type, s.getRange(), nullptr);
    return;
  }
  const Type *type = checkValue(s.value);
  if (type->isError())
    return;
  // `raise "message"` raises an `Error`.
  const Symbol *string = moduleScope.lookupHere("String");
  if (type->isString() || (string && type == string->type)) {
    type = getErrorStructType();
    checkAs(s.value, type);
  } else if (!type->isStruct()) {
    diags.report(s.value->getRange(), DiagID::err_raise_value,
                 type->getName());
    return;
  } else {
    // Raising a variable the function owns moves it out, as a `return`.
    auto *name = dyn_cast<NameExpr>(s.value.get());
    if (!name || !name->local || !name->local->ownsValue)
      checkCopy(*s.value);
  }
  recordRaise(s.conversion, type, s.value->getRange(), nullptr);
}

void Sema::checkTry(TryStmt &s) {
  if (s.hasExcept)
    errorHandlers.emplace_back();
  {
    ScopeRAII bodyScope(*this);
    checkBlock(s.body);
  }
  if (s.hasExcept) {
    const Type *type = finishHandler();
    ScopeRAII handlerScope(*this);
    if (!s.errorName.empty())
      s.error = declareLocal(s.errorName, s.errorNameRange, type, *scope);
    if (!s.error)
      s.error = declareHiddenLocal("except.error", s.getRange(), type);
    caughtErrors.push_back(s.error);
    checkBlock(s.handler);
    caughtErrors.pop_back();
  }
  {
    ScopeRAII elseScope(*this);
    checkBlock(s.elseBody);
  }
  ScopeRAII finallyScope(*this);
  checkBlock(s.finallyBody);
}

/// The items of a `with` from `index` on, each around the next, then the
/// body.
void Sema::checkWith(WithStmt &s, size_t index) {
  if (index == s.items.size()) {
    ScopeRAII bodyScope(*this);
    checkBlock(s.body);
    return;
  }
  WithItem &item = s.items[index];
  llvm::SMRange range = item.manager->getRange();
  const Type *type = checkValue(item.manager);
  auto *structType = dyn_cast<StructType>(type);
  if (!structType ||
      structType->getDecl().findMethods("__enter__").empty()) {
    if (!type->isError())
      diags.report(range, DiagID::err_not_context_manager, type->getName());
    return checkWith(s, index + 1);
  }
  StructDecl &decl = structType->getDecl();
  // A variable is managed where it is; anything else is kept until the
  // `with` ends.
  bool inPlace = isLValue(item.manager.get());
  if (!inPlace) {
    checkOwnedValue(item.manager, type);
    item.managerLocal = declareHiddenLocal("with.manager", range, type);
  }
  auto manager = [&]() -> ExprPtr {
    return inPlace ? cloneExpr(*item.manager)
                   : makeLocalRef(item.managerLocal, range);
  };
  // An `__enter__(var self)` takes the manager itself (a file handle gives
  // itself to `as f`).
  FnDecl *enterMethod = decl.findMethods("__enter__").front();
  bool consumes = !enterMethod->params.empty() &&
                  enterMethod->params[0].convention == ArgConvention::Owned;
  ExprPtr managerRef = manager();
  if (consumes)
    managerRef = std::make_unique<TransferExpr>(range, std::move(managerRef));
  ExprPtr enter =
      makeMethodCall(std::move(managerRef), "__enter__", {}, range, range.Start);
  if (item.target) {
    auto assign = std::make_unique<AssignStmt>(item.target->getRange());
    assign->targets.push_back(std::move(item.target));
    assign->value = std::move(enter);
    checkAssign(*assign);
    item.enter = std::move(assign);
  } else {
    check(enter);
    item.enter = std::make_unique<ExprStmt>(range, std::move(enter));
  }
  FnDecl *exitWithError = nullptr;
  for (FnDecl *exit : decl.findMethods("__exit__")) {
    if (exit->params.size() == 1 && !item.exit) {
      item.exit = makeMethodCall(manager(), "__exit__", {}, range, range.Start);
      check(item.exit);
    } else if (exit->params.size() == 2) {
      exitWithError = exit;
    }
  }
  if (exitWithError && exitWithError->isGeneric) {
    diags.report(exitWithError->nameRange, DiagID::err_unsupported,
                 "an `__exit__` generic over the error it takes");
    exitWithError = nullptr;
  }
  if (!exitWithError)
    return checkWith(s, index + 1);
  // The body's errors become what `__exit__(error)` takes.
  const Type *handled = exitWithError->params[1].type;
  errorHandlers.push_back({handled, {}, 0});
  checkWith(s, index + 1);
  unsigned raises = errorHandlers.back().count;
  errorHandlers.pop_back();
  if (raises == 0 || handled->isError())
    return;
  item.error = declareHiddenLocal("with.error", range, handled);
  std::vector<ExprPtr> args;
  args.push_back(makeLocalRef(item.error, range));
  item.exitWithError =
      makeMethodCall(manager(), "__exit__", std::move(args), range, range.Start);
  checkAs(item.exitWithError, Type::get(Type::Kind::Bool));
  recordRaise(item.propagation, handled, range, exitWithError);
}
