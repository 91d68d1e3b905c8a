//===- Parser.h - Ember parser ----------------------------------*- C++ -*-===//
//
// Builds the AST of a source file from its tokens. The parser does no name
// lookup; after a syntax error it resynchronizes at the next statement.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_PARSE_PARSER_H
#define EMBER_PARSE_PARSER_H

#include "ember/AST/AST.h"
#include "ember/Basic/Diagnostic.h"
#include "ember/Lex/Token.h"

#include <vector>

namespace ember {

/// Parses a whole module named `name` from `tokens` (ending with EOF).
std::unique_ptr<Module> parseModule(llvm::StringRef name,
                                    const std::vector<Token> &tokens,
                                    DiagnosticEngine &diags);

} // namespace ember

#endif
