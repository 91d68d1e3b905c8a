//===- Types.h - Ember's semantic types -------------------------*- C++ -*-===//
//
// Types are unique objects: two types are equal exactly when their pointers
// are. The builtin scalars are static singletons (`Type::get`); each struct
// declaration owns its one `StructType`; pointer types are interned by
// pointee.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_SEMA_TYPES_H
#define EMBER_SEMA_TYPES_H

#include "llvm/ADT/StringRef.h"

#include <optional>

#include <string>

namespace ember {

class StructDecl;

class Type {
public:
  enum class Kind {
    Error, None, Bool, Int, UInt, Int8, Int16, Int32, Int64,
    UInt8, UInt16, UInt32, UInt64, Float16, BFloat16, Float32, Float64,
    StringLiteral, DType, Struct, Pointer, SIMD
  };

  static const Type *get(Kind kind);
  /// The builtin type spelled `name`, or null.
  static const Type *lookup(llvm::StringRef name);

  Kind getKind() const { return kind; }
  llvm::StringRef getName() const;

  bool isError() const { return kind == Kind::Error; }
  bool isNone() const { return kind == Kind::None; }
  bool isBool() const { return kind == Kind::Bool; }
  bool isString() const { return kind == Kind::StringLiteral; }
  /// Integer types, not Bool.
  bool isInteger() const { return kind >= Kind::Int && kind <= Kind::UInt64; }
  bool isSigned() const;
  bool isFloat() const { return kind >= Kind::Float16 && kind <= Kind::Float64; }
  bool isNumeric() const { return isInteger() || isFloat(); }
  bool isScalar() const { return isNumeric() || isBool(); }
  bool isStruct() const { return kind == Kind::Struct; }
  bool isPointer() const { return kind == Kind::Pointer; }
  bool isSIMD() const { return kind == Kind::SIMD; }
  bool isDType() const { return kind == Kind::DType; }
  /// Bit width of Bool, integers and floats.
  unsigned getBitWidth() const;
  /// The scalar of a SIMD vector; a scalar itself.
  const Type *getElementType() const;
  /// The lanes of a SIMD vector: 1 for a scalar.
  unsigned getWidth() const;
  /// The name of the `DType` whose scalars are of this kind (`float32`),
  /// empty if none is.
  llvm::StringRef getDTypeName() const;
  /// The scalar kind `DType.name` stands for.
  static std::optional<Kind> lookupDType(llvm::StringRef name);

protected:
  explicit constexpr Type(Kind kind) : kind(kind) {}

private:
  Kind kind;
};

/// The type of the values of a `struct` declaration.
class StructType : public Type {
public:
  explicit StructType(StructDecl &decl) : Type(Kind::Struct), decl(decl) {}
  StructDecl &getDecl() const { return decl; }
  static bool classof(const Type *t) { return t->getKind() == Kind::Struct; }

private:
  StructDecl &decl;
};

/// `UnsafePointer[T]`: the address of values of type `T`. One per pointee.
class PointerType : public Type {
public:
  static const PointerType *get(const Type *pointee);
  const Type *getPointee() const { return pointee; }
  llvm::StringRef getPointerName() const { return name; }
  static bool classof(const Type *t) { return t->getKind() == Kind::Pointer; }

private:
  explicit PointerType(const Type *pointee);
  const Type *pointee;
  std::string name;
};

/// `SIMD[dtype, width]` with more than one lane: one per element type and
/// width. With one lane, `SIMD[dtype, 1]` is the scalar itself.
class SIMDType : public Type {
public:
  /// The vector of `width` values of the scalar `element`, or `element`
  /// itself when `width` is 1.
  static const Type *get(const Type *element, unsigned width);
  const Type *getElement() const { return element; }
  unsigned getLanes() const { return width; }
  llvm::StringRef getSIMDName() const { return name; }
  static bool classof(const Type *t) { return t->getKind() == Kind::SIMD; }

private:
  SIMDType(const Type *element, unsigned width);
  const Type *element;
  unsigned width;
  std::string name;
};

} // namespace ember

#endif
