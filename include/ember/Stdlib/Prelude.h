//===- Prelude.h - The standard library every program sees ------*- C++ -*-===//

#ifndef EMBER_STDLIB_PRELUDE_H
#define EMBER_STDLIB_PRELUDE_H

#include "ember/AST/AST.h"
#include "ember/Basic/Diagnostic.h"

namespace ember {

/// Parses the standard library's prelude (`stdlib/`, carried inside the
/// compiler) and puts its declarations ahead of `module`'s own, marked as
/// library code. Its sources join the engine's source manager under the
/// names `<stdlib>/...`, so that diagnostics can show them.
/// Adds the library's prelude to `module`, as a unit of its own.
void addPrelude(Module &module, DiagnosticEngine &diags);

/// The library module `name` (`time`, `testing`, ...) parsed, or null if
/// the library has none.
std::unique_ptr<Module> parseLibraryModule(llvm::StringRef name,
                                           DiagnosticEngine &diags);

} // namespace ember

#endif
