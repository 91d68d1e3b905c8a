//===- SemaRef.cpp - References: ref arguments, results and bindings ------===//
//
// A reference names storage another owns. `ref x: T` is passed by
// reference, mutable where the caller's value is: a body that writes `x`
// needs a mutable argument at every call, which is checked once every
// body is (`checkRefArguments`). `-> ref[origin] T` returns a reference
// into the value of the argument `origin` names; the call is storage, as
// mutable as that argument, and the value lives as long as the reference
// is used (`ember.derived_ref`). `ref name = value` and `for ref x in`
// bind names to storage.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// The argument an origin expression (`self`, `self.names[0]`, or the
/// name in `ref[name]`) is rooted in.
static int findOriginParam(const FnDecl &fn, const Expr *origin) {
  while (true) {
    if (auto *attr = dyn_cast<AttributeExpr>(origin))
      origin = attr->base.get();
    else if (auto *sub = dyn_cast<SubscriptExpr>(origin))
      origin = sub->base.get();
    else if (auto *call = dyn_cast<CallExpr>(origin))
      origin = call->callee.get();
    else
      break;
  }
  auto *name = dyn_cast<NameExpr>(origin);
  if (!name)
    return -1;
  for (size_t i = 0; i < fn.params.size(); ++i)
    if (fn.params[i].name == name->name ||
        fn.params[i].originName == name->name)
      return static_cast<int>(i);
  return -1;
}

void Sema::resolveResultOrigin(FnDecl &fn) {
  if (!fn.returnsRef)
    return;
  const Expr &origin = *fn.resultOriginExpr;
  int index = findOriginParam(fn, &origin);
  if (index < 0) {
    diags.report(origin.getRange(), DiagID::err_ref_origin_unknown,
                 getSourceText(origin.getRange()));
    return;
  }
  Param &param = fn.params[index];
  if (param.convention != ArgConvention::Read &&
      param.convention != ArgConvention::Mut &&
      param.convention != ArgConvention::Ref) {
    diags.report(origin.getRange(), DiagID::err_ref_origin_owned, param.name,
                 getSpelling(param.convention));
    return;
  }
  param.isResultOrigin = true;
  fn.resultOrigin = index;
}

bool Sema::returnsReference(const Expr *e) {
  auto *call = dyn_cast<CallExpr>(e);
  return call && call->function && call->function->returnsRef &&
         call->function->resultOrigin >= 0;
}

/// Follows a reference result to the argument its storage is in.
static Expr *getOriginArgument(Expr *e) {
  auto *call = cast<CallExpr>(e);
  return call->resolvedArgs[call->function->resultOrigin];
}

Sema::WriteAccess Sema::getWriteAccess(Expr *e) {
  while (true) {
    if (auto *attr = dyn_cast<AttributeExpr>(e)) {
      e = attr->base.get();
      continue;
    }
    if (returnsReference(e)) {
      const FnDecl &fn = *cast<CallExpr>(e)->function;
      if (fn.params[fn.resultOrigin].convention == ArgConvention::Read)
        return {nullptr, cast<CallExpr>(e)};
      // A `mut` origin was checked at the call; a `ref` one is as mutable
      // as what was passed.
      e = getOriginArgument(e);
      if (!isLValue(e))
        return {};
      continue;
    }
    if (auto *name = dyn_cast<NameExpr>(e))
      return {name->local, nullptr};
    return {}; // Memory a pointer reaches, or a temporary.
  }
}

bool Sema::isMutableStorage(Expr *e) {
  if (!isLValue(e))
    return true; // A temporary's storage is the caller's to change.
  WriteAccess access = getWriteAccess(e);
  return !access.readOnlyResult && (!access.root || access.root->isMutable);
}

void Sema::markWritten(LocalVar *local) {
  for (; local; local = local->refersTo)
    local->isWritten = true;
}

LocalVar *Sema::getReferencedVariable(Expr *e) {
  while (true) {
    if (auto *attr = dyn_cast<AttributeExpr>(e)) {
      e = attr->base.get();
    } else if (returnsReference(e)) {
      e = getOriginArgument(e);
    } else if (auto *name = dyn_cast<NameExpr>(e)) {
      LocalVar *local = name->local;
      while (local && local->refersTo)
        local = local->refersTo;
      return local;
    } else {
      return nullptr;
    }
  }
}

void Sema::noteRefArgument(Expr *arg, const FnDecl &callee,
                           const Param &param) {
  if (arg->type->isError())
    return;
  bool isMutable = isMutableStorage(arg);
  LocalVar *root = isLValue(arg) ? getWriteAccess(arg).root : nullptr;
  // Whether the callee writes it is known once its body is checked; a
  // `ref` argument passed on is written where the callee writes it.
  if (!isMutable || (root && root->isRef))
    pendingRefArguments.push_back(
        {&callee, &param, isMutable ? root : nullptr, arg->getRange(),
         isMutable});
}

void Sema::checkRefArgument(ExprPtr &arg, const FnDecl &callee,
                            const Param &param) {
  const Type *type = checkValue(arg, param.type);
  if (type->isError() || param.type->isError())
    return;
  if (type != param.type) {
    mismatch(*arg, param.type);
    return;
  }
  noteRefArgument(arg.get(), callee, param);
}

void Sema::checkRefArguments() {
  auto written = [](const Param &param) {
    return param.local && param.local->isWritten;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (const PendingRefArgument &pending : pendingRefArguments)
      if (pending.forwardedFrom && !pending.forwardedFrom->isWritten &&
          written(*pending.param)) {
        markWritten(pending.forwardedFrom);
        changed = true;
      }
  }
  for (const PendingRefArgument &pending : pendingRefArguments) {
    if (pending.isMutable || !written(*pending.param))
      continue;
    diags.report(pending.range, DiagID::err_ref_arg_immutable,
                 pending.callee->name, pending.param->name);
    diags.report(pending.param->nameRange, DiagID::note_ref_arg_written,
                 pending.param->name);
  }
}

/// `local` refers to the storage `value` is.
void Sema::bindReference(LocalVar *local, Expr *value, bool isMutable) {
  local->isRef = true;
  local->ownsValue = false;
  local->isMutable = isMutable && isMutableStorage(value);
  local->refersTo = isLValue(value) ? getWriteAccess(value).root : nullptr;
}

void Sema::checkRefBinding(VarStmt &var) {
  // A broken statement still declares its name, quietly.
  if (!var.init) {
    var.local = declareLocal(var.name, var.nameRange, errorType(), *scope);
    return;
  }
  const Type *type = var.typeExpr ? resolveType(var.typeExpr.get()) : nullptr;
  const Type *valueType = checkValue(var.init, type);
  if (type && !type->isError() && !valueType->isError() && type != valueType) {
    mismatch(*var.init, type);
    valueType = errorType();
  }
  if (!valueType->isError() && !isLValue(var.init.get())) {
    diags.report(var.init->getRange(), DiagID::err_ref_to_temporary, var.name);
    valueType = errorType();
  }
  var.local = declareLocal(var.name, var.nameRange, valueType, *scope);
  if (var.local && !valueType->isError())
    bindReference(var.local, var.init.get(), /*isMutable=*/true);
}

void Sema::checkRefReturn(ReturnStmt &ret) {
  const Type *type = checkValue(ret.value, currentFn->resultType);
  if (type->isError() || currentFn->resultType->isError() ||
      currentFn->resultOrigin < 0)
    return;
  if (type != currentFn->resultType) {
    mismatch(*ret.value, currentFn->resultType);
    return;
  }
  const Param &origin = currentFn->params[currentFn->resultOrigin];
  if (!isLValue(ret.value.get())) {
    diags.report(ret.value->getRange(), DiagID::err_ref_return_temporary);
    return;
  }
  // Storage a pointer reaches is the program's to keep alive.
  LocalVar *root = getReferencedVariable(ret.value.get());
  if (!root || root == origin.local)
    return;
  bool isArgument = llvm::any_of(currentFn->params, [&](const Param &param) {
    return param.local == root;
  });
  diags.report(ret.value->getRange(),
               isArgument ? DiagID::err_ref_return_other_argument
                          : DiagID::err_ref_return_local,
               root->name, origin.name);
  diags.report(root->declRange, DiagID::note_declared_here, root->name);
}

/// `for x in container` of a container whose `__getitem__` returns a
/// reference binds `x` to each element; `for var x` copies it.
void Sema::bindLoopReference(ForStmt &loop) {
  if (!loop.local || loop.varTarget)
    return;
  if (!loop.item || !returnsReference(loop.item.get())) {
    if (loop.refTarget && loop.item && !loop.item->type->isError())
      diags.report(loop.iterable->getRange(), DiagID::err_for_ref_no_reference);
    return;
  }
  bindReference(loop.local, loop.item.get(), loop.refTarget);
}
