//===- IRGen.h - Ember AST to the ember dialect -----------------*- C++ -*-===//

#ifndef EMBER_IRGEN_IRGEN_H
#define EMBER_IRGEN_IRGEN_H

#include "ember/AST/AST.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

namespace ember {

/// Emits the checked `module` as `ember` dialect IR with a FileLineColLoc on
/// every op. The module also gets the C entry point `main`, which calls the
/// program's `main`.
mlir::OwningOpRef<mlir::ModuleOp> emitModule(const Module &module,
                                             mlir::MLIRContext &context,
                                             llvm::SourceMgr &sourceMgr);

/// The symbol name of a user function, `ember.<module>.<name>`.
std::string getFunctionSymbol(llvm::StringRef unitName, llvm::StringRef name);

} // namespace ember

#endif
