//===- SemaTrait.cpp - Ember semantic analysis: traits --------------------===//
//
// A trait lists methods; a struct that declares conformance must define
// each required one with the same signature, `Self` standing for the
// struct, and receives a copy of each default method it does not define.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

#include "llvm/ADT/StringSet.h"

using namespace ember;
using llvm::dyn_cast;

void Sema::declareTrait(TraitDecl &decl) {
  Symbol symbol;
  symbol.kind = Symbol::Kind::Trait;
  symbol.trait = &decl;
  symbol.declRange = decl.nameRange;
  if (const Symbol *previous = unitScope(decl.unit).lookupHere(decl.name);
      previous && previous->kind != Symbol::Kind::Builtin) {
    diags.report(decl.nameRange, previous->kind == Symbol::Kind::Type &&
                                         !previous->type->isStruct()
                                     ? DiagID::err_redefines_builtin_type
                                     : DiagID::err_redefinition,
                 decl.name);
    if (previous->declRange.Start.isValid())
      diags.report(previous->declRange, DiagID::note_previous_definition);
    return;
  }
  unitScope(decl.unit).replace(decl.name, symbol);
}

/// The user trait `e` names, or null (reporting why, when `report`).
TraitDecl *Sema::lookupTrait(const Expr &e, bool report) {
  auto *name = dyn_cast<NameExpr>(&e);
  const Symbol *symbol = name ? scope->lookup(name->name) : nullptr;
  if (symbol && symbol->kind == Symbol::Kind::Trait)
    return symbol->trait;
  if (report)
    diags.report(e.getRange(), DiagID::err_not_a_trait,
                 name ? name->name : "this expression");
  return nullptr;
}

/// Collects the traits `decl` refines, rejecting cycles.
void Sema::resolveTrait(TraitDecl &decl) {
  if (decl.resolved)
    return;
  decl.resolving = true;
  for (const ExprPtr &parentExpr : decl.parents) {
    TraitDecl *parent = lookupTrait(*parentExpr, /*report=*/true);
    if (!parent)
      continue;
    if (parent->resolving) {
      diags.report(parentExpr->getRange(), DiagID::err_trait_cycle, decl.name,
                   parent->name);
      continue;
    }
    resolveTrait(*parent);
    std::vector<TraitDecl *> inherited = {parent};
    llvm::append_range(inherited, parent->ancestors);
    for (TraitDecl *t : inherited)
      if (!llvm::is_contained(decl.ancestors, t))
        decl.ancestors.push_back(t);
  }
  decl.resolving = false;
  decl.resolved = true;
}

void Sema::addConformance(StructDecl &decl, TraitDecl &trait) {
  std::vector<TraitDecl *> traits = {&trait};
  llvm::append_range(traits, trait.ancestors);
  for (TraitDecl *t : traits)
    if (!llvm::is_contained(decl.conformances, t))
      decl.conformances.push_back(t);
}

/// Whether the generic `method` takes what the generic `required` does:
/// their instances are checked where they are made.
static bool matchesGenericSignature(const FnDecl &method,
                                    const FnDecl &required) {
  if (!method.isGeneric || method.isStatic != required.isStatic ||
      method.params.size() != required.params.size())
    return false;
  for (size_t i = 0; i < method.params.size(); ++i)
    if (method.params[i].convention != required.params[i].convention)
      return false;
  return true;
}

/// Whether `method` has the signature `required` asks for.
static bool matchesSignature(const FnDecl &method, const FnDecl &required) {
  if (method.isStatic != required.isStatic ||
      method.params.size() != required.params.size() ||
      method.resultType != required.resultType)
    return false;
  for (size_t i = 0; i < method.params.size(); ++i)
    if (method.params[i].type != required.params[i].type ||
        method.params[i].convention != required.params[i].convention)
      return false;
  return true;
}

void Sema::addTraitMethods(StructDecl &decl) {
  // A default is added unless the struct defines that name itself; a
  // trait's overloads of one name all come.
  llvm::StringSet<> ownNames;
  for (const auto &method : decl.methods)
    ownNames.insert(method->name);
  for (TraitDecl *trait : decl.conformances) {
    for (const auto &templ : trait->methods) {
      // The trait's method, with `Self` meaning this struct.
      std::unique_ptr<FnDecl> method = cloneFunction(*templ);
      method->parent = &decl;
      method->isRequired = false;
      method->isGeneric = isTemplate(*method);
      if (!method->isGeneric)
        resolveSignature(*method);
      std::vector<FnDecl *> defined = decl.findMethods(method->name);
      if (llvm::any_of(defined, [&](FnDecl *fn) {
            return method->isGeneric ? matchesGenericSignature(*fn, *method)
                                     : matchesSignature(*fn, *method);
          }))
        continue;
      if (!templ->isRequired && !ownNames.contains(method->name)) {
        decl.methods.push_back(std::move(method));
        continue;
      }
      // The library's `Writable`, `Equatable` and `Hashable` are made of
      // the fields by default.
      bool fromLibrary = module->units[trait->unit].isPrelude;
      if (defined.empty() && templ->name == "write_to" &&
          trait->name == "Writable" && fromLibrary) {
        decl.methods.push_back(makeFieldwiseWriteTo(decl));
        decl.methods.back()->isGeneric = true; // Over its `Some[Writer]`.
        continue;
      }
      if (defined.empty() && fromLibrary &&
          ((templ->name == "__eq__" && trait->name == "EqualityComparable") ||
           (templ->name == "__hash__" && trait->name == "Hashable"))) {
        decl.methods.push_back(templ->name == "__eq__"
                                   ? makeFieldwiseEq(decl)
                                   : makeFieldwiseHash(decl));
        resolveSignature(*decl.methods.back());
        continue;
      }
      diags.report(decl.nameRange, DiagID::err_missing_trait_method,
                   decl.name, trait->name, templ->name);
      diags.report(templ->nameRange, DiagID::note_required_here, templ->name);
      for (FnDecl *fn : defined)
        diags.report(fn->nameRange, DiagID::note_signature_differs);
    }
  }
}
