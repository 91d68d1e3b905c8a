//===- ASTClone.cpp - Deep copies of unchecked syntax ---------------------===//

#include "ember/AST/ASTClone.h"

#include "llvm/Support/ErrorHandling.h"

using namespace ember;
using llvm::cast;

static ExprPtr cloneOrNull(const ExprPtr &e) {
  return e ? cloneExpr(*e) : nullptr;
}

static std::vector<ExprPtr> cloneAll(const std::vector<ExprPtr> &exprs) {
  std::vector<ExprPtr> copies;
  for (const ExprPtr &e : exprs)
    copies.push_back(cloneExpr(*e));
  return copies;
}

ExprPtr ember::cloneExpr(const Expr &e) {
  llvm::SMRange r = e.getRange();
  switch (e.getKind()) {
  case Expr::Kind::IntLiteral:
    return std::make_unique<IntLiteralExpr>(r, cast<IntLiteralExpr>(e).value);
  case Expr::Kind::FloatLiteral: {
    auto &literal = cast<FloatLiteralExpr>(e);
    return std::make_unique<FloatLiteralExpr>(r, literal.value, literal.exact);
  }
  case Expr::Kind::StringLiteral:
    return std::make_unique<StringLiteralExpr>(
        r, cast<StringLiteralExpr>(e).value);
  case Expr::Kind::BoolLiteral:
    return std::make_unique<BoolLiteralExpr>(r, cast<BoolLiteralExpr>(e).value);
  case Expr::Kind::DTypeLiteral:
    return std::make_unique<DTypeLiteralExpr>(r,
                                              cast<DTypeLiteralExpr>(e).scalar);
  case Expr::Kind::NoneLiteral:
    return std::make_unique<NoneLiteralExpr>(r);
  case Expr::Kind::Name:
    return std::make_unique<NameExpr>(r, cast<NameExpr>(e).name);
  case Expr::Kind::Unary: {
    auto &u = cast<UnaryExpr>(e);
    return std::make_unique<UnaryExpr>(r, u.op, cloneExpr(*u.operand));
  }
  case Expr::Kind::Binary: {
    auto &b = cast<BinaryExpr>(e);
    return std::make_unique<BinaryExpr>(r, b.op, b.opLoc, cloneExpr(*b.lhs),
                                        cloneExpr(*b.rhs));
  }
  case Expr::Kind::BoolOp: {
    auto &b = cast<BoolOpExpr>(e);
    return std::make_unique<BoolOpExpr>(r, b.op, cloneExpr(*b.lhs),
                                        cloneExpr(*b.rhs));
  }
  case Expr::Kind::Compare: {
    auto &c = cast<CompareExpr>(e);
    auto copy = std::make_unique<CompareExpr>(r);
    copy->operands = cloneAll(c.operands);
    copy->ops = c.ops;
    copy->opLocs = c.opLocs;
    return copy;
  }
  case Expr::Kind::Call: {
    auto &c = cast<CallExpr>(e);
    auto copy = std::make_unique<CallExpr>(r, cloneExpr(*c.callee));
    for (const CallArgument &arg : c.args)
      copy->args.push_back({arg.keyword, arg.keywordLoc, cloneExpr(*arg.value)});
    return copy;
  }
  case Expr::Kind::Subscript: {
    auto &s = cast<SubscriptExpr>(e);
    auto copy = std::make_unique<SubscriptExpr>(r, cloneExpr(*s.base));
    copy->indices = cloneAll(s.indices);
    return copy;
  }
  case Expr::Kind::Attribute: {
    auto &a = cast<AttributeExpr>(e);
    return std::make_unique<AttributeExpr>(r, cloneExpr(*a.base), a.name,
                                           a.nameRange);
  }
  case Expr::Kind::Conditional: {
    auto &c = cast<ConditionalExpr>(e);
    return std::make_unique<ConditionalExpr>(r, cloneExpr(*c.cond),
                                             cloneExpr(*c.thenExpr),
                                             cloneExpr(*c.elseExpr));
  }
  case Expr::Kind::Tuple: {
    auto copy = std::make_unique<TupleExpr>(r);
    copy->elements = cloneAll(cast<TupleExpr>(e).elements);
    return copy;
  }
  case Expr::Kind::Dict: {
    auto copy = std::make_unique<DictExpr>(r);
    copy->keys = cloneAll(cast<DictExpr>(e).keys);
    copy->values = cloneAll(cast<DictExpr>(e).values);
    return copy;
  }
  case Expr::Kind::List: {
    auto copy = std::make_unique<ListExpr>(r);
    copy->isSet = cast<ListExpr>(e).isSet;
    copy->elements = cloneAll(cast<ListExpr>(e).elements);
    return copy;
  }
  case Expr::Kind::Cast:
    // Sema's own node: the template has none.
    return cloneExpr(*cast<CastExpr>(e).operand);
  case Expr::Kind::Transfer:
    return std::make_unique<TransferExpr>(
        r, cloneExpr(*cast<TransferExpr>(e).operand));
  case Expr::Kind::KeywordArg: {
    auto &k = cast<KeywordArgExpr>(e);
    return std::make_unique<KeywordArgExpr>(r, k.name, cloneExpr(*k.value));
  }
  case Expr::Kind::Discard:
    return std::make_unique<DiscardExpr>(r);
  case Expr::Kind::Error:
    return std::make_unique<ErrorExpr>(r);
  }
  llvm_unreachable("unknown expression kind");
}

Block ember::cloneBlock(const Block &block) {
  Block copy;
  for (const StmtPtr &stmt : block)
    copy.push_back(cloneStmt(*stmt));
  return copy;
}

StmtPtr ember::cloneStmt(const Stmt &s) {
  llvm::SMRange r = s.getRange();
  switch (s.getKind()) {
  case Stmt::Kind::Expr:
    return std::make_unique<ExprStmt>(r, cloneExpr(*cast<ExprStmt>(s).expr));
  case Stmt::Kind::Var: {
    auto &v = cast<VarStmt>(s);
    auto copy = std::make_unique<VarStmt>(r);
    copy->name = v.name;
    copy->nameRange = v.nameRange;
    copy->typeExpr = cloneOrNull(v.typeExpr);
    copy->init = cloneOrNull(v.init);
    copy->isRef = v.isRef;
    return copy;
  }
  case Stmt::Kind::Assign: {
    auto &a = cast<AssignStmt>(s);
    auto copy = std::make_unique<AssignStmt>(r);
    copy->targets = cloneAll(a.targets);
    copy->value = cloneExpr(*a.value);
    copy->declares = a.declares;
    return copy;
  }
  case Stmt::Kind::AugAssign: {
    auto &a = cast<AugAssignStmt>(s);
    return std::make_unique<AugAssignStmt>(r, a.op, a.opLoc,
                                           cloneExpr(*a.target),
                                           cloneExpr(*a.value));
  }
  case Stmt::Kind::If: {
    auto &i = cast<IfStmt>(s);
    auto copy = std::make_unique<IfStmt>(r);
    copy->cond = cloneExpr(*i.cond);
    copy->thenBody = cloneBlock(i.thenBody);
    copy->elseBody = cloneBlock(i.elseBody);
    copy->isComptime = i.isComptime;
    return copy;
  }
  case Stmt::Kind::While: {
    auto &w = cast<WhileStmt>(s);
    auto copy = std::make_unique<WhileStmt>(r);
    copy->cond = cloneExpr(*w.cond);
    copy->body = cloneBlock(w.body);
    copy->elseBody = cloneBlock(w.elseBody);
    return copy;
  }
  case Stmt::Kind::For: {
    auto &f = cast<ForStmt>(s);
    auto copy = std::make_unique<ForStmt>(r);
    copy->target = cloneExpr(*f.target);
    copy->iterable = cloneExpr(*f.iterable);
    copy->refTarget = f.refTarget;
    copy->varTarget = f.varTarget;
    copy->isComptime = f.isComptime;
    copy->body = cloneBlock(f.body);
    copy->elseBody = cloneBlock(f.elseBody);
    return copy;
  }
  case Stmt::Kind::Break:
    return std::make_unique<BreakStmt>(r);
  case Stmt::Kind::Continue:
    return std::make_unique<ContinueStmt>(r);
  case Stmt::Kind::Pass:
    return std::make_unique<PassStmt>(r);
  case Stmt::Kind::Return:
    return std::make_unique<ReturnStmt>(
        r, cloneOrNull(cast<ReturnStmt>(s).value));
  case Stmt::Kind::Raise:
    return std::make_unique<RaiseStmt>(r,
                                       cloneOrNull(cast<RaiseStmt>(s).value));
  case Stmt::Kind::Try: {
    auto &t = cast<TryStmt>(s);
    auto copy = std::make_unique<TryStmt>(r);
    copy->body = cloneBlock(t.body);
    copy->hasExcept = t.hasExcept;
    copy->hasFinally = t.hasFinally;
    copy->errorName = t.errorName;
    copy->errorNameRange = t.errorNameRange;
    copy->handler = cloneBlock(t.handler);
    copy->elseBody = cloneBlock(t.elseBody);
    copy->finallyBody = cloneBlock(t.finallyBody);
    return copy;
  }
  case Stmt::Kind::With: {
    auto &w = cast<WithStmt>(s);
    auto copy = std::make_unique<WithStmt>(r);
    for (const WithItem &item : w.items) {
      WithItem &c = copy->items.emplace_back();
      c.manager = cloneExpr(*item.manager);
      c.target = cloneOrNull(item.target);
    }
    copy->body = cloneBlock(w.body);
    return copy;
  }
  case Stmt::Kind::Alias: {
    auto &a = cast<AliasDecl>(s);
    auto copy = std::make_unique<AliasDecl>(r);
    copy->name = a.name;
    copy->nameRange = a.nameRange;
    copy->compileTimeParams = cloneCompileTimeParams(a.compileTimeParams);
    copy->typeExpr = cloneOrNull(a.typeExpr);
    copy->value = cloneExpr(*a.value);
    return copy;
  }
  case Stmt::Kind::ComptimeAssert: {
    auto &a = cast<ComptimeAssertStmt>(s);
    auto copy = std::make_unique<ComptimeAssertStmt>(r);
    copy->cond = cloneExpr(*a.cond);
    copy->message = cloneOrNull(a.message);
    return copy;
  }
  case Stmt::Kind::Function: {
    const FnDecl &fn = *cast<FunctionStmt>(s).fn;
    std::unique_ptr<FnDecl> copy = cloneFunction(fn);
    copy->compileTimeParams = cloneCompileTimeParams(fn.compileTimeParams);
    return std::make_unique<FunctionStmt>(r, std::move(copy));
  }
  case Stmt::Kind::Error:
    return std::make_unique<ErrorStmt>(r);
  }
  llvm_unreachable("unknown statement kind");
}

std::vector<CompileTimeParam>
ember::cloneCompileTimeParams(llvm::ArrayRef<CompileTimeParam> params) {
  std::vector<CompileTimeParam> copies;
  for (const CompileTimeParam &param : params) {
    CompileTimeParam &copy = copies.emplace_back();
    copy.name = param.name;
    copy.nameRange = param.nameRange;
    copy.typeExpr = cloneExpr(*param.typeExpr);
    copy.defaultValue = cloneOrNull(param.defaultValue);
    copy.inferOnly = param.inferOnly;
    copy.isVariadic = param.isVariadic;
    copy.keywordOnly = param.keywordOnly;
  }
  return copies;
}

std::unique_ptr<FnDecl> ember::cloneFunction(const FnDecl &fn) {
  auto copy = std::make_unique<FnDecl>();
  copy->unit = fn.unit;
  copy->isDef = fn.isDef;
  copy->isLibrary = fn.isLibrary;
  copy->raises = fn.raises;
  copy->raisedTypeExpr = cloneOrNull(fn.raisedTypeExpr);
  copy->constraint = cloneOrNull(fn.constraint);
  copy->isStatic = fn.isStatic;
  copy->isImplicit = fn.isImplicit;
  copy->parent = fn.parent;
  copy->name = fn.name;
  copy->nameRange = fn.nameRange;
  copy->range = fn.range;
  for (const Param &param : fn.params) {
    Param p;
    p.name = param.name;
    p.nameRange = param.nameRange;
    p.convention = param.convention;
    p.keywordOnly = param.keywordOnly;
    p.isVariadic = param.isVariadic;
    p.isPack = param.isPack;
    p.typeExpr = cloneOrNull(param.typeExpr);
    p.defaultValue = cloneOrNull(param.defaultValue);
    p.originName = param.originName;
    copy->params.push_back(std::move(p));
  }
  copy->resultTypeExpr = cloneOrNull(fn.resultTypeExpr);
  copy->returnsRef = fn.returnsRef;
  copy->isNested = fn.isNested;
  copy->hasCaptureList = fn.hasCaptureList;
  copy->captures = fn.captures;
  copy->resultOriginExpr = cloneOrNull(fn.resultOriginExpr);
  copy->body = cloneBlock(fn.body);
  return copy;
}

std::unique_ptr<StructDecl> ember::cloneStruct(const StructDecl &decl) {
  auto copy = std::make_unique<StructDecl>();
  copy->unit = decl.unit;
  copy->name = decl.name;
  copy->nameRange = decl.nameRange;
  copy->range = decl.range;
  for (const ExprPtr &trait : decl.traits)
    copy->traits.push_back(cloneExpr(*trait));
  for (const ExprPtr &condition : decl.traitConditions)
    copy->traitConditions.push_back(cloneOrNull(condition));
  for (const FieldDecl &field : decl.fields) {
    FieldDecl f;
    f.name = field.name;
    f.nameRange = field.nameRange;
    f.typeExpr = cloneExpr(*field.typeExpr);
    copy->fields.push_back(std::move(f));
  }
  for (const auto &method : decl.methods) {
    std::unique_ptr<FnDecl> m = cloneFunction(*method);
    m->parent = copy.get();
    m->compileTimeParams = cloneCompileTimeParams(method->compileTimeParams);
    copy->methods.push_back(std::move(m));
  }
  for (const auto &member : decl.members)
    copy->members.push_back(std::unique_ptr<AliasDecl>(
        llvm::cast<AliasDecl>(cloneStmt(*member).release())));
  copy->fieldwiseInit = decl.fieldwiseInit;
  copy->isLibrary = decl.isLibrary;
  copy->valueDecorator = decl.valueDecorator;
  copy->decoratorRange = decl.decoratorRange;
  return copy;
}
