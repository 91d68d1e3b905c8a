//===- Types.h - Ember's semantic types -------------------------*- C++ -*-===//

#ifndef EMBER_SEMA_TYPES_H
#define EMBER_SEMA_TYPES_H

#include "llvm/ADT/StringRef.h"

namespace ember {

/// A type of the scalar core. Types are unique: compare pointers.
class Type {
public:
  enum class Kind {
    Error, None, Bool, Int, UInt, Int8, Int16, Int32, Int64,
    UInt8, UInt16, UInt32, UInt64, Float32, Float64, StringLiteral
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
  bool isFloat() const { return kind == Kind::Float32 || kind == Kind::Float64; }
  bool isNumeric() const { return isInteger() || isFloat(); }
  /// Bit width of Bool, integers and floats.
  unsigned getBitWidth() const;

private:
  explicit constexpr Type(Kind kind) : kind(kind) {}
  Kind kind;
};

} // namespace ember

#endif
