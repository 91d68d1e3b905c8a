//===- SemaTuple.cpp - Tuples: types, values, elements and unpacking ------===//
//
// A tuple type `Tuple[A, B]` (also written `(A, B)`) is a struct Sema makes
// once per list of element types, with the elements as fields `_0`, `_1`,
// ...: it is (implicitly) copyable when every element is, and is destroyed,
// copied and moved element by element like any struct. `(a, b)` and
// `return a, b` make one, `t[0]` is an element (a constant index), and
// `a, b = t`, `var a, b = t` and `for a, b in pairs` unpack one. A tuple
// writes itself as Python shows it, `(1, 'a')`, with its elements' `repr`.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

#include "ember/AST/ASTClone.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

const StructDecl *Sema::getTupleDecl(const Type *type) {
  auto *structType = llvm::dyn_cast_or_null<StructType>(type);
  return structType && structType->getDecl().isTuple ? &structType->getDecl()
                                                     : nullptr;
}

StructDecl *Sema::getTupleDecl(llvm::ArrayRef<const Type *> elements,
                               llvm::SMRange at) {
  std::string name = "Tuple[";
  for (auto [i, element] : llvm::enumerate(elements))
    name += (i ? ", " : "") + element->getName().str();
  name += "]";
  for (const auto &decl : module->tuples)
    if (decl->name == name)
      return decl.get();
  auto decl = std::make_unique<StructDecl>();
  decl->name = name;
  decl->nameRange = decl->range = at;
  decl->isLibrary = decl->isTuple = true;
  // It has no name of its own to declare.
  decl->outerScope = &moduleScope;
  decl->copyable = decl->implicitlyCopyable = true;
  for (auto [i, element] : llvm::enumerate(elements)) {
    FieldDecl field;
    field.name = "_" + std::to_string(i);
    field.nameRange = at;
    field.type = element;
    decl->fields.push_back(std::move(field));
    if (auto *structType = dyn_cast<StructType>(element)) {
      decl->copyable &= structType->getDecl().copyable;
      decl->implicitlyCopyable &= structType->getDecl().implicitlyCopyable;
    }
  }
  decl->fieldsResolved = true;
  decl->methods.push_back(makeTupleWriteTo(*decl));
  decl->traits.push_back(std::make_unique<NameExpr>(at, "Writable"));
  declareStruct(*decl);
  checkConformances(*decl);
  declareMethods(*decl);
  StructDecl *made = decl.get();
  module->tuples.push_back(std::move(decl));
  return made;
}

/// `write_to` writing `(a, b)`, or `(a,)` for one element, with the
/// elements' `repr`. It is generic, so only a tuple that is written needs
/// elements that are `Representable`.
std::unique_ptr<FnDecl> Sema::makeTupleWriteTo(StructDecl &decl) {
  llvm::SMRange at = decl.nameRange;
  std::vector<ExprPtr> parts;
  parts.push_back(std::make_unique<StringLiteralExpr>(at, "("));
  for (auto [i, field] : llvm::enumerate(decl.fields)) {
    if (i)
      parts.push_back(std::make_unique<StringLiteralExpr>(at, ", "));
    auto repr = std::make_unique<CallExpr>(
        at, std::make_unique<NameExpr>(at, "repr"));
    repr->args.push_back({"", {}, makeFieldAccess(field, at)});
    parts.push_back(std::move(repr));
  }
  parts.push_back(std::make_unique<StringLiteralExpr>(
      at, decl.fields.size() == 1 ? ",)" : ")"));
  return makeWriteTo(decl, std::move(parts));
}

const Type *Sema::resolveTupleType(const Expr *typeExpr) {
  llvm::ArrayRef<ExprPtr> elements;
  if (auto *tuple = dyn_cast<TupleExpr>(typeExpr)) {
    elements = tuple->elements;
  } else if (auto *sub = dyn_cast<SubscriptExpr>(typeExpr)) {
    auto *name = dyn_cast<NameExpr>(sub->base.get());
    if (!name || name->name != "Tuple" || scope->lookup("Tuple"))
      return nullptr;
    elements = sub->indices;
  } else {
    return nullptr;
  }
  if (elements.empty()) {
    diags.report(typeExpr->getRange(), DiagID::err_unsupported,
                 "the empty tuple type");
    return errorType();
  }
  std::vector<const Type *> types;
  for (const ExprPtr &element : elements) {
    types.push_back(resolveType(element.get()));
    if (types.back()->isError() || types.back()->isNone())
      return errorType();
  }
  return getTupleDecl(types, typeExpr->getRange())->type.get();
}

const Type *Sema::checkTuple(TupleExpr &tuple, const Type *expected) {
  if (tuple.elements.empty()) {
    diags.report(tuple.getRange(), DiagID::err_unsupported, "the empty tuple");
    return errorType();
  }
  // The elements take the types the context expects, if it is a tuple of
  // as many.
  const StructDecl *want = getTupleDecl(expected);
  if (want && want->fields.size() != tuple.elements.size())
    want = nullptr;
  std::vector<const Type *> types;
  bool failed = false;
  for (auto [i, element] : llvm::enumerate(tuple.elements)) {
    if (want) {
      checkOwnedValue(element, want->fields[i].type);
      types.push_back(want->fields[i].type);
    } else {
      types.push_back(checkValue(element));
      if (!types.back()->isError())
        checkCopy(*element);
    }
    failed |= types.back()->isError();
  }
  if (failed)
    return errorType();
  return want ? expected : getTupleDecl(types, tuple.getRange())->type.get();
}

/// `Tuple[A, B](a, b)`: the tuple value `(a, b)` of that type.
const Type *Sema::checkTupleConstruction(ExprPtr &e, const Type *type) {
  auto &call = *cast<CallExpr>(e.get());
  auto tuple = std::make_unique<TupleExpr>(call.getRange());
  for (CallArgument &arg : call.args) {
    if (!arg.keyword.empty()) {
      diags.report(arg.keywordLoc, DiagID::err_tuple_keyword, arg.keyword);
      return errorType();
    }
    tuple->elements.push_back(std::move(arg.value));
  }
  if (tuple->elements.size() != getTupleDecl(type)->fields.size()) {
    diags.report(call.getRange(), DiagID::err_tuple_elements, type->getName(),
                 getTupleDecl(type)->fields.size(), tuple->elements.size());
    return errorType();
  }
  e = std::move(tuple);
  checkAs(e, type);
  return e->type;
}

const Type *Sema::checkTupleElement(ExprPtr &e, const StructDecl &decl) {
  auto *sub = cast<SubscriptExpr>(e.get());
  std::optional<int64_t> index;
  if (sub->indices.size() == 1) {
    checkValue(sub->indices[0]);
    index = evaluateConstant(*sub->indices[0]);
  }
  int64_t size = decl.fields.size();
  if (!index || *index < -size || *index >= size) {
    diags.report(sub->getRange(), DiagID::err_tuple_index, decl.name, size);
    return errorType();
  }
  // `t[-1]` is the last element, as in Python.
  int64_t field = *index < 0 ? *index + size : *index;
  llvm::SMRange range = sub->getRange();
  e = std::make_unique<AttributeExpr>(range, std::move(sub->base),
                                      "_" + std::to_string(field), range);
  return check(e);
}

/// `a, b = pair`: `pair` is kept in a hidden variable that owns its
/// elements one by one, and each target takes one, moved out.
bool Sema::checkUnpacking(AssignStmt &assign) {
  auto &targets = cast<TupleExpr>(*assign.targets.front());
  const Type *type = checkValue(assign.value);
  if (type->isError())
    return false;
  const StructDecl *decl = getTupleDecl(type);
  if (!decl || decl->fields.size() != targets.elements.size()) {
    diags.report(assign.value->getRange(), DiagID::err_unpack_arity,
                 targets.elements.size(), type->getName());
    return false;
  }
  checkCopy(*assign.value);
  llvm::SMRange range = assign.value->getRange();
  assign.unpackedLocal = declareHiddenLocal("tuple", range, type);
  // Its fields move out one by one, as those of a `deinit` argument.
  assign.unpackedLocal->isDeinit = true;
  auto values = std::make_unique<TupleExpr>(range);
  for (const FieldDecl &field : decl->fields)
    values->elements.push_back(std::make_unique<TransferExpr>(
        range, std::make_unique<AttributeExpr>(
                   range, makeLocalRef(assign.unpackedLocal, range),
                   field.name, range)));
  assign.unpacked = std::move(assign.value);
  assign.value = std::move(values);
  return true;
}

/// `for a, b in pairs`: the names refer to the elements of each item.
void Sema::bindLoopElements(ForStmt &loop, TupleExpr &targets,
                            const Type *item) {
  const StructDecl *decl = getTupleDecl(item);
  if (!decl || decl->fields.size() != targets.elements.size()) {
    if (!item->isError())
      diags.report(targets.getRange(), DiagID::err_unpack_arity,
                   targets.elements.size(), item->getName());
    item = errorType();
  }
  loop.local = declareHiddenLocal("for.item", targets.getRange(), item);
  if (!item->isError())
    bindLoopReference(loop);
  for (auto [i, target] : llvm::enumerate(targets.elements)) {
    auto *name = dyn_cast<NameExpr>(target.get());
    if (!name) {
      if (!isa<DiscardExpr>(target.get()))
        diags.report(target->getRange(), DiagID::err_for_target);
      loop.unpacked.push_back(nullptr);
      continue;
    }
    const Type *type = decl ? decl->fields[i].type : errorType();
    LocalVar *local = declareLocal(name->name, name->getRange(), type, *scope);
    name->local = local;
    name->type = type;
    loop.unpacked.push_back(local);
    if (!local)
      continue;
    // An element of the item, as mutable as the item.
    local->isRef = true;
    local->ownsValue = false;
    local->isMutable = loop.local->isMutable;
    local->refersTo = loop.local->isRef ? loop.local->refersTo : loop.local;
  }
}
