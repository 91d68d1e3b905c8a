//===- SemaCall.cpp - Ember semantic analysis: calls ----------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

const Type *Sema::checkCall(ExprPtr &e, const Type *expected) {
  auto &call = *cast<CallExpr>(e.get());
  auto checkArgsQuietly = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  // `m.f(args)` calls the member `f` of the module `m`.
  if (isa<AttributeExpr>(call.callee.get()))
    rewriteModuleAccess(call.callee);
  if (auto *sub = dyn_cast<SubscriptExpr>(call.callee.get()))
    rewriteModuleAccess(sub->base);
  if (auto *attr = dyn_cast<AttributeExpr>(call.callee.get())) {
    if (rewriteWriteCall(e))
      return e->type;
    if (const Type *type = checkSIMDMethodCall(e, *attr, {}))
      return type;
    return checkMethodCall(call, *attr);
  }
  // `f[T, n](args)` gives the compile-time parameters of `f`, `Box[T](...)`
  // those of the struct it makes.
  if (auto *sub = dyn_cast<SubscriptExpr>(call.callee.get())) {
    // `obj.method[n](args)`.
    if (auto *attr = dyn_cast<AttributeExpr>(sub->base.get())) {
      if (const Type *type = checkSIMDMethodCall(e, *attr, sub->indices))
        return type;
      return checkMethodCall(call, *attr, sub->indices);
    }
    if (auto *base = dyn_cast<NameExpr>(sub->base.get())) {
      const Symbol *named = scope->lookup(base->name);
      if (named && named->kind == Symbol::Kind::Poisoned)
        return checkArgsQuietly();
      // `Tuple[Int, String](1, "a")` is the tuple `(1, "a")`.
      if (const Type *tuple = resolveTupleType(sub))
        return tuple->isError() ? checkArgsQuietly()
                                : checkTupleConstruction(e, tuple);
      // `SIMD[DType.float32, 4](1.0)`.
      if (const Type *simd = resolveSIMDType(sub))
        return simd->isError() ? checkArgsQuietly() : checkConversion(e, simd);
      // `UnsafePointer[T]()` points to nothing.
      if (const Type *pointer = resolvePointerType(sub)) {
        if (!checkArgumentCount(call, "UnsafePointer", 0))
          return errorType();
        call.builtin = Builtin::PtrNull;
        return pointer;
      }
      // `materialize[v]()`: the value `v`, made at run time.
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::Materialize) {
        if (sub->indices.size() != 1) {
          diags.report(sub->getRange(), DiagID::err_materialize_args);
          return checkArgsQuietly();
        }
        if (!checkArgumentCount(call, "materialize", 0))
          return checkArgsQuietly();
        ExprPtr value = std::move(sub->indices[0]);
        e = std::move(value);
        return checkValue(e, expected);
      }
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::Rebind)
        return checkRebind(e, expected);
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::SimdWidthOf)
        return checkSimdWidthOf(e);
      if (named && named->kind == Symbol::Kind::Builtin &&
          (named->builtin == Builtin::Parallelize ||
           named->builtin == Builtin::SequentialMap))
        return checkParallelize(call, named->builtin);
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::Vectorize)
        return checkVectorize(call);
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::ExternalCall)
        return checkExternalCall(call, sub->indices);
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::Uninitialized && sub->indices.size() == 1 &&
          checkArgumentCount(call, "__uninitialized", 0)) {
        call.builtin = Builtin::Uninitialized;
        return resolveType(sub->indices[0].get());
      }
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::StackAllocation)
        return checkStackAllocation(call, sub->indices);
      if (named && named->kind == Symbol::Kind::Builtin &&
          named->builtin == Builtin::Alloc) {
        if (sub->indices.size() != 1) {
          diags.report(sub->getRange(), DiagID::err_pointer_parameters);
          return checkArgsQuietly();
        }
        return checkAlloc(call, resolveType(sub->indices[0].get()));
      }
      // `Pair[Int](1, 2)` of `comptime Pair[T: Copyable] = Tuple[T, T]`.
      if (AliasDecl *instance = getAliasInstance(sub)) {
        const Type *type = instance->namedType;
        if (!type || type->isError()) {
          if (!instance->value->type->isError())
            diags.report(call.callee->getRange(), DiagID::err_not_callable,
                         instance->name);
          return checkArgsQuietly();
        }
        if (getTupleDecl(type))
          return checkTupleConstruction(e, type);
        if (auto *structType = dyn_cast<StructType>(type))
          return checkConstruction(call, structType->getDecl());
        return checkConversion(e, type);
      }
      if (StructDecl *templ = getStructNamedBy(base);
          templ && templ->isTemplate()) {
        StructDecl *instance =
            instantiateStruct(*templ, sub->indices, sub->getLoc());
        return instance ? checkConstruction(call, *instance)
                        : checkArgsQuietly();
      }
      const Symbol *symbol = scope->lookup(base->name);
      if (symbol && symbol->kind == Symbol::Kind::Function)
        return checkOverloadedCall(call, symbol->functions, base->name,
                                   nullptr, sub->indices);
    }
  }
  auto *callee = dyn_cast<NameExpr>(call.callee.get());
  if (!callee) {
    diags.report(call.callee->getRange(), DiagID::err_unsupported,
                 "calling this value");
    return checkArgsQuietly();
  }
  const Symbol *symbol = scope->lookup(callee->name);
  if (symbol && symbol->kind == Symbol::Kind::Alias) {
    checkAlias(*symbol->alias);
    symbol = scope->lookup(callee->name);
  }
  if (!symbol) {
    reportUndefined(*callee);
    return checkArgsQuietly();
  }
  switch (symbol->kind) {
  case Symbol::Kind::Function:
    return checkOverloadedCall(call, symbol->functions, callee->name, nullptr);
  case Symbol::Kind::Type:
    if (isStructTemplate(symbol->type)) {
      StructDecl &templ = cast<StructType>(symbol->type)->getDecl();
      StructDecl *instance = inferStructInstance(templ, call);
      return instance ? checkConstruction(call, *instance) : checkArgsQuietly();
    }
    if (auto *structType = dyn_cast<StructType>(symbol->type))
      return checkConstruction(call, structType->getDecl());
    return checkConversion(e, symbol->type);
  case Symbol::Kind::Builtin:
    if (symbol->builtin == Builtin::ConformsTo)
      return checkConformsTo(e);
    if (symbol->builtin == Builtin::HasAccelerator ||
        symbol->builtin == Builtin::HasOtherAccelerator ||
        symbol->builtin == Builtin::GPUEmulated) {
      if (!checkArgumentCount(call, callee->name, 0))
        return errorType();
      bool value = symbol->builtin == Builtin::HasAccelerator
                       ? module->hasAccelerator()
                       : symbol->builtin == Builtin::GPUEmulated &&
                             module->gpuEmulated;
      e = std::make_unique<BoolLiteralExpr>(call.getRange(), value);
      return check(e, expected);
    }
    return checkBuiltinCall(call, symbol->builtin, expected);
  case Symbol::Kind::Poisoned:
    return checkArgsQuietly();
  default:
    diags.report(callee->getRange(), DiagID::err_not_callable, callee->name);
    return checkArgsQuietly();
  }
}

/// `name(a: Int, b: Float64)`, for notes about candidates.
static std::string describeSignature(const FnDecl &fn) {
  std::string text = fn.parent ? fn.parent->name + "." + fn.name : fn.name;
  text += "(";
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param &param = fn.params[i];
    if (i)
      text += ", ";
    if (param.convention != ArgConvention::Read)
      text += std::string(getSpelling(param.convention)) + " ";
    text += param.name;
    if (param.type && !(fn.parent && i == 0 && param.name == "self"))
      text += ": " + param.type->getName().str();
  }
  return text + ")";
}

/// The index of the first argument a call gives: a method's `self` is the
/// object (or, for `__init__`, the result).
static size_t getFirstCallParam(const FnDecl &fn) {
  return fn.parent && !fn.isStatic ? 1 : 0;
}

/// Whether `call` could call `fn`, judging arguments by the types they have
/// already (literals adapt); `cost` counts literals that must take another
/// type than their own, so that `f(1)` prefers `f(x: Int)`.
bool Sema::isViable(const CallExpr &call, const FnDecl &fn, unsigned &cost) {
  cost = 0;
  size_t first = getFirstCallParam(fn);
  std::vector<bool> bound(fn.params.size(), false);
  size_t positional = first;
  for (const CallArgument &arg : call.args) {
    size_t index;
    if (arg.keyword.empty()) {
      if (positional >= fn.params.size() || fn.params[positional].keywordOnly)
        return false;
      index = positional;
      // A variadic parameter takes all the remaining ones.
      if (!fn.params[positional].isVariadic)
        ++positional;
    } else {
      auto it = llvm::find_if(fn.params, [&](const Param &p) {
        return p.name == arg.keyword && !p.capturedFrom;
      });
      index = it - fn.params.begin();
      if (it == fn.params.end() || index < first || bound[index])
        return false;
    }
    bound[index] = true;
    const Param &param = fn.params[index];
    const Type *want = param.isVariadic ? param.elementType : param.type;
    if (!want || want->isError())
      continue;
    if (isLiteral(arg.value.get())) {
      bool isFloat = containsFloatLiteral(arg.value.get());
      if (!want->isNumeric() || (isFloat && !want->isFloat()))
        return false;
      cost += want != Type::get(isFloat ? Type::Kind::Float64
                                        : Type::Kind::Int);
      continue;
    }
    const Type *have = arg.value->type;
    if (!have)
      return false;
    // An implicit conversion makes a worse match than the type itself.
    if (!have->isError() && have != want) {
      if (getImplicitConversions(have, want).empty())
        return false;
      cost += 1;
    }
  }
  for (size_t i = first; i < fn.params.size(); ++i)
    if (!bound[i] && !fn.params[i].defaultValue && !fn.params[i].isVariadic &&
        !fn.params[i].capturedFrom)
      return false;
  return true;
}

const Type *Sema::checkOverloadedCall(CallExpr &call,
                                      llvm::ArrayRef<FnDecl *> templates,
                                      llvm::StringRef name, Expr *self,
                                      llvm::ArrayRef<ExprPtr> explicitArgs) {
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  // Templates stand for their instance for this call.
  bool single = templates.size() == 1;
  unsigned errorsBefore = diags.getNumErrors();
  std::vector<FnDecl *> candidates;
  FnDecl *excluded = nullptr; // One whose `where` is false.
  auto consider = [&](FnDecl *fn) {
    if (meetsConstraint(*fn))
      candidates.push_back(fn);
    else
      excluded = fn;
  };
  for (FnDecl *fn : templates) {
    if (!fn->isGeneric) {
      if (explicitArgs.empty())
        consider(fn);
      else if (single)
        diags.report(explicitArgs.front()->getRange(), DiagID::err_not_generic,
                     name);
      continue;
    }
    if (FnDecl *instance = instantiate(*fn, call, explicitArgs, single))
      consider(instance);
  }
  if (candidates.empty() && excluded) {
    reportExcluded(call, *excluded);
    return fail();
  }
  if (candidates.empty() && (single || !explicitArgs.empty())) {
    // Never fail silently: the call would have nothing to call.
    if (diags.getNumErrors() == errorsBefore)
      diags.report(call.getRange(), DiagID::err_no_matching_call, name);
    return fail();
  }
  if (single)
    return checkFunctionCall(call, *candidates.front(), self);
  // The types of the arguments that are not literals decide; a broken
  // argument was reported already.
  bool brokenArgument = false;
  for (CallArgument &arg : call.args)
    if (!isLiteral(arg.value.get()))
      brokenArgument |= check(arg.value)->isError();
  if (brokenArgument)
    return errorType();
  FnDecl *best = nullptr;
  unsigned bestCost = ~0u;
  llvm::SmallVector<FnDecl *> tied;
  for (FnDecl *fn : candidates) {
    unsigned cost;
    if (!isViable(call, *fn, cost))
      continue;
    if (cost < bestCost) {
      best = fn;
      bestCost = cost;
      tied.clear();
    }
    if (cost == bestCost)
      tied.push_back(fn);
  }
  // Of equally good candidates, one written for these types wins over
  // instances of templates.
  if (tied.size() > 1) {
    llvm::SmallVector<FnDecl *> written;
    for (FnDecl *fn : tied)
      if (fn->instanceSuffix.empty())
        written.push_back(fn);
    if (written.size() == 1) {
      best = written.front();
      tied = written;
    }
  }
  if (!best || tied.size() > 1) {
    diags.report(call.getRange(),
                 best ? DiagID::err_ambiguous_call : DiagID::err_no_matching_call,
                 name);
    for (FnDecl *fn : best ? llvm::ArrayRef<FnDecl *>(tied) : templates)
      diags.report(fn->nameRange, DiagID::note_candidate,
                   describeSignature(*fn));
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  return checkFunctionCall(call, *best, self);
}

/// How messages name what a call calls: a struct for its `__init__`.
static llvm::StringRef getCallName(const FnDecl &fn) {
  if (fn.parent && fn.name == "__init__")
    return fn.parent->name;
  return fn.name;
}

const Type *Sema::checkFunctionCall(CallExpr &call, FnDecl &fn, Expr *self) {
  if (!fn.resultType) {
    // Only reachable from a default value or alias, before the signature
    // of `fn` is known; such a call is not constant anyway.
    diags.report(call.getRange(), DiagID::err_not_constant, fn.name);
    return errorType();
  }
  size_t first = getFirstCallParam(fn);
  llvm::StringRef name = getCallName(fn);
  std::vector<Expr *> resolved(fn.params.size(), nullptr);
  if (self && first == 1)
    resolved[0] = self;
  size_t positional = first;
  bool tooMany = false;
  call.variadicArgs.clear();
  for (CallArgument &arg : call.args) {
    size_t index;
    if (arg.keyword.empty()) {
      index = positional;
      if (index >= fn.params.size() || fn.params[index].keywordOnly) {
        tooMany = true;
        ++positional;
        check(arg.value);
        continue;
      }
      if (fn.params[index].isVariadic) {
        checkAs(arg.value, fn.params[index].elementType);
        call.variadicArgs.push_back(arg.value.get());
        continue;
      }
      ++positional;
    } else {
      auto it = llvm::find_if(fn.params, [&](const Param &p) {
        return p.name == arg.keyword && !p.capturedFrom;
      });
      index = it - fn.params.begin();
      if (it == fn.params.end() || index < first) {
        diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, name,
                     arg.keyword);
        check(arg.value);
        continue;
      }
      if (resolved[index]) {
        diags.report(arg.keywordLoc, DiagID::err_duplicate_argument, name,
                     arg.keyword);
        check(arg.value);
        continue;
      }
    }
    const Param &param = fn.params[index];
    if (param.convention == ArgConvention::Mut)
      checkMutArgument(arg.value, param);
    else if (param.convention == ArgConvention::Ref)
      checkRefArgument(arg.value, fn, param);
    else if (param.convention == ArgConvention::Owned)
      checkOwnedValue(arg.value, param.type);
    else
      checkAs(arg.value, param.type);
    resolved[index] = arg.value.get();
  }
  if (self && first == 1 && !self->type->isError()) {
    ArgConvention convention = fn.params[0].convention;
    if (convention == ArgConvention::Mut && !isLValue(self))
      diags.report(self->getRange(), DiagID::err_mut_self_not_variable,
                   fn.name);
    else if (convention == ArgConvention::Mut)
      checkAssignableLValue(self);
    else if (convention == ArgConvention::Ref)
      noteRefArgument(self, fn, fn.params[0]);
    else if (convention == ArgConvention::Owned ||
             convention == ArgConvention::Deinit)
      checkCopy(*self);
  }
  checkMutAliasing(fn, resolved);
  size_t given = positional - first;
  if (tooMany) {
    size_t accepted = 0;
    for (size_t i = first; i < fn.params.size(); ++i)
      accepted += !fn.params[i].keywordOnly;
    diags.report(call.getRange(), DiagID::err_arg_count, name, accepted,
                 given);
    diags.report(fn.nameRange, DiagID::note_declared_here, name);
  }
  if (!passCaptures(call, fn, resolved))
    return errorType();
  for (size_t i = first; i < fn.params.size(); ++i) {
    if (resolved[i] || fn.params[i].isVariadic)
      continue;
    if (fn.params[i].defaultValue) {
      resolved[i] = fn.params[i].defaultValue.get();
      continue;
    }
    if (!tooMany) {
      diags.report(call.getRange(), DiagID::err_missing_argument, name,
                   fn.params[i].name);
      diags.report(fn.nameRange, DiagID::note_declared_here, name);
    }
    return errorType();
  }
  call.function = &fn;
  requestBody(fn, call.getLoc());
  call.resolvedArgs = std::move(resolved);
  settleRaising(fn);
  if (fn.raisedType && !tooMany)
    recordRaise(call.errorConversion, fn.raisedType, call.getRange(), &fn);
  return tooMany ? errorType() : fn.resultType;
}

/// `T(args)` for a struct `T` calls one of its `__init__`s.
const Type *Sema::checkConstruction(CallExpr &call, StructDecl &decl) {
  std::vector<FnDecl *> inits = decl.findMethods("__init__");
  if (inits.empty()) {
    diags.report(call.getRange(), DiagID::err_no_init, decl.name);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  const Type *result = checkOverloadedCall(call, inits, decl.name, nullptr);
  return result->isError() ? result : decl.type.get();
}

/// `object.method(args)`, or `Type.method(args)` for a `@staticmethod`.
const Type *Sema::checkMethodCall(CallExpr &call, AttributeExpr &callee,
                                  llvm::ArrayRef<ExprPtr> explicitArgs) {
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  // `UnsafePointer[T].alloc(n)`, the older spelling of `alloc[T](n)`.
  if (const Type *pointer = resolvePointerType(callee.base.get())) {
    if (callee.name == "alloc" && !pointer->isError())
      return checkAlloc(call, cast<PointerType>(pointer)->getPointee());
    if (!pointer->isError())
      diags.report(callee.nameRange, DiagID::err_no_member,
                   pointer->getName(), callee.name);
    return fail();
  }
  StructDecl *decl = getStructNamedBy(callee.base.get());
  Expr *self = nullptr;
  // `Atomic.fetch_add(p, 1)`: the instance the arguments call for.
  if (decl && decl->isTemplate() && isa<NameExpr>(callee.base.get())) {
    decl = inferStructInstance(*decl, call, callee.name);
    if (!decl)
      return fail();
  }
  if (decl) {
    callee.base->type = decl->type.get();
  } else {
    const Type *baseType = checkValue(callee.base);
    if (baseType->isError())
      return fail();
    if (auto *pointer = dyn_cast<PointerType>(baseType))
      return checkPointerMethod(call, callee, pointer, explicitArgs);
    if (baseType->isString()) {
      if (callee.name == "unsafe_ptr" || callee.name == "byte_length")
        return checkStringLiteralMethod(call, callee);
      // Its other methods are those of `String`, on the literal's text.
      if (materialize(callee.base, baseType)->isError())
        return fail();
      return checkMethodCall(call, callee, explicitArgs);
    }
    auto *structType = dyn_cast<StructType>(baseType);
    if (!structType && baseType->isScalar() && callee.name == "copy" &&
        call.args.empty()) {
      // Every scalar is `Copyable`.
      call.builtin = Builtin::Copy;
      call.resolvedArgs = {callee.base.get()};
      return baseType;
    }
    if (!structType) {
      diags.report(callee.getRange(), DiagID::err_unsupported,
                   "calling a method of `" + baseType->getName().str() + "`");
      return fail();
    }
    decl = &structType->getDecl();
    self = callee.base.get();
    if (const Type *type =
            checkDeviceContextMethod(call, callee, *decl, explicitArgs))
      return type;
  }
  std::vector<FnDecl *> methods = decl->findMethods(callee.name);
  if (self && methods.empty() && callee.name == "copy" && decl->copyable &&
      call.args.empty()) {
    // The copy that `Copyable` provides.
    call.builtin = Builtin::Copy;
    call.resolvedArgs = {self};
    return decl->type.get();
  }
  // Through the type, only static methods can be called.
  if (!self)
    llvm::erase_if(methods, [](FnDecl *fn) { return !fn->isStatic; });
  if (methods.empty() || callee.name == "__init__") {
    llvm::SmallVector<llvm::StringRef> names;
    for (const auto &method : decl->methods)
      if (method->name != "__init__")
        names.push_back(method->name);
    // Dunder names are spelled by operators, not typed: no hint.
    llvm::StringRef closest =
        llvm::StringRef(callee.name).starts_with("__")
            ? llvm::StringRef()
            : DiagnosticEngine::findClosest(callee.name, names);
    if (closest.empty())
      diags.report(callee.nameRange, DiagID::err_no_method, decl->name,
                   callee.name);
    else
      diags.report(callee.nameRange, DiagID::err_no_method_suggest,
                   decl->name, callee.name, closest);
    return fail();
  }
  return checkOverloadedCall(call, methods, callee.name, self, explicitArgs);
}

/// A `mut` argument is passed by reference: it must be a variable (or a
/// field of one) of exactly the parameter's type that the caller may
/// change.
void Sema::checkMutArgument(ExprPtr &arg, const Param &param) {
  if (!isa<NameExpr, AttributeExpr, SubscriptExpr, CallExpr>(arg.get())) {
    diags.report(arg->getRange(), DiagID::err_mut_arg_not_variable,
                 param.name);
    check(arg);
    return;
  }
  const Type *type = checkValue(arg);
  if (type->isError() || param.type->isError())
    return;
  if (!isLValue(arg.get())) {
    diags.report(arg->getRange(), DiagID::err_mut_arg_not_variable,
                 param.name);
    return;
  }
  if (type != param.type) {
    diags.report(arg->getRange(), DiagID::err_mut_arg_type, param.name,
                 param.type->getName(), type->getName());
    return;
  }
  checkAssignableLValue(arg.get());
}

/// A variable passed to a `mut` argument may not reach the callee a
/// second time through another argument (a `var` one gets a copy).
void Sema::checkMutAliasing(const FnDecl &fn,
                            llvm::ArrayRef<Expr *> resolved) {
  for (size_t i = 0; i < fn.params.size(); ++i) {
    if (fn.params[i].convention != ArgConvention::Mut || !resolved[i])
      continue;
    LocalVar *root = getReferencedVariable(resolved[i]);
    if (!root)
      continue;
    for (size_t j = 0; j < fn.params.size(); ++j) {
      if (j == i || !resolved[j] ||
          fn.params[j].convention == ArgConvention::Owned ||
          getReferencedVariable(resolved[j]) != root)
        continue;
      diags.report(resolved[j]->getRange(), DiagID::err_mut_arg_aliased,
                   root->name, fn.params[i].name);
      return;
    }
  }
}

/// `e` if it is an integer literal, or the literal `e` negates.
IntLiteralExpr *Sema::getIntLiteral(Expr *e, bool &negated) {
  auto *u = dyn_cast<UnaryExpr>(e);
  negated = u && u->op == UnaryOperator::Neg;
  return dyn_cast<IntLiteralExpr>(negated ? u->operand.get() : e);
}

/// The method that converts a struct to the scalar type `to`.
static const char *getConversionMethod(const Type *to) {
  if (to->isBool())
    return "__bool__";
  if (to->isFloat())
    return "__float__";
  return "__int__";
}

const Type *Sema::checkConversion(ExprPtr &e, const Type *to) {
  if (to->isSIMD())
    return checkSIMDConstruction(e, to);
  auto &call = *cast<CallExpr>(e.get());
  // `Int()`, `Float64()`, `Bool()`: zero, as for vectors.
  if (call.args.empty() && (to->isNumeric() || to->isBool())) {
    call.builtin = Builtin::SIMDBuild;
    return to;
  }
  if (call.args.size() != 1 || !call.args[0].keyword.empty()) {
    diags.report(call.getRange(), DiagID::err_self_conversion_args,
                 to->getName());
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  ExprPtr &arg = call.args[0].value;
  // An integer literal converted to an integer type keeps its low bits, as
  // in Mojo: `UInt64(-1)` is the largest `UInt64`.
  bool negated = false;
  if (IntLiteralExpr *lit = getIntLiteral(arg.get(), negated);
      lit && to->isInteger()) {
    lit->type = arg->type = to;
    call.conversionType = to;
    call.resolvedArgs = {arg.get()};
    return to;
  }
  // Other literals convert exactly when the target can hold them.
  const Type *hint = nullptr;
  if (to->isFloat() || (to->isInteger() && isa<IntLiteralExpr>(arg.get())))
    hint = to;
  const Type *from = checkValue(arg, hint);
  if (from->isError())
    return errorType();
  // `Int("42")` parses the text, as `Int(String("42"))` does.
  if (from->isString() && (to->isNumeric()))
    if (const Symbol *string = moduleScope.lookupHere("String");
        string && string->kind == Symbol::Kind::Type) {
      checkAs(arg, string->type);
      from = string->type;
    }
  if (from->isStruct()) {
    // `Int(x)` is `x.__int__()`, `Float64(x)` is `x.__float__()`, and so on;
    // the result is then converted to `to`.
    llvm::SMRange range = e->getRange();
    ExprPtr converted = makeMethodCall(std::move(arg), getConversionMethod(to),
                                       {}, range, range.Start);
    const Type *type = checkValue(converted);
    if (type->isError())
      return errorType();
    if (type != to && !(type->isScalar() && to->isScalar())) {
      diags.report(range, DiagID::err_type_mismatch, type->getName(),
                   to->getName());
      return errorType();
    }
    call.args[0].value = std::move(converted);
    call.conversionType = to;
    call.resolvedArgs = {call.args[0].value.get()};
    return to;
  }
  // `Int(p)` is the address `p` holds.
  if (from->isPointer() && to->isInteger()) {
    call.builtin = Builtin::PtrAddress;
    call.resolvedArgs = {arg.get()};
    return to;
  }
  bool scalarFrom = from->isNumeric() || from->isBool();
  bool scalarTo = to->isNumeric() || to->isBool();
  // `Bool(v)` of a vector: whether any lane is nonzero.
  bool vectorTruth = from->isSIMD() && to->isBool();
  if (from != to && !(scalarFrom && scalarTo) && !vectorTruth) {
    diags.report(arg->getRange(), DiagID::err_type_mismatch, from->getName(),
                 to->getName());
    return errorType();
  }
  call.conversionType = to;
  call.resolvedArgs = {arg.get()};
  return to;
}

/// `rebind[T](x)` is `x` when its type is `T`: an instance has every type
/// known, so the types are equal or the instance is wrong.
const Type *Sema::checkRebind(ExprPtr &e, const Type *expected) {
  auto &call = *cast<CallExpr>(e.get());
  auto &sub = *cast<SubscriptExpr>(call.callee.get());
  if (sub.indices.size() != 1 || !checkArgumentCount(call, "rebind", 1)) {
    if (sub.indices.size() != 1)
      diags.report(sub.getRange(), DiagID::err_rebind_args);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  const Type *to = resolveType(sub.indices[0].get());
  const Type *from = checkValue(call.args[0].value);
  if (to->isError() || from->isError())
    return errorType();
  if (from != to) {
    diags.report(call.args[0].value->getRange(), DiagID::err_rebind_type,
                 from->getName(), to->getName());
    return errorType();
  }
  ExprPtr value = std::move(call.args[0].value);
  e = std::move(value);
  return e->type;
}

/// Checks `arg`, which a builtin call was rewritten to (`x.__len__()` for
/// `len(x)`), for type `want`, and makes the call give its value.
const Type *Sema::becomeValueOf(CallExpr &call, ExprPtr &arg,
                                const Type *want) {
  const Type *type = checkValue(arg);
  if (type->isError())
    return errorType();
  if (type != want) {
    diags.report(call.getRange(), DiagID::err_type_mismatch, type->getName(),
                 want->getName());
    return errorType();
  }
  call.builtin = Builtin::None;
  call.conversionType = want;
  call.resolvedArgs = {arg.get()};
  return want;
}

const Type *Sema::checkBuiltinCall(CallExpr &call, Builtin builtin,
                                   const Type *expected) {
  call.builtin = builtin;
  auto name = [&] {
    return cast<NameExpr>(call.callee.get())->name;
  };
  auto positionalOnly = [&](size_t min, size_t max) {
    bool ok = min <= call.args.size() && call.args.size() <= max;
    for (CallArgument &arg : call.args)
      if (!arg.keyword.empty()) {
        diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, name(),
                     arg.keyword);
        ok = false;
      }
    if (!ok && (call.args.size() < min || call.args.size() > max))
      diags.report(call.getRange(), DiagID::err_arg_count, name(),
                   min == max ? std::to_string(min)
                              : std::to_string(min) + " to " +
                                    (max == SIZE_MAX ? "any number of"
                                                     : std::to_string(max)),
                   call.args.size());
    if (!ok)
      for (CallArgument &arg : call.args)
        check(arg.value);
    return ok;
  };

  switch (builtin) {
  case Builtin::Print:
    return checkPrint(call);
  case Builtin::ConformsTo: // Folded to a constant by checkCall.
    llvm_unreachable("conforms_to is checked by checkConformsTo");
  case Builtin::Materialize:
    // Only `materialize[v]()`, which the subscript form checks.
    diags.report(call.getRange(), DiagID::err_materialize_args);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::ExternalCall:
    return checkExternalCall(call, {});
  case Builtin::Uninitialized:
    // Only `__uninitialized[T]()`, which the subscript form checks.
    diags.report(call.getRange(), DiagID::err_uninitialized_form);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::RuntimeChecks:
    if (!positionalOnly(0, 0))
      return errorType();
    return Type::get(Type::Kind::Bool);
  case Builtin::GPUBarrier:
    if (!positionalOnly(0, 0))
      return errorType();
    return Type::get(Type::Kind::None);
  case Builtin::GPULaneId:
    if (!positionalOnly(0, 0))
      return errorType();
    call.builtin = Builtin::GPUIndex;
    call.lanes = {5, 0}; // After the positions' kinds (GPUIndex).
    return Type::get(Type::Kind::UInt);
  case Builtin::GPUShuffleIdx:
  case Builtin::GPUShuffleUp:
  case Builtin::GPUShuffleDown:
  case Builtin::GPUShuffleXor: {
    // `(value, operand)`: a number of up to 64 bits, and a `UInt32`.
    if (!positionalOnly(2, 2))
      return errorType();
    const Type *type = checkValue(call.args[0].value);
    if (type->isError())
      return errorType();
    if (!type->isScalar() || type->isBool() || type->getBitWidth() > 64) {
      diags.report(call.args[0].value->getRange(), DiagID::err_shuffle_value,
                   type->getName());
      return errorType();
    }
    checkAs(call.args[1].value, Type::get(Type::Kind::UInt32));
    call.resolvedArgs = {call.args[0].value.get(), call.args[1].value.get()};
    return type;
  }
  case Builtin::AtomicAdd:
  case Builtin::AtomicSub:
  case Builtin::AtomicMax:
  case Builtin::AtomicMin:
  case Builtin::AtomicExchange:
    if (!positionalOnly(2, 2))
      return errorType();
    return checkAtomic(call);
  case Builtin::GPUThreadIdx: // Values, not functions.
  case Builtin::GPUBlockIdx:
  case Builtin::GPUBlockDim:
  case Builtin::GPUGridDim:
  case Builtin::GPUGlobalIdx:
  case Builtin::AddressSpace:
    diags.report(call.callee->getRange(), DiagID::err_not_callable, name());
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::GPUIndex: // Made by Sema, with their types.
  case Builtin::HasAccelerator:
  case Builtin::HasOtherAccelerator:
  case Builtin::GPUEmulated:
  case Builtin::GPULaunch:
  case Builtin::GPUParallelize: // What `parallelize` becomes.
    llvm_unreachable("checked elsewhere");
  case Builtin::StackAllocation:
    diags.report(call.getRange(), DiagID::err_stack_allocation_form);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::Forget: {
    if (!positionalOnly(1, 1))
      return errorType();
    ExprPtr &value = call.args[0].value;
    checkOwnedValue(value, checkValue(value));
    call.resolvedArgs = {value.get()};
    return Type::get(Type::Kind::None);
  }
  case Builtin::Range:
    diags.report(call.getRange(), DiagID::err_range_outside_for);
    return errorType();
  case Builtin::Enumerate:
    diags.report(call.getRange(), DiagID::err_enumerate_outside_for);
    return errorType();
  case Builtin::Exit:
    if (!positionalOnly(0, 1))
      return errorType();
    if (!call.args.empty()) {
      checkAs(call.args[0].value, Type::get(Type::Kind::Int));
      call.resolvedArgs = {call.args[0].value.get()};
    }
    return Type::get(Type::Kind::None);
  case Builtin::Repr: {
    // `repr(x)` is `x.__repr__()`; a number's is its text, a string
    // literal's that of its `String`.
    if (!positionalOnly(1, 1))
      return errorType();
    ExprPtr &arg = call.args[0].value;
    const Type *type = checkValue(arg);
    const Symbol *string = moduleScope.lookupHere("String");
    if (type->isError() || !string || string->kind != Symbol::Kind::Type)
      return errorType();
    llvm::SMRange range = call.getRange();
    if (type->isString()) {
      std::vector<ExprPtr> args;
      args.push_back(std::move(arg));
      arg = makeFunctionCall("String", std::move(args), range);
      type = checkValue(arg);
    }
    // A struct without `__repr__` shows as it writes itself (a list in a
    // list).
    auto *structType = dyn_cast<StructType>(type);
    if (structType && !structType->getDecl().findMethods("__repr__").empty()) {
      arg = makeMethodCall(std::move(arg), "__repr__", {}, range, range.Start);
    } else {
      std::vector<ExprPtr> args;
      args.push_back(std::move(arg));
      arg = makeFunctionCall("String", std::move(args), range);
    }
    checkAs(arg, string->type);
    call.builtin = Builtin::None;
    call.conversionType = string->type;
    call.resolvedArgs = {arg.get()};
    return string->type;
  }
  case Builtin::Alloc:
    diags.report(call.getRange(), DiagID::err_needs_parameters, "alloc");
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::Memcpy:
    return checkMemcpy(call);
  case Builtin::FormatScalar: {
    // `__format_scalar(value, buffer)`: the length of the text written.
    if (!positionalOnly(2, 2))
      return errorType();
    const Type *type = checkValue(call.args[0].value);
    if (!type->isScalar() && !type->isError())
      diags.report(call.args[0].value->getRange(), DiagID::err_not_printable,
                   type->getName());
    checkAs(call.args[1].value, PointerType::get(Type::get(Type::Kind::UInt8)));
    call.resolvedArgs = {call.args[0].value.get(), call.args[1].value.get()};
    return Type::get(Type::Kind::Int);
  }
  case Builtin::Fail:
    // `__fail("index {} of {}", index, kind)`: a message of integers and
    // string literals, which needs no memory to write.
    if (!call.args.empty() &&
        isa<StringLiteralExpr>(call.args.front().value.get())) {
      if (!positionalOnly(1, SIZE_MAX))
        return errorType();
      for (CallArgument &arg : call.args) {
        const Type *type = checkValue(arg.value);
        if (!type->isInteger() && type->getKind() != Type::Kind::StringLiteral &&
            !type->isError()) {
          diags.report(arg.value->getRange(), DiagID::err_fail_value,
                       type->getName());
          return errorType();
        }
        call.resolvedArgs.push_back(arg.value.get());
      }
      return Type::get(Type::Kind::None);
    }
    [[fallthrough]];
  case Builtin::PrintBytes:
    // `__print_bytes(data, length)`, `__fail(data, length)`.
    if (!positionalOnly(2, 2))
      return errorType();
    checkAs(call.args[0].value, PointerType::get(Type::get(Type::Kind::UInt8)));
    checkAs(call.args[1].value, Type::get(Type::Kind::Int));
    call.resolvedArgs = {call.args[0].value.get(), call.args[1].value.get()};
    return Type::get(Type::Kind::None);
  case Builtin::Hash: {
    // `hash(x)` is `x.__hash__()` of a struct, `_hash_int(x)` of a number.
    if (!positionalOnly(1, 1))
      return errorType();
    ExprPtr &arg = call.args[0].value;
    const Type *type = checkValue(arg);
    if (type->isError())
      return errorType();
    llvm::SMRange range = call.getRange();
    const Type *uintType = Type::get(Type::Kind::UInt);
    if (type->isInteger() || type->isBool()) {
      std::vector<ExprPtr> args;
      args.push_back(std::make_unique<CastExpr>(
          std::move(arg), Type::get(Type::Kind::UInt64)));
      arg = makeFunctionCall("_hash_int", std::move(args), range);
    } else if (type->isStruct()) {
      arg = makeMethodCall(std::move(arg), "__hash__", {}, range, range.Start);
    } else {
      diags.report(arg->getRange(), DiagID::err_unsupported,
                   "`hash` of a value of type `" + type->getName().str() + "`");
      return errorType();
    }
    return becomeValueOf(call, arg, uintType);
  }
  case Builtin::Len: {
    // `len(x)` is `x.__len__()`, an `Int`.
    if (!positionalOnly(1, 1))
      return errorType();
    ExprPtr &arg = call.args[0].value;
    const Type *type = checkValue(arg);
    if (type->isError())
      return errorType();
    if (type->isString()) {
      call.builtin = Builtin::StrLength;
      call.resolvedArgs = {arg.get()};
      return Type::get(Type::Kind::Int);
    }
    if (type->isSIMD()) { // Its width, a constant.
      arg = makeIntConstant(call.getRange(), type->getWidth());
      return becomeValueOf(call, arg, Type::get(Type::Kind::Int));
    }
    if (!type->isStruct()) {
      diags.report(arg->getRange(), DiagID::err_unsupported,
                   "`len` of a value of type `" + type->getName().str() + "`");
      return errorType();
    }
    llvm::SMRange range = call.getRange();
    arg = makeMethodCall(std::move(arg), "__len__", {}, range, range.Start);
    return becomeValueOf(call, arg, Type::get(Type::Kind::Int));
  }
  case Builtin::Abs: {
    if (!positionalOnly(1, 1))
      return errorType();
    const Type *type = checkValue(call.args[0].value, expected);
    if (!type->getElementType()->isNumeric() && !type->isError()) {
      diags.report(call.args[0].value->getRange(), DiagID::err_unary_operand,
                   "abs", type->getName());
      return errorType();
    }
    call.resolvedArgs = {call.args[0].value.get()};
    return type;
  }
  case Builtin::Round: {
    // `round(x)` and `round(x, ndigits)` keep the type of `x`.
    if (!positionalOnly(1, 2))
      return errorType();
    const Type *type = checkValue(call.args[0].value, expected);
    if (!type->isNumeric() && !type->isError()) {
      diags.report(call.args[0].value->getRange(), DiagID::err_unary_operand,
                   "round", type->getName());
      return errorType();
    }
    for (CallArgument &arg : call.args)
      call.resolvedArgs.push_back(arg.value.get());
    if (call.args.size() == 2)
      checkAs(call.args[1].value, Type::get(Type::Kind::Int));
    return type;
  }
  case Builtin::Min:
  case Builtin::Max: {
    if (!positionalOnly(2, SIZE_MAX))
      return errorType();
    llvm::SmallVector<ExprPtr *> operands;
    for (CallArgument &arg : call.args)
      operands.push_back(&arg.value);
    const Type *type = checkSameType(operands, expected, name());
    if (!type)
      return errorType();
    // Of vectors, lane by lane.
    if (!type->getElementType()->isNumeric()) {
      diags.report(call.getRange(), DiagID::err_unary_operand, name(),
                   type->getName());
      return errorType();
    }
    for (CallArgument &arg : call.args)
      call.resolvedArgs.push_back(arg.value.get());
    return type;
  }
  case Builtin::Sqrt:
  case Builtin::Exp:
  case Builtin::Log:
  case Builtin::Sin:
  case Builtin::Cos:
  case Builtin::Tan:
  case Builtin::Floor:
  case Builtin::Ceil:
  case Builtin::Trunc:
  case Builtin::Rsqrt:
  case Builtin::Exp2:
  case Builtin::Log2:
  case Builtin::Log10:
  case Builtin::Tanh:
  case Builtin::Sinh:
  case Builtin::Cosh:
  case Builtin::Asin:
  case Builtin::Acos:
  case Builtin::Atan:
  case Builtin::Pow:
  case Builtin::Atan2:
  case Builtin::Fma: {
    size_t arity = builtin == Builtin::Fma                              ? 3
                   : builtin == Builtin::Pow || builtin == Builtin::Atan2 ? 2
                                                                          : 1;
    if (!positionalOnly(arity, arity))
      return errorType();
    // Floats (or vectors of them) of one type; a literal takes the type of
    // the others, or the expected one, or `Float64`.
    const Type *type = nullptr;
    for (CallArgument &arg : call.args)
      if (!isLiteral(arg.value.get()))
        type = checkValue(arg.value);
    if (!type)
      type = expected && expected->getElementType()->isFloat()
                 ? expected
                 : Type::get(Type::Kind::Float64);
    if (type->isError())
      return errorType();
    for (CallArgument &arg : call.args) {
      const Type *given = checkValue(arg.value, type);
      if (!given->getElementType()->isFloat() && !given->isError()) {
        diags.report(arg.value->getRange(), DiagID::err_float_argument, name(),
                     given->getName());
        return errorType();
      }
      checkAs(arg.value, type);
      if (arg.value->type->isError())
        return errorType();
      call.resolvedArgs.push_back(arg.value.get());
    }
    return type;
  }
  case Builtin::Parallelize:
  case Builtin::SequentialMap:
    return checkParallelize(call, builtin);
  case Builtin::Vectorize:
    diags.report(call.getRange(), DiagID::err_vectorize_form);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  case Builtin::SimdWidthOf:
    diags.report(call.getRange(), DiagID::err_simd_width_of);
    return errorType();
  case Builtin::Copy: // Only made by method calls.
  case Builtin::Rebind:
  case Builtin::SIMDBuild:
  case Builtin::SIMDExtract:
  case Builtin::SIMDInsert:
  case Builtin::ReduceAdd:
  case Builtin::ReduceMul:
  case Builtin::ReduceMin:
  case Builtin::ReduceMax:
  case Builtin::ReduceAnd:
  case Builtin::ReduceOr:
  case Builtin::SIMDShuffle:
  case Builtin::SIMDSelect:
  case Builtin::PtrNull:
  case Builtin::PtrFree:
  case Builtin::PtrOffset:
  case Builtin::PtrLoad:
  case Builtin::PtrStore:
  case Builtin::PtrInit:
  case Builtin::PtrTake:
  case Builtin::PtrDestroy:
  case Builtin::PtrLoadLanes:
  case Builtin::PtrStoreLanes:
  case Builtin::PtrCast:
  case Builtin::PtrAddress:
  case Builtin::StrData:
  case Builtin::StrLength:
  case Builtin::WriteAll:
  case Builtin::None:
    break;
  }
  return errorType();
}

const Type *Sema::checkPrint(CallExpr &call) {
  for (CallArgument &arg : call.args) {
    if (arg.keyword == "sep" || arg.keyword == "end") {
      const Type *type = checkValue(arg.value);
      // A `String` is written as a literal would be.
      const Type *string =
          getMaterializedType(Type::get(Type::Kind::StringLiteral));
      if (!type->isString() && type != string && !type->isError())
        diags.report(arg.value->getRange(), DiagID::err_print_keyword,
                     arg.keyword, type->getName());
      (arg.keyword == "sep" ? call.printSep : call.printEnd) = arg.value.get();
      continue;
    }
    if (arg.keyword == "flush") {
      checkAs(arg.value, Type::get(Type::Kind::Bool));
      continue;
    }
    if (!arg.keyword.empty()) {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, "print",
                   arg.keyword);
      check(arg.value);
      continue;
    }
    const Type *type = checkValue(arg.value);
    if (type->isDType())
      type = nameDType(arg.value);
    if (type->isStruct() || type->isSIMD())
      checkPrintWritable(arg.value);
    else if (!type->isNumeric() && !type->isBool() && !type->isString() &&
             !type->isError())
      diags.report(arg.value->getRange(), DiagID::err_not_printable,
                   type->getName());
    call.resolvedArgs.push_back(arg.value.get());
  }
  return Type::get(Type::Kind::None);
}

/// `range(stop)`, `range(start, stop)`, `range(start, stop, step)`:
/// resolvedArgs becomes {start or null, stop, step or null}.
void Sema::checkRangeArgs(CallExpr &call) {
  if (call.args.empty() || call.args.size() > 3 ||
      llvm::any_of(call.args,
                   [](const CallArgument &a) { return !a.keyword.empty(); })) {
    diags.report(call.getRange(), DiagID::err_range_args);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return;
  }
  for (CallArgument &arg : call.args)
    checkAs(arg.value, Type::get(Type::Kind::Int));
  std::vector<Expr *> args;
  for (CallArgument &arg : call.args)
    args.push_back(arg.value.get());
  if (args.size() == 1)
    args.insert(args.begin(), nullptr);
  if (args.size() == 2)
    args.push_back(nullptr);
  if (auto *step = llvm::dyn_cast_or_null<IntLiteralExpr>(args[2]))
    if (step->value.isZero())
      diags.report(step->getRange(), DiagID::err_zero_step);
  call.resolvedArgs = std::move(args);
  call.type = Type::get(Type::Kind::None);
}
