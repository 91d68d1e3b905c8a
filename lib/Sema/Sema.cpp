//===- Sema.cpp - Ember semantic analysis: declarations -------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

bool ember::checkModule(Module &module, DiagnosticEngine &diags) {
  return Sema(diags).check(module);
}

bool Sema::check(Module &module) {
  unsigned errorsBefore = diags.getNumErrors();
  this->module = &module;
  declareBuiltins();
  // The prelude's names are the module scope's; every other unit has a
  // scope of its own inside it.
  if (module.units.empty())
    module.units.push_back({module.name, "", false});
  if (module.unitOrder.empty())
    for (unsigned unit = module.units.size(); unit-- > 0;)
      module.unitOrder.push_back(unit);
  for (const SourceUnit &unit : module.units) {
    if (unit.isPrelude) {
      unitScopes.push_back(&moduleScope);
      continue;
    }
    ownedScopes.push_back(std::make_unique<Scope>(&moduleScope));
    unitScopes.push_back(ownedScopes.back().get());
  }
  // Each unit's declarations, after those of the units it imports.
  for (unsigned unit : module.unitOrder)
    declareUnit(module, unit);
  // Then every body, which may refer to anything declared.
  for (auto &alias : module.aliases) {
    scope = &unitScope(currentUnit = alias->unit);
    checkAlias(*alias);
  }
  for (auto &assertion : module.asserts) {
    scope = &unitScope(currentUnit = assertion->unit);
    checkComptimeAssert(*assertion);
  }
  for (auto &decl : module.structs)
    if (!decl->isTemplate()) {
      currentUnit = decl->unit;
      checkStructBodies(*decl);
    }
  for (auto &fn : module.functions)
    if (!fn->isGeneric)
      checkUnlessExcluded(*fn);
  checkPendingInstances();
  checkRefArguments();
  checkMain(module);
  return diags.getNumErrors() == errorsBefore;
}

/// Declares the names of `unit` and resolves its signatures: types first,
/// so that signatures can refer to any struct of the unit.
void Sema::declareUnit(Module &module, unsigned unit) {
  scope = &unitScope(unit);
  currentUnit = unit;
  bindImports(module, unit);
  for (auto &alias : module.aliases) {
    if (alias->unit != unit)
      continue;
    Symbol symbol;
    symbol.kind = Symbol::Kind::Alias;
    symbol.alias = alias.get();
    symbol.declRange = alias->nameRange;
    if (const Symbol *previous = scope->lookupHere(alias->name);
        previous && previous->kind != Symbol::Kind::Builtin) {
      diags.report(alias->nameRange, DiagID::err_redefinition, alias->name);
      diags.report(previous->declRange, DiagID::note_previous_definition);
      continue;
    }
    scope->replace(alias->name, symbol);
  }
  auto inUnit = [&](const auto &decl) { return decl->unit == unit; };
  for (auto &decl : module.traits)
    if (inUnit(decl))
      declareTrait(*decl);
  for (auto &decl : module.traits)
    if (inUnit(decl))
      resolveTrait(*decl);
  for (auto &decl : module.structs)
    if (inUnit(decl))
      declareStruct(*decl);
  // Templates are checked in their instances.
  for (auto &decl : module.structs)
    if (inUnit(decl) && !decl->isTemplate())
      resolveFields(*decl);
  for (auto &decl : module.structs)
    if (inUnit(decl) && !decl->isTemplate())
      checkConformances(*decl);
  for (auto &decl : module.structs)
    if (inUnit(decl) && !decl->isTemplate())
      declareMethods(*decl);
  for (auto &fn : module.functions)
    if (inUnit(fn))
      declareFunction(*fn);
  for (auto &fn : module.functions)
    if (inUnit(fn) && !fn->isGeneric)
      checkDefaultValues(*fn);
}

Scope &Sema::unitScope(unsigned unit) {
  return unit < unitScopes.size() ? *unitScopes[unit] : moduleScope;
}

void Sema::declareBuiltins() {
  static const Type::Kind typeKinds[] = {
      Type::Kind::Bool,    Type::Kind::Int,     Type::Kind::UInt,
      Type::Kind::Int8,    Type::Kind::Int16,   Type::Kind::Int32,
      Type::Kind::Int64,   Type::Kind::UInt8,   Type::Kind::UInt16,
      Type::Kind::UInt32,  Type::Kind::UInt64,  Type::Kind::Float16,
      Type::Kind::BFloat16, Type::Kind::Float32, Type::Kind::Float64,
      Type::Kind::StringLiteral, Type::Kind::DType};
  for (Type::Kind kind : typeKinds) {
    Symbol symbol;
    symbol.kind = Symbol::Kind::Type;
    symbol.type = Type::get(kind);
    moduleScope.insert(symbol.type->getName(), symbol);
  }
  static const std::pair<const char *, Builtin> builtins[] = {
      {"print", Builtin::Print}, {"range", Builtin::Range},
      {"enumerate", Builtin::Enumerate},
      {"abs", Builtin::Abs},     {"min", Builtin::Min},
      {"max", Builtin::Max},     {"exit", Builtin::Exit},
      {"round", Builtin::Round}, {"len", Builtin::Len},
      {"alloc", Builtin::Alloc},  {"repr", Builtin::Repr},
      {"hash", Builtin::Hash},
      {"conforms_to", Builtin::ConformsTo},
      {"materialize", Builtin::Materialize},
      {"rebind", Builtin::Rebind},
      {"__format_scalar", Builtin::FormatScalar},
      {"__print_bytes", Builtin::PrintBytes},
      {"__fail", Builtin::Fail},
      {"__uninitialized", Builtin::Uninitialized},
      {"__forget", Builtin::Forget},
      {"__runtime_checks", Builtin::RuntimeChecks},
      {"__gpu_emulated", Builtin::GPUEmulated},
      {"__atomic_fetch_add", Builtin::AtomicAdd},
      {"__atomic_fetch_sub", Builtin::AtomicSub},
      {"__atomic_fetch_max", Builtin::AtomicMax},
      {"__atomic_fetch_min", Builtin::AtomicMin},
      {"__atomic_exchange", Builtin::AtomicExchange},
      {"__shuffle_idx", Builtin::GPUShuffleIdx},
      {"__shuffle_up", Builtin::GPUShuffleUp},
      {"__shuffle_down", Builtin::GPUShuffleDown},
      {"__shuffle_xor", Builtin::GPUShuffleXor}};
  for (auto [name, builtin] : builtins) {
    Symbol symbol;
    symbol.kind = Symbol::Kind::Builtin;
    symbol.builtin = builtin;
    moduleScope.insert(name, symbol);
  }
}

const Type *Sema::resolveType(Expr *typeExpr) {
  if (isa<NoneLiteralExpr>(typeExpr))
    return Type::get(Type::Kind::None);
  if (isa<ErrorExpr>(typeExpr))
    return Type::get(Type::Kind::Error);
  if (const Type *pointer = resolvePointerType(typeExpr))
    return pointer;
  if (const Type *simd = resolveSIMDType(typeExpr))
    return simd;
  if (const Type *type = resolveTypeOf(typeExpr))
    return type;
  if (const Type *tuple = resolveTupleType(typeExpr))
    return tuple;
  // `m.T`: a type of the module `m`.
  if (isa<AttributeExpr>(typeExpr)) {
    ExprPtr access = cloneExpr(*typeExpr);
    if (rewriteModuleAccess(access))
      return resolveType(access.get());
  }
  llvm::SMRange range = typeExpr->getRange();
  llvm::StringRef spelling(range.Start.getPointer(),
                           range.End.getPointer() - range.Start.getPointer());
  if (isa<SubscriptExpr>(typeExpr)) {
    if (AliasDecl *instance = getAliasInstance(typeExpr)) {
      if (instance->namedType)
        return instance->namedType;
      if (!instance->value->type->isError())
        diags.report(range, DiagID::err_value_not_type, spelling);
      return Type::get(Type::Kind::Error);
    }
    if (StructDecl *decl = getStructNamedBy(typeExpr))
      return decl->type.get();
  }
  // `Self.T`: a type parameter of the struct, or a type member.
  if (auto *attr = dyn_cast<AttributeExpr>(typeExpr))
    if (StructDecl *decl = getStructNamedBy(attr->base.get()))
      if (const Symbol *member = lookupStructMember(*decl, attr->name);
          member && member->kind == Symbol::Kind::Type)
        return member->type;
  if (auto *name = dyn_cast<NameExpr>(typeExpr)) {
    const Symbol *symbol = scope->lookup(name->name);
    if (symbol && symbol->kind == Symbol::Kind::Alias)
      checkAlias(*symbol->alias), symbol = scope->lookup(name->name);
    if (symbol && symbol->kind == Symbol::Kind::Type &&
        isStructTemplate(symbol->type)) {
      diags.report(range, DiagID::err_needs_parameters, name->name);
      return Type::get(Type::Kind::Error);
    }
    if (symbol && symbol->kind == Symbol::Kind::Type)
      return symbol->type;
    if (symbol && symbol->kind == Symbol::Kind::Poisoned)
      return Type::get(Type::Kind::Error);
  }
  if (namesNever(*typeExpr)) {
    diags.report(range, DiagID::err_never_value);
    return Type::get(Type::Kind::Error);
  }
  llvm::SmallVector<llvm::StringRef> types = scope->collectNames(
      [](const Symbol &s) { return s.kind == Symbol::Kind::Type; });
  llvm::StringRef closest = DiagnosticEngine::findClosest(spelling, types);
  if (closest.empty())
    diags.report(range, DiagID::err_unknown_type, spelling);
  else
    diags.report(range, DiagID::err_unknown_type_suggest, spelling, closest);
  return Type::get(Type::Kind::Error);
}

void Sema::checkAlias(AliasDecl &alias) {
  if (alias.checked)
    return;
  if (!aliasesInProgress.insert(&alias).second) {
    diags.report(alias.nameRange, DiagID::err_alias_cycle, alias.name);
    alias.checked = true;
    alias.value->type = Type::get(Type::Kind::Error);
    return;
  }
  auto *valueName = dyn_cast<NameExpr>(alias.value.get());
  auto *conjunction = dyn_cast<BinaryExpr>(alias.value.get());
  bool namesTraits =
      !alias.typeExpr && !alias.isTemplate() &&
      (valueName || (conjunction && conjunction->op == BinaryOperator::BitAnd)) &&
      isTraitBound(*alias.value);
  if (namesTraits) {
    // `comptime CanCompare = Equatable & Copyable`: a name for traits,
    // which bounds and conformance lists expand.
    alias.namesTraits = true;
    alias.value->type = Type::get(Type::Kind::Error);
  } else if (alias.isTemplate()) {
    // Checked in each instance.
    alias.namesType = !alias.typeExpr &&
                      spellsType(alias.value.get(), alias.compileTimeParams);
  } else if (!alias.typeExpr && spellsType(alias.value.get())) {
    // `comptime IntList = List[Int]` names a type.
    alias.namedType = resolveType(alias.value.get());
    alias.value->type = alias.namedType;
    alias.namesType = true;
    if (alias.boundValues.empty()) {
      Symbol symbol;
      symbol.kind = Symbol::Kind::Type;
      symbol.type = alias.namedType;
      symbol.declRange = alias.nameRange;
      (scope->lookupHere(alias.name) ? scope : &unitScope(alias.unit))
          ->replace(alias.name, symbol);
    }
  } else {
    const Type *declared =
        alias.typeExpr ? resolveType(alias.typeExpr.get()) : nullptr;
    if (declared)
      checkAs(alias.value, declared);
    else
      checkValue(alias.value);
    // What is not a constant expression is computed now, if it can be.
    if (!alias.value->type->isError() && !isConstant(alias.value.get()))
      foldAtCompileTime(alias.value, alias.name);
  }
  aliasesInProgress.erase(&alias);
  alias.checked = true;
}

/// Whether `e` spells a type; in the value of an alias template, its type
/// parameters (`params`) are types.
bool Sema::spellsType(const Expr *e,
                      llvm::ArrayRef<CompileTimeParam> params) {
  if (auto *tuple = dyn_cast<TupleExpr>(e))
    return !tuple->elements.empty() &&
           llvm::all_of(tuple->elements, [&](const ExprPtr &t) {
             return spellsType(t.get(), params);
           });
  if (auto *sub = dyn_cast<SubscriptExpr>(e)) {
    e = sub->base.get();
    // Types the compiler makes: `UnsafePointer[T]`, `Tuple[A, B]`,
    // `SIMD[dtype, width]`.
    if (auto *name = dyn_cast<NameExpr>(e);
        name &&
        llvm::is_contained({"UnsafePointer", "Tuple", "SIMD", "Scalar"},
                           name->name) &&
        !scope->lookup(name->name))
      return true;
  }
  auto *name = dyn_cast<NameExpr>(e);
  if (!name)
    return false;
  for (const CompileTimeParam &param : params)
    if (param.name == name->name)
      return isTraitBound(*param.typeExpr);
  const Symbol *symbol = scope->lookup(name->name);
  if (symbol && symbol->kind == Symbol::Kind::Alias) {
    AliasDecl *alias = symbol->alias;
    checkAlias(*alias);
    if (alias->isTemplate())
      return alias->namesType;
    symbol = scope->lookup(name->name);
  }
  return symbol && symbol->kind == Symbol::Kind::Type;
}

/// The instance that `Name[args]` denotes, if `Name` is an alias template;
/// a use that cannot be instantiated denotes an error value.
AliasDecl *Sema::getAliasInstance(const Expr *e) {
  auto *sub = dyn_cast<SubscriptExpr>(e);
  auto *name = sub ? dyn_cast<NameExpr>(sub->base.get()) : nullptr;
  const Symbol *symbol = name ? scope->lookup(name->name) : nullptr;
  if (!symbol || symbol->kind != Symbol::Kind::Alias ||
      !symbol->alias->isTemplate())
    return nullptr;
  AliasDecl &templ = *symbol->alias;
  checkAlias(templ);
  if (AliasDecl *instance =
          instantiateAlias(templ, sub->indices, sub->getLoc()))
    return instance;
  auto failed = std::make_unique<AliasDecl>(sub->getRange());
  failed->name = templ.name;
  failed->value = std::make_unique<ErrorExpr>(sub->getRange());
  failed->value->type = Type::get(Type::Kind::Error);
  failed->checked = true;
  failedAliases.push_back(std::move(failed));
  return failedAliases.back().get();
}

/// Whether `e` can be evaluated at compile time.
bool Sema::isConstant(const Expr *e) const {
  switch (e->getKind()) {
  case Expr::Kind::IntLiteral:
  case Expr::Kind::FloatLiteral:
  case Expr::Kind::StringLiteral:
  case Expr::Kind::BoolLiteral:
  case Expr::Kind::NoneLiteral:
  case Expr::Kind::DTypeLiteral:
  case Expr::Kind::Error:
    return true;
  case Expr::Kind::Name:
    return cast<NameExpr>(e)->alias != nullptr;
  case Expr::Kind::Attribute:
    return cast<AttributeExpr>(e)->member != nullptr;
  case Expr::Kind::Unary:
    return isConstant(cast<UnaryExpr>(e)->operand.get());
  case Expr::Kind::Binary:
    return isConstant(cast<BinaryExpr>(e)->lhs.get()) &&
           isConstant(cast<BinaryExpr>(e)->rhs.get());
  case Expr::Kind::BoolOp:
    return isConstant(cast<BoolOpExpr>(e)->lhs.get()) &&
           isConstant(cast<BoolOpExpr>(e)->rhs.get());
  case Expr::Kind::Compare:
    return llvm::all_of(cast<CompareExpr>(e)->operands,
                        [&](const ExprPtr &o) { return isConstant(o.get()); });
  case Expr::Kind::Conditional: {
    auto *c = cast<ConditionalExpr>(e);
    return isConstant(c->cond.get()) && isConstant(c->thenExpr.get()) &&
           isConstant(c->elseExpr.get());
  }
  case Expr::Kind::Cast:
    return isConstant(cast<CastExpr>(e)->operand.get());
  // A `comptime` list is materialized where it is used.
  case Expr::Kind::List:
    return llvm::all_of(cast<ListExpr>(e)->elements,
                        [&](const ExprPtr &x) { return isConstant(x.get()); });
  case Expr::Kind::Call: {
    auto *call = cast<CallExpr>(e);
    if (call->conversionType)
      return llvm::all_of(call->resolvedArgs,
                          [&](const Expr *a) { return isConstant(a); });
    return false;
  }
  default:
    return false;
  }
}

/// Resolves the types of `fn`'s arguments and result. A method's `self`
/// has the type of its struct.
void Sema::resolveSignature(FnDecl &fn) {
  // Later types may name earlier arguments: `rhs: type_of(lhs)`.
  FnDecl *savedSignature = signatureOf;
  signatureOf = &fn;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    Param &param = fn.params[i];
    // A method's first argument is its `self` (checkMethod rejects other
    // names for it).
    bool isSelf = fn.parent && i == 0;
    if (isSelf && !param.typeExpr) {
      param.type = fn.parent->type.get();
    } else if (!param.typeExpr) {
      // Untyped arguments make templates, whose instances type them.
      param.type = Type::get(Type::Kind::Error);
    } else if (param.isPack) {
      // An instance has expanded each pack whose types it binds.
      diags.report(param.typeExpr->getRange(), DiagID::err_pack_needs_types,
                   param.name);
      param.type = Type::get(Type::Kind::Error);
    } else if (param.isVariadic) {
      resolveVariadicParam(param);
    } else {
      param.type = resolveType(param.typeExpr.get());
    }
    bool selfOnly = param.convention == ArgConvention::Out ||
                    param.convention == ArgConvention::Deinit;
    // The move initializer takes the value it moves as `deinit`.
    bool movedFrom = fn.parent && param.convention == ArgConvention::Deinit &&
                     (fn.name == "__moveinit__" ||
                      (fn.name == "__init__" && param.keywordOnly));
    if (selfOnly && !isSelf && !movedFrom)
      diags.report(param.nameRange, DiagID::err_convention_unsupported,
                   getSpelling(param.convention));
  }
  fn.neverReturns = fn.resultTypeExpr && namesNever(*fn.resultTypeExpr);
  fn.resultType = fn.resultTypeExpr && !fn.neverReturns
                      ? resolveType(fn.resultTypeExpr.get())
                      : Type::get(Type::Kind::None);
  signatureOf = savedSignature;
  resolveResultOrigin(fn);
  resolveRaisedType(fn);
}

const Type *Sema::getSignatureArgumentType(llvm::StringRef name) {
  if (!signatureOf || scope->lookup(name))
    return nullptr;
  for (const Param &param : signatureOf->params)
    if (param.name == name && param.type && !param.type->isError())
      return param.type;
  return nullptr;
}

/// `type_of(x)`: the type of the value `x`, an argument of the signature
/// being resolved or a variable.
const Type *Sema::resolveTypeOf(const Expr *e) {
  auto *call = dyn_cast<CallExpr>(e);
  auto *callee = call ? dyn_cast<NameExpr>(call->callee.get()) : nullptr;
  if (!callee || callee->name != "type_of" || scope->lookup("type_of"))
    return nullptr;
  if (call->args.size() != 1 || !call->args[0].keyword.empty()) {
    diags.report(call->getRange(), DiagID::err_arg_count, "type_of", 1,
                 call->args.size());
    return Type::get(Type::Kind::Error);
  }
  if (auto *name = dyn_cast<NameExpr>(call->args[0].value.get()))
    if (const Type *type = getSignatureArgumentType(name->name))
      return type;
  ExprPtr value = cloneExpr(*call->args[0].value);
  return checkValue(value);
}

/// `*values: T` is a `VariadicList[T]` of the library, over the caller's
/// arguments.
void Sema::resolveVariadicParam(Param &param) {
  param.type = Type::get(Type::Kind::Error);
  param.elementType = resolveType(param.typeExpr.get());
  if (param.elementType->isError())
    return;
  llvm::SMRange range = param.typeExpr->getRange();
  SubscriptExpr list(range, std::make_unique<NameExpr>(range, "VariadicList"));
  list.indices.push_back(cloneExpr(*param.typeExpr));
  param.type = resolveType(&list);
}

/// Whether two functions take arguments of the same types, so that no call
/// could tell them apart.
static bool haveSameParams(const FnDecl &a, const FnDecl &b) {
  if (a.params.size() != b.params.size())
    return false;
  for (size_t i = 0; i < a.params.size(); ++i)
    if (a.params[i].type != b.params[i].type)
      return false;
  return true;
}

void Sema::declareFunction(FnDecl &fn) {
  // A template's signature means something only in its instances.
  fn.isGeneric = isTemplate(fn);
  if (!fn.isGeneric)
    resolveSignature(fn);
  Scope &declScope = unitScope(fn.unit);
  const Symbol *previous = declScope.lookupHere(fn.name);
  Symbol symbol;
  symbol.kind = Symbol::Kind::Function;
  symbol.declRange = fn.nameRange;
  if (previous && previous->kind == Symbol::Kind::Function) {
    // Another overload: its arguments must differ.
    for (FnDecl *other : previous->functions)
      if (!other->isGeneric && !fn.isGeneric && haveSameParams(*other, fn)) {
        diags.report(fn.nameRange, DiagID::err_redefinition, fn.name);
        diags.report(other->nameRange, DiagID::note_previous_definition);
        return;
      }
    symbol = *previous;
  } else if (previous && previous->kind != Symbol::Kind::Type &&
             previous->kind != Symbol::Kind::Builtin) {
    diags.report(fn.nameRange, DiagID::err_redefinition, fn.name);
    diags.report(previous->declRange, DiagID::note_previous_definition);
    return;
  } else if (previous && previous->kind == Symbol::Kind::Type &&
             previous->type->isStruct()) {
    diags.report(fn.nameRange, DiagID::err_redefinition, fn.name);
    diags.report(previous->declRange, DiagID::note_previous_definition);
    return;
  }
  // A user function may shadow a builtin of the same name.
  symbol.functions.push_back(&fn);
  declScope.replace(fn.name, symbol);
}

void Sema::checkDefaultValues(FnDecl &fn) {
  for (Param &param : fn.params) {
    if (!param.defaultValue)
      continue;
    checkAs(param.defaultValue, param.type);
    // A struct made of constants (`msg: String = ""`) is made anew at each
    // call that does not give the argument.
    auto *made = dyn_cast<CallExpr>(param.defaultValue.get());
    bool constantStruct =
        made && made->function && made->function->parent &&
        made->function->name == "__init__" && !made->function->raisedType &&
        llvm::all_of(made->resolvedArgs,
                     [&](const Expr *arg) { return !arg || isConstant(arg); });
    if (!param.defaultValue->type->isError() && !constantStruct &&
        !isConstant(param.defaultValue.get()))
      diags.report(param.defaultValue->getRange(), DiagID::err_not_constant,
                   param.name);
  }
}

void Sema::checkFunctionBody(FnDecl &fn) {
  // A call evaluated at compile time may have checked it already.
  if (fn.bodyChecked)
    return;
  fn.bodyChecked = true;
  // An instance whose result is inferred is checked from inside a call, in
  // the middle of another body.
  struct SavedState {
    Sema &sema;
    FnDecl *fn;
    Scope *scope, *functionScope;
    unsigned loopDepth;
    std::vector<ErrorHandler> errorHandlers;
    std::vector<LocalVar *> caughtErrors;
    ~SavedState() {
      sema.currentFn = fn;
      sema.scope = scope;
      sema.functionScope = functionScope;
      sema.loopDepth = loopDepth;
      sema.errorHandlers = std::move(errorHandlers);
      sema.caughtErrors = std::move(caughtErrors);
    }
  } saved{*this,         currentFn,
          scope,         functionScope,
          loopDepth,     std::move(errorHandlers),
          std::move(caughtErrors)};
  loopDepth = 0;
  errorHandlers.clear();
  caughtErrors.clear();
  // Errors that nothing in the body handles leave the function.
  if (fn.raisedType)
    errorHandlers.push_back({fn.raisedType, {}, 0});
  currentFn = &fn;
  Scope fnScope(fn.outerScope   ? fn.outerScope
                : fn.parent ? &getStructScope(*fn.parent)
                            : &unitScope(fn.unit));
  scope = functionScope = &fnScope;
  for (Param &param : fn.params) {
    // An argument named `_` is passed but cannot be used.
    if (param.name == "_")
      continue;
    // A closure's capture has its variable already.
    if (param.capturedFrom) {
      Symbol symbol;
      symbol.kind = Symbol::Kind::Local;
      symbol.local = param.local;
      symbol.declRange = param.nameRange;
      fnScope.replace(param.name, symbol);
      continue;
    }
    LocalVar *local = declareLocal(param.name, param.nameRange, param.type,
                                   fnScope);
    if (!local)
      continue;
    // As in Mojo, `read` arguments (the default, of `def` too) are
    // immutable; the other conventions give storage the body may change.
    local->isMutable = param.convention != ArgConvention::Read;
    local->ownsValue = param.convention != ArgConvention::Read &&
                       param.convention != ArgConvention::Mut &&
                       param.convention != ArgConvention::Ref;
    local->isRef = param.convention == ArgConvention::Ref;
    local->isDeinit = param.convention == ArgConvention::Deinit;
    param.local = local;
  }
  checkBlock(fn.body);
  if (fn.inferResult) {
    // No `return` with a value: the function returns nothing.
    fn.inferResult = false;
    if (!fn.resultType)
      fn.resultType = Type::get(Type::Kind::None);
  }
  if (!fn.resultType->isNone() && !fn.resultType->isError() &&
      !alwaysExits(fn.body))
    diags.report(fn.nameRange, DiagID::err_missing_return, fn.name,
                 fn.resultType->getName());
  if (fn.neverReturns && !alwaysExits(fn.body))
    diags.report(fn.nameRange, DiagID::err_never_returns, fn.name);
}

Scope &Sema::getStructScope(StructDecl &decl) {
  return *structScopeOf.lookup(&decl);
}

void Sema::checkMain(Module &module) {
  const Symbol *symbol = unitScope(0).lookupHere("main");
  if (!symbol || symbol->kind != Symbol::Kind::Function) {
    llvm::SMLoc loc = llvm::SMLoc::getFromPointer(
        diags.getSourceMgr()
            .getMemoryBuffer(diags.getSourceMgr().getMainFileID())
            ->getBufferStart());
    diags.report(loc, DiagID::err_no_main);
    return;
  }
  FnDecl &main = *symbol->functions.front();
  if (!main.params.empty() || !main.resultType->isNone())
    diags.report(main.nameRange, DiagID::err_main_signature);
  else if (main.raisedType && main.raisedTypeExpr &&
           main.raisedType != getErrorStructType())
    diags.report(main.raisedTypeExpr->getRange(), DiagID::err_main_raises,
                 main.raisedType->getName());
}
