//===- SemaGeneric.cpp - Ember semantic analysis: generic functions -------===//
//
// A function with compile-time parameters (`def f[T: Trait, n: Int]`),
// `Some[Trait]` arguments or untyped arguments is a template. A call binds
// the parameters (explicitly, `f[Int](x)`, or from the argument types) and
// gets the instance for those values: a copy of the template's syntax,
// checked with each parameter bound to its value, made once per distinct
// set of values. Instances are their own functions, so calls stay static.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

#include "llvm/ADT/StringSwitch.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

/// Instances made from instances deeper than this are refused: a template
/// that instantiates itself with ever new values never ends.
static constexpr unsigned kMaxInstanceDepth = 64;

static bool isBuiltinTrait(llvm::StringRef name) {
  return llvm::StringSwitch<bool>(name)
      .Cases({"AnyType", "Movable", "Copyable", "ImplicitlyCopyable",
              "Defaultable", "Deinitable", "ImplicitlyDeletable",
              "ImplicitlyDestructible"},
             true)
      .Default(false);
}

bool Sema::isLibraryTrait(llvm::StringRef name) {
  static const llvm::StringRef libraryTraits[] = {
      "Writable",  "Stringable", "Representable", "Comparable",
      "EqualityComparable", "Hashable", "Sized", "Boolable", "Intable",
      "Floatable", "KeyElement", "Absable", "Roundable", "Writer",
      "Iterable", "Iterator"};
  return llvm::is_contained(libraryTraits, name);
}

/// Whether a builtin scalar or `StringLiteral` conforms to a builtin or
/// library trait: all are copyable, printable, comparable values; only
/// numbers convert and have magnitudes; only a string has a length.
static bool scalarConforms(const Type *type, llvm::StringRef trait) {
  bool isNumber = type->isInteger() || type->isFloat();
  return llvm::StringSwitch<bool>(trait)
      .Case("Intable", isNumber || type->isBool())
      .Cases({"Floatable", "Absable", "Roundable"}, isNumber)
      .Case("Sized", type->getKind() == Type::Kind::StringLiteral)
      .Cases({"Writer", "Iterable", "Iterator"}, false)
      .Default(isBuiltinTrait(trait) || Sema::isLibraryTrait(trait));
}

/// Whether the type `typeExpr` names is the compile-time parameter `name`:
/// `T`, or `Self.T` inside a struct.
static bool namesParameter(const Expr *typeExpr, llvm::StringRef name) {
  if (auto *n = llvm::dyn_cast_or_null<NameExpr>(typeExpr))
    return n->name == name;
  auto *attr = llvm::dyn_cast_or_null<AttributeExpr>(typeExpr);
  auto *self = attr ? dyn_cast<NameExpr>(attr->base.get()) : nullptr;
  return self && self->name == "Self" && attr->name == name;
}

/// `Some[Trait]`: an argument type that makes an implicit type parameter.
static const Expr *getSomeBound(const Expr *typeExpr) {
  auto *sub = llvm::dyn_cast_or_null<SubscriptExpr>(typeExpr);
  auto *name = sub ? dyn_cast<NameExpr>(sub->base.get()) : nullptr;
  if (!name || name->name != "Some" || sub->indices.size() != 1)
    return nullptr;
  return sub->indices[0].get();
}

bool Sema::isTemplate(const FnDecl &fn) {
  if (!fn.compileTimeParams.empty())
    return true;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param &param = fn.params[i];
    bool isSelf = fn.parent && i == 0;
    if (!isSelf && (!param.typeExpr || getSomeBound(param.typeExpr.get()) ||
                    isAutoParameterized(param.typeExpr.get())))
      return true;
  }
  return false;
}

/// Whether the compile-time parameter declared with `typeExpr` stands for a
/// type: its declared "type" is a trait or traits joined with `&`.
bool Sema::isTraitBound(const Expr &typeExpr) {
  if (auto *b = dyn_cast<BinaryExpr>(&typeExpr))
    return b->op == BinaryOperator::BitAnd && isTraitBound(*b->lhs) &&
           isTraitBound(*b->rhs);
  auto *name = dyn_cast<NameExpr>(&typeExpr);
  if (!name)
    return false;
  if (isBuiltinTrait(name->name) || isLibraryTrait(name->name))
    return true;
  if (const Expr *traits = getTraitAliasValue(*name))
    return isTraitBound(*traits);
  const Symbol *symbol = scope->lookup(name->name);
  return symbol && symbol->kind == Symbol::Kind::Trait;
}

/// The traits `comptime CanCompare = Equatable & Copyable` names, if `name`
/// is such an alias.
const Expr *Sema::getTraitAliasValue(const NameExpr &name) {
  const Symbol *symbol = scope->lookup(name.name);
  if (!symbol || symbol->kind != Symbol::Kind::Alias ||
      symbol->alias->isTemplate() || symbol->alias->typeExpr)
    return nullptr;
  const Expr *value = symbol->alias->value.get();
  if (auto *b = dyn_cast<BinaryExpr>(value);
      !(b && b->op == BinaryOperator::BitAnd) && !isa<NameExpr>(value))
    return nullptr;
  if (!aliasesInProgress.insert(symbol->alias).second)
    return nullptr; // A cycle.
  bool traits = isTraitBound(*value);
  aliasesInProgress.erase(symbol->alias);
  return traits ? value : nullptr;
}

/// Whether `type` meets the trait bound `bound`; reports why not at `loc`
/// when `report`.
bool Sema::checkTraitBound(const Type *type, const Expr &bound,
                           llvm::SMLoc loc, llvm::StringRef paramName,
                           bool report) {
  if (type->isError())
    return true;
  if (auto *b = dyn_cast<BinaryExpr>(&bound))
    return checkTraitBound(type, *b->lhs, loc, paramName, report) &&
           checkTraitBound(type, *b->rhs, loc, paramName, report);
  if (const Expr *traits = getTraitAliasValue(cast<NameExpr>(bound)))
    return checkTraitBound(type, *traits, loc, paramName, report);
  llvm::StringRef trait = cast<NameExpr>(bound).name;
  auto *structType = dyn_cast<StructType>(type);
  bool conforms;
  if (!structType) {
    conforms = scalarConforms(type, trait);
  } else if (isLibraryTrait(trait) && !lookupTrait(bound, /*report=*/false)) {
    if (report)
      diags.report(loc, DiagID::err_unsupported,
                   "conformance of a struct to `" + trait.str() + "`");
    return false;
  } else if (isBuiltinTrait(trait)) {
    const StructDecl &decl = structType->getDecl();
    conforms = trait == "Copyable"             ? decl.copyable
               : trait == "ImplicitlyCopyable" ? decl.implicitlyCopyable
               : trait == "Defaultable"
                   ? llvm::any_of(decl.findMethods("__init__"),
                                  [](FnDecl *fn) { return fn->params.size() == 1; })
                   : true;
  } else {
    TraitDecl *user = lookupTrait(bound, /*report=*/false);
    conforms = llvm::is_contained(structType->getDecl().conformances, user);
  }
  if (!conforms && report)
    diags.report(loc, DiagID::err_bound_not_met, type->getName(), trait,
                 paramName);
  return conforms;
}

/// The value of a compile-time `Int` or `Bool` expression, checked already.
std::optional<int64_t> Sema::evaluateConstant(const Expr &e) {
  switch (e.getKind()) {
  case Expr::Kind::IntLiteral:
    return cast<IntLiteralExpr>(e).value.trunc(64).getSExtValue();
  case Expr::Kind::BoolLiteral:
    return cast<BoolLiteralExpr>(e).value;
  case Expr::Kind::DTypeLiteral:
    return cast<DTypeLiteralExpr>(e).getCode();
  case Expr::Kind::Name:
    if (AliasDecl *alias = cast<NameExpr>(e).alias)
      return evaluateConstant(*alias->value);
    return std::nullopt;
  case Expr::Kind::Attribute: // `Self.n`, `Config.SIZE`.
    if (AliasDecl *member = cast<AttributeExpr>(e).member)
      return evaluateConstant(*member->value);
    return std::nullopt;
  case Expr::Kind::Unary: {
    auto &u = cast<UnaryExpr>(e);
    std::optional<int64_t> v = evaluateConstant(*u.operand);
    if (!v)
      return std::nullopt;
    switch (u.op) {
    case UnaryOperator::Neg: return static_cast<int64_t>(0ULL - *v);
    case UnaryOperator::Plus: return *v;
    case UnaryOperator::Invert: return ~*v;
    case UnaryOperator::Not: return !*v;
    }
    return std::nullopt;
  }
  case Expr::Kind::Binary: {
    auto &b = cast<BinaryExpr>(e);
    std::optional<int64_t> l = evaluateConstant(*b.lhs),
                           r = evaluateConstant(*b.rhs);
    if (!l || !r)
      return std::nullopt;
    uint64_t ul = *l, ur = *r;
    switch (b.op) {
    case BinaryOperator::Add: return static_cast<int64_t>(ul + ur);
    case BinaryOperator::Sub: return static_cast<int64_t>(ul - ur);
    case BinaryOperator::Mul: return static_cast<int64_t>(ul * ur);
    case BinaryOperator::BitAnd: return *l & *r;
    case BinaryOperator::BitOr: return *l | *r;
    case BinaryOperator::BitXor: return *l ^ *r;
    case BinaryOperator::FloorDiv:
    case BinaryOperator::Mod: {
      // As at run time: a zero divisor gives 0, rounding is toward
      // negative infinity.
      if (*r == 0 || (*r == -1 && *l == INT64_MIN))
        return b.op == BinaryOperator::Mod ? 0 : *r == 0 ? 0 : *l;
      int64_t q = *l / *r, m = *l % *r;
      if (m != 0 && ((m < 0) != (*r < 0)))
        --q, m += *r;
      return b.op == BinaryOperator::Mod ? m : q;
    }
    default: return std::nullopt;
    }
  }
  case Expr::Kind::Compare: {
    auto &c = cast<CompareExpr>(e);
    for (size_t i = 0; i < c.ops.size(); ++i) {
      std::optional<int64_t> l = evaluateConstant(*c.operands[i]),
                             r = evaluateConstant(*c.operands[i + 1]);
      if (!l || !r)
        return std::nullopt;
      bool holds;
      switch (c.ops[i]) {
      case CompareOperator::Eq: holds = *l == *r; break;
      case CompareOperator::Ne: holds = *l != *r; break;
      case CompareOperator::Lt: holds = *l < *r; break;
      case CompareOperator::Le: holds = *l <= *r; break;
      case CompareOperator::Gt: holds = *l > *r; break;
      case CompareOperator::Ge: holds = *l >= *r; break;
      case CompareOperator::In:
      case CompareOperator::NotIn: return std::nullopt;
      }
      if (!holds)
        return 0;
    }
    return 1;
  }
  case Expr::Kind::BoolOp: {
    auto &b = cast<BoolOpExpr>(e);
    std::optional<int64_t> l = evaluateConstant(*b.lhs);
    if (!l)
      return std::nullopt;
    if ((b.op == BoolOperator::And) != (*l != 0))
      return l;
    return evaluateConstant(*b.rhs);
  }
  case Expr::Kind::Conditional: {
    auto &c = cast<ConditionalExpr>(e);
    std::optional<int64_t> cond = evaluateConstant(*c.cond);
    if (!cond)
      return std::nullopt;
    return evaluateConstant(*cond ? *c.thenExpr : *c.elseExpr);
  }
  case Expr::Kind::Cast:
    // Only Int <-> Bool conversions reach here in constants.
    if (std::optional<int64_t> v = evaluateConstant(*cast<CastExpr>(e).operand))
      return e.type->isBool() ? int64_t(*v != 0) : *v;
    return std::nullopt;
  case Expr::Kind::Call:
    return evaluateCall(cast<CallExpr>(e));
  default:
    return std::nullopt;
  }
}

std::string Sema::describeValue(const Type *valueType, int64_t value) {
  if (valueType->isBool())
    return value ? "True" : "False";
  if (valueType->isDType())
    return "DType." +
           Type::get(static_cast<Type::Kind>(value))->getDTypeName().str();
  return std::to_string(value);
}

ExprPtr Sema::makeConstant(const Type *valueType, int64_t value,
                           llvm::SMRange range) {
  if (valueType->isBool())
    return std::make_unique<BoolLiteralExpr>(range, value != 0);
  if (valueType->isDType())
    return makeDTypeLiteral(range, value);
  return makeIntConstant(range, value);
}

ExprPtr Sema::makeIntConstant(llvm::SMRange range, int64_t value) {
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
  ExprPtr literal =
      std::make_unique<IntLiteralExpr>(range, llvm::APInt(129, magnitude));
  if (value >= 0)
    return literal;
  return std::make_unique<UnaryExpr>(range, UnaryOperator::Neg,
                                     std::move(literal));
}

/// Maps each argument of `call` to the index of the parameter of `fn` it
/// binds (positionally or by keyword); -1 where none.
static std::vector<int> mapArguments(const CallExpr &call, const FnDecl &fn,
                                     size_t first) {
  std::vector<int> map;
  size_t positional = first;
  for (const CallArgument &arg : call.args) {
    int index = -1;
    if (arg.keyword.empty()) {
      if (positional < fn.params.size() && !fn.params[positional].keywordOnly) {
        index = static_cast<int>(positional);
        // A variadic parameter takes all the remaining ones.
        if (!fn.params[positional].isVariadic)
          ++positional;
      }
    } else {
      for (size_t i = first; i < fn.params.size(); ++i)
        if (fn.params[i].name == arg.keyword)
          index = static_cast<int>(i);
    }
    map.push_back(index);
  }
  return map;
}

/// The type an argument gives a parameter of its own: a literal's default
/// type, else the type it was checked to; a string literal's is `String`,
/// as in Mojo (a parameter is bound to a type that owns its value), but
/// in a variadic pack, where a literal is written and never kept.
const Type *Sema::getArgumentType(const Expr &arg, bool materialize) {
  if (isLiteral(&arg))
    return Type::get(containsFloatLiteral(&arg) ? Type::Kind::Float64
                                                : Type::Kind::Int);
  if (materialize && arg.type &&
      arg.type->getKind() == Type::Kind::StringLiteral)
    return getMaterializedType(arg.type);
  return arg.type;
}

/// The scope `fn`'s declaration sees: its enclosing function's, its
/// struct's, or its unit's.
Scope *Sema::getDeclaringScope(FnDecl &fn) {
  return fn.enclosing ? fn.outerScope
         : fn.parent  ? &getStructScope(*fn.parent)
                      : &unitScope(fn.unit);
}

FnDecl *Sema::instantiate(FnDecl &templ, CallExpr &call,
                          llvm::ArrayRef<ExprPtr> explicitArgs, bool report) {
  size_t first = templ.parent && !templ.isStatic ? 1 : 0;
  for (CallArgument &arg : call.args)
    if (!isLiteral(arg.value.get()))
      check(arg.value);
  std::vector<int> argOf(templ.params.size(), -1);
  std::vector<int> map = mapArguments(call, templ, first);
  for (size_t a = 0; a < map.size(); ++a)
    if (map[a] >= 0)
      argOf[map[a]] = static_cast<int>(a);

  // Bind every compile-time parameter: given, inferred or defaulted.
  std::vector<CompileTimeBinding> bindings;
  std::string key = "[";
  auto fail = [&](DiagID id, llvm::StringRef name) -> FnDecl * {
    if (report) {
      diags.report(call.getRange(), id, name, templ.name);
      diags.report(templ.nameRange, DiagID::note_declared_here, templ.name);
    }
    return nullptr;
  };
  if (!checkCompileTimeKeywords(explicitArgs, templ.compileTimeParams,
                                 templ.name, report))
    return nullptr;
  // The template's own type expressions name what its declaration sees,
  // not what the caller does.
  Scope *declaring = getDeclaringScope(templ);
  auto inDeclaringScope = [&](auto resolve) {
    Scope *saved = scope;
    scope = declaring;
    auto result = resolve();
    scope = saved;
    return result;
  };
  size_t explicitIndex = 0;
  for (const CompileTimeParam &param : templ.compileTimeParams) {
    CompileTimeBinding binding{param.name, param.nameRange};
    if (param.isVariadic) {
      // Given in brackets, or the types of the arguments of `*args: *Ts`.
      std::vector<const Expr *> given;
      if (!param.inferOnly)
        given = takePositionalArgs(explicitArgs, explicitIndex);
      std::vector<const Type *> inferred;
      for (size_t i = first; i < templ.params.size(); ++i)
        if (templ.params[i].isPack &&
            namesParameter(templ.params[i].typeExpr.get(), param.name))
          for (size_t a = 0; a < map.size(); ++a)
            if (map[a] == static_cast<int>(i))
              inferred.push_back(getArgumentType(*call.args[a].value,
                                                 /*materialize=*/false));
      if (!bindPack(param, given, inferred, call.getLoc(), report, binding))
        return nullptr;
      key += describeBinding(binding) + ", ";
      bindings.push_back(binding);
      continue;
    }
    const Expr *given =
        param.inferOnly ? nullptr
                        : findCompileTimeArg(explicitArgs, explicitIndex, param);
    if (isTraitBound(*param.typeExpr)) {
      if (given)
        binding.type = resolveType(const_cast<Expr *>(given));
      else
        for (size_t i = first; i < templ.params.size() && !binding.type; ++i)
          if (argOf[i] >= 0 && templ.params[i].typeExpr) {
            const Type *argType = getArgumentType(*call.args[argOf[i]].value);
            binding.type = inDeclaringScope([&] {
              return matchParameter(templ.params[i].typeExpr.get(), argType,
                                    param.name);
            });
          }
      if (!binding.type && param.defaultValue)
        binding.type = resolveType(param.defaultValue.get());
      if (!binding.type)
        return fail(DiagID::err_cannot_infer, param.name);
      if (!checkTraitBound(binding.type, *param.typeExpr, call.getLoc(),
                           param.name, report))
        return nullptr;
      key += binding.type->getName().str();
    } else {
      binding.valueType = resolveType(param.typeExpr.get());
      // `[dtype: DType, width: Int](x: SIMD[dtype, width])` binds both from
      // the argument's type.
      std::optional<int64_t> inferred;
      for (size_t i = first; i < templ.params.size() && !given && !inferred;
           ++i)
        if (argOf[i] >= 0 && templ.params[i].typeExpr) {
          const Type *argType = getArgumentType(*call.args[argOf[i]].value);
          inferred = inDeclaringScope([&] {
            return matchValueParameter(templ.params[i].typeExpr.get(), argType,
                                       param.name);
          });
        }
      if (inferred) {
        binding.value = *inferred;
        key += describeValue(binding.valueType, binding.value) + ", ";
        bindings.push_back(binding);
        continue;
      }
      ExprPtr value = given ? cloneExpr(*given)
                            : param.defaultValue ? cloneExpr(*param.defaultValue)
                                                 : nullptr;
      if (!value)
        return fail(param.keywordOnly ? DiagID::err_keyword_only_parameter
                                      : DiagID::err_cannot_infer,
                    param.name);
      checkAs(value, binding.valueType);
      std::optional<int64_t> constant = evaluateConstant(*value);
      if (!constant && !value->type->isError()) {
        if (report)
          diags.report(value->getRange(), DiagID::err_not_constant,
                       param.name);
        return nullptr;
      }
      binding.value = constant.value_or(0);
      key += describeValue(binding.valueType, binding.value);
    }
    key += ", ";
    bindings.push_back(binding);
  }
  if (explicitIndex < explicitArgs.size() &&
      !isa<KeywordArgExpr>(explicitArgs[explicitIndex].get())) {
    if (report)
      diags.report(explicitArgs[explicitIndex]->getRange(),
                   DiagID::err_too_many_parameters, templ.name);
    return nullptr;
  }
  // `Some[Trait]` and untyped arguments are parameters of their own.
  std::vector<std::pair<size_t, const Type *>> implicitTypes;
  for (size_t i = first; i < templ.params.size(); ++i) {
    const Param &param = templ.params[i];
    const Expr *bound = getSomeBound(param.typeExpr.get());
    bool anySIMD = isAutoParameterized(param.typeExpr.get());
    if (param.typeExpr && !bound && !anySIMD)
      continue;
    const Type *type =
        argOf[i] >= 0 ? getArgumentType(*call.args[argOf[i]].value) : nullptr;
    if (!type && param.defaultValue)
      return fail(DiagID::err_untyped_default, param.name);
    if (!type) {
      if (report) {
        diags.report(call.getRange(), DiagID::err_missing_argument,
                     templ.name, param.name);
        diags.report(templ.nameRange, DiagID::note_declared_here, templ.name);
      }
      return nullptr;
    }
    if (bound && !isTraitBound(*bound)) {
      llvm::SMRange r = bound->getRange();
      if (report)
        diags.report(r, DiagID::err_not_a_trait,
                     llvm::StringRef(r.Start.getPointer(),
                                     r.End.getPointer() - r.Start.getPointer()));
      return nullptr;
    }
    if (bound &&
        !checkTraitBound(type, *bound, call.getLoc(), param.name, report))
      return nullptr;
    if (anySIMD && !type->isSIMD() && !type->isNumeric() && !type->isBool()) {
      if (report)
        diags.report(call.args[argOf[i]].value->getRange(),
                     DiagID::err_type_mismatch, type->getName(), "SIMD");
      return nullptr;
    }
    implicitTypes.push_back({i, type});
    key += type->getName().str() + ", ";
  }
  if (key.size() > 1)
    key.resize(key.size() - 2);
  key += "]";

  for (auto &[instanceKey, instance] : templ.instances)
    if (instanceKey == key) {
      if (instance->inferResult && !instance->resultType) {
        // It calls itself before its first `return` gave it a type.
        if (report)
          diags.report(call.getRange(), DiagID::err_recursive_inference,
                       templ.name);
        return nullptr;
      }
      return instance.get();
    }
  unsigned depth = currentFn ? currentFn->instanceDepth + 1 : 0;
  if (depth > kMaxInstanceDepth) {
    diags.report(call.getRange(), DiagID::err_instance_depth, templ.name, key);
    return nullptr;
  }
  return makeInstance(templ, key, bindings, implicitTypes, depth,
                      call.getLoc());
}

/// The type the parameter `name` stands for when a value of `type` is
/// given where `typeExpr` is expected: `type` itself for `T`, the element
/// type of a `List[Int]` for `List[T]`, and so on through nested
/// instances.
const Type *Sema::matchParameter(const Expr *typeExpr, const Type *type,
                                 llvm::StringRef name) {
  if (!type || type->isError())
    return nullptr;
  if (namesParameter(typeExpr, name))
    return type;
  auto *sub = llvm::dyn_cast_or_null<SubscriptExpr>(typeExpr);
  if (auto *pointer = dyn_cast<PointerType>(type);
      pointer && sub && resolvePointerType(sub))
    return matchParameter(sub->indices[0].get(), pointer->getPointee(), name);
  auto *structType = dyn_cast<StructType>(type);
  if (!sub || !structType)
    return nullptr;
  StructDecl *templ = getStructNamedBy(sub->base.get());
  if (!templ || !templ->isTemplate() ||
      llvm::none_of(templ->instances, [&](const auto &instance) {
        return instance.second.get() == &structType->getDecl();
      }))
    return nullptr;
  for (size_t i = 0;
       i < sub->indices.size() && i < templ->compileTimeParams.size(); ++i) {
    const Symbol *bound = lookupStructMember(
        structType->getDecl(), templ->compileTimeParams[i].name);
    if (bound && bound->kind == Symbol::Kind::Type)
      if (const Type *found =
              matchParameter(sub->indices[i].get(), bound->type, name))
        return found;
  }
  return nullptr;
}

/// The value the compile-time parameter `name` has when a value of `type`
/// is given where `typeExpr` is expected: the dtype and width of a SIMD
/// type for `SIMD[dtype, width]`, a value parameter of a struct instance,
/// and so on through nested types.
std::optional<int64_t> Sema::matchValueParameter(const Expr *typeExpr,
                                                 const Type *type,
                                                 llvm::StringRef name) {
  auto *sub = llvm::dyn_cast_or_null<SubscriptExpr>(typeExpr);
  if (!sub || !type || type->isError())
    return std::nullopt;
  auto argument = [&](size_t i) -> const Expr * {
    if (i >= sub->indices.size())
      return nullptr;
    const Expr *arg = sub->indices[i].get();
    if (auto *keyword = dyn_cast<KeywordArgExpr>(arg))
      return keyword->value.get();
    return arg;
  };
  auto *base = dyn_cast<NameExpr>(sub->base.get());
  if (base && (base->name == "SIMD" || base->name == "Scalar") &&
      !scope->lookup(base->name)) {
    if (!type->isSIMD() && !type->isNumeric() && !type->isBool())
      return std::nullopt;
    if (namesParameter(argument(0), name))
      return static_cast<int64_t>(type->getElementType()->getKind());
    if (base->name == "SIMD" && namesParameter(argument(1), name))
      return type->getWidth();
    return std::nullopt;
  }
  if (auto *pointer = dyn_cast<PointerType>(type);
      pointer && base && base->name == "UnsafePointer" &&
      !scope->lookup(base->name))
    return matchValueParameter(argument(0), pointer->getPointee(), name);
  auto *structType = dyn_cast<StructType>(type);
  StructDecl *templ = structType ? getStructNamedBy(sub->base.get()) : nullptr;
  if (!templ || !templ->isTemplate() ||
      llvm::none_of(templ->instances, [&](const auto &instance) {
        return instance.second.get() == &structType->getDecl();
      }))
    return std::nullopt;
  for (size_t i = 0; i < templ->compileTimeParams.size(); ++i) {
    const Symbol *bound = lookupStructMember(
        structType->getDecl(), templ->compileTimeParams[i].name);
    if (!bound || !argument(i))
      continue;
    if (bound->kind == Symbol::Kind::Type) {
      if (std::optional<int64_t> found =
              matchValueParameter(argument(i), bound->type, name))
        return found;
    } else if (bound->kind == Symbol::Kind::Alias &&
               namesParameter(argument(i), name)) {
      return evaluateConstant(*bound->alias->value);
    }
  }
  return std::nullopt;
}

/// A scope inside `parent` in which each parameter names its value: a type,
/// or a `comptime` value owned by `values`.
Scope *Sema::bindParameters(llvm::ArrayRef<CompileTimeBinding> bindings,
                            std::vector<std::unique_ptr<AliasDecl>> &values,
                            Scope *parent) {
  auto instanceScope = std::make_unique<Scope>(parent ? parent : &moduleScope);
  for (const CompileTimeBinding &binding : bindings) {
    Symbol symbol;
    symbol.declRange = binding.range;
    if (binding.isPack) {
      symbol = makePackSymbol(binding, values);
    } else if (binding.type) {
      symbol.kind = Symbol::Kind::Type;
      symbol.type = binding.type;
    } else {
      auto alias = std::make_unique<AliasDecl>(binding.range);
      alias->name = binding.name;
      alias->nameRange = binding.range;
      alias->value =
          makeConstant(binding.valueType, binding.value, binding.range);
      checkAs(alias->value, binding.valueType);
      alias->checked = true;
      symbol.kind = Symbol::Kind::Alias;
      symbol.alias = alias.get();
      values.push_back(std::move(alias));
    }
    instanceScope->insert(binding.name, symbol);
  }
  Scope *made = instanceScope.get();
  ownedScopes.push_back(std::move(instanceScope));
  return made;
}

FnDecl *Sema::makeInstance(
    FnDecl &templ, const std::string &key,
    llvm::ArrayRef<CompileTimeBinding> bindings,
    llvm::ArrayRef<std::pair<size_t, const Type *>> implicitTypes,
    unsigned depth, llvm::SMLoc requestedAt) {
  std::unique_ptr<FnDecl> instance = cloneFunction(templ);
  instance->instanceSuffix = key;
  instance->enclosing = templ.enclosing;
  instance->instanceDepth = depth;
  instance->outerScope =
      bindParameters(bindings, instance->boundValues, getDeclaringScope(templ));
  Scope *instanceScope = instance->outerScope;
  for (auto [index, type] : implicitTypes) {
    // The argument's type, under a name no source can spell.
    std::string name = "$" + std::to_string(index);
    Symbol symbol;
    symbol.kind = Symbol::Kind::Type;
    symbol.type = type;
    instanceScope->insert(name, symbol);
    Param &param = instance->params[index];
    llvm::SMRange range = param.typeExpr ? param.typeExpr->getRange()
                                         : param.nameRange;
    param.typeExpr = std::make_unique<NameExpr>(range, name);
  }

  expandArgumentPacks(*instance);
  Scope *saved = scope;
  scope = instance->outerScope;
  resolveSignature(*instance);
  if (instance->parent)
    checkMethod(*instance->parent, *instance);
  scope = saved;
  checkDefaultValues(*instance);
  FnDecl *made = instance.get();
  templ.instances.push_back({key, std::move(instance)});
  // An instance its `where` excludes is never checked or emitted.
  if (!meetsConstraint(*made)) {
    made->isDeferred = true;
    return made;
  }
  if (templ.enclosing) {
    finishNestedInstance(*made, requestedAt);
    return made;
  }
  // An untyped `def` without `->` returns what its body returns, so its
  // body is checked now, before the call that needs its type.
  if (!implicitTypes.empty() && !templ.resultTypeExpr) {
    made->inferResult = true;
    made->resultType = nullptr;
    unsigned errorsBefore = diags.getNumErrors();
    checkFunctionBody(*made);
    if (diags.getNumErrors() != errorsBefore)
      diags.report(requestedAt, DiagID::note_instance_here,
                   made->name + made->instanceSuffix);
    return made;
  }
  pendingInstances.push_back({made, requestedAt});
  return made;
}

void Sema::checkPendingInstances() {
  while (!pendingInstances.empty() || !pendingStructs.empty()) {
    unsigned errorsBefore = diags.getNumErrors();
    std::string name;
    llvm::SMLoc requestedAt;
    if (!pendingStructs.empty()) {
      StructDecl *instance = pendingStructs.front().first;
      requestedAt = pendingStructs.front().second;
      pendingStructs.erase(pendingStructs.begin());
      checkStructBodies(*instance);
      name = instance->name;
    } else {
      FnDecl *instance = pendingInstances.front().first;
      requestedAt = pendingInstances.front().second;
      pendingInstances.erase(pendingInstances.begin());
      checkFunctionBody(*instance);
      name = (instance->parent ? instance->parent->name + "." : "") +
             instance->name + instance->instanceSuffix;
    }
    if (diags.getNumErrors() != errorsBefore)
      diags.report(requestedAt, DiagID::note_instance_here, name);
  }
}

/// The argument in brackets for `param`: by its name, or the next
/// positional one (advancing `positional`).
const Expr *Sema::findCompileTimeArg(llvm::ArrayRef<ExprPtr> args,
                                     size_t &positional,
                                     const CompileTimeParam &param) {
  for (const ExprPtr &arg : args)
    if (auto *keyword = dyn_cast<KeywordArgExpr>(arg.get());
        keyword && keyword->name == param.name)
      return keyword->value.get();
  if (!param.keywordOnly && positional < args.size() &&
      !isa<KeywordArgExpr>(args[positional].get()))
    return args[positional++].get();
  return nullptr;
}

/// Whether every `name=value` in brackets names a parameter.
bool Sema::checkCompileTimeKeywords(llvm::ArrayRef<ExprPtr> args,
                                    llvm::ArrayRef<CompileTimeParam> params,
                                    llvm::StringRef name, bool report) {
  for (const ExprPtr &arg : args) {
    auto *keyword = dyn_cast<KeywordArgExpr>(arg.get());
    if (!keyword || llvm::any_of(params, [&](const CompileTimeParam &p) {
          return p.name == keyword->name;
        }))
      continue;
    if (report)
      diags.report(keyword->getRange(), DiagID::err_unknown_keyword, name,
                   keyword->name);
    return false;
  }
  return true;
}

/// Binds `params` to the explicit arguments `args` of `name[args]` (or
/// their defaults), with the instance key `[Int, 3]` they make.
std::optional<std::string>
Sema::bindCompileTimeArgs(llvm::ArrayRef<CompileTimeParam> params,
                          llvm::ArrayRef<ExprPtr> args, llvm::StringRef name,
                          llvm::SMLoc loc,
                          std::vector<CompileTimeBinding> &bindings) {
  if (!checkCompileTimeKeywords(args, params, name, /*report=*/true))
    return std::nullopt;
  std::string key = "[";
  size_t positional = 0;
  for (const CompileTimeParam &param : params) {
    CompileTimeBinding binding{param.name, param.nameRange};
    if (param.isVariadic) {
      if (!bindPack(param, takePositionalArgs(args, positional), {}, loc,
                    /*report=*/true, binding))
        return std::nullopt;
      key += describeBinding(binding) + ", ";
      bindings.push_back(binding);
      continue;
    }
    const Expr *given = findCompileTimeArg(args, positional, param);
    const Expr *valueExpr = given ? given : param.defaultValue.get();
    if (!valueExpr) {
      diags.report(loc,
                   param.keywordOnly ? DiagID::err_keyword_only_parameter
                                     : DiagID::err_missing_parameter,
                   param.name, name);
      return std::nullopt;
    }
    if (isTraitBound(*param.typeExpr)) {
      binding.type = resolveType(const_cast<Expr *>(valueExpr));
      if (binding.type->isError() ||
          !checkTraitBound(binding.type, *param.typeExpr, loc, param.name))
        return std::nullopt;
      key += binding.type->getName().str();
    } else {
      binding.valueType = resolveType(param.typeExpr.get());
      ExprPtr value = cloneExpr(*valueExpr);
      checkAs(value, binding.valueType);
      std::optional<int64_t> constant = evaluateConstant(*value);
      if (!constant) {
        if (!value->type->isError())
          diags.report(value->getRange(), DiagID::err_not_constant,
                       param.name);
        return std::nullopt;
      }
      binding.value = *constant;
      key += describeValue(binding.valueType, *constant);
    }
    key += ", ";
    bindings.push_back(binding);
  }
  if (positional < args.size() &&
      !isa<KeywordArgExpr>(args[positional].get())) {
    diags.report(args[positional]->getRange(), DiagID::err_too_many_parameters,
                 name);
    return std::nullopt;
  }
  key.resize(key.size() - 2);
  return key + "]";
}

/// `Box[Int]`: the instance of the struct template `Box` for these values,
/// made if new. Its parameters are given or defaulted, never inferred.
StructDecl *Sema::instantiateStruct(StructDecl &templ,
                                    llvm::ArrayRef<ExprPtr> args,
                                    llvm::SMLoc loc) {
  std::vector<CompileTimeBinding> bindings;
  std::optional<std::string> key = bindCompileTimeArgs(
      templ.compileTimeParams, args, templ.name, loc, bindings);
  return key ? getStructInstance(templ, *key, bindings, loc) : nullptr;
}

/// `AddOne[8]` of `comptime AddOne[a: Int] = a + 1`: the alias checked
/// with `a` bound to 8, made once per distinct set of values.
AliasDecl *Sema::instantiateAlias(AliasDecl &templ,
                                  llvm::ArrayRef<ExprPtr> args,
                                  llvm::SMLoc loc) {
  std::vector<CompileTimeBinding> bindings;
  std::optional<std::string> key = bindCompileTimeArgs(
      templ.compileTimeParams, args, templ.name, loc, bindings);
  if (!key)
    return nullptr;
  for (auto &[instanceKey, instance] : templ.instances)
    if (instanceKey == *key)
      return instance.get();
  auto instance = std::make_unique<AliasDecl>(templ.getRange());
  instance->name = templ.name + *key;
  instance->nameRange = templ.nameRange;
  instance->unit = templ.unit;
  instance->typeExpr = templ.typeExpr ? cloneExpr(*templ.typeExpr) : nullptr;
  instance->value = cloneExpr(*templ.value);
  // A module-level alias sees its unit; one in a function body, the scope
  // of its use, inside the one that declares it.
  Scope *outer = templ.isModuleLevel ? &unitScope(templ.unit) : scope;
  Scope *saved = scope;
  scope = bindParameters(bindings, instance->boundValues, outer);
  AliasDecl *made = instance.get();
  templ.instances.push_back({*key, std::move(instance)});
  checkAlias(*made);
  scope = saved;
  return made;
}

/// `T(args)` for a struct template `T`: its parameters are inferred from
/// the arguments of an `__init__` whose arguments' types have them, as
/// `Box(1)` is `Box[Int](1)`; others take their defaults. Likewise for a
/// static method, `method`: `Atomic.fetch_add(p, 1)` of a pointer `p` to
/// `Int32` calls `Atomic[DType.int32].fetch_add`.
StructDecl *Sema::inferStructInstance(StructDecl &templ, CallExpr &call,
                                      llvm::StringRef method) {
  for (CallArgument &arg : call.args)
    if (!isLiteral(arg.value.get()))
      check(arg.value);
  bool construction = method == "__init__";
  std::vector<const FnDecl *> inits;
  for (const auto &candidate : templ.methods)
    if (candidate->name == method && candidate->isStatic != construction)
      inits.push_back(candidate.get());
  // The `@fieldwise_init` initializer, as its instances will have it.
  FnDecl fieldwise;
  if (construction && templ.fieldwiseInit) {
    fieldwise.params.emplace_back(); // `out self`
    for (const FieldDecl &field : templ.fields) {
      Param param;
      param.name = field.name;
      param.typeExpr = cloneExpr(*field.typeExpr);
      fieldwise.params.push_back(std::move(param));
    }
    inits.push_back(&fieldwise);
  }
  for (const FnDecl *init : inits) {
    std::vector<int> map = mapArguments(call, *init, construction ? 1 : 0);
    std::vector<CompileTimeBinding> bindings;
    std::string key = "[";
    for (const CompileTimeParam &param : templ.compileTimeParams) {
      CompileTimeBinding binding{param.name, param.nameRange};
      if (isTraitBound(*param.typeExpr)) {
        // `T` itself, or inside an argument's type (`One[T]`).
        for (size_t a = 0; a < map.size() && !binding.type; ++a)
          if (map[a] >= 0)
            binding.type =
                matchParameter(init->params[map[a]].typeExpr.get(),
                               getArgumentType(*call.args[a].value),
                               param.name);
        if (!binding.type && param.defaultValue)
          binding.type = resolveType(param.defaultValue.get());
        if (!binding.type)
          break;
        if (!checkTraitBound(binding.type, *param.typeExpr, call.getLoc(),
                             param.name))
          return nullptr;
        key += binding.type->getName().str() + ", ";
      } else {
        binding.valueType = resolveType(param.typeExpr.get());
        std::optional<int64_t> constant;
        for (size_t a = 0; a < map.size() && !constant; ++a)
          if (map[a] >= 0 && init->params[map[a]].typeExpr)
            constant = matchValueParameter(
                init->params[map[a]].typeExpr.get(),
                getArgumentType(*call.args[a].value), param.name);
        if (!constant && param.defaultValue) {
          ExprPtr value = cloneExpr(*param.defaultValue);
          checkAs(value, binding.valueType);
          constant = evaluateConstant(*value);
        }
        if (!constant)
          break;
        binding.value = *constant;
        key += describeValue(binding.valueType, *constant) + ", ";
      }
      bindings.push_back(binding);
    }
    if (bindings.size() != templ.compileTimeParams.size())
      continue;
    key.resize(key.size() - 2);
    key += "]";
    return getStructInstance(templ, key, bindings, call.getLoc());
  }
  diags.report(call.callee->getRange(), DiagID::err_needs_parameters,
               templ.name);
  return nullptr;
}

StructDecl *Sema::getStructInstance(StructDecl &templ, const std::string &key,
                                    llvm::ArrayRef<CompileTimeBinding> bindings,
                                    llvm::SMLoc loc) {
  for (auto &[instanceKey, instance] : templ.instances)
    if (instanceKey == key)
      return instance.get();

  std::unique_ptr<StructDecl> instance = cloneStruct(templ);
  instance->name = templ.name + key;
  instance->outerScope = bindParameters(bindings, instance->boundValues,
                                        &unitScope(templ.unit));
  StructDecl *made = instance.get();
  templ.instances.push_back({key, std::move(instance)});
  Scope *saved = scope;
  scope = &unitScope(templ.unit);
  declareStruct(*made);
  resolveFields(*made);
  checkConformances(*made);
  declareMethods(*made);
  if (made->isLibrary)
    deferMethods(*made);
  scope = saved;
  pendingStructs.push_back({made, loc});
  return made;
}
