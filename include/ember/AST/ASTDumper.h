//===- ASTDumper.h - Print the Ember AST ------------------------*- C++ -*-===//

#ifndef EMBER_AST_ASTDUMPER_H
#define EMBER_AST_ASTDUMPER_H

#include "ember/AST/AST.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace ember {

/// Prints `module` as an indented tree, one node a line with `line:col`.
void dumpAST(const Module &module, llvm::SourceMgr &sourceMgr,
             llvm::raw_ostream &os);

} // namespace ember

#endif
