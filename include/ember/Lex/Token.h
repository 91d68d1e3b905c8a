//===- Token.h - A token of Ember source ------------------------*- C++ -*-===//

#ifndef EMBER_LEX_TOKEN_H
#define EMBER_LEX_TOKEN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <string>

namespace ember {

enum class TokenKind {
#define TOK(ID, SPELLING) ID,
#include "ember/Lex/TokenKinds.def"
};

/// The name of a token kind (`identifier`, `kw_fn`, `l_paren`, ...).
const char *getTokenName(TokenKind kind);
/// How a token kind reads in a diagnostic (`identifier`, `fn`, `(`).
const char *getTokenSpelling(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::eof;
  /// The exact source text of the token (empty for INDENT/DEDENT/EOF).
  llvm::StringRef text;
  /// The decoded value of a string literal.
  std::string stringValue;

  bool is(TokenKind k) const { return kind == k; }
  bool isNot(TokenKind k) const { return kind != k; }
  llvm::SMLoc getLoc() const { return llvm::SMLoc::getFromPointer(text.data()); }
  llvm::SMLoc getEndLoc() const {
    return llvm::SMLoc::getFromPointer(text.data() + text.size());
  }
  llvm::SMRange getRange() const { return {getLoc(), getEndLoc()}; }
};

} // namespace ember

#endif
