//===- SemaModule.cpp - Ember semantic analysis: modules and imports ------===//
//
// `from m import a, b as c` binds names of a module in the importing
// unit's scope; `import m` (or `import a.b as c`) binds a module, whose
// members `m.a` names. A module is a source unit (the program's, or the
// library's) or one the compiler provides, such as `math`; `sys` is both.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <optional>

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

/// The standard library modules known so far and what they export.
static const struct {
  const char *module, *member;
  Builtin builtin;
} moduleMembers[] = {
    {"sys", "exit", Builtin::Exit},    {"builtin", "print", Builtin::Print},
    {"math", "sqrt", Builtin::Sqrt},   {"math", "exp", Builtin::Exp},
    {"math", "log", Builtin::Log},     {"math", "sin", Builtin::Sin},
    {"math", "cos", Builtin::Cos},     {"math", "tan", Builtin::Tan},
    {"math", "floor", Builtin::Floor}, {"math", "ceil", Builtin::Ceil},
    {"math", "trunc", Builtin::Trunc}, {"math", "pi", Builtin::None},
    {"math", "rsqrt", Builtin::Rsqrt}, {"math", "exp2", Builtin::Exp2},
    {"math", "log2", Builtin::Log2},   {"math", "log10", Builtin::Log10},
    {"math", "tanh", Builtin::Tanh},   {"math", "sinh", Builtin::Sinh},
    {"math", "cosh", Builtin::Cosh},   {"math", "asin", Builtin::Asin},
    {"math", "acos", Builtin::Acos},   {"math", "atan", Builtin::Atan},
    {"math", "pow", Builtin::Pow},     {"math", "atan2", Builtin::Atan2},
    {"math", "fma", Builtin::Fma},
    {"math", "round", Builtin::Round}, {"math", "abs", Builtin::Abs},
    {"math", "min", Builtin::Min},     {"math", "max", Builtin::Max},
    {"math", "e", Builtin::None},      {"math", "tau", Builtin::None},
    {"memory", "alloc", Builtin::Alloc}, {"memory", "memcpy", Builtin::Memcpy},
    {"memory", "UnsafePointer", Builtin::None},
    {"ffi", "external_call", Builtin::ExternalCall},
    {"sys", "simd_width_of", Builtin::SimdWidthOf},
    {"sys", "simdwidthof", Builtin::SimdWidthOf},
    {"sys.info", "simd_width_of", Builtin::SimdWidthOf},
    {"algorithm", "parallelize", Builtin::Parallelize},
    {"algorithm", "sync_parallelize", Builtin::Parallelize},
    {"algorithm", "map", Builtin::SequentialMap},
    {"algorithm", "vectorize", Builtin::Vectorize},
    {"sys.ffi", "external_call", Builtin::ExternalCall},
    {"sys", "has_accelerator", Builtin::HasAccelerator},
    {"sys.info", "has_accelerator", Builtin::HasAccelerator},
    {"sys", "has_nvidia_gpu_accelerator", Builtin::HasAccelerator},
    {"sys.info", "has_nvidia_gpu_accelerator", Builtin::HasAccelerator},
    {"sys", "has_amd_gpu_accelerator", Builtin::HasOtherAccelerator},
    {"sys.info", "has_amd_gpu_accelerator", Builtin::HasOtherAccelerator},
    {"sys", "has_apple_gpu_accelerator", Builtin::HasOtherAccelerator},
    {"sys.info", "has_apple_gpu_accelerator", Builtin::HasOtherAccelerator},
    {"gpu", "thread_idx", Builtin::GPUThreadIdx},
    {"gpu", "block_idx", Builtin::GPUBlockIdx},
    {"gpu", "block_dim", Builtin::GPUBlockDim},
    {"gpu", "grid_dim", Builtin::GPUGridDim},
    {"gpu", "global_idx", Builtin::GPUGlobalIdx},
    {"gpu", "barrier", Builtin::GPUBarrier},
    {"gpu.id", "thread_idx", Builtin::GPUThreadIdx},
    {"gpu.id", "block_idx", Builtin::GPUBlockIdx},
    {"gpu.id", "block_dim", Builtin::GPUBlockDim},
    {"gpu.id", "grid_dim", Builtin::GPUGridDim},
    {"gpu.id", "global_idx", Builtin::GPUGlobalIdx},
    {"gpu.sync", "barrier", Builtin::GPUBarrier},
    {"gpu", "lane_id", Builtin::GPULaneId},
    {"gpu.id", "lane_id", Builtin::GPULaneId},
    {"memory", "stack_allocation", Builtin::StackAllocation},
    {"gpu.memory", "AddressSpace", Builtin::AddressSpace},
    {"memory", "AddressSpace", Builtin::AddressSpace}};

/// The value of a constant of the `math` module, if `member` is one.
static std::optional<double> getMathConstant(llvm::StringRef module,
                                             llvm::StringRef member) {
  if (module != "math")
    return std::nullopt;
  return llvm::StringSwitch<std::optional<double>>(member)
      .Case("pi", 3.141592653589793)
      .Case("e", 2.718281828459045)
      .Case("tau", 6.283185307179586)
      .Default(std::nullopt);
}

/// The packages whose modules make the prelude: their names need no
/// import, but may have one (`from collections import List`).
static bool isPreludePackage(llvm::StringRef name) {
  return name == "builtin" || name.starts_with("builtin.") ||
         name == "collections" || name.starts_with("collections.");
}

static Builtin lookupModuleMember(llvm::StringRef module,
                                  llvm::StringRef member, bool &moduleKnown) {
  moduleKnown = false;
  for (const auto &entry : moduleMembers) {
    if (module != entry.module)
      continue;
    moduleKnown = true;
    if (member == entry.member)
      return entry.builtin;
  }
  return Builtin::None;
}

static llvm::SmallVector<llvm::StringRef>
getModuleMembers(llvm::StringRef module) {
  llvm::SmallVector<llvm::StringRef> members;
  for (const auto &entry : moduleMembers)
    if (module == entry.module)
      members.push_back(entry.member);
  return members;
}

bool ember::isCompilerModule(llvm::StringRef name) {
  bool known = false;
  lookupModuleMember(name, "", known);
  return known || isPreludePackage(name);
}

void Sema::bindImports(Module &module, unsigned unit) {
  for (ImportDecl &imp : module.imports) {
    if (imp.unit != unit)
      continue;
    // Mojo 1.x spells the standard library's modules `std.math`, `std.sys`.
    if (llvm::StringRef(imp.module).starts_with("std."))
      imp.module = imp.module.substr(4);
    if (llvm::StringRef(imp.module).starts_with("max.gpu"))
      imp.module = imp.module.substr(4);
    if (imp.importsAll) {
      expandImportAll(module, imp);
      // Nothing to bind from a known module, such as a prelude package.
      if (imp.names.empty() && (imp.target >= 0 || isCompilerModule(imp.module)))
        continue;
    }
    if (imp.target >= 0 || isPreludePackage(imp.module)) {
      bindSourceImport(imp);
      continue;
    }
    bool moduleKnown = false;
    lookupModuleMember(imp.module, "", moduleKnown);
    if (imp.target == ImportDecl::kImportCycle) {
      poisonImportedNames(imp);
      continue;
    }
    if (!moduleKnown) {
      poisonImportedNames(imp);
      std::string file = imp.module;
      std::replace(file.begin(), file.end(), '.', '/');
      diags.report(imp.moduleRange, DiagID::err_unknown_module, imp.module,
                   file + ".mojo");
      continue;
    }
    if (imp.names.empty()) {
      bindModule(imp);
      continue;
    }
    for (ImportDecl::Name &name : imp.names) {
      llvm::StringRef boundName = name.asName.empty() ? name.name : name.asName;
      // A constant becomes an alias of its value.
      if (auto value = getMathConstant(imp.module, name.name)) {
        auto alias = std::make_unique<AliasDecl>(name.range);
        alias->name = boundName.str();
        alias->nameRange = name.range;
        alias->value = std::make_unique<FloatLiteralExpr>(name.range, *value);
        module.aliases.push_back(std::move(alias));
        continue;
      }
      // A builtin type needs no import, but may have one.
      if (name.name == "UnsafePointer" && boundName == name.name)
        continue;
      Builtin builtin = lookupModuleMember(imp.module, name.name, moduleKnown);
      if (builtin == Builtin::None) {
        reportUnknownMember(imp.module, name.name, name.range,
                            getModuleMembers(imp.module));
        continue;
      }
      Symbol symbol;
      symbol.kind = Symbol::Kind::Builtin;
      symbol.builtin = builtin;
      symbol.declRange = name.range;
      scope->replace(boundName, symbol);
    }
  }
}

/// `from m import *` imports the names of `m` that do not begin with `_`,
/// as if each were listed. The prelude's are everywhere already.
/// Whether `unit` declares `name` at module level itself.
static bool declaresName(const Module &module, unsigned unit,
                         llvm::StringRef name) {
  auto declares = [&](const auto &decls) {
    return llvm::any_of(decls, [&](const auto &decl) {
      return decl->unit == unit && decl->name == name;
    });
  };
  return declares(module.functions) || declares(module.structs) ||
         declares(module.traits) || declares(module.aliases);
}

/// `from m import *`: every public name of `m` but those the importing
/// unit declares itself, which are its own (as a later `def` is in Python;
/// a module's `main` is the usual one).
void Sema::expandImportAll(const Module &module, ImportDecl &imp) {
  llvm::SmallVector<llvm::StringRef> members = getModuleMembers(imp.module);
  if (imp.target >= 0)
    llvm::append_range(members, unitScope(imp.target).collectNamesHere());
  llvm::sort(members);
  members.erase(std::unique(members.begin(), members.end()), members.end());
  for (llvm::StringRef member : members)
    if (!member.starts_with("_") && !declaresName(module, imp.unit, member))
      imp.names.push_back({member.str(), "", imp.starRange});
}

/// `module` has no `name`; the closest of `members`, if any, is suggested.
void Sema::reportUnknownMember(llvm::StringRef module, llvm::StringRef name,
                               llvm::SMRange range,
                               llvm::ArrayRef<llvm::StringRef> members) {
  llvm::StringRef closest = DiagnosticEngine::findClosest(name, members);
  if (closest.empty())
    diags.report(range, DiagID::err_unknown_import, module, name);
  else
    diags.report(range, DiagID::err_unknown_import_suggest, module, name,
                 closest);
}

/// The names an import that failed would have bound, so that their uses
/// raise no further errors.
void Sema::poisonImportedNames(const ImportDecl &imp) {
  for (const ImportDecl::Name &name : imp.names) {
    Symbol poisoned;
    poisoned.declRange = name.range;
    scope->replace(name.asName.empty() ? name.name : name.asName, poisoned);
  }
}

/// `from m import a, b as c` of a module that is a source unit (or a
/// package of the prelude, whose names every unit sees already).
void Sema::bindSourceImport(ImportDecl &imp) {
  Scope &from = imp.target >= 0 ? unitScope(imp.target) : moduleScope;
  if (imp.names.empty()) {
    bindModule(imp);
    return;
  }
  for (ImportDecl::Name &name : imp.names) {
    const Symbol *symbol = from.lookupHere(name.name);
    bool known = false;
    Builtin builtin = lookupModuleMember(imp.module, name.name, known);
    if (!symbol && builtin != Builtin::None) {
      Symbol compilers;
      compilers.kind = Symbol::Kind::Builtin;
      compilers.builtin = builtin;
      compilers.declRange = name.range;
      scope->replace(name.asName.empty() ? name.name : name.asName, compilers);
      continue;
    }
    if (!symbol || symbol->kind == Symbol::Kind::Poisoned) {
      llvm::SmallVector<llvm::StringRef> members = from.collectNamesHere();
      llvm::append_range(members, getModuleMembers(imp.module));
      reportUnknownMember(imp.module, name.name, name.range, members);
      Symbol poisoned;
      poisoned.declRange = name.range;
      scope->replace(name.asName.empty() ? name.name : name.asName, poisoned);
      continue;
    }
    if (imp.target < 0)
      continue; // Visible everywhere already.
    llvm::StringRef boundName = name.asName.empty() ? name.name : name.asName;
    scope->replace(boundName, *symbol);
  }
}

/// `import a.b` binds `a`, through which `a.b.member` reaches the module;
/// `import a.b as c` binds `c` to the module itself.
void Sema::bindModule(const ImportDecl &imp) {
  std::string path = imp.asName.empty() ? imp.spelling : imp.asName;
  importedModules[std::to_string(imp.unit) + ":" + path] = &imp;
  Symbol symbol;
  symbol.kind = Symbol::Kind::Module;
  symbol.declRange = imp.moduleRange;
  symbol.modulePath = llvm::StringRef(path).split('.').first.str();
  scope->replace(symbol.modulePath, symbol);
}

unsigned Sema::getCurrentUnit() const {
  return currentFn ? currentFn->unit : currentUnit;
}

/// The module or package path `e` denotes (`std`, `std.time`), if any.
bool Sema::getModulePath(const Expr &e, std::string &path) {
  if (auto *name = dyn_cast<NameExpr>(&e)) {
    const Symbol *symbol = scope->lookup(name->name);
    if (!symbol || symbol->kind != Symbol::Kind::Module)
      return false;
    path = symbol->modulePath;
    return true;
  }
  auto *attr = dyn_cast<AttributeExpr>(&e);
  if (!attr || !getModulePath(*attr->base, path))
    return false;
  path += "." + attr->name;
  return true;
}

/// Replaces `m.member` (`e`, or within its base) with a name bound to what
/// the module `m` calls `member`; returns whether `e` was such an access.
bool Sema::rewriteModuleAccess(ExprPtr &e) {
  auto *attr = dyn_cast<AttributeExpr>(e.get());
  if (!attr)
    return false;
  rewriteModuleAccess(attr->base);
  std::string path;
  if (!getModulePath(*attr->base, path))
    return false;
  auto it = importedModules.find(std::to_string(getCurrentUnit()) + ":" + path);
  if (it == importedModules.end())
    return false; // A package: the path goes on.
  const ImportDecl &imp = *it->second;
  llvm::SMRange range = attr->getRange();
  if (auto value = getMathConstant(imp.module, attr->name)) {
    e = std::make_unique<FloatLiteralExpr>(range, *value);
    return true;
  }
  Symbol member;
  member.declRange = attr->nameRange;
  const Symbol *found =
      imp.target >= 0 ? unitScope(imp.target).lookupHere(attr->name) : nullptr;
  bool known = false;
  Builtin builtin = lookupModuleMember(imp.module, attr->name, known);
  if (found) {
    member = *found;
  } else if (builtin != Builtin::None) {
    member.kind = Symbol::Kind::Builtin;
    member.builtin = builtin;
  } else {
    llvm::SmallVector<llvm::StringRef> members = getModuleMembers(imp.module);
    if (imp.target >= 0)
      llvm::append_range(members, unitScope(imp.target).collectNamesHere());
    reportUnknownMember(imp.module, attr->name, attr->nameRange, members);
  }
  // Bound in the unit under a name no source can spell.
  std::string key = path + "." + attr->name;
  unitScope(getCurrentUnit()).replace(key, member);
  e = std::make_unique<NameExpr>(range, key);
  return true;
}
