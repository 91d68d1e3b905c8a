//===- SemaLifecycle.cpp - Ember semantic analysis: lifecycle -------------===//
//
// A struct may define how its values are destroyed, copied and moved. Sema
// recognizes these methods, in Mojo's current and older spellings, and
// records them on the struct; IRGen calls them and the ownership pass
// places the destructor calls. It also decides where a use of a value
// copies it, which needs `ImplicitlyCopyable`.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::dyn_cast;

void Sema::recordLifecycleMethod(StructDecl &decl, FnDecl *StructDecl::*role,
                                 FnDecl &method) {
  if (FnDecl *previous = decl.*role) {
    diags.report(method.nameRange, DiagID::err_redefinition, method.name);
    diags.report(previous->nameRange, DiagID::note_previous_definition);
    return;
  }
  if (method.raises)
    diags.report(method.nameRange, DiagID::err_raising_lifecycle, method.name);
  decl.*role = &method;
}

/// Recognizes `__deinit__` [`__del__`], `__init__(out self, *, copy: Self)`
/// [`__copyinit__`] and `__init__(out self, *, deinit take: Self)`
/// [`__moveinit__`]. Returns whether `method` needs no further checks as
/// a method.
bool Sema::checkLifecycleMethod(StructDecl &decl, FnDecl &method) {
  Param &self = method.params[0];
  const Type *selfType = decl.type.get();
  auto badSignature = [&](llvm::StringRef form) {
    diags.report(method.nameRange, DiagID::err_lifecycle_signature,
                 method.name, decl.name, form);
    return true;
  };
  if (method.name == "__del__" || method.name == "__deinit__") {
    if (method.name == "__del__")
      diags.report(method.nameRange, DiagID::warn_deprecated, "`__del__`",
                   "`__deinit__`");
    if (self.convention == ArgConvention::Owned) {
      diags.report(self.nameRange, DiagID::warn_deprecated,
                   "`owned self` in a destructor", "`deinit self`");
      self.convention = ArgConvention::Deinit;
    }
    if (self.convention != ArgConvention::Deinit ||
        method.params.size() != 1 || !method.resultType->isNone())
      return badSignature("def " + method.name + "(deinit self)");
    recordLifecycleMethod(decl, &StructDecl::destructor, method);
    return true;
  }
  bool oldCopy = method.name == "__copyinit__";
  bool oldMove = method.name == "__moveinit__";
  if (oldCopy || oldMove) {
    llvm::StringRef current = oldCopy ? "__init__(out self, *, copy: Self)"
                                      : "__init__(out self, *, deinit take: Self)";
    diags.report(method.nameRange, DiagID::warn_deprecated,
                 "`" + method.name + "`", "`" + current.str() + "`");
    // `inout self` and `owned existing` are the oldest spellings.
    if (self.convention == ArgConvention::Mut)
      self.convention = ArgConvention::Out;
    if (oldMove && method.params.size() == 2 &&
        method.params[1].convention == ArgConvention::Owned)
      method.params[1].convention = ArgConvention::Deinit;
    ArgConvention expected =
        oldCopy ? ArgConvention::Read : ArgConvention::Deinit;
    if (self.convention != ArgConvention::Out || method.params.size() != 2 ||
        method.params[1].type != selfType ||
        method.params[1].convention != expected ||
        !method.resultType->isNone())
      return badSignature(oldCopy
                              ? "def __copyinit__(out self, existing: Self)"
                              : "def __moveinit__(out self, deinit existing: Self)");
    recordLifecycleMethod(decl, oldCopy ? &StructDecl::copyInit
                                        : &StructDecl::moveInit,
                          method);
    return true;
  }
  if (method.name != "__init__" || method.params.size() != 2 ||
      !method.params[1].keywordOnly || method.params[1].type != selfType)
    return false;
  // Still an `__init__`: the caller checks its `out self`.
  const Param &other = method.params[1];
  if (other.name == "copy" && other.convention == ArgConvention::Read)
    recordLifecycleMethod(decl, &StructDecl::copyInit, method);
  else if (other.convention == ArgConvention::Deinit)
    recordLifecycleMethod(decl, &StructDecl::moveInit, method);
  return false;
}

bool Sema::isCopiedWhenOwned(const Expr &e) {
  auto *type = llvm::dyn_cast_or_null<StructType>(e.type);
  if (!type)
    return false;
  if (isLValue(&e))
    return true;
  // A field of a temporary is read from the temporary, which is destroyed
  // with its fields; only plain bits may leave it without a copy.
  auto *attr = dyn_cast<AttributeExpr>(&e);
  return attr && attr->fieldIndex >= 0 && !type->getDecl().isTrivial();
}

void Sema::checkCopy(const Expr &e) {
  if (!isCopiedWhenOwned(e))
    return;
  const StructDecl &decl = llvm::cast<StructType>(e.type)->getDecl();
  if (decl.implicitlyCopyable)
    return;
  diags.report(e.getRange(), DiagID::err_implicit_copy, decl.type->getName());
  if (decl.copyable)
    diags.report(e.getRange(), DiagID::note_explicit_copy);
  else
    diags.report(decl.nameRange, DiagID::note_make_copyable,
                 decl.type->getName());
}

void Sema::checkOwnedValue(ExprPtr &e, const Type *to) {
  checkAs(e, to);
  checkCopy(*e);
}
