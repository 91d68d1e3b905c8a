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
void addPrelude(Module &module, DiagnosticEngine &diags);

} // namespace ember

#endif
