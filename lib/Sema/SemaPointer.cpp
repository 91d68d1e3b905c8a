//===- SemaPointer.cpp - Ember semantic analysis: UnsafePointer -----------===//
//
// `UnsafePointer[T]` is a builtin type: the library builds `String` and the
// collections on it. `alloc[T](n)` gives heap memory for `n` values; `p[i]`
// is the storage of one of them (an lvalue, like a variable); `p + n`
// moves the address; the methods initialize, take and destroy the values
// in place, as Mojo's do. A pointer is not checked: its user keeps it
// within the memory it was given, and initializes before reading.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

#include "llvm/ADT/StringSwitch.h"

using namespace ember;
using llvm::dyn_cast;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// `UnsafePointer[T]` or `UnsafePointer[T, origin]`, when `e` spells one and
/// no declaration takes the name.
const Type *Sema::resolvePointerType(const Expr *e) {
  auto *sub = dyn_cast<SubscriptExpr>(e);
  auto *name = sub ? dyn_cast<NameExpr>(sub->base.get()) : nullptr;
  if (!name || name->name != "UnsafePointer" || scope->lookup(name->name))
    return nullptr;
  // The origin says where the memory comes from; Ember does not track it.
  if (sub->indices.empty() || sub->indices.size() > 2) {
    diags.report(sub->getRange(), DiagID::err_pointer_parameters);
    return errorType();
  }
  const Type *pointee = resolveType(sub->indices[0].get());
  if (pointee->isError())
    return pointee;
  return PointerType::get(pointee);
}

/// `p[i]`: the storage of the value `i` places after the one `p` points to.
/// Current Mojo spells it `p[unsafe_offset=i]`.
const Type *Sema::checkPointerElement(SubscriptExpr &e,
                                      const PointerType *type) {
  // `p[]` is the value `p` points to, `p[0]`.
  if (e.indices.empty())
    e.indices.push_back(makeIntConstant(e.getRange(), 0));
  if (auto *keyword = dyn_cast<KeywordArgExpr>(e.indices.front().get());
      keyword && keyword->name == "unsafe_offset" && e.indices.size() == 1)
    e.indices.front() = std::move(keyword->value);
  if (e.indices.size() != 1) {
    diags.report(e.getRange(), DiagID::err_pointer_index);
    for (ExprPtr &index : e.indices)
      check(index);
    return errorType();
  }
  checkAs(e.indices[0], Type::get(Type::Kind::Int));
  return type->getPointee();
}

/// The method current Mojo's name for a pointer method stands for:
/// `p.unsafe_write(v)` is `p.init_pointee_move(v)`, and so on.
static llvm::StringRef getClassicPointerMethod(llvm::StringRef name) {
  return llvm::StringSwitch<llvm::StringRef>(name)
      .Case("unsafe_write", "init_pointee_move")
      .Case("unsafe_offset", "offset")
      .Case("unsafe_free", "free")
      .Case("unsafe_deinit_pointee", "destroy_pointee")
      .Case("unsafe_take_pointee", "take_pointee")
      .Case("unsafe_bitcast", "bitcast")
      .Default(name);
}

/// Checks that `call` has `count` positional arguments; reports otherwise.
bool Sema::checkArgumentCount(CallExpr &call, llvm::StringRef name,
                              size_t count) {
  bool ok = call.args.size() == count;
  for (CallArgument &arg : call.args)
    ok &= arg.keyword.empty();
  if (!ok) {
    diags.report(call.getRange(), DiagID::err_arg_count, name, count,
                 call.args.size());
    for (CallArgument &arg : call.args)
      check(arg.value);
  }
  return ok;
}

/// `alloc[T](count)`, and the older `UnsafePointer[T].alloc(count)`;
/// `alignment=` (a power of two known at compile time) aligns the memory
/// more than its values need, as vector code may want.
const Type *Sema::checkAlloc(CallExpr &call, const Type *pointee) {
  call.builtin = Builtin::Alloc;
  call.lanes.clear();
  if (call.args.size() == 2 && call.args[1].keyword == "alignment") {
    CallArgument alignment = std::move(call.args[1]);
    call.args.pop_back();
    checkAs(alignment.value, Type::get(Type::Kind::Int));
    std::optional<int64_t> value = evaluateConstant(*alignment.value);
    if (!value)
      diags.report(alignment.value->getRange(), DiagID::err_not_constant,
                   "alignment");
    else if (*value <= 0 || (*value & (*value - 1)) != 0)
      diags.report(alignment.value->getRange(), DiagID::err_alloc_alignment,
                   *value);
    else
      call.lanes.push_back(*value);
  }
  for (CallArgument &arg : call.args)
    if (!arg.keyword.empty()) {
      diags.report(llvm::SMRange(arg.keywordLoc, arg.keywordLoc),
                   DiagID::err_unknown_keyword, "alloc", arg.keyword);
      for (CallArgument &each : call.args)
        check(each.value);
      return errorType();
    }
  if (!checkArgumentCount(call, "alloc", 1))
    return errorType();
  checkAs(call.args[0].value, Type::get(Type::Kind::Int));
  call.resolvedArgs = {call.args[0].value.get()};
  return pointee->isError() ? pointee : PointerType::get(pointee);
}

/// `memcpy(dest=p, src=q, count=n)`: copies the bits of `n` values.
const Type *Sema::checkMemcpy(CallExpr &call) {
  static const char *names[] = {"dest", "src", "count"};
  Expr *args[3] = {nullptr, nullptr, nullptr};
  for (size_t i = 0; i < call.args.size(); ++i) {
    CallArgument &arg = call.args[i];
    int index = arg.keyword.empty() ? static_cast<int>(i) : -1;
    for (int k = 0; k < 3 && index < 0; ++k)
      if (arg.keyword == names[k])
        index = k;
    if (index < 0 || index > 2 || args[index]) {
      diags.report(arg.keyword.empty() ? call.getRange()
                                       : llvm::SMRange(arg.keywordLoc,
                                                       arg.keywordLoc),
                   DiagID::err_unknown_keyword, "memcpy", arg.keyword);
      check(arg.value);
      continue;
    }
    args[index] = arg.value.get();
    if (index == 2)
      checkAs(arg.value, Type::get(Type::Kind::Int));
    else
      checkValue(arg.value);
  }
  for (int k = 0; k < 3; ++k)
    if (!args[k]) {
      diags.report(call.getRange(), DiagID::err_missing_argument, "memcpy",
                   names[k]);
      return errorType();
    }
  if (args[0]->type->isError() || args[1]->type->isError())
    return errorType();
  if (!args[0]->type->isPointer() || args[0]->type != args[1]->type) {
    diags.report(call.getRange(), DiagID::err_memcpy_types,
                 args[0]->type->getName(), args[1]->type->getName());
    return errorType();
  }
  call.builtin = Builtin::Memcpy;
  call.resolvedArgs = {args[0], args[1], args[2]};
  return Type::get(Type::Kind::None);
}

/// The methods of a pointer value.
const Type *Sema::checkPointerMethod(CallExpr &call, AttributeExpr &callee,
                                     const PointerType *type,
                                     llvm::ArrayRef<ExprPtr> explicitArgs) {
  const Type *pointee = type->getPointee();
  const Type *intType = Type::get(Type::Kind::Int);
  llvm::StringRef name = getClassicPointerMethod(callee.name);
  call.resolvedArgs = {callee.base.get()};
  auto args = [&](size_t count) {
    if (!checkArgumentCount(call, name, count))
      return false;
    for (CallArgument &arg : call.args)
      call.resolvedArgs.push_back(arg.value.get());
    return true;
  };
  // `load` and `store` copy bits, which only a trivial value may be.
  auto needsTrivial = [&] {
    auto *structType = dyn_cast<StructType>(pointee);
    if (!structType || structType->getDecl().isTrivial())
      return true;
    diags.report(callee.nameRange, DiagID::err_pointer_not_trivial, name,
                 pointee->getName());
    return false;
  };
  if ((name == "load" || name == "store") && !explicitArgs.empty())
    return checkLaneAccess(call, callee, type, explicitArgs);
  if (name == "store" && !call.args.empty() && call.args.size() <= 2 &&
      !isLiteral(call.args.back().value.get()) &&
      checkValue(call.args.back().value)->isSIMD())
    return checkLaneAccess(call, callee, type, explicitArgs);
  if (!explicitArgs.empty() && name != "bitcast") {
    diags.report(callee.getRange(), DiagID::err_not_generic, name);
    return errorType();
  }
  if (name == "free" || name == "destroy_pointee" || name == "take_pointee") {
    if (!args(0))
      return errorType();
    call.builtin = name == "free"            ? Builtin::PtrFree
                   : name == "take_pointee" ? Builtin::PtrTake
                                             : Builtin::PtrDestroy;
    return name == "take_pointee" ? pointee : Type::get(Type::Kind::None);
  }
  if (name == "offset") {
    if (!args(1))
      return errorType();
    checkAs(call.args[0].value, intType);
    call.builtin = Builtin::PtrOffset;
    return type;
  }
  if (name == "load") {
    // `p.load()` and `p.load(i)`.
    if (call.args.size() > 1 ? !args(1) : !args(call.args.size()))
      return errorType();
    if (!call.args.empty())
      checkAs(call.args[0].value, intType);
    call.builtin = Builtin::PtrLoad;
    return needsTrivial() ? pointee : errorType();
  }
  if (name == "store") {
    // `p.store(v)` and `p.store(i, v)`.
    size_t count = call.args.size() >= 2 ? 2 : 1;
    if (!args(count))
      return errorType();
    if (count == 2)
      checkAs(call.args[0].value, intType);
    checkAs(call.args[count - 1].value, pointee);
    call.builtin = Builtin::PtrStore;
    return needsTrivial() ? Type::get(Type::Kind::None) : errorType();
  }
  // `init_pointee(copy=v)` and `init_pointee(move=v^)` (or `take=v^`) are
  // the current spellings.
  llvm::StringRef keyword =
      call.args.size() == 1 ? llvm::StringRef(call.args[0].keyword) : "";
  if (name == "init_pointee" &&
      (keyword == "copy" || keyword == "move" || keyword == "take")) {
    name = call.args[0].keyword == "copy" ? "init_pointee_copy"
                                          : "init_pointee_move";
    call.args[0].keyword.clear();
  }
  if (name == "init_pointee_move" || name == "init_pointee_copy") {
    if (!args(1))
      return errorType();
    if (name == "init_pointee_move") {
      checkOwnedValue(call.args[0].value, pointee);
    } else {
      checkAs(call.args[0].value, pointee);
      auto *structType = dyn_cast<StructType>(pointee);
      if (structType && !structType->getDecl().copyable &&
          !structType->getDecl().implicitlyCopyable)
        diags.report(call.args[0].value->getRange(), DiagID::err_not_copyable,
                     pointee->getName());
    }
    call.builtin = Builtin::PtrInit;
    call.resolvedArgs[1] = call.args[0].value.get();
    return Type::get(Type::Kind::None);
  }
  if (name == "bitcast") {
    if (explicitArgs.size() != 1) {
      diags.report(callee.getRange(), DiagID::err_bitcast_parameters);
      return errorType();
    }
    if (!args(0))
      return errorType();
    const Type *to = resolveType(explicitArgs[0].get());
    call.builtin = Builtin::PtrCast;
    return to->isError() ? to : PointerType::get(to);
  }
  diags.report(callee.nameRange, DiagID::err_no_attribute, type->getName(),
               name);
  for (CallArgument &arg : call.args)
    check(arg.value);
  return errorType();
}

/// The methods of a string literal that the library's `String` reads it
/// with: `unsafe_ptr()` and `byte_length()`.
const Type *Sema::checkStringLiteralMethod(CallExpr &call,
                                           AttributeExpr &callee) {
  call.resolvedArgs = {callee.base.get()};
  if (!checkArgumentCount(call, callee.name, 0))
    return errorType();
  bool data = callee.name == "unsafe_ptr";
  call.builtin = data ? Builtin::StrData : Builtin::StrLength;
  return data ? PointerType::get(Type::get(Type::Kind::UInt8))
              : Type::get(Type::Kind::Int);
}

/// `p.load[width=8](i)` and `p.store(i, v)` of a vector `v`: the values
/// from `p + i` on as the lanes of one vector. `alignment=` may be given;
/// the access assumes only the alignment of one value, which any pointer
/// to one has.
const Type *Sema::checkLaneAccess(CallExpr &call, AttributeExpr &callee,
                                  const PointerType *type,
                                  llvm::ArrayRef<ExprPtr> explicitArgs) {
  llvm::StringRef name = callee.name;
  const Type *pointee = type->getPointee();
  bool isLoad = name == "load";
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  std::optional<unsigned> width;
  for (const ExprPtr &arg : explicitArgs) {
    auto *keyword = dyn_cast<KeywordArgExpr>(arg.get());
    if (keyword && keyword->name == "alignment")
      continue;
    if (keyword && keyword->name != "width") {
      diags.report(keyword->getRange(), DiagID::err_unknown_keyword, name,
                   keyword->name);
      return fail();
    }
    ExprPtr value = cloneExpr(keyword ? *keyword->value : *arg);
    width = evaluateSIMDWidth(value);
    if (!width)
      return fail();
  }
  if (!pointee->isNumeric()) {
    diags.report(callee.nameRange, DiagID::err_lane_access_type, name,
                 pointee->getName());
    return fail();
  }
  size_t count = call.args.size();
  if (count > (isLoad ? 1u : 2u) || (!isLoad && count == 0)) {
    checkArgumentCount(call, name, isLoad ? 1 : 2);
    return errorType();
  }
  for (CallArgument &arg : call.args)
    if (!arg.keyword.empty()) {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, name,
                   arg.keyword);
      return fail();
    }
  call.resolvedArgs = {callee.base.get()};
  size_t offsets = isLoad ? count : count - 1;
  if (offsets == 1) {
    checkAs(call.args[0].value, Type::get(Type::Kind::Int));
    call.resolvedArgs.push_back(call.args[0].value.get());
  }
  if (isLoad) {
    const Type *result = SIMDType::get(pointee, width.value_or(1));
    call.builtin = result->isSIMD() ? Builtin::PtrLoadLanes : Builtin::PtrLoad;
    return result;
  }
  ExprPtr &value = call.args.back().value;
  const Type *stored =
      width ? SIMDType::get(pointee, *width) : checkValue(value);
  if (!stored->isError() && stored->getElementType() != pointee) {
    diags.report(value->getRange(), DiagID::err_type_mismatch,
                 stored->getName(), SIMDType::get(pointee, stored->getWidth())
                                        ->getName());
    return errorType();
  }
  checkAs(value, stored);
  call.resolvedArgs.push_back(value.get());
  call.builtin = stored->isSIMD() ? Builtin::PtrStoreLanes : Builtin::PtrStore;
  return Type::get(Type::Kind::None);
}
