//===- SemaFFI.cpp - Ember semantic analysis: calls of C functions --------===//
//
// `external_call["name", Result](args...)` calls the C function `name`,
// as Mojo's does: the library reaches libc this way (clocks, files, the
// environment). Arguments and the result are scalars or pointers, passed
// as C passes them; every call of one name must agree on the types.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::dyn_cast;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

static bool isPassableToC(const Type *type) {
  return type->isScalar() || type->isPointer() || type->isNone();
}

const Type *Sema::checkExternalCall(CallExpr &call,
                                    llvm::ArrayRef<ExprPtr> params) {
  auto *name = params.empty() ? nullptr
                              : dyn_cast<StringLiteralExpr>(params[0].get());
  if (!name || params.size() > 2) {
    diags.report(call.callee->getRange(), DiagID::err_external_call_form);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  // The compiler's own symbols are not C functions to call.
  llvm::StringRef symbol = name->value;
  if (symbol.empty() || symbol == "main" || symbol.starts_with("ember."))
    diags.report(params[0]->getRange(), DiagID::err_external_reserved, symbol);
  const Type *result = params.size() == 2 ? resolveType(params[1].get())
                                          : Type::get(Type::Kind::None);
  if (!isPassableToC(result) && !result->isError())
    diags.report(params[1]->getRange(), DiagID::err_external_type,
                 result->getName());
  std::vector<const Type *> types;
  for (CallArgument &arg : call.args) {
    if (!arg.keyword.empty())
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword,
                   "external_call", arg.keyword);
    const Type *type = checkValue(arg.value);
    if (!isPassableToC(type) && !type->isError())
      diags.report(arg.value->getRange(), DiagID::err_external_type,
                   type->getName());
    types.push_back(type);
    call.resolvedArgs.push_back(arg.value.get());
  }
  types.push_back(result);
  // One C function has one signature.
  auto [it, inserted] = externalSignatures.try_emplace(name->value, types,
                                                       call.getLoc());
  if (!inserted && it->second.first != types) {
    diags.report(call.getRange(), DiagID::err_external_signature,
                 name->value);
    diags.report(it->second.second, DiagID::note_external_first_call);
  }
  call.builtin = Builtin::ExternalCall;
  call.externalName = name->value;
  return result;
}
