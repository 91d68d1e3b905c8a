//===- SemaFieldwise.cpp - Ember semantic analysis: fieldwise methods -----===//
//
// A struct that conforms to the library's `Equatable` (`EqualityComparable`)
// or `Hashable` without the method the trait requires gets one made of its
// fields, as Mojo makes them: `a == b` when every field is equal, and a
// hash that mixes the hash of every field. Each is checked where it is
// first called, so a struct whose fields cannot be compared only fails
// when its `==` is used.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;

/// A method of `decl` that Sema makes: `def name(self, args...) -> result`,
/// its body filled in by the caller.
static std::unique_ptr<FnDecl> makeMethod(StructDecl &decl,
                                          llvm::StringRef name,
                                          const char *resultType) {
  llvm::SMRange at = decl.nameRange;
  auto fn = std::make_unique<FnDecl>();
  fn->isDef = true;
  fn->isLibrary = true;
  fn->isDeferred = true;
  fn->parent = &decl;
  fn->unit = decl.unit;
  fn->name = name.str();
  fn->nameRange = fn->range = at;
  fn->resultTypeExpr = std::make_unique<NameExpr>(at, resultType);
  Param self;
  self.name = "self";
  self.nameRange = at;
  fn->params.push_back(std::move(self));
  return fn;
}

/// `value.field` for the argument named `value`.
static ExprPtr makeAccess(llvm::StringRef value, const FieldDecl &field,
                          llvm::SMRange at) {
  return std::make_unique<AttributeExpr>(
      at, std::make_unique<NameExpr>(at, value.str()), field.name, at);
}

/// `def __eq__(self, other: Self) -> Bool`: every field equal (`True` for
/// a struct without fields).
std::unique_ptr<FnDecl> Sema::makeFieldwiseEq(StructDecl &decl) {
  llvm::SMRange at = decl.nameRange;
  std::unique_ptr<FnDecl> fn = makeMethod(decl, "__eq__", "Bool");
  Param other;
  other.name = "other";
  other.nameRange = at;
  other.typeExpr = std::make_unique<NameExpr>(at, "Self");
  fn->params.push_back(std::move(other));
  ExprPtr all;
  for (const FieldDecl &field : decl.fields) {
    auto equal = std::make_unique<CompareExpr>(at);
    equal->operands.push_back(makeAccess("self", field, at));
    equal->operands.push_back(makeAccess("other", field, at));
    equal->ops.push_back(CompareOperator::Eq);
    equal->opLocs.push_back(at.Start);
    if (all)
      all = std::make_unique<BoolOpExpr>(at, BoolOperator::And, std::move(all),
                                         std::move(equal));
    else
      all = std::move(equal);
  }
  if (!all)
    all = std::make_unique<BoolLiteralExpr>(at, true);
  fn->body.push_back(std::make_unique<ReturnStmt>(at, std::move(all)));
  return fn;
}

/// `def __hash__(self) -> UInt`: the library's `_hash_combine` of the
/// hash of each field in turn.
std::unique_ptr<FnDecl> Sema::makeFieldwiseHash(StructDecl &decl) {
  llvm::SMRange at = decl.nameRange;
  std::unique_ptr<FnDecl> fn = makeMethod(decl, "__hash__", "UInt");
  ExprPtr hash = makeIntConstant(at, 0);
  for (const FieldDecl &field : decl.fields) {
    std::vector<ExprPtr> fieldHash;
    fieldHash.push_back(makeAccess("self", field, at));
    std::vector<ExprPtr> args;
    args.push_back(std::move(hash));
    args.push_back(makeFunctionCall("hash", std::move(fieldHash), at));
    hash = makeFunctionCall("_hash_combine", std::move(args), at);
  }
  fn->body.push_back(std::make_unique<ReturnStmt>(at, std::move(hash)));
  return fn;
}
