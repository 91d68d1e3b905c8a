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
  /// The `DType` member for the kind's scalars.
  const char *dtype;
};
} // namespace

static const TypeInfo &getInfo(Type::Kind kind) {
  static const TypeInfo infos[] = {
      {"<error>", 0, false, ""},       {"None", 0, false, ""},
      {"Bool", 1, false, "bool"},      {"Int", 64, true, "int"},
      {"UInt", 64, false, "uint"},     {"Int8", 8, true, "int8"},
      {"Int16", 16, true, "int16"},    {"Int32", 32, true, "int32"},
      {"Int64", 64, true, "int64"},    {"UInt8", 8, false, "uint8"},
      {"UInt16", 16, false, "uint16"}, {"UInt32", 32, false, "uint32"},
      {"UInt64", 64, false, "uint64"}, {"Float16", 16, true, "float16"},
      {"BFloat16", 16, true, "bfloat16"},
      {"Float32", 32, true, "float32"}, {"Float64", 64, true, "float64"},
      {"StringLiteral", 0, false, ""}, {"DType", 0, false, ""},
      {"<struct>", 0, false, ""},      {"<pointer>", 0, false, ""},
      {"<simd>", 0, false, ""}};
  return infos[static_cast<int>(kind)];
}

const Type *Type::get(Kind kind) {
#define EMBER_TYPE(K) static const Type K##Type(Kind::K);
  EMBER_TYPE(Error) EMBER_TYPE(None) EMBER_TYPE(Bool) EMBER_TYPE(Int)
  EMBER_TYPE(UInt) EMBER_TYPE(Int8) EMBER_TYPE(Int16) EMBER_TYPE(Int32)
  EMBER_TYPE(Int64) EMBER_TYPE(UInt8) EMBER_TYPE(UInt16) EMBER_TYPE(UInt32)
  EMBER_TYPE(UInt64) EMBER_TYPE(Float16) EMBER_TYPE(BFloat16)
  EMBER_TYPE(Float32) EMBER_TYPE(Float64) EMBER_TYPE(StringLiteral)
  EMBER_TYPE(DType)
#undef EMBER_TYPE
  static const Type *table[] = {
      &ErrorType,    &NoneType,      &BoolType,   &IntType,
      &UIntType,     &Int8Type,      &Int16Type,  &Int32Type,
      &Int64Type,    &UInt8Type,     &UInt16Type, &UInt32Type,
      &UInt64Type,   &Float16Type,   &BFloat16Type, &Float32Type,
      &Float64Type,  &StringLiteralType, &DTypeType};
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
                  .Case("Float16", Kind::Float16)
                  .Case("BFloat16", Kind::BFloat16)
                  .Case("Float32", Kind::Float32)
                  .Case("Float64", Kind::Float64)
                  .Case("StringLiteral", Kind::StringLiteral)
                  .Case("DType", Kind::DType)
                  .Default(std::nullopt);
  return kind ? get(*kind) : nullptr;
}

llvm::StringRef Type::getName() const {
  if (auto *s = llvm::dyn_cast<StructType>(this))
    return s->getDecl().name;
  if (auto *p = llvm::dyn_cast<PointerType>(this))
    return p->getPointerName();
  if (auto *v = llvm::dyn_cast<SIMDType>(this))
    return v->getSIMDName();
  return getInfo(kind).name;
}
bool Type::isSigned() const { return getInfo(kind).isSigned; }
unsigned Type::getBitWidth() const { return getInfo(kind).bitWidth; }

const Type *Type::getElementType() const {
  if (auto *v = llvm::dyn_cast<SIMDType>(this))
    return v->getElement();
  return this;
}

unsigned Type::getWidth() const {
  if (auto *v = llvm::dyn_cast<SIMDType>(this))
    return v->getLanes();
  return 1;
}

llvm::StringRef Type::getDTypeName() const { return getInfo(kind).dtype; }

std::optional<Type::Kind> Type::lookupDType(llvm::StringRef name) {
  // `index` is the older name of `int`, the dtype of `Int`.
  if (name == "index")
    return Kind::Int;
  for (int k = static_cast<int>(Kind::Bool); k <= static_cast<int>(Kind::Float64);
       ++k)
    if (name == getInfo(static_cast<Kind>(k)).dtype)
      return static_cast<Kind>(k);
  return std::nullopt;
}

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

SIMDType::SIMDType(const Type *element, unsigned width)
    : Type(Kind::SIMD), element(element), width(width),
      name("SIMD[DType." + element->getDTypeName().str() + ", " +
           std::to_string(width) + "]") {}

const Type *SIMDType::get(const Type *element, unsigned width) {
  if (width == 1)
    return element;
  static llvm::DenseMap<std::pair<const Type *, unsigned>,
                        std::unique_ptr<SIMDType>>
      types;
  std::unique_ptr<SIMDType> &type = types[{element, width}];
  if (!type)
    type.reset(new SIMDType(element, width));
  return type.get();
}
