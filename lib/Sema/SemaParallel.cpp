//===- SemaParallel.cpp - Ember semantic analysis: parallelize ------------===//
//
// `parallelize[work](count)` (module `algorithm`) calls `work(i)` for each
// `i` in `0..count`, on all threads, in no particular order; current Mojo
// also spells it `parallelize(work, count)`. `map[work](count)` calls
// `work(0)`, `work(1)`, ... in order, on this thread. `work` is a
// function of one `Int`, usually a closure over the caller's variables;
// Sema checks the call `work(i)` once, with `i` a hidden variable that
// IRGen binds to each item's index, so captures are passed as in any call.
// With a `DeviceContext` in place of the number of threads, the items run
// on its GPU (SemaGPU.cpp).
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// The arguments of `work` that each call passes, its captures aside.
static size_t countOwnParams(const FnDecl &work) {
  size_t own = 0;
  for (const Param &param : work.params)
    own += param.capturedFrom == nullptr;
  return own;
}

/// The one function `e` names, if it names exactly one.
static FnDecl *getNamedFunction(const Scope &scope, const NameExpr *e) {
  const Symbol *symbol = e ? scope.lookup(e->name) : nullptr;
  if (!symbol || symbol->kind != Symbol::Kind::Function ||
      symbol->functions.size() != 1)
    return nullptr;
  return symbol->functions.front();
}

const Type *Sema::checkParallelize(CallExpr &call, Builtin builtin) {
  bool parallel = builtin == Builtin::Parallelize;
  const char *name = parallel ? "parallelize" : "map";
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  // `parallelize[work](count)`, or `parallelize(work, count)`.
  auto *sub = dyn_cast<SubscriptExpr>(call.callee.get());
  ExprPtr workArg;
  if (!sub && !call.args.empty() && call.args.front().keyword.empty()) {
    workArg = std::move(call.args.front().value);
    call.args.erase(call.args.begin());
  }
  Expr *workExpr = workArg ? workArg.get()
                   : sub && sub->indices.size() == 1 ? sub->indices[0].get()
                                                     : nullptr;
  auto *workName = llvm::dyn_cast_or_null<NameExpr>(workExpr);
  FnDecl *found = getNamedFunction(*scope, workName);
  if (!found) {
    diags.report(workExpr ? workExpr->getRange() : call.getRange(),
                 DiagID::err_parallel_work, name);
    return fail();
  }
  FnDecl &work = *found;
  const Type *intType = Type::get(Type::Kind::Int);
  if (work.isGeneric || countOwnParams(work) != 1 ||
      work.params.front().type != intType ||
      (work.resultType && !work.resultType->isNone())) {
    diags.report(workName->getRange(), DiagID::err_parallel_signature,
                 work.name);
    diags.report(work.nameRange, DiagID::note_declared_here, work.name);
    return fail();
  }
  if (work.raisedType) {
    diags.report(workName->getRange(), DiagID::err_unsupported,
                 "a work function that raises");
    return fail();
  }
  if (call.args.empty() || call.args.size() > (parallel ? 2u : 1u)) {
    diags.report(call.getRange(), DiagID::err_arg_count, name,
                 parallel ? "1 or 2" : "1", call.args.size());
    return fail();
  }
  // The second argument is the number of threads, or the `DeviceContext`
  // of the GPU that runs the items.
  ExprPtr *gpu = nullptr;
  for (CallArgument &arg : call.args) {
    if (!arg.keyword.empty() && arg.keyword != "num_work_items" &&
        arg.keyword != "num_workers" && arg.keyword != "ctx") {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, name,
                   arg.keyword);
      return fail();
    }
    if (&arg != &call.args.front() && isDeviceContext(checkValue(arg.value))) {
      gpu = &arg.value;
      continue;
    }
    checkAs(arg.value, intType);
    call.resolvedArgs.push_back(arg.value.get());
  }
  // A variable every item changes is written by all threads at once.
  for (const Param &param : work.params)
    if (parallel && !gpu && param.capturedFrom && param.local &&
        param.local->isWritten &&
        (param.type->isScalar() || param.type->isSIMD())) {
      diags.report(workName->getRange(), DiagID::warn_parallel_race,
                   param.name);
      diags.report(param.local->declRange, DiagID::note_parallel_race);
    }

  // The call each item makes, `work(index)`.
  llvm::SMRange range = workName->getRange();
  auto index = std::make_unique<NameExpr>(range, "parallel.index");
  index->local = declareHiddenLocal("parallel.index", range, intType);
  index->type = intType;
  auto item = std::make_unique<CallExpr>(
      range, std::make_unique<NameExpr>(range, work.name));
  item->args.push_back({"", {}, std::move(index)});
  ExprPtr itemCall = std::move(item);
  if (check(itemCall)->isError())
    return errorType();
  call.parts.push_back(std::move(itemCall));
  call.builtin = builtin;
  if (gpu)
    return checkGPUParallelize(call, work, **gpu);
  return Type::get(Type::Kind::None);
}

/// `work[width](index)`: a call of an instance of `work`.
static ExprPtr makeItemCall(const FnDecl &work, int64_t width, Expr &index,
                            llvm::SMRange range) {
  auto callee = std::make_unique<SubscriptExpr>(
      range, std::make_unique<NameExpr>(range, work.name));
  callee->indices.push_back(Sema::makeIntConstant(range, width));
  auto call = std::make_unique<CallExpr>(range, std::move(callee));
  auto name = std::make_unique<NameExpr>(range, "vectorize.index");
  name->local = cast<NameExpr>(index).local;
  name->type = index.type;
  call->args.push_back({"", {}, std::move(name)});
  return call;
}

/// `vectorize[work, width](count)` (older Mojo) and `vectorize[width](count,
/// work)`: `work[width](i)` for `i` in `0, width, 2 * width, ...` while a
/// whole vector fits, then `work[1](i)` for the elements left; with
/// `unroll_factor=u`, `u` vectors per iteration of the loop.
const Type *Sema::checkVectorize(CallExpr &call) {
  auto &sub = *cast<SubscriptExpr>(call.callee.get());
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  // The work function first in brackets, or last in the arguments.
  std::vector<const Expr *> brackets;
  const Expr *unrollArg = nullptr;
  for (const ExprPtr &index : sub.indices) {
    auto *keyword = dyn_cast<KeywordArgExpr>(index.get());
    if (keyword && keyword->name == "unroll_factor")
      unrollArg = keyword->value.get();
    else
      brackets.push_back(keyword ? keyword->value.get() : index.get());
  }
  ExprPtr workArg;
  if (brackets.size() == 1 && call.args.size() == 2 &&
      call.args.back().keyword.empty()) {
    workArg = std::move(call.args.back().value);
    call.args.pop_back();
  }
  const Expr *workExpr = workArg ? workArg.get()
                         : brackets.size() == 2 ? brackets.front()
                                                : nullptr;
  const Expr *widthExpr = brackets.empty() ? nullptr : brackets.back();
  auto *workName = llvm::dyn_cast_or_null<NameExpr>(workExpr);
  FnDecl *found = getNamedFunction(*scope, workName);
  if (!found || !widthExpr || call.args.size() != 1 ||
      !call.args.front().keyword.empty()) {
    diags.report(call.getRange(), DiagID::err_vectorize_form);
    return fail();
  }
  FnDecl &work = *found;
  const Type *intType = Type::get(Type::Kind::Int);
  if (work.compileTimeParams.size() != 1 || countOwnParams(work) != 1) {
    diags.report(workName->getRange(), DiagID::err_vectorize_signature,
                 work.name);
    diags.report(work.nameRange, DiagID::note_declared_here, work.name);
    return fail();
  }
  ExprPtr width = cloneExpr(*widthExpr);
  std::optional<unsigned> lanes = evaluateSIMDWidth(width);
  std::optional<int64_t> unroll = 1;
  if (unrollArg) {
    ExprPtr factor = cloneExpr(*unrollArg);
    checkAs(factor, intType);
    unroll = evaluateConstant(*factor);
    if (!unroll || *unroll < 1) {
      diags.report(unrollArg->getRange(), DiagID::err_simd_not_constant,
                   "a positive unroll factor");
      return fail();
    }
  }
  if (!lanes)
    return fail();
  checkAs(call.args.front().value, intType);
  call.resolvedArgs = {call.args.front().value.get()};

  llvm::SMRange range = workName->getRange();
  NameExpr index(range, "vectorize.index");
  index.local = declareHiddenLocal("vectorize.index", range, intType);
  index.type = intType;
  for (int64_t itemWidth : {int64_t(*lanes), int64_t(1)}) {
    ExprPtr item = makeItemCall(work, itemWidth, index, range);
    const Type *type = check(item);
    if (type->isError())
      return errorType();
    auto *itemCall = dyn_cast<CallExpr>(item.get());
    if (!type->isNone() || !itemCall || !itemCall->function) {
      diags.report(workName->getRange(), DiagID::err_vectorize_signature,
                   work.name);
      return errorType();
    }
    call.parts.push_back(std::move(item));
  }
  call.builtin = Builtin::Vectorize;
  call.lanes = {int64_t(*lanes), *unroll};
  return Type::get(Type::Kind::None);
}
