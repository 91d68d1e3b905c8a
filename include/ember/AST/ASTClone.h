//===- ASTClone.h - Deep copies of unchecked syntax -------------*- C++ -*-===//
//
// Copies of syntax as the parser builds it, without Sema's results: the
// templates from which trait default methods and generic instances are
// made, each then checked on its own.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_AST_ASTCLONE_H
#define EMBER_AST_ASTCLONE_H

#include "ember/AST/AST.h"
#include "llvm/ADT/ArrayRef.h"

namespace ember {

ExprPtr cloneExpr(const Expr &e);
StmtPtr cloneStmt(const Stmt &s);
Block cloneBlock(const Block &block);
std::unique_ptr<FnDecl> cloneFunction(const FnDecl &fn);
std::vector<CompileTimeParam>
cloneCompileTimeParams(llvm::ArrayRef<CompileTimeParam> params);
/// A struct without its compile-time parameters, for an instance.
std::unique_ptr<StructDecl> cloneStruct(const StructDecl &decl);

} // namespace ember

#endif
