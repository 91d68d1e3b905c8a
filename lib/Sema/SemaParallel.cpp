//===- SemaParallel.cpp - Ember semantic analysis: parallelize ------------===//
//
// `parallelize[work](count)` (module `algorithm`) calls `work(i)` for each
// `i` in `0..count`, on all threads, in no particular order; current Mojo
// also spells it `parallelize(work, count)`. `map[work](count)` calls
// `work(0)`, `work(1)`, ... in order, on this thread. `work` is a
// function of one `Int`, usually a closure over the caller's variables;
// Sema checks the call `work(i)` once, with `i` a hidden variable that
// IRGen binds to each item's index, so captures are passed as in any call.
//
//===----------------------------------------------------------------------===//

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
  const Symbol *symbol = workName ? scope->lookup(workName->name) : nullptr;
  if (!symbol || symbol->kind != Symbol::Kind::Function ||
      symbol->functions.size() != 1) {
    diags.report(workExpr ? workExpr->getRange() : call.getRange(),
                 DiagID::err_parallel_work, name);
    return fail();
  }
  FnDecl &work = *symbol->functions.front();
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
  for (CallArgument &arg : call.args) {
    if (!arg.keyword.empty() && arg.keyword != "num_work_items" &&
        arg.keyword != "num_workers") {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, name,
                   arg.keyword);
      return fail();
    }
    checkAs(arg.value, intType);
    call.resolvedArgs.push_back(arg.value.get());
  }
  // A variable every item changes is written by all threads at once.
  for (const Param &param : work.params)
    if (parallel && param.capturedFrom && param.local &&
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
  return Type::get(Type::Kind::None);
}
