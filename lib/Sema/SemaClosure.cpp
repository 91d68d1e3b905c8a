//===- SemaClosure.cpp - Nested functions and closures --------------------===//
//
// A function declared in another's body sees its own arguments and what
// its capture list names, nothing else of the enclosing function: `imm x`
// (or a bare `x`) reads `x`, `mut x` changes it, `ref x` is as mutable as
// `x`, `var x` is a copy made where the closure is defined (`var x^` a
// move); a convention without a name (`{mut}`, `{var^}`) captures every
// outer variable the body uses that way.
//
// A closure is lifted: each capture is a hidden keyword-only argument,
// which every call passes, the enclosing function's variable or the copy
// it keeps for the closure. Calls are then plain calls, whose arguments
// the ownership pass sees, so a captured value lives as long as the
// closure is called.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::dyn_cast;

/// The hidden, keyword-only argument a capture is.
static Param makeCaptureParam(const FnDecl::Capture &capture) {
  Param param;
  param.name = capture.inner->name;
  param.nameRange = capture.inner->declRange;
  param.convention = capture.convention;
  param.keywordOnly = true;
  param.type = capture.inner->type;
  param.local = capture.inner;
  param.capturedFrom = capture.outer;
  return param;
}

void Sema::checkLocalFunction(FunctionStmt &stmt) {
  FnDecl &fn = *stmt.fn;
  fn.unit = currentFn->unit;
  fn.enclosing = currentFn;
  fn.isLibrary = currentFn->isLibrary;
  fn.outerScope = scope;
  // A generic one is checked in each instance, which its calls make in
  // this function, while the scope it sees is alive.
  fn.isGeneric = isTemplate(fn);
  if (!fn.isGeneric) {
    resolveSignature(fn);
    captureListed(fn);
  }
  // The name is visible from here on, in the body too.
  Symbol symbol;
  symbol.kind = Symbol::Kind::Function;
  symbol.functions.push_back(&fn);
  symbol.declRange = fn.nameRange;
  if (const Symbol *previous = scope->lookupHere(fn.name)) {
    diags.report(fn.nameRange, DiagID::err_redefinition, fn.name);
    diags.report(previous->declRange, DiagID::note_previous_definition);
  } else {
    scope->insert(fn.name, symbol);
  }
  module->localFunctions.push_back(&fn);
  if (fn.isGeneric)
    return;
  checkClosureBody(fn);
  fn.outerScope = nullptr;
}

/// Captures what the capture list of `fn` names.
void Sema::captureListed(FnDecl &fn) {
  bool hasDefault = false;
  for (const CaptureDecl &capture : fn.captures) {
    if (capture.name.empty()) {
      if (hasDefault)
        diags.report(capture.range, DiagID::err_capture_two_defaults);
      hasDefault = true;
      continue;
    }
    captureExplicitly(fn, capture);
  }
}

/// Checks the body of the closure `fn`; what it captured by default
/// becomes arguments too.
void Sema::checkClosureBody(FnDecl &fn) {
  checkFunctionBody(fn);
  for (const FnDecl::Capture &capture : fn.captured) {
    if (llvm::any_of(fn.params, [&](const Param &param) {
          return param.local == capture.inner;
        }))
      continue;
    fn.params.push_back(makeCaptureParam(capture));
  }
}

/// An instance of a generic nested function, in the function that defines
/// it: it captures as the template says, and is checked now.
void Sema::finishNestedInstance(FnDecl &instance, llvm::SMLoc requestedAt) {
  if (currentFn != instance.enclosing) {
    diags.report(requestedAt, DiagID::err_unsupported,
                 "calling a generic closure from a function other than the "
                 "one that defines it");
    return;
  }
  captureListed(instance);
  unsigned errorsBefore = diags.getNumErrors();
  checkClosureBody(instance);
  if (!instance.snapshots.empty())
    diags.report(instance.nameRange, DiagID::err_unsupported,
                 "a `var` capture in a generic nested function");
  if (diags.getNumErrors() != errorsBefore)
    diags.report(requestedAt, DiagID::note_instance_here,
                 instance.name + instance.instanceSuffix);
}

/// The default capture of `fn`, if its list has one.
static const CaptureDecl *getDefaultCapture(const FnDecl &fn) {
  for (const CaptureDecl &capture : fn.captures)
    if (capture.name.empty())
      return &capture;
  return nullptr;
}

/// A hidden argument of `fn` for `outer`, captured as `capture` says; for
/// `var`, a copy (or the value moved) that the enclosing function keeps.
/// A capture that cannot be is reported, and made a plain one.
LocalVar *Sema::makeCapture(FnDecl &fn, LocalVar &outer,
                            const CaptureDecl &capture, llvm::SMRange at) {
  ArgConvention convention = capture.convention;
  LocalVar *passed = &outer;
  auto *structType = dyn_cast<StructType>(outer.type);
  if (capture.transfer && convention != ArgConvention::Owned) {
    diags.report(capture.range, DiagID::err_capture_transfer);
  } else if (convention == ArgConvention::Mut) {
    if (!outer.isMutable) {
      diags.report(at, DiagID::err_capture_immutable, outer.name);
      diags.report(outer.declRange, DiagID::note_declared_here, outer.name);
    }
    markWritten(&outer);
  } else if (convention == ArgConvention::Owned && capture.transfer &&
             !outer.ownsValue) {
    diags.report(at, DiagID::err_transfer_borrowed, outer.name);
    convention = ArgConvention::Read;
  } else if (convention == ArgConvention::Owned && !capture.transfer &&
             structType && !structType->getDecl().copyable) {
    diags.report(at, DiagID::err_capture_copy, outer.name,
                 outer.type->getName());
    convention = ArgConvention::Read;
  }
  if (convention == ArgConvention::Owned) {
    // The copy belongs to the enclosing function, which sets it where the
    // closure is defined; the closure changes it in place.
    auto snapshot = std::make_unique<LocalVar>();
    snapshot->name = outer.name + ".captured";
    snapshot->declRange = at;
    snapshot->type = outer.type;
    snapshot->owner = fn.enclosing;
    passed = snapshot.get();
    ExprPtr value = makeLocalRef(&outer, at);
    if (capture.transfer) {
      value = std::make_unique<TransferExpr>(at, std::move(value));
      value->type = outer.type;
    }
    fn.snapshots.push_back({passed, std::move(value)});
    fn.enclosing->locals.push_back(std::move(snapshot));
    convention = ArgConvention::Mut;
  }
  auto inner = std::make_unique<LocalVar>();
  inner->name = outer.name;
  inner->declRange = at;
  inner->type = outer.type;
  inner->owner = &fn;
  inner->isMutable = convention != ArgConvention::Read;
  inner->ownsValue = false;
  inner->isCapture = true;
  // `ref x` is as mutable as `x`, and writing it writes `x`.
  if (convention == ArgConvention::Ref) {
    inner->isRef = true;
    inner->isMutable = outer.isMutable;
    inner->refersTo = &outer;
  }
  fn.captured.push_back({passed, inner.get(), convention});
  fn.locals.push_back(std::move(inner));
  return fn.locals.back().get();
}

void Sema::captureExplicitly(FnDecl &fn, const CaptureDecl &capture) {
  const Symbol *symbol = scope->lookup(capture.name);
  if (!symbol || symbol->kind != Symbol::Kind::Local ||
      symbol->local->owner != currentFn) {
    diags.report(capture.range, DiagID::err_capture_unknown, capture.name);
    return;
  }
  if (llvm::any_of(fn.captured, [&](const FnDecl::Capture &c) {
        return c.inner->name == capture.name;
      })) {
    diags.report(capture.range, DiagID::err_capture_twice, capture.name);
    return;
  }
  LocalVar *inner = makeCapture(fn, *symbol->local, capture, capture.range);
  if (!inner)
    return;
  // An argument already, whose name the body check declares.
  fn.params.push_back(makeCaptureParam(fn.captured.back()));
}

/// A use of `outer`, a variable of the enclosing function, in the body of
/// the closure being checked: captured by the default convention, from
/// then on a name of the closure's own.
LocalVar *Sema::captureImplicitly(NameExpr &name, LocalVar &outer) {
  FnDecl &fn = *currentFn;
  if (outer.owner != fn.enclosing) {
    diags.report(name.getRange(), DiagID::err_unsupported,
                 "capturing a variable of a function two levels out");
    return nullptr;
  }
  const CaptureDecl *byDefault = getDefaultCapture(fn);
  if (!byDefault) {
    diags.report(name.getRange(), DiagID::err_not_captured, name.name, fn.name);
    return nullptr;
  }
  LocalVar *inner = makeCapture(fn, outer, *byDefault, name.getRange());
  if (!inner)
    return nullptr;
  Symbol symbol;
  symbol.kind = Symbol::Kind::Local;
  symbol.local = inner;
  symbol.declRange = name.getRange();
  functionScope->replace(outer.name, symbol);
  return inner;
}

/// A call of a closure passes what it captures; one in its own body passes
/// its captures on.
bool Sema::passCaptures(CallExpr &call, FnDecl &fn,
                        std::vector<Expr *> &resolved) {
  bool isRecursive = currentFn == &fn;
  if (isRecursive && getDefaultCapture(fn)) {
    // What the body captures by default is known only at its end.
    diags.report(call.getRange(), DiagID::err_unsupported,
                 "a closure that calls itself with a default capture; name "
                 "each capture");
    return false;
  }
  if (fn.captured.empty())
    return true;
  if (currentFn != fn.enclosing && !isRecursive) {
    diags.report(call.getRange(), DiagID::err_unsupported,
                 "calling a closure from a function other than the one that "
                 "defines it");
    return false;
  }
  call.captureArgs.clear();
  for (size_t i = 0; i < fn.params.size(); ++i) {
    Param &param = fn.params[i];
    if (!param.capturedFrom)
      continue;
    call.captureArgs.push_back(makeLocalRef(
        isRecursive ? param.local : param.capturedFrom, call.getRange()));
    resolved[i] = call.captureArgs.back().get();
  }
  return true;
}
