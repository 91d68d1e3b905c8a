//===- ASTDumper.cpp - Print the Ember AST --------------------------------===//

#include "ember/AST/ASTDumper.h"

#include "llvm/ADT/StringExtras.h"

using namespace ember;
using llvm::cast;

namespace {

class ASTDumper {
public:
  ASTDumper(llvm::SourceMgr &sourceMgr, llvm::raw_ostream &os)
      : sourceMgr(sourceMgr), os(os) {}

  void dump(const Module &module);

private:
  /// Starts a node's line: indentation, the label and `line:col`.
  llvm::raw_ostream &line(llvm::StringRef label, llvm::SMLoc loc) {
    os.indent(depth * 2) << label;
    auto [l, c] = sourceMgr.getLineAndColumn(loc);
    return os << " <" << l << ":" << c << ">";
  }
  void child(const Expr *e) {
    ++depth;
    dumpExpr(e);
    --depth;
  }
  void block(llvm::StringRef label, const Block &stmts) {
    os.indent(depth * 2) << label << "\n";
    ++depth;
    for (const StmtPtr &s : stmts)
      dumpStmt(s.get());
    --depth;
  }

  void dumpFn(const FnDecl &fn);
  void dumpStruct(const StructDecl &decl);
  void dumpExpr(const Expr *e);
  void dumpStmt(const Stmt *s);

  llvm::SourceMgr &sourceMgr;
  llvm::raw_ostream &os;
  unsigned depth = 0;
};

} // namespace

void ASTDumper::dump(const Module &module) {
  os << "Module " << module.name << "\n";
  ++depth;
  for (const ImportDecl &imp : module.imports) {
    line("Import", imp.moduleRange.Start) << " " << imp.module;
    for (const ImportDecl::Name &n : imp.names)
      os << " " << n.name << (n.asName.empty() ? "" : " as " + n.asName);
    os << "\n";
  }
  for (const auto &alias : module.aliases)
    dumpStmt(alias.get());
  for (const auto &decl : module.structs)
    dumpStruct(*decl);
  for (const auto &fn : module.functions)
    dumpFn(*fn);
}

void ASTDumper::dumpStruct(const StructDecl &decl) {
  line("StructDecl", decl.nameRange.Start) << " " << decl.name
      << (decl.valueDecorator ? " @value" : decl.fieldwiseInit ? " @fieldwise_init" : "")
      << "\n";
  ++depth;
  for (const ExprPtr &trait : decl.traits) {
    os.indent(depth * 2) << "Conforms\n";
    child(trait.get());
  }
  for (const FieldDecl &field : decl.fields) {
    line("Field", field.nameRange.Start) << " " << field.name << "\n";
    child(field.typeExpr.get());
  }
  for (const auto &member : decl.members)
    dumpStmt(member.get());
  for (const auto &method : decl.methods)
    dumpFn(*method);
  --depth;
}

void ASTDumper::dumpFn(const FnDecl &fn) {
  line(fn.isDef ? "DefDecl" : "FnDecl", fn.nameRange.Start)
      << " " << fn.name << (fn.raises ? " raises" : "")
      << (fn.isStatic ? " static" : "") << "\n";
  ++depth;
  for (const Param &p : fn.params) {
    line("Param", p.nameRange.Start)
        << " " << p.name << " " << getSpelling(p.convention)
        << (p.originName.empty() ? "" : "[" + p.originName + "]")
        << (p.keywordOnly ? " keyword-only" : "")
        << (p.isVariadic ? " variadic" : "") << "\n";
    if (p.typeExpr)
      child(p.typeExpr.get());
    if (p.defaultValue)
      child(p.defaultValue.get());
  }
  if (fn.resultTypeExpr) {
    os.indent(depth * 2) << (fn.returnsRef ? "Result ref\n" : "Result\n");
    if (fn.resultOriginExpr)
      child(fn.resultOriginExpr.get());
    child(fn.resultTypeExpr.get());
  }
  if (fn.raisedTypeExpr) {
    os.indent(depth * 2) << "Raises\n";
    child(fn.raisedTypeExpr.get());
  }
  if (fn.hasCaptureList) {
    os.indent(depth * 2) << "Captures";
    for (const CaptureDecl &capture : fn.captures)
      os << " " << getSpelling(capture.convention)
         << (capture.name.empty() ? "" : " " + capture.name)
         << (capture.transfer ? "^" : "");
    os << "\n";
  }
  block("Body", fn.body);
  --depth;
}

void ASTDumper::dumpExpr(const Expr *e) {
  switch (e->getKind()) {
  case Expr::Kind::IntLiteral:
    line("IntLiteral", e->getLoc())
        << " " << llvm::toString(cast<IntLiteralExpr>(e)->value, 10, true)
        << "\n";
    return;
  case Expr::Kind::FloatLiteral:
    line("FloatLiteral", e->getLoc())
        << " " << cast<FloatLiteralExpr>(e)->value << "\n";
    return;
  case Expr::Kind::StringLiteral:
    line("StringLiteral", e->getLoc()) << " \"";
    os.write_escaped(cast<StringLiteralExpr>(e)->value) << "\"\n";
    return;
  case Expr::Kind::DTypeLiteral:
    // Made by Sema only; the AST library does not name types.
    line("DTypeLiteral", e->getLoc())
        << " " << cast<DTypeLiteralExpr>(e)->getCode() << "\n";
    return;
  case Expr::Kind::BoolLiteral:
    line("BoolLiteral", e->getLoc())
        << (cast<BoolLiteralExpr>(e)->value ? " True" : " False") << "\n";
    return;
  case Expr::Kind::NoneLiteral:
    line("NoneLiteral", e->getLoc()) << "\n";
    return;
  case Expr::Kind::Name:
    line("Name", e->getLoc()) << " " << cast<NameExpr>(e)->name << "\n";
    return;
  case Expr::Kind::Unary: {
    auto *u = cast<UnaryExpr>(e);
    line("Unary", e->getLoc()) << " " << getSpelling(u->op) << "\n";
    return child(u->operand.get());
  }
  case Expr::Kind::Binary: {
    auto *b = cast<BinaryExpr>(e);
    line("Binary", e->getLoc()) << " " << getSpelling(b->op) << "\n";
    child(b->lhs.get());
    return child(b->rhs.get());
  }
  case Expr::Kind::BoolOp: {
    auto *b = cast<BoolOpExpr>(e);
    line("BoolOp", e->getLoc()) << " " << getSpelling(b->op) << "\n";
    child(b->lhs.get());
    return child(b->rhs.get());
  }
  case Expr::Kind::Compare: {
    auto *c = cast<CompareExpr>(e);
    line("Compare", e->getLoc());
    for (CompareOperator op : c->ops)
      os << " " << getSpelling(op);
    os << "\n";
    for (const ExprPtr &operand : c->operands)
      child(operand.get());
    return;
  }
  case Expr::Kind::Call: {
    auto *c = cast<CallExpr>(e);
    line("Call", e->getLoc()) << "\n";
    child(c->callee.get());
    ++depth;
    for (const CallArgument &arg : c->args) {
      if (!arg.keyword.empty())
        line("Keyword", arg.keywordLoc) << " " << arg.keyword << "\n";
      child(arg.value.get());
    }
    --depth;
    return;
  }
  case Expr::Kind::Subscript: {
    auto *s = cast<SubscriptExpr>(e);
    line("Subscript", e->getLoc()) << "\n";
    child(s->base.get());
    for (const ExprPtr &index : s->indices)
      child(index.get());
    return;
  }
  case Expr::Kind::Attribute: {
    auto *a = cast<AttributeExpr>(e);
    line("Attribute", e->getLoc()) << " " << a->name << "\n";
    return child(a->base.get());
  }
  case Expr::Kind::Conditional: {
    auto *c = cast<ConditionalExpr>(e);
    line("Conditional", e->getLoc()) << "\n";
    child(c->cond.get());
    child(c->thenExpr.get());
    return child(c->elseExpr.get());
  }
  case Expr::Kind::Tuple:
    line("Tuple", e->getLoc()) << "\n";
    for (const ExprPtr &element : cast<TupleExpr>(e)->elements)
      child(element.get());
    return;
  case Expr::Kind::Dict: {
    auto *d = cast<DictExpr>(e);
    line("Dict", e->getLoc()) << "\n";
    for (size_t i = 0; i < d->keys.size(); ++i) {
      child(d->keys[i].get());
      child(d->values[i].get());
    }
    return;
  }
  case Expr::Kind::List:
    line(cast<ListExpr>(e)->isSet ? "Set" : "List", e->getLoc()) << "\n";
    for (const ExprPtr &element : cast<ListExpr>(e)->elements)
      child(element.get());
    return;
  case Expr::Kind::Cast:
    line("Cast", e->getLoc()) << "\n";
    return child(cast<CastExpr>(e)->operand.get());
  case Expr::Kind::KeywordArg: {
    auto *k = cast<KeywordArgExpr>(e);
    line("KeywordArg", e->getLoc()) << " " << k->name << "\n";
    return child(k->value.get());
  }
  case Expr::Kind::Transfer:
    line("Transfer", e->getLoc()) << "\n";
    return child(cast<TransferExpr>(e)->operand.get());
  case Expr::Kind::Discard:
    line("Discard", e->getLoc()) << "\n";
    return;
  case Expr::Kind::Error:
    line("ErrorExpr", e->getLoc()) << "\n";
    return;
  }
}

void ASTDumper::dumpStmt(const Stmt *s) {
  switch (s->getKind()) {
  case Stmt::Kind::Expr:
    line("ExprStmt", s->getLoc()) << "\n";
    return child(cast<ExprStmt>(s)->expr.get());
  case Stmt::Kind::Var: {
    auto *v = cast<VarStmt>(s);
    line(v->isRef ? "Ref" : "Var", s->getLoc()) << " " << v->name << "\n";
    if (v->typeExpr)
      child(v->typeExpr.get());
    if (v->init)
      child(v->init.get());
    return;
  }
  case Stmt::Kind::Assign: {
    auto *a = cast<AssignStmt>(s);
    line("Assign", s->getLoc()) << "\n";
    for (const ExprPtr &target : a->targets)
      child(target.get());
    return child(a->value.get());
  }
  case Stmt::Kind::AugAssign: {
    auto *a = cast<AugAssignStmt>(s);
    line("AugAssign", s->getLoc()) << " " << getSpelling(a->op) << "=\n";
    child(a->target.get());
    return child(a->value.get());
  }
  case Stmt::Kind::If: {
    auto *i = cast<IfStmt>(s);
    line("If", s->getLoc()) << "\n";
    ++depth;
    dumpExpr(i->cond.get());
    block("Then", i->thenBody);
    if (!i->elseBody.empty())
      block("Else", i->elseBody);
    --depth;
    return;
  }
  case Stmt::Kind::While: {
    auto *w = cast<WhileStmt>(s);
    line("While", s->getLoc()) << "\n";
    ++depth;
    dumpExpr(w->cond.get());
    block("Body", w->body);
    if (!w->elseBody.empty())
      block("Else", w->elseBody);
    --depth;
    return;
  }
  case Stmt::Kind::For: {
    auto *f = cast<ForStmt>(s);
    line("For", s->getLoc()) << (f->refTarget   ? " ref"
                                 : f->varTarget ? " var"
                                                : "")
                             << "\n";
    ++depth;
    dumpExpr(f->target.get());
    dumpExpr(f->iterable.get());
    block("Body", f->body);
    if (!f->elseBody.empty())
      block("Else", f->elseBody);
    --depth;
    return;
  }
  case Stmt::Kind::Break:
    line("Break", s->getLoc()) << "\n";
    return;
  case Stmt::Kind::Continue:
    line("Continue", s->getLoc()) << "\n";
    return;
  case Stmt::Kind::Pass:
    line("Pass", s->getLoc()) << "\n";
    return;
  case Stmt::Kind::Return: {
    line("Return", s->getLoc()) << "\n";
    if (const Expr *value = cast<ReturnStmt>(s)->value.get())
      child(value);
    return;
  }
  case Stmt::Kind::Raise:
    line("Raise", s->getLoc()) << "\n";
    if (const Expr *value = cast<RaiseStmt>(s)->value.get())
      child(value);
    return;
  case Stmt::Kind::Try: {
    auto *t = cast<TryStmt>(s);
    line("Try", s->getLoc()) << "\n";
    ++depth;
    block("Body", t->body);
    if (t->hasExcept)
      block(t->errorName.empty() ? "Except" : "Except " + t->errorName,
            t->handler);
    if (!t->elseBody.empty())
      block("Else", t->elseBody);
    if (t->hasFinally)
      block("Finally", t->finallyBody);
    --depth;
    return;
  }
  case Stmt::Kind::With: {
    auto *w = cast<WithStmt>(s);
    line("With", s->getLoc()) << "\n";
    ++depth;
    for (const WithItem &item : w->items) {
      dumpExpr(item.manager.get());
      if (item.target)
        dumpExpr(item.target.get());
    }
    block("Body", w->body);
    --depth;
    return;
  }
  case Stmt::Kind::Alias: {
    auto *a = cast<AliasDecl>(s);
    line("Alias", s->getLoc()) << " " << a->name << "\n";
    if (a->typeExpr)
      child(a->typeExpr.get());
    return child(a->value.get());
  }
  case Stmt::Kind::ComptimeAssert: {
    auto *a = cast<ComptimeAssertStmt>(s);
    line("ComptimeAssert", s->getLoc()) << "\n";
    child(a->cond.get());
    if (a->message)
      child(a->message.get());
    return;
  }
  case Stmt::Kind::Function:
    return dumpFn(*cast<FunctionStmt>(s)->fn);
  case Stmt::Kind::Error:
    line("ErrorStmt", s->getLoc()) << "\n";
    return;
  }
}

void ember::dumpAST(const Module &module, llvm::SourceMgr &sourceMgr,
                    llvm::raw_ostream &os) {
  ASTDumper(sourceMgr, os).dump(module);
}
