//===- SemaConstraint.cpp - `where` clauses --------------------------------===//
//
// `def eq[T: AnyType](a: T, b: T) -> Bool where conforms_to(T, Equatable)`
// and `def first(self) -> Self.T where Self.capacity > 0`: a constant
// condition on compile-time parameters. It is decided once per function,
// instance or method of a struct instance; where it is false, calls do not
// see the function and its body is neither checked nor emitted, so it may
// use what the parameters do not offer.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;

/// `conforms_to(T, Trait)`: whether the type `T` conforms to `Trait`, as a
/// `Bool` constant.
const Type *Sema::checkConformsTo(ExprPtr &e) {
  auto &call = cast<CallExpr>(*e);
  if (call.args.size() != 2 || !call.args[0].keyword.empty() ||
      !call.args[1].keyword.empty()) {
    diags.report(call.getRange(), DiagID::err_conforms_to_args);
    return Type::get(Type::Kind::Error);
  }
  const Type *type = resolveType(call.args[0].value.get());
  const Expr &trait = *call.args[1].value;
  if (type->isError())
    return type;
  if (!isTraitBound(trait)) {
    diags.report(trait.getRange(), DiagID::err_not_a_trait, getSourceText(trait.getRange()));
    return Type::get(Type::Kind::Error);
  }
  bool conforms =
      checkTraitBound(type, trait, call.getLoc(), "", /*report=*/false);
  e = std::make_unique<BoolLiteralExpr>(call.getRange(), conforms);
  return check(e);
}

/// The value of the `where` condition `cond`, checked in `in`. A broken
/// condition is reported and counts as true, so that what it guards says
/// nothing more.
bool Sema::evaluateCondition(ExprPtr &cond, Scope *in) {
  Scope *saved = scope;
  FnDecl *savedFn = currentFn;
  scope = in;
  currentFn = nullptr;
  checkAs(cond, Type::get(Type::Kind::Bool));
  std::optional<int64_t> value = evaluateConstant(*cond);
  if (!value && !cond->type->isError())
    diags.report(cond->getRange(), DiagID::err_not_constant_condition,
                 "where");
  scope = saved;
  currentFn = savedFn;
  return value.value_or(1) != 0;
}

bool Sema::meetsConstraint(FnDecl &fn) {
  // A template's condition may name its parameters, known in each
  // instance; a method whose only parameters are unnamed (`Some[Writer]`)
  // is decided by its struct's.
  if (!fn.constraint ||
      (fn.isGeneric && (!fn.parent || !fn.compileTimeParams.empty())))
    return true;
  // The parameters the condition names are those of the instance, or of
  // the struct instance the method belongs to.
  if (!fn.constraintMet)
    fn.constraintMet = evaluateCondition(
        fn.constraint, fn.outerScope ? fn.outerScope
                       : fn.parent   ? &getStructScope(*fn.parent)
                                     : &unitScope(fn.unit));
  return *fn.constraintMet;
}

void Sema::checkUnlessExcluded(FnDecl &fn) {
  if (meetsConstraint(fn)) {
    checkFunctionBody(fn);
    return;
  }
  fn.isDeferred = true; // Never emitted.
}

void Sema::reportExcluded(const CallExpr &call, const FnDecl &fn) {
  std::string name = fn.parent && fn.parent->type
                         ? fn.parent->name + "." + fn.name
                         : fn.name + fn.instanceSuffix;
  diags.report(call.getRange(), DiagID::err_constraint_unmet, name,
               getSourceText(fn.constraint->getRange()));
  diags.report(fn.constraint->getRange(), DiagID::note_constraint_here);
}

std::vector<FnDecl *> Sema::findCallableMethods(StructDecl &decl,
                                                llvm::StringRef name) {
  std::vector<FnDecl *> methods = decl.findMethods(name);
  llvm::erase_if(methods, [&](FnDecl *fn) { return !meetsConstraint(*fn); });
  return methods;
}
