//===- SemaOperators.cpp - Operators of structs through dunder methods ----===//
//
// An operator with a struct operand is a method call: `a + b` is
// `a.__add__(b)`, or `b.__radd__(a)` when `a` has no `__add__` that takes
// `b`; `-a` is `a.__neg__()`; `a < b` is `a.__lt__(b)` or `b.__gt__(a)`;
// `a[i]` is `a.__getitem__(i)` and `a[i] = v` is `a.__setitem__(i, v)`.
// Sema replaces the operator node with the call, so later phases only see
// calls.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

static DunderNames getDunderNames(BinaryOperator op) {
  switch (op) {
  case BinaryOperator::Add: return {"__add__", "__radd__", "__iadd__"};
  case BinaryOperator::Sub: return {"__sub__", "__rsub__", "__isub__"};
  case BinaryOperator::Mul: return {"__mul__", "__rmul__", "__imul__"};
  case BinaryOperator::Div: return {"__truediv__", "__rtruediv__", "__itruediv__"};
  case BinaryOperator::FloorDiv:
    return {"__floordiv__", "__rfloordiv__", "__ifloordiv__"};
  case BinaryOperator::Mod: return {"__mod__", "__rmod__", "__imod__"};
  case BinaryOperator::Pow: return {"__pow__", "__rpow__", "__ipow__"};
  case BinaryOperator::BitAnd: return {"__and__", "__rand__", "__iand__"};
  case BinaryOperator::BitOr: return {"__or__", "__ror__", "__ior__"};
  case BinaryOperator::BitXor: return {"__xor__", "__rxor__", "__ixor__"};
  case BinaryOperator::Shl: return {"__lshift__", "__rlshift__", "__ilshift__"};
  case BinaryOperator::Shr: return {"__rshift__", "__rrshift__", "__irshift__"};
  }
  return {"", "", ""};
}

/// A comparison's method, and the one of the other operand that computes
/// the same with the operands swapped.
static DunderNames getDunderNames(CompareOperator op) {
  switch (op) {
  case CompareOperator::Eq: return {"__eq__", "__eq__", ""};
  case CompareOperator::Ne: return {"__ne__", "__ne__", ""};
  case CompareOperator::Lt: return {"__lt__", "__gt__", ""};
  case CompareOperator::Le: return {"__le__", "__ge__", ""};
  case CompareOperator::Gt: return {"__gt__", "__lt__", ""};
  case CompareOperator::Ge: return {"__ge__", "__le__", ""};
  case CompareOperator::In:
  case CompareOperator::NotIn: return {"", "__contains__", ""};
  }
  return {"", "", ""};
}

static const char *getDunderName(UnaryOperator op) {
  switch (op) {
  case UnaryOperator::Neg: return "__neg__";
  case UnaryOperator::Plus: return "__pos__";
  case UnaryOperator::Invert: return "__invert__";
  case UnaryOperator::Not: return "";
  }
  return "";
}

ExprPtr Sema::makeMethodCall(ExprPtr base, llvm::StringRef name,
                             std::vector<ExprPtr> args, llvm::SMRange range,
                             llvm::SMLoc nameLoc) {
  auto callee = std::make_unique<AttributeExpr>(
      range, std::move(base), name.str(), llvm::SMRange(nameLoc, nameLoc));
  auto call = std::make_unique<CallExpr>(range, std::move(callee));
  for (ExprPtr &arg : args) {
    CallArgument argument;
    argument.value = std::move(arg);
    call->args.push_back(std::move(argument));
  }
  return call;
}

ExprPtr Sema::makeFunctionCall(llvm::StringRef name, std::vector<ExprPtr> args,
                               llvm::SMRange range) {
  auto call = std::make_unique<CallExpr>(
      range, std::make_unique<NameExpr>(range, name.str()));
  for (ExprPtr &arg : args) {
    CallArgument argument;
    argument.value = std::move(arg);
    call->args.push_back(std::move(argument));
  }
  return call;
}

static StructDecl *getStructOf(const Expr *e) {
  auto *type = llvm::dyn_cast_or_null<StructType>(e->type);
  return type ? &type->getDecl() : nullptr;
}

/// Whether some overload of `decl.method` could take `arg`.
bool Sema::acceptsArgument(StructDecl &decl, llvm::StringRef method,
                           const Expr &arg) {
  for (FnDecl *fn : decl.findMethods(method)) {
    if (fn->isStatic || fn->params.size() < 2)
      continue;
    // A generic operator may take anything; its instantiation decides.
    if (fn->isGeneric)
      return true;
    const Type *want = fn->params[1].type;
    if (isLiteral(&arg) ? want->isNumeric() &&
                              (want->isFloat() || !containsFloatLiteral(&arg))
                        : want == arg.type || arg.type->isError() ||
                              !getImplicitConversions(arg.type, want).empty())
      return true;
  }
  return false;
}

bool Sema::rewriteBinaryOperator(ExprPtr &e, ExprPtr &lhs, ExprPtr &rhs,
                                 DunderNames names, llvm::StringRef spelling,
                                 llvm::SMLoc opLoc) {
  if (!isLiteral(lhs.get()))
    checkValue(lhs);
  if (!isLiteral(rhs.get()))
    checkValue(rhs);
  StructDecl *left = isLiteral(lhs.get()) ? nullptr : getStructOf(lhs.get());
  StructDecl *right = isLiteral(rhs.get()) ? nullptr : getStructOf(rhs.get());
  if (!left && !right)
    return false;
  llvm::SMRange range = e->getRange();
  if (left && acceptsArgument(*left, names.method, *rhs)) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(rhs));
    e = makeMethodCall(std::move(lhs), names.method, std::move(args), range,
                       opLoc);
  } else if (right && acceptsArgument(*right, names.reflected, *lhs)) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(lhs));
    e = makeMethodCall(std::move(rhs), names.reflected, std::move(args), range,
                       opLoc);
  } else {
    bool quiet = (lhs->type && lhs->type->isError()) ||
                 (rhs->type && rhs->type->isError());
    // A literal operand is named by its literal type, as in Mojo.
    auto describe = [](const Expr &operand) -> llvm::StringRef {
      if (operand.type)
        return operand.type->getName();
      return containsFloatLiteral(&operand) ? "FloatLiteral" : "IntLiteral";
    };
    if (!quiet)
      diags.report(opLoc, DiagID::err_no_operator, spelling, describe(*lhs),
                   describe(*rhs),
                   left && *names.method ? names.method : names.reflected);
    e->type = errorType();
    return true;
  }
  check(e);
  return true;
}

bool Sema::rewriteOperator(ExprPtr &e) {
  if (auto *b = dyn_cast<BinaryExpr>(e.get())) {
    std::string spelling = getSpelling(b->op);
    if (b->isAugmented)
      spelling += "=";
    return rewriteBinaryOperator(e, b->lhs, b->rhs, getDunderNames(b->op),
                                 spelling, b->opLoc);
  }
  if (auto *c = dyn_cast<CompareExpr>(e.get())) {
    bool anyStruct = false;
    for (ExprPtr &operand : c->operands)
      if (!isLiteral(operand.get()))
        anyStruct |= checkValue(operand)->isStruct();
    if (!anyStruct)
      return false;
    if (c->ops.size() != 1) {
      diags.report(c->getRange(), DiagID::err_unsupported,
                   "a chained comparison of structs");
      e->type = errorType();
      return true;
    }
    CompareOperator op = c->ops[0];
    llvm::SMRange range = e->getRange();
    bool rewritten = rewriteBinaryOperator(e, c->operands[0], c->operands[1],
                                           getDunderNames(op), getSpelling(op),
                                           c->opLocs[0]);
    // `a not in b` is `not b.__contains__(a)`.
    if (rewritten && op == CompareOperator::NotIn && !e->type->isError()) {
      e = std::make_unique<UnaryExpr>(range, UnaryOperator::Not, std::move(e));
      check(e);
    }
    return rewritten;
  }
  auto *u = cast<UnaryExpr>(e.get());
  if (u->op == UnaryOperator::Not || isLiteral(u->operand.get()) ||
      !checkValue(u->operand)->isStruct())
    return false;
  StructDecl *decl = getStructOf(u->operand.get());
  const char *method = getDunderName(u->op);
  if (decl->findMethods(method).empty()) {
    diags.report(u->getLoc(), DiagID::err_no_unary_operator,
                 getSpelling(u->op), decl->name, method);
    e->type = errorType();
    return true;
  }
  llvm::SMRange range = e->getRange();
  e = makeMethodCall(std::move(u->operand), method, {}, range, range.Start);
  check(e);
  return true;
}

/// `a[i, j]` reads through `a.__getitem__(i, j)`.
const Type *Sema::checkSubscript(ExprPtr &e) {
  auto *s = cast<SubscriptExpr>(e.get());
  // `AddOne[8]` of an alias template is the value of its instance.
  if (AliasDecl *instance = getAliasInstance(s)) {
    if (instance->namedType) {
      diags.report(e->getRange(), DiagID::err_not_a_value, instance->name);
      return errorType();
    }
    auto name = std::make_unique<NameExpr>(e->getRange(), instance->name);
    name->alias = instance;
    name->type = instance->value->type;
    e = std::move(name);
    return e->type;
  }
  const Type *baseType = checkValue(s->base);
  if (baseType->isError()) {
    for (ExprPtr &index : s->indices)
      check(index);
    return errorType();
  }
  if (auto *pointer = dyn_cast<PointerType>(baseType))
    return checkPointerElement(*s, pointer);
  if (baseType->isSIMD() || baseType->isNumeric() || baseType->isBool())
    return checkSIMDElement(e);
  if (const StructDecl *tuple = getTupleDecl(baseType))
    return checkTupleElement(e, *tuple);
  if (!baseType->isStruct()) {
    diags.report(e->getRange(), DiagID::err_unsupported,
                 "subscripting a value of type `" + baseType->getName().str() +
                     "`");
    return errorType();
  }
  llvm::SMRange range = e->getRange();
  e = makeMethodCall(std::move(s->base), "__getitem__", std::move(s->indices),
                     range, range.Start);
  return check(e);
}

/// `a[i] = v` is `a.__setitem__(i, v)`: the assignment becomes the call,
/// assigned to `_`. Without `__setitem__`, it writes the reference
/// `a.__getitem__(i)` returns.
void Sema::checkSetItem(ExprPtr &target, ExprPtr &value) {
  auto *s = cast<SubscriptExpr>(target.get());
  const Type *baseType = checkValue(s->base);
  if (baseType->isError()) {
    check(value);
    return;
  }
  // `p[i] = v` writes the storage `p[i]` is, like a variable.
  if (auto *pointer = dyn_cast<PointerType>(baseType)) {
    target->type = checkPointerElement(*s, pointer);
    checkOwnedValue(value, target->type);
    return;
  }
  if (baseType->isSIMD() || baseType->isNumeric() || baseType->isBool())
    return checkSIMDSetItem(target, value);
  if (!baseType->isStruct()) {
    diags.report(target->getRange(), DiagID::err_unsupported,
                 "assigning to a subscript of a value of type `" +
                     baseType->getName().str() + "`");
    check(value);
    return;
  }
  if (getTupleDecl(baseType) ||
      cast<StructType>(baseType)->getDecl().findMethods("__setitem__").empty()) {
    checkSubscript(target);
    return checkAssignTo(target, value);
  }
  llvm::SMRange range = target->getRange();
  std::vector<ExprPtr> args = std::move(s->indices);
  args.push_back(std::move(value));
  value = makeMethodCall(std::move(s->base), "__setitem__", std::move(args),
                         range, range.Start);
  target = std::make_unique<DiscardExpr>(range);
  check(value);
}

/// `a op= b` with a struct `a` calls `a.__iop__(b)` when it has one, which
/// changes `a` in place; otherwise it is `a = a op b`.
bool Sema::rewriteInPlaceOperator(AugAssignStmt &assign) {
  StructDecl *decl = getStructOf(assign.target.get());
  const char *method = getDunderNames(assign.op).inPlace;
  if (!decl || decl->findMethods(method).empty())
    return false;
  if (!isLiteral(assign.value.get()))
    checkValue(assign.value);
  std::vector<ExprPtr> args;
  args.push_back(std::move(assign.value));
  assign.combined = makeMethodCall(std::move(assign.target), method,
                                   std::move(args), assign.getRange(),
                                   assign.opLoc);
  assign.inPlace = true;
  check(assign.combined);
  return true;
}
