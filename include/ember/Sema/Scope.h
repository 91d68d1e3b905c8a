//===- Scope.h - Name lookup scopes -----------------------------*- C++ -*-===//

#ifndef EMBER_SEMA_SCOPE_H
#define EMBER_SEMA_SCOPE_H

#include "ember/AST/AST.h"

#include "llvm/ADT/StringMap.h"

namespace ember {

/// What a name stands for.
/// What a variadic compile-time parameter binds in an instance: the types
/// of `*Ts: Trait`, the values of `*values: Int`, or, for `*args: *Ts`, the
/// names of the arguments the instance has instead of `args`.
struct Pack {
  std::vector<const Type *> types;
  std::vector<AliasDecl *> values;
  std::vector<std::string> arguments;
  /// Of a value pack, the type of its values.
  const Type *valueType = nullptr;
  size_t size() const {
    return types.size() + values.size() + arguments.size();
  }
};

struct Symbol {
  enum class Kind {
    Local, Alias, Function, Type, Trait, Builtin, Module, Pack, Poisoned
  };
  Kind kind = Kind::Poisoned;
  LocalVar *local = nullptr;
  AliasDecl *alias = nullptr;
  const Pack *pack = nullptr;
  TraitDecl *trait = nullptr;
  /// The overloads of a function name.
  llvm::SmallVector<FnDecl *, 1> functions;
  const Type *type = nullptr;
  Builtin builtin = Builtin::None;
  /// Of a module (or a package of modules): its dotted path as imported.
  std::string modulePath;
  llvm::SMRange declRange;
};

/// A lexical scope: the module, a function, or a block.
class Scope {
public:
  explicit Scope(Scope *parent = nullptr) : parent(parent) {}

  Scope *getParent() const { return parent; }
  const Symbol *lookup(llvm::StringRef name) const {
    for (const Scope *s = this; s; s = s->parent)
      if (const Symbol *symbol = s->lookupHere(name))
        return symbol;
    return nullptr;
  }
  const Symbol *lookupHere(llvm::StringRef name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? nullptr : &it->second;
  }
  /// Adds `symbol`; returns false if the name is already in this scope.
  bool insert(llvm::StringRef name, Symbol symbol) {
    return symbols.try_emplace(name, symbol).second;
  }
  void replace(llvm::StringRef name, Symbol symbol) { symbols[name] = symbol; }

  /// The names visible here whose symbols satisfy `filter`, for "did you
  /// mean" hints.
  template <typename Filter>
  llvm::SmallVector<llvm::StringRef> collectNames(Filter filter) const {
    llvm::SmallVector<llvm::StringRef> names;
    for (const Scope *s = this; s; s = s->parent)
      for (const auto &entry : s->symbols)
        if (entry.second.kind != Symbol::Kind::Poisoned && filter(entry.second))
          names.push_back(entry.first());
    return names;
  }

  /// The names of this scope alone.
  llvm::SmallVector<llvm::StringRef> collectNamesHere() const {
    llvm::SmallVector<llvm::StringRef> names;
    for (const auto &entry : symbols)
      if (entry.second.kind != Symbol::Kind::Poisoned)
        names.push_back(entry.first());
    return names;
  }

private:
  Scope *parent;
  llvm::StringMap<Symbol> symbols;
};

} // namespace ember

#endif
