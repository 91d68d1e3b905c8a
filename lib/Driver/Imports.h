//===- Imports.h - The modules a program imports ----------------*- C++ -*-===//

#ifndef EMBER_LIB_DRIVER_IMPORTS_H
#define EMBER_LIB_DRIVER_IMPORTS_H

#include "ember/AST/AST.h"
#include "ember/Basic/Diagnostic.h"

namespace ember {

/// Parses every module that `program` imports, directly or not, into a
/// source unit of its own, and orders the units (Module::unitOrder).
void loadImports(Module &program, DiagnosticEngine &diags);

} // namespace ember

#endif
