//===- Lexer.h - Ember lexer ------------------------------------*- C++ -*-===//
//
// Turns a source buffer into tokens, with Python's layout rules: NEWLINE at
// the end of each logical line, INDENT/DEDENT when the indentation changes,
// and implicit line joining inside brackets and after `\`.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_LEX_LEXER_H
#define EMBER_LEX_LEXER_H

#include "ember/Basic/Diagnostic.h"
#include "ember/Lex/Token.h"

#include <vector>

namespace ember {

/// Lexes the whole main buffer of `diags`' source manager.
std::vector<Token> lexBuffer(llvm::StringRef buffer, DiagnosticEngine &diags);

/// Prints one token a line: kind, spelling and `line:col`.
void dumpTokens(const std::vector<Token> &tokens, llvm::SourceMgr &sourceMgr,
                llvm::raw_ostream &os);

} // namespace ember

#endif
