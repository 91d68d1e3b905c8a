//===- SemaContainer.cpp - List literals and loops over containers --------===//
//
// `[a, b, c]` is a `List` of the library, made with room for its elements
// and appended to. `for x in container` counts from 0 to
// `container.__len__()` and reads `container.__getitem__(i)`, so it works
// for `List` and any struct with those methods.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::dyn_cast;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// The instance of `templ` for the type parameters `types`, made as
/// `templ[types...]` would make it.
StructDecl *Sema::instantiateWithTypes(StructDecl &templ,
                                       llvm::ArrayRef<const Type *> types,
                                       llvm::SMLoc loc) {
  if (types.size() != templ.compileTimeParams.size())
    return nullptr;
  std::vector<CompileTimeBinding> bindings;
  std::string key = "[";
  for (auto [param, type] : llvm::zip(templ.compileTimeParams, types)) {
    if (!checkTraitBound(type, *param.typeExpr, loc, param.name))
      return nullptr;
    CompileTimeBinding &binding = bindings.emplace_back();
    binding.name = param.name;
    binding.range = param.nameRange;
    binding.type = type;
    key += type->getName().str() + ", ";
  }
  key.resize(key.size() - 2);
  key += "]";
  return getStructInstance(templ, key, bindings, loc);
}

/// The type parameter `T` of `decl`, if it is an instance of `templ`.
const Type *Sema::getElementType(const StructDecl &decl,
                                 const StructDecl &templ) {
  for (const auto &[key, instance] : templ.instances)
    if (instance.get() == &decl)
      if (const Symbol *symbol = lookupStructMember(
              *instance, templ.compileTimeParams.front().name);
          symbol && symbol->kind == Symbol::Kind::Type)
        return symbol->type;
  return nullptr;
}

/// The library's template `name` (`List`, `Dict`, `Set`), or null.
StructDecl *Sema::getLibraryTemplate(llvm::StringRef name) {
  const Symbol *symbol = moduleScope.lookupHere(name);
  auto *type = symbol && symbol->kind == Symbol::Kind::Type
                   ? dyn_cast<StructType>(symbol->type)
                   : nullptr;
  return type && type->getDecl().isTemplate() ? &type->getDecl() : nullptr;
}

/// The type of the elements a literal of the collection `templ` holds,
/// judged by the first one: a literal number is an `Int` or a `Float64`, a
/// string literal a `String`, as in Mojo.
const Type *Sema::getLiteralElementType(ExprPtr &first) {
  const Type *element = isLiteral(first.get())
                            ? Type::get(containsFloatLiteral(first.get())
                                            ? Type::Kind::Float64
                                            : Type::Kind::Int)
                            : checkValue(first);
  return getMaterializedType(element);
}

const Type *Sema::getMaterializedType(const Type *type) {
  if (type->isString())
    if (const Symbol *string = moduleScope.lookupHere("String");
        string && string->kind == Symbol::Kind::Type)
      return string->type;
  return type;
}

const Type *Sema::materialize(ExprPtr &value, const Type *type) {
  const Type *materialized = getMaterializedType(type);
  if (materialized != type)
    checkAs(value, materialized);
  return materialized;
}

/// The method `name` of `decl` that takes `count` arguments after `self`.
static FnDecl *findMethod(const StructDecl &decl, llvm::StringRef name,
                          size_t count) {
  for (FnDecl *method : decl.findMethods(name))
    if (method->params.size() == count + 1)
      return method;
  return nullptr;
}

const Type *Sema::checkList(ListExpr &list, const Type *expected) {
  auto fail = [&] {
    for (ExprPtr &element : list.elements)
      check(element);
    return errorType();
  };
  llvm::StringRef kind = list.isSet ? "a set literal" : "a list literal";
  StructDecl *templ = getLibraryTemplate(list.isSet ? "Set" : "List");
  if (!templ) {
    diags.report(list.getRange(), DiagID::err_unsupported, kind);
    return fail();
  }
  // The elements' type: the one the context expects, else the first's.
  const Type *element = list.elementType;
  if (auto *want = llvm::dyn_cast_or_null<StructType>(expected))
    element = getElementType(want->getDecl(), *templ);
  if (!element) {
    if (list.elements.empty()) {
      diags.report(list.getRange(), DiagID::err_empty_list_type);
      return errorType();
    }
    element = getLiteralElementType(list.elements.front());
  }
  if (element->isError())
    return fail();
  StructDecl *instance = instantiateWithTypes(*templ, element, list.getLoc());
  if (!instance)
    return fail();
  for (ExprPtr &value : list.elements)
    checkOwnedValue(value, element);
  // A list makes room for its elements first.
  for (FnDecl *init : instance->findMethods("__init__"))
    if (list.isSet ? init->params.size() == 1
                   : init->params.size() == 2 &&
                         init->params[1].name == "capacity")
      list.init = init;
  list.append = findMethod(*instance, list.isSet ? "add" : "append", 1);
  if (!list.init || !list.append) {
    diags.report(list.getRange(), DiagID::err_unsupported, kind);
    return errorType();
  }
  requestBody(*list.init, list.getLoc());
  requestBody(*list.append, list.getLoc());
  return instance->type.get();
}

/// `{k: v, ...}`: a `Dict` of the types the context expects, else of the
/// first key's and value's.
const Type *Sema::checkDict(DictExpr &dict, const Type *expected) {
  auto fail = [&] {
    for (size_t i = 0; i < dict.keys.size(); ++i) {
      check(dict.keys[i]);
      check(dict.values[i]);
    }
    return errorType();
  };
  StructDecl *templ = getLibraryTemplate("Dict");
  if (!templ || templ->compileTimeParams.size() != 2) {
    diags.report(dict.getRange(), DiagID::err_unsupported, "a dict literal");
    return fail();
  }
  const Type *key = nullptr, *value = nullptr;
  auto *want = llvm::dyn_cast_or_null<StructType>(expected);
  if (want && llvm::any_of(templ->instances, [&](const auto &instance) {
        return instance.second.get() == &want->getDecl();
      })) {
    auto param = [&](unsigned i) -> const Type * {
      const Symbol *symbol = lookupStructMember(
          want->getDecl(), templ->compileTimeParams[i].name);
      return symbol && symbol->kind == Symbol::Kind::Type ? symbol->type
                                                          : nullptr;
    };
    key = param(0);
    value = param(1);
  }
  if (!key || !value) {
    if (dict.keys.empty()) {
      diags.report(dict.getRange(), DiagID::err_empty_dict_type);
      return errorType();
    }
    key = getLiteralElementType(dict.keys.front());
    value = getLiteralElementType(dict.values.front());
  }
  if (key->isError() || value->isError())
    return fail();
  StructDecl *instance =
      instantiateWithTypes(*templ, {key, value}, dict.getLoc());
  if (!instance)
    return fail();
  for (size_t i = 0; i < dict.keys.size(); ++i) {
    checkOwnedValue(dict.keys[i], key);
    checkOwnedValue(dict.values[i], value);
  }
  dict.init = findMethod(*instance, "__init__", 0);
  dict.insert = findMethod(*instance, "__setitem__", 2);
  if (!dict.init || !dict.insert) {
    diags.report(dict.getRange(), DiagID::err_unsupported, "a dict literal");
    return errorType();
  }
  requestBody(*dict.init, dict.getLoc());
  requestBody(*dict.insert, dict.getLoc());
  return instance->type.get();
}

/// `for x in container` of a struct with `__len__` and `__getitem__`;
/// returns the type of `x`, or null when `container` is none.
const Type *Sema::checkContainerLoop(ForStmt &loop) {
  const Type *type = checkValue(loop.iterable);
  auto *structType = dyn_cast<StructType>(type);
  // A struct with `__iter__` (a `Dict`, a `Set`) is run over through what
  // that gives: a list of its elements as they were when the loop began.
  if (structType && !structType->getDecl().findMethods("__iter__").empty()) {
    llvm::SMRange range = loop.iterable->getRange();
    loop.iterable = makeMethodCall(std::move(loop.iterable), "__iter__", {},
                                   range, range.Start);
    type = checkValue(loop.iterable);
    structType = dyn_cast<StructType>(type);
  }
  if (!structType || structType->getDecl().findMethods("__len__").empty() ||
      structType->getDecl().findMethods("__getitem__").empty()) {
    if (!type->isError())
      diags.report(loop.iterable->getRange(), DiagID::err_for_iterable);
    return nullptr;
  }
  llvm::SMRange range = loop.iterable->getRange();
  // A variable is read in place; another value is kept first.
  auto container = [&]() -> ExprPtr {
    if (isLValue(loop.iterable.get()))
      return cloneExpr(*loop.iterable);
    auto name = std::make_unique<NameExpr>(range, "for.container");
    name->local = loop.container;
    name->type = type;
    return name;
  };
  if (!isLValue(loop.iterable.get()))
    loop.container = declareHiddenLocal("for.container", range, type);
  const Type *intType = Type::get(Type::Kind::Int);
  loop.counter = declareHiddenLocal("for.counter", range, intType);
  loop.length = makeMethodCall(container(), "__len__", {}, range, range.Start);
  std::vector<ExprPtr> index;
  auto counter = std::make_unique<NameExpr>(range, "for.counter");
  counter->local = loop.counter;
  counter->type = intType;
  index.push_back(std::move(counter));
  loop.item = makeMethodCall(container(), "__getitem__", std::move(index),
                             range, range.Start);
  if (checkValue(loop.length) != intType && !loop.length->type->isError())
    diags.report(range, DiagID::err_type_mismatch,
                 loop.length->type->getName(), "Int");
  return checkValue(loop.item);
}
