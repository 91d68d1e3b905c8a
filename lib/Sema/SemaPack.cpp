//===- SemaPack.cpp - Variadic compile-time parameters --------------------===//
//
// `def f[*Ts: Intable](*args: *Ts)` and `def g[*values: Int]()`: a
// variadic compile-time parameter binds a pack of types or values. An
// instance of `f` has one argument per type of `Ts` in place of `args`;
// in its body, `args[i]` with a constant `i` is the i-th of them and
// `len(args)` is a constant, so `comptime for i in range(len(args))`
// visits each. A value pack is a constant list of its values.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;


/// The positional arguments in `[...]` from `positional` on, which a
/// variadic parameter takes.
std::vector<const Expr *>
Sema::takePositionalArgs(llvm::ArrayRef<ExprPtr> args, size_t &positional) {
  std::vector<const Expr *> taken;
  for (; positional < args.size() &&
         !isa<KeywordArgExpr>(args[positional].get());
       ++positional)
    taken.push_back(args[positional].get());
  return taken;
}

/// Binds the variadic `param` to the types or values `given` in brackets,
/// or, when none are, to the `inferred` types of the arguments of a
/// `*args: *Ts`.
bool Sema::bindPack(const CompileTimeParam &param,
                    llvm::ArrayRef<const Expr *> given,
                    llvm::ArrayRef<const Type *> inferred, llvm::SMLoc loc,
                    bool report, CompileTimeBinding &binding) {
  binding.isPack = true;
  if (isTraitBound(*param.typeExpr)) {
    if (given.empty())
      binding.packTypes.assign(inferred.begin(), inferred.end());
    for (const Expr *typeExpr : given)
      binding.packTypes.push_back(resolveType(const_cast<Expr *>(typeExpr)));
    return llvm::all_of(binding.packTypes, [&](const Type *type) {
      return !type->isError() &&
             checkTraitBound(type, *param.typeExpr, loc, param.name, report);
    });
  }
  binding.valueType = resolveType(param.typeExpr.get());
  for (const Expr *given : given) {
    ExprPtr value = cloneExpr(*given);
    checkAs(value, binding.valueType);
    std::optional<int64_t> constant = evaluateConstant(*value);
    if (!constant) {
      if (report && !value->type->isError())
        diags.report(value->getRange(), DiagID::err_not_constant, param.name);
      return false;
    }
    binding.packValues.push_back(*constant);
  }
  return true;
}

/// How a binding appears in an instance's name: `Int`, `3`, `True`, or
/// the elements of a pack.
std::string Sema::describeBinding(const CompileTimeBinding &binding) {
  auto describeValue = [&](int64_t value) {
    return Sema::describeValue(binding.valueType, value);
  };
  if (!binding.isPack)
    return binding.type ? binding.type->getName().str()
                        : describeValue(binding.value);
  std::string text;
  for (const Type *type : binding.packTypes)
    text += (text.empty() ? "" : ", ") + type->getName().str();
  for (int64_t value : binding.packValues)
    text += (text.empty() ? "" : ", ") + describeValue(value);
  return text;
}

/// A pack's symbol in an instance's scope; a value pack's values become
/// `comptime` values owned by `values`.
Symbol Sema::makePackSymbol(const CompileTimeBinding &binding,
                            std::vector<std::unique_ptr<AliasDecl>> &values) {
  auto pack = std::make_unique<Pack>();
  pack->types = binding.packTypes;
  if (!binding.type && binding.packTypes.empty())
    pack->valueType = binding.valueType;
  for (auto [i, value] : llvm::enumerate(binding.packValues)) {
    auto alias = std::make_unique<AliasDecl>(binding.range);
    alias->name = binding.name + "#" + std::to_string(i);
    alias->nameRange = binding.range;
    alias->value = makeConstant(binding.valueType, value, binding.range);
    checkAs(alias->value, binding.valueType);
    alias->checked = true;
    pack->values.push_back(alias.get());
    values.push_back(std::move(alias));
  }
  Symbol symbol;
  symbol.kind = Symbol::Kind::Pack;
  symbol.pack = pack.get();
  symbol.declRange = binding.range;
  packs.push_back(std::move(pack));
  return symbol;
}

/// In a new instance, each `*args: *Ts` becomes one argument per type of
/// `Ts`, and `args` in the body the pack of their names.
void Sema::expandArgumentPacks(FnDecl &instance) {
  Scope &instanceScope = *instance.outerScope;
  for (size_t i = 0; i < instance.params.size(); ++i) {
    if (!instance.params[i].isPack)
      continue;
    auto *typesName = dyn_cast<NameExpr>(instance.params[i].typeExpr.get());
    const Symbol *types =
        typesName ? instanceScope.lookupHere(typesName->name) : nullptr;
    if (!types || types->kind != Symbol::Kind::Pack ||
        types->pack->valueType)
      continue; // Reported by resolveSignature.
    Param pack = std::move(instance.params[i]);
    instance.params.erase(instance.params.begin() + i);
    auto arguments = std::make_unique<Pack>();
    std::vector<Param> expanded;
    for (auto [j, type] : llvm::enumerate(types->pack->types)) {
      Param &param = expanded.emplace_back();
      param.name = pack.name + "#" + std::to_string(j);
      param.nameRange = pack.nameRange;
      param.convention = pack.convention;
      // The type, under a name no source can spell.
      Symbol typeSymbol;
      typeSymbol.kind = Symbol::Kind::Type;
      typeSymbol.type = type;
      instanceScope.insert("$" + param.name, typeSymbol);
      param.typeExpr =
          std::make_unique<NameExpr>(pack.typeExpr->getRange(), "$" + param.name);
      arguments->arguments.push_back(param.name);
    }
    Symbol symbol;
    symbol.kind = Symbol::Kind::Pack;
    symbol.pack = arguments.get();
    symbol.declRange = pack.nameRange;
    instanceScope.insert(pack.name, symbol);
    packs.push_back(std::move(arguments));
    size_t count = expanded.size();
    instance.params.insert(instance.params.begin() + i,
                           std::make_move_iterator(expanded.begin()),
                           std::make_move_iterator(expanded.end()));
    i += count;
    --i;
  }
}

const Pack *Sema::getPack(const Expr *e) {
  auto *name = dyn_cast<NameExpr>(e);
  const Symbol *symbol = name ? scope->lookup(name->name) : nullptr;
  return symbol && symbol->kind == Symbol::Kind::Pack ? symbol->pack : nullptr;
}

/// The element `i` of `pack`: an argument, or a value as a constant.
ExprPtr Sema::getPackElement(const Pack &pack, size_t i, llvm::SMRange range) {
  if (i < pack.arguments.size())
    return std::make_unique<NameExpr>(range, pack.arguments[i]);
  auto name = std::make_unique<NameExpr>(range, pack.values[i]->name);
  name->alias = pack.values[i];
  name->type = pack.values[i]->value->type;
  return name;
}

/// Rewrites a use of a pack, if `e` is one: `args[i]` (a constant `i`),
/// `len(args)` and `args.__len__()`, and a value pack as a list of its
/// values (`VariadicList(values)` too). Returns false if `e` is none.
bool Sema::rewritePackUse(ExprPtr &e) {
  llvm::SMRange range = e->getRange();
  if (auto *sub = dyn_cast<SubscriptExpr>(e.get())) {
    const Pack *pack = getPack(sub->base.get());
    if (!pack)
      return false;
    std::optional<int64_t> index;
    if (sub->indices.size() == 1 && !checkValue(sub->indices[0])->isError())
      index = evaluateConstant(*sub->indices[0]);
    int64_t size = pack->size();
    if (!index || *index < 0 || *index >= size) {
      diags.report(range, DiagID::err_pack_index,
                   cast<NameExpr>(sub->base.get())->name, size);
      e = std::make_unique<ErrorExpr>(range);
      return true;
    }
    e = getPackElement(*pack, *index, range);
    return true;
  }
  if (auto *call = dyn_cast<CallExpr>(e.get())) {
    const Pack *pack = nullptr;
    auto *callee = dyn_cast<NameExpr>(call->callee.get());
    auto *method = dyn_cast<AttributeExpr>(call->callee.get());
    if (callee && call->args.size() == 1 && call->args[0].keyword.empty())
      pack = getPack(call->args[0].value.get());
    // `len(args)`, `args.__len__()`.
    const Symbol *len = callee ? scope->lookup(callee->name) : nullptr;
    if (pack && len && len->kind == Symbol::Kind::Builtin &&
        len->builtin == Builtin::Len) {
      e = makeIntConstant(range, pack->size());
      return true;
    }
    if (method && method->name == "__len__" && call->args.empty())
      if (const Pack *base = getPack(method->base.get())) {
        e = makeIntConstant(range, base->size());
        return true;
      }
    // `VariadicList(values)`: the values.
    if (pack && pack->valueType && callee->name == "VariadicList") {
      e = std::move(call->args[0].value);
      return true;
    }
    return false;
  }
  const Pack *pack = getPack(e.get());
  if (!pack)
    return false;
  if (pack->valueType) {
    auto list = std::make_unique<ListExpr>(range);
    list->elementType = pack->valueType;
    for (size_t i = 0; i < pack->size(); ++i)
      list->elements.push_back(getPackElement(*pack, i, range));
    e = std::move(list);
    return true;
  }
  diags.report(range, DiagID::err_pack_as_value,
               cast<NameExpr>(e.get())->name);
  e = std::make_unique<ErrorExpr>(range);
  return true;
}
