//===- AST.cpp - Ember abstract syntax tree -------------------------------===//

#include "ember/AST/AST.h"

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
