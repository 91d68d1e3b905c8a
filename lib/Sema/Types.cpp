//===- Types.cpp - Ember's semantic types ---------------------------------===//

#include "ember/Sema/Types.h"

#include "ember/AST/AST.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <memory>

using namespace ember;

namespace {
struct TypeInfo {
  const char *name;
  unsigned bitWidth;
  bool isSigned;
};
} // namespace

static const TypeInfo &getInfo(Type::Kind kind) {
  static const TypeInfo infos[] = {
      {"<error>", 0, false},  {"None", 0, false},     {"Bool", 1, false},
      {"Int", 64, true},      {"UInt", 64, false},    {"Int8", 8, true},
      {"Int16", 16, true},    {"Int32", 32, true},    {"Int64", 64, true},
      {"UInt8", 8, false},    {"UInt16", 16, false},  {"UInt32", 32, false},
      {"UInt64", 64, false},  {"Float32", 32, true},  {"Float64", 64, true},
      {"StringLiteral", 0, false}, {"<struct>", 0, false},
      {"<pointer>", 0, false}};
  return infos[static_cast<int>(kind)];
}

const Type *Type::get(Kind kind) {
#define EMBER_TYPE(K) static const Type K##Type(Kind::K);
  EMBER_TYPE(Error) EMBER_TYPE(None) EMBER_TYPE(Bool) EMBER_TYPE(Int)
  EMBER_TYPE(UInt) EMBER_TYPE(Int8) EMBER_TYPE(Int16) EMBER_TYPE(Int32)
  EMBER_TYPE(Int64) EMBER_TYPE(UInt8) EMBER_TYPE(UInt16) EMBER_TYPE(UInt32)
  EMBER_TYPE(UInt64) EMBER_TYPE(Float32) EMBER_TYPE(Float64)
  EMBER_TYPE(StringLiteral)
#undef EMBER_TYPE
  static const Type *table[] = {
      &ErrorType,  &NoneType,   &BoolType,   &IntType,     &UIntType,
      &Int8Type,   &Int16Type,  &Int32Type,  &Int64Type,   &UInt8Type,
      &UInt16Type, &UInt32Type, &UInt64Type, &Float32Type, &Float64Type,
      &StringLiteralType};
  return table[static_cast<int>(kind)];
}

const Type *Type::lookup(llvm::StringRef name) {
  auto kind = llvm::StringSwitch<std::optional<Kind>>(name)
                  .Case("Bool", Kind::Bool)
                  .Case("Int", Kind::Int)
                  .Case("UInt", Kind::UInt)
                  .Case("Int8", Kind::Int8)
                  .Case("Int16", Kind::Int16)
                  .Case("Int32", Kind::Int32)
                  .Case("Int64", Kind::Int64)
                  .Case("UInt8", Kind::UInt8)
                  .Case("UInt16", Kind::UInt16)
                  .Case("UInt32", Kind::UInt32)
                  .Case("UInt64", Kind::UInt64)
                  .Case("Float32", Kind::Float32)
                  .Case("Float64", Kind::Float64)
                  .Case("StringLiteral", Kind::StringLiteral)
                  .Default(std::nullopt);
  return kind ? get(*kind) : nullptr;
}

llvm::StringRef Type::getName() const {
  if (auto *s = llvm::dyn_cast<StructType>(this))
    return s->getDecl().name;
  if (auto *p = llvm::dyn_cast<PointerType>(this))
    return p->getPointerName();
  return getInfo(kind).name;
}
bool Type::isSigned() const { return getInfo(kind).isSigned; }
unsigned Type::getBitWidth() const { return getInfo(kind).bitWidth; }

PointerType::PointerType(const Type *pointee)
    : Type(Kind::Pointer), pointee(pointee),
      name("UnsafePointer[" + pointee->getName().str() + "]") {}

const PointerType *PointerType::get(const Type *pointee) {
  static llvm::DenseMap<const Type *, std::unique_ptr<PointerType>> types;
  std::unique_ptr<PointerType> &type = types[pointee];
  if (!type)
    type.reset(new PointerType(pointee));
  return type.get();
}
