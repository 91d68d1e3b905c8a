//===- AST.cpp - Ember abstract syntax tree -------------------------------===//

#include "ember/AST/AST.h"

#include "llvm/ADT/STLExtras.h"

using namespace ember;

const char *ember::getSpelling(BinaryOperator op) {
  switch (op) {
  case BinaryOperator::Add: return "+";
  case BinaryOperator::Sub: return "-";
  case BinaryOperator::Mul: return "*";
  case BinaryOperator::Div: return "/";
  case BinaryOperator::FloorDiv: return "//";
  case BinaryOperator::Mod: return "%";
  case BinaryOperator::Pow: return "**";
  case BinaryOperator::BitAnd: return "&";
  case BinaryOperator::BitOr: return "|";
  case BinaryOperator::BitXor: return "^";
  case BinaryOperator::Shl: return "<<";
  case BinaryOperator::Shr: return ">>";
  }
  return "?";
}

const char *ember::getSpelling(UnaryOperator op) {
  switch (op) {
  case UnaryOperator::Neg: return "-";
  case UnaryOperator::Plus: return "+";
  case UnaryOperator::Invert: return "~";
  case UnaryOperator::Not: return "not";
  }
  return "?";
}

const char *ember::getSpelling(CompareOperator op) {
  switch (op) {
  case CompareOperator::Eq: return "==";
  case CompareOperator::Ne: return "!=";
  case CompareOperator::Lt: return "<";
  case CompareOperator::Le: return "<=";
  case CompareOperator::Gt: return ">";
  case CompareOperator::Ge: return ">=";
  case CompareOperator::In: return "in";
  case CompareOperator::NotIn: return "not in";
  }
  return "?";
}

const char *ember::getSpelling(BoolOperator op) {
  return op == BoolOperator::And ? "and" : "or";
}

const char *ember::getSpelling(ArgConvention convention) {
  switch (convention) {
  case ArgConvention::Read: return "read";
  case ArgConvention::Mut: return "mut";
  case ArgConvention::Owned: return "var";
  case ArgConvention::Out: return "out";
  case ArgConvention::Ref: return "ref";
  case ArgConvention::Deinit: return "deinit";
  }
  return "?";
}

/// Whether `decl` or the struct type of one of its fields, at any depth,
/// has `property`.
static bool anyPart(const StructDecl &decl,
                    FnDecl *StructDecl::*property) {
  if (decl.*property)
    return true;
  for (const FieldDecl &field : decl.fields)
    if (auto *structType = llvm::dyn_cast_or_null<StructType>(field.type))
      if (anyPart(structType->getDecl(), property))
        return true;
  return false;
}

bool StructDecl::hasDestructor() const {
  return anyPart(*this, &StructDecl::destructor);
}
bool StructDecl::hasCustomCopy() const {
  return anyPart(*this, &StructDecl::copyInit);
}
bool StructDecl::hasCustomMove() const {
  return anyPart(*this, &StructDecl::moveInit);
}
bool StructDecl::isTrivial() const {
  return !hasDestructor() && !hasCustomCopy() && !hasCustomMove();
}

int StructDecl::findField(llvm::StringRef fieldName) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == fieldName)
      return static_cast<int>(i);
  return -1;
}

std::vector<FnDecl *> StructDecl::findMethods(llvm::StringRef methodName) const {
  std::vector<FnDecl *> found;
  for (const auto &method : methods)
    if (method->name == methodName)
      found.push_back(method.get());
  return found;
}

bool ember::mayRaise(const Expr &e) {
  auto any = [](const std::vector<Expr *> &exprs) {
    return llvm::any_of(exprs, [](const Expr *x) { return x && mayRaise(*x); });
  };
  switch (e.getKind()) {
  case Expr::Kind::Call: {
    auto &call = llvm::cast<CallExpr>(e);
    if (call.function && call.function->raisedType)
      return true;
    for (const ExprPtr &part : call.parts)
      if (mayRaise(*part))
        return true;
    return any(call.resolvedArgs) || any(call.variadicArgs);
  }
  case Expr::Kind::Unary:
    return mayRaise(*llvm::cast<UnaryExpr>(e).operand);
  case Expr::Kind::Binary: {
    auto &b = llvm::cast<BinaryExpr>(e);
    return mayRaise(*b.lhs) || mayRaise(*b.rhs);
  }
  case Expr::Kind::BoolOp: {
    auto &b = llvm::cast<BoolOpExpr>(e);
    return mayRaise(*b.lhs) || mayRaise(*b.rhs);
  }
  case Expr::Kind::Compare: {
    auto &c = llvm::cast<CompareExpr>(e);
    return llvm::any_of(c.operands,
                        [](const ExprPtr &x) { return mayRaise(*x); });
  }
  case Expr::Kind::Subscript: {
    auto &s = llvm::cast<SubscriptExpr>(e);
    return mayRaise(*s.base) ||
           llvm::any_of(s.indices,
                        [](const ExprPtr &x) { return mayRaise(*x); });
  }
  case Expr::Kind::Attribute:
    return mayRaise(*llvm::cast<AttributeExpr>(e).base);
  case Expr::Kind::Conditional: {
    auto &c = llvm::cast<ConditionalExpr>(e);
    return mayRaise(*c.cond) || mayRaise(*c.thenExpr) || mayRaise(*c.elseExpr);
  }
  case Expr::Kind::Tuple:
  case Expr::Kind::List: {
    const std::vector<ExprPtr> &elements =
        llvm::isa<TupleExpr>(e) ? llvm::cast<TupleExpr>(e).elements
                                : llvm::cast<ListExpr>(e).elements;
    return llvm::any_of(elements, [](const ExprPtr &x) { return mayRaise(*x); });
  }
  case Expr::Kind::Dict: {
    auto &d = llvm::cast<DictExpr>(e);
    auto anyRaises = [](const std::vector<ExprPtr> &xs) {
      return llvm::any_of(xs, [](const ExprPtr &x) { return mayRaise(*x); });
    };
    return anyRaises(d.keys) || anyRaises(d.values);
  }
  case Expr::Kind::Cast:
    return mayRaise(*llvm::cast<CastExpr>(e).operand);
  case Expr::Kind::Transfer:
    return mayRaise(*llvm::cast<TransferExpr>(e).operand);
  default:
    return false;
  }
}

template <typename T>
static void moveInto(std::vector<T> &to, std::vector<T> &from, bool first) {
  to.insert(first ? to.begin() : to.end(),
            std::make_move_iterator(from.begin()),
            std::make_move_iterator(from.end()));
  from.clear();
}

void Module::merge(Module &file, unsigned unit, bool isLibrary, bool first) {
  for (auto &fn : file.functions) {
    fn->unit = unit;
    fn->isLibrary = isLibrary;
  }
  for (auto &decl : file.structs) {
    decl->unit = unit;
    decl->isLibrary = isLibrary;
    for (auto &method : decl->methods) {
      method->unit = unit;
      method->isLibrary = isLibrary;
    }
  }
  for (auto &trait : file.traits) {
    trait->unit = unit;
    for (auto &method : trait->methods) {
      method->unit = unit;
      method->isLibrary = isLibrary;
    }
  }
  for (auto &alias : file.aliases)
    alias->unit = unit;
  for (auto &assertion : file.asserts)
    assertion->unit = unit;
  for (ImportDecl &imp : file.imports)
    imp.unit = unit;
  moveInto(traits, file.traits, first);
  moveInto(structs, file.structs, first);
  moveInto(functions, file.functions, first);
  moveInto(aliases, file.aliases, first);
  moveInto(asserts, file.asserts, first);
  moveInto(imports, file.imports, first);
}
