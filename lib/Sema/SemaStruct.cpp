//===- SemaStruct.cpp - Ember semantic analysis: structs ------------------===//
//
// A struct is declared in steps, so that structs, methods and functions may
// refer to each other in any order: its name, then its fields (which may be
// other structs, but not itself), its conformances, its method signatures
// (with the synthesized `__init__` of `@fieldwise_init`), and last the
// method bodies.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

#include "llvm/ADT/StringSwitch.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

void Sema::declareStruct(StructDecl &decl) {
  decl.type = std::make_unique<StructType>(decl);
  Symbol symbol;
  symbol.kind = Symbol::Kind::Type;
  symbol.type = decl.type.get();
  symbol.declRange = decl.nameRange;
  if (decl.outerScope) {
    // An instance has no name of its own to declare.
  } else if (const Symbol *previous = unitScope(decl.unit).lookupHere(decl.name);
      previous && previous->kind != Symbol::Kind::Builtin) {
    diags.report(decl.nameRange, DiagID::err_redefinition, decl.name);
    diags.report(previous->declRange, DiagID::note_previous_definition);
  } else if (const Symbol *builtin = moduleScope.lookupHere(decl.name);
             builtin && builtin->kind == Symbol::Kind::Type &&
             !builtin->type->isStruct()) {
    diags.report(decl.nameRange, DiagID::err_redefines_builtin_type,
                 decl.name);
  } else {
    unitScope(decl.unit).replace(decl.name, symbol);
  }
  // Inside the struct, `Self` is its type and its `comptime` members are
  // visible by name.
  auto structScope = std::make_unique<Scope>(
      decl.outerScope ? decl.outerScope : &unitScope(decl.unit));
  Symbol self = symbol;
  structScope->insert("Self", self);
  for (auto &member : decl.members) {
    Symbol alias;
    alias.kind = Symbol::Kind::Alias;
    alias.alias = member.get();
    alias.declRange = member->nameRange;
    if (!structScope->insert(member->name, alias)) {
      diags.report(member->nameRange, DiagID::err_redefinition, member->name);
      diags.report(structScope->lookupHere(member->name)->declRange,
                   DiagID::note_previous_definition);
    }
  }
  structScopeOf[&decl] = structScope.get();
  ownedScopes.push_back(std::move(structScope));
}

void Sema::resolveFields(StructDecl &decl) {
  if (decl.fieldsResolved)
    return;
  decl.resolving = true;
  Scope *saved = scope;
  scope = &getStructScope(decl);
  for (FieldDecl &field : decl.fields) {
    if (int first = decl.findField(field.name);
        &decl.fields[first] != &field) {
      diags.report(field.nameRange, DiagID::err_redefinition, field.name);
      diags.report(decl.fields[first].nameRange,
                   DiagID::note_previous_definition);
    }
    field.type = resolveType(field.typeExpr.get());
    auto *fieldStruct = dyn_cast<StructType>(field.type);
    if (!fieldStruct)
      continue;
    StructDecl &inner = fieldStruct->getDecl();
    if (inner.resolving) {
      // A struct that contains itself, directly or not, has no size.
      diags.report(field.typeExpr->getRange(), DiagID::err_recursive_struct,
                   decl.name, inner.name);
      field.type = errorType();
      continue;
    }
    resolveFields(inner);
  }
  scope = saved;
  decl.resolving = false;
  decl.fieldsResolved = true;
}

/// The traits of the standard library a struct can declare so far; those
/// that only name capabilities Ember checks where they are used.
void Sema::checkConformances(StructDecl &decl) {
  for (auto [i, trait] : llvm::enumerate(decl.traits)) {
    // Of a template, each instance decides its conditional conformances.
    if (i < decl.traitConditions.size() && decl.traitConditions[i] &&
        !evaluateCondition(decl.traitConditions[i], &getStructScope(decl)))
      continue;
    addConformances(decl, *trait);
  }
  if (decl.valueDecorator) {
    // `@value` made a struct copyable, movable and fieldwise-initialized.
    diags.report(decl.decoratorRange, DiagID::warn_deprecated,
                 "`@value`",
                 "`@fieldwise_init` and conformance to `ImplicitlyCopyable`");
    decl.copyable = decl.implicitlyCopyable = true;
  }
}

/// The conformances `trait` in the list of `decl` declares: a trait,
/// traits joined with `&`, or an alias of them.
void Sema::addConformances(StructDecl &decl, const Expr &trait) {
  if (auto *b = dyn_cast<BinaryExpr>(&trait);
      b && b->op == BinaryOperator::BitAnd) {
    addConformances(decl, *b->lhs);
    addConformances(decl, *b->rhs);
    return;
  }
  auto *name = dyn_cast<NameExpr>(&trait);
  if (const Expr *traits = name ? getTraitAliasValue(*name) : nullptr) {
    addConformances(decl, *traits);
    return;
  }
  llvm::StringRef spelling = name ? llvm::StringRef(name->name) : "";
  bool known = llvm::StringSwitch<bool>(spelling)
                   .Cases({"AnyType", "Movable", "Copyable",
                           "ImplicitlyCopyable", "Defaultable", "Deinitable",
                           "ImplicitlyDeletable", "ImplicitlyDestructible"},
                          true)
                   .Default(false);
  if (!known && name && scope->lookup(name->name) &&
      scope->lookup(name->name)->kind == Symbol::Kind::Trait) {
    addConformance(decl, *lookupTrait(trait, /*report=*/true));
    return;
  }
  if (!known) {
    reportUnknownTrait(trait);
    return;
  }
  if (spelling == "Copyable")
    decl.copyable = true;
  if (spelling == "ImplicitlyCopyable")
    decl.copyable = decl.implicitlyCopyable = true;
}

/// Why `e`, in a list of traits, names none that Ember knows.
void Sema::reportUnknownTrait(const Expr &e) {
  // The standard library's other traits come with the library.
  auto *name = dyn_cast<NameExpr>(&e);
  if (!name) {
    diags.report(e.getRange(), DiagID::err_unsupported, "this conformance");
    return;
  }
  if (isLibraryTrait(name->name)) {
    diags.report(e.getRange(), DiagID::err_unsupported,
                 "conformance to `" + name->name + "`");
    return;
  }
  const Symbol *symbol = scope->lookup(name->name);
  if (symbol) {
    diags.report(e.getRange(), DiagID::err_not_a_trait, name->name);
    return;
  }
  llvm::SmallVector<llvm::StringRef> traits = scope->collectNames(
      [](const Symbol &s) { return s.kind == Symbol::Kind::Trait; });
  for (llvm::StringRef builtin : {"AnyType", "Movable", "Copyable",
                                  "ImplicitlyCopyable", "Defaultable"})
    traits.push_back(builtin);
  llvm::StringRef closest = DiagnosticEngine::findClosest(name->name, traits);
  if (closest.empty())
    diags.report(e.getRange(), DiagID::err_unknown_trait, name->name);
  else
    diags.report(e.getRange(), DiagID::err_unknown_trait_suggest, name->name,
                 closest);
}

void Sema::declareMethods(StructDecl &decl) {
  Scope *saved = scope;
  scope = &getStructScope(decl);
  for (auto &method : decl.methods) {
    method->isGeneric = isTemplate(*method);
    if (method->isGeneric)
      continue;
    resolveSignature(*method);
    checkMethod(decl, *method);
  }
  if (decl.fieldwiseInit)
    synthesizeFieldwiseInit(decl);
  addTraitMethods(decl);
  // Overloads of one method must differ in their arguments.
  for (size_t i = 0; i < decl.methods.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      FnDecl &a = *decl.methods[j], &b = *decl.methods[i];
      if (a.name != b.name || a.params.size() != b.params.size() ||
          a.isGeneric || b.isGeneric)
        continue;
      bool same = true;
      // Keyword-only arguments are told apart by their names.
      for (size_t k = 0; k < a.params.size(); ++k) {
        const Param &x = a.params[k], &y = b.params[k];
        same &= x.type == y.type && x.keywordOnly == y.keywordOnly &&
                (!x.keywordOnly || x.name == y.name);
      }
      if (same) {
        diags.report(b.nameRange, DiagID::err_redefinition, b.name);
        diags.report(a.nameRange, DiagID::note_previous_definition);
        break;
      }
    }
  scope = saved;
}

/// The rules a method's signature follows beyond those of a function.
void Sema::checkMethod(StructDecl &decl, FnDecl &method) {
  bool hasSelf = !method.params.empty() && method.params[0].name == "self";
  if (method.isStatic && hasSelf) {
    diags.report(method.params[0].nameRange, DiagID::err_static_self,
                 method.name);
    return;
  }
  if (!method.isStatic && !hasSelf) {
    diags.report(method.nameRange, DiagID::err_method_needs_self,
                 method.name);
    method.isStatic = true; // Check the body as a static method.
    return;
  }
  if (!method.isStatic && checkLifecycleMethod(decl, method))
    return;
  if (method.isStatic)
    return;
  Param &self = method.params[0];
  if (method.name == "__init__") {
    // `__init__(inout self, ...)` is the older spelling of `out self`.
    if (self.convention == ArgConvention::Mut) {
      diags.report(self.nameRange, DiagID::warn_deprecated,
                   "`inout self` in `__init__`", "`out self`");
      self.convention = ArgConvention::Out;
    }
    if (self.convention != ArgConvention::Out)
      diags.report(self.nameRange, DiagID::err_init_self, decl.name);
    if (!method.resultType->isNone() && !method.resultType->isError()) {
      diags.report(method.resultTypeExpr->getRange(),
                   DiagID::err_init_result);
      method.resultType = Type::get(Type::Kind::None);
    }
  } else if (self.convention == ArgConvention::Out) {
    diags.report(self.nameRange, DiagID::err_convention_unsupported, "out");
  }
}

/// `@fieldwise_init` gives `__init__(out self, var f1: T1, ...)`, whose body
/// moves each argument into its field.
void Sema::synthesizeFieldwiseInit(StructDecl &decl) {
  auto init = std::make_unique<FnDecl>();
  init->name = "__init__";
  init->nameRange = decl.nameRange;
  init->range = decl.range;
  init->parent = &decl;
  init->resultType = Type::get(Type::Kind::None);
  Param self;
  self.name = "self";
  self.nameRange = decl.nameRange;
  self.convention = ArgConvention::Out;
  self.type = decl.type.get();
  init->params.push_back(std::move(self));
  for (const FieldDecl &field : decl.fields) {
    Param param;
    param.name = field.name;
    param.nameRange = field.nameRange;
    param.convention = ArgConvention::Owned;
    param.type = field.type;
    init->params.push_back(std::move(param));
    auto target = std::make_unique<AttributeExpr>(
        field.nameRange,
        std::make_unique<NameExpr>(field.nameRange, "self"), field.name,
        field.nameRange);
    auto assign = std::make_unique<AssignStmt>(field.nameRange);
    assign->targets.push_back(std::move(target));
    // The argument moves into its field.
    assign->value = std::make_unique<TransferExpr>(
        field.nameRange,
        std::make_unique<NameExpr>(field.nameRange, field.name));
    init->body.push_back(std::move(assign));
  }
  decl.methods.push_back(std::move(init));
}

/// Whether a value of `type` holds or points to a `target`, through fields
/// and pointers.
static bool reaches(const Type *type, const StructDecl &target,
                    llvm::SmallPtrSetImpl<const StructDecl *> &visited) {
  while (auto *pointer = dyn_cast<PointerType>(type))
    type = pointer->getPointee();
  auto *structType = dyn_cast<StructType>(type);
  if (!structType)
    return false;
  const StructDecl &decl = structType->getDecl();
  if (&decl == &target)
    return true;
  if (!visited.insert(&decl).second)
    return false;
  return llvm::any_of(decl.fields, [&](const FieldDecl &field) {
    return field.type && reaches(field.type, target, visited);
  });
}

void Sema::checkStructBodies(StructDecl &decl) {
  // A struct reached again through a pointer (a linked node) needs a type
  // that names itself, which the IR does not have yet.
  for (const FieldDecl &field : decl.fields) {
    llvm::SmallPtrSet<const StructDecl *, 8> visited;
    if (field.type && reaches(field.type, decl, visited)) {
      diags.report(field.typeExpr->getRange(), DiagID::err_unsupported,
                   "a struct that points to its own type (`" + decl.name +
                       "` through `" + field.type->getName().str() + "`)");
      return;
    }
  }
  for (auto &method : decl.methods)
    if (!method->isGeneric)
      checkDefaultValues(*method);
  Scope *saved = scope;
  scope = &getStructScope(decl);
  for (auto &member : decl.members)
    checkAlias(*member);
  scope = saved;
  for (auto &method : decl.methods)
    if (!method->isGeneric && !method->isDeferred && !method->isRequested)
      checkUnlessExcluded(*method);
}

/// The library's generic structs offer methods that need more of their
/// parameters than the struct does (`List[T].__contains__` needs `==`);
/// such a method of an instance is checked when a call uses it.
void Sema::deferMethods(StructDecl &instance) {
  for (auto &method : instance.methods) {
    bool isLifecycle = method.get() == instance.destructor ||
                       method.get() == instance.copyInit ||
                       method.get() == instance.moveInit;
    if (!method->isGeneric && !isLifecycle)
      method->isDeferred = true;
  }
}

void Sema::requestBody(FnDecl &fn, llvm::SMLoc requestedAt) {
  if (!fn.isDeferred)
    return;
  fn.isDeferred = false;
  fn.isRequested = true;
  pendingInstances.push_back({&fn, requestedAt});
}

bool Sema::isStructTemplate(const Type *type) {
  auto *structType = dyn_cast<StructType>(type);
  return structType && structType->getDecl().isTemplate();
}

/// The struct that `e` names as a type (`Point`, `Self`, `Box[Int]`), or
/// null.
StructDecl *Sema::getStructNamedBy(const Expr *e) {
  if (auto *sub = dyn_cast<SubscriptExpr>(e)) {
    if (AliasDecl *instance = getAliasInstance(sub)) {
      auto *type = llvm::dyn_cast_or_null<StructType>(instance->namedType);
      return type ? &type->getDecl() : nullptr;
    }
    StructDecl *templ = getStructNamedBy(sub->base.get());
    if (!templ || !templ->isTemplate())
      return nullptr;
    return instantiateStruct(*templ, sub->indices, sub->getLoc());
  }
  auto *name = dyn_cast<NameExpr>(e);
  const Symbol *symbol = name ? scope->lookup(name->name) : nullptr;
  // A type alias is a type once checked.
  if (symbol && symbol->kind == Symbol::Kind::Alias &&
      !symbol->alias->isTemplate()) {
    checkAlias(*symbol->alias);
    symbol = scope->lookup(name->name);
  }
  if (!symbol || symbol->kind != Symbol::Kind::Type)
    return nullptr;
  auto *type = dyn_cast<StructType>(symbol->type);
  return type ? &type->getDecl() : nullptr;
}

/// A `comptime` member of `decl`, or a compile-time parameter of the
/// instance `decl` is, named `name`.
const Symbol *Sema::lookupStructMember(StructDecl &decl, llvm::StringRef name) {
  if (const Symbol *member = getStructScope(decl).lookupHere(name))
    return member;
  return decl.outerScope ? decl.outerScope->lookupHere(name) : nullptr;
}

/// `value.field`, or `Type.member` for a `comptime` member.
const Type *Sema::checkAttribute(AttributeExpr &attr) {
  if (StructDecl *decl = getStructNamedBy(attr.base.get())) {
    attr.base->type = decl->type.get();
    Scope &members = getStructScope(*decl);
    const Symbol *member = lookupStructMember(*decl, attr.name);
    if (member && member->kind == Symbol::Kind::Alias) {
      Scope *saved = scope;
      scope = &members;
      checkAlias(*member->alias);
      scope = saved;
      attr.member = member->alias;
      return member->alias->value->type;
    }
    diags.report(attr.nameRange, DiagID::err_no_member, decl->name, attr.name);
    return errorType();
  }
  const Type *baseType = checkValue(attr.base);
  if (baseType->isError())
    return errorType();
  auto *structType = dyn_cast<StructType>(baseType);
  if (!structType) {
    diags.report(attr.nameRange, DiagID::err_no_attribute,
                 baseType->getName(), attr.name);
    return errorType();
  }
  StructDecl &decl = structType->getDecl();
  attr.fieldIndex = decl.findField(attr.name);
  if (attr.fieldIndex >= 0)
    return decl.fields[attr.fieldIndex].type;
  if (const Symbol *member = getStructScope(decl).lookupHere(attr.name);
      member && member->kind == Symbol::Kind::Alias) {
    Scope *saved = scope;
    scope = &getStructScope(decl);
    checkAlias(*member->alias);
    scope = saved;
    attr.member = member->alias;
    return member->alias->value->type;
  }
  if (!decl.findMethods(attr.name).empty()) {
    diags.report(attr.getRange(), DiagID::err_unsupported,
                 "a method as a value; call it");
    return errorType();
  }
  llvm::SmallVector<llvm::StringRef> names;
  for (const FieldDecl &field : decl.fields)
    names.push_back(field.name);
  llvm::StringRef closest = DiagnosticEngine::findClosest(attr.name, names);
  if (closest.empty())
    diags.report(attr.nameRange, DiagID::err_no_attribute, decl.name,
                 attr.name);
  else
    diags.report(attr.nameRange, DiagID::err_no_attribute_suggest, decl.name,
                 attr.name, closest);
  return errorType();
}

bool Sema::isLValue(const Expr *e) {
  if (auto *name = dyn_cast<NameExpr>(e))
    return name->local != nullptr;
  // `p[i]` of a pointer.
  if (auto *sub = dyn_cast<SubscriptExpr>(e))
    return sub->base->type && sub->base->type->isPointer();
  if (auto *attr = dyn_cast<AttributeExpr>(e))
    return attr->fieldIndex >= 0 && isLValue(attr->base.get());
  return returnsReference(e);
}

/// The variable whose storage `e` (a variable or a chain of fields) is.
LocalVar *Sema::getRootVariable(Expr *e) {
  while (auto *attr = dyn_cast<AttributeExpr>(e))
    e = attr->base.get();
  auto *name = dyn_cast<NameExpr>(e);
  return name ? name->local : nullptr;
}

/// Checks that `target` (a field of a variable, checked already) may be
/// written; reports why not.
bool Sema::checkAssignableLValue(Expr *target) {
  if (target->type->isError())
    return false;
  if (!isLValue(target)) {
    diags.report(target->getRange(), DiagID::err_assign_to_temporary);
    return false;
  }
  WriteAccess access = getWriteAccess(target);
  if (const CallExpr *call = access.readOnlyResult) {
    const FnDecl &fn = *call->function;
    diags.report(target->getRange(), DiagID::err_assign_through_read_ref,
                 fn.name, fn.params[fn.resultOrigin].name);
    return false;
  }
  LocalVar *root = access.root;
  // Memory a pointer reaches may always be written.
  if (!root)
    return true;
  markWritten(root);
  if (!root->isMutable) {
    reportImmutable(*root, target->getRange());
    return false;
  }
  return true;
}

/// Reports a write to `local`, which may not be written, once.
void Sema::reportImmutable(LocalVar &local, llvm::SMRange at) {
  local.isMutable = true;
  if (local.isCapture && !local.isRef) {
    diags.report(at, DiagID::err_assign_to_read_capture, local.name);
    diags.report(local.declRange, DiagID::note_capture_mut, local.name);
    return;
  }
  // A `ref` argument is mutable; other references are as their values.
  bool isReference = local.isRef;
  diags.report(at, isReference ? DiagID::err_assign_to_immutable_ref
                               : DiagID::err_assign_to_read_arg,
               local.name);
  diags.report(local.declRange, isReference ? DiagID::note_immutable_ref
                                            : DiagID::note_make_it_owned,
               local.name);
}
