//===- Parser.cpp - Ember parser: tokens, errors, the entry point ---------===//

#include "ParserImpl.h"

using namespace ember;
using namespace ember::parser;

std::string Parser::describe(const Token &t) const {
  switch (t.kind) {
  case TokenKind::eof:
  case TokenKind::newline:
  case TokenKind::indent:
  case TokenKind::dedent:
    return getTokenSpelling(t.kind);
  case TokenKind::identifier:
    return ("identifier `" + t.text + "`").str();
  case TokenKind::int_literal:
  case TokenKind::float_literal:
  case TokenKind::string_literal:
    return getTokenSpelling(t.kind);
  default:
    return ("`" + t.text + "`").str();
  }
}

bool Parser::expect(TokenKind kind, StringRef what) {
  if (consumeIf(kind))
    return true;
  std::string expected =
      what.empty() ? ("`" + StringRef(getTokenSpelling(kind)) + "`").str()
                   : what.str();
  if (kind == TokenKind::newline || kind == TokenKind::indent)
    expected = what.empty() ? getTokenSpelling(kind) : what.str();
  diags.report(tok().getRange(), DiagID::err_expected, expected,
               describe(tok()));
  return false;
}

bool Parser::checkChain(unsigned length) {
  if (length < kMaxChain)
    return true;
  if (!nestingReported)
    diags.report(tok().getLoc(), DiagID::err_nesting_too_deep);
  nestingReported = true;
  return false;
}

bool Parser::checkNesting(NestingGuard &guard) {
  if (!guard.tooDeep())
    return true;
  if (!nestingReported)
    diags.report(tok().getLoc(), DiagID::err_nesting_too_deep);
  nestingReported = true;
  return false;
}

/// Skips to the start of the next statement, past a nested block if the
/// broken statement opened one.
void Parser::skipToNextStatement() {
  while (!is(TokenKind::eof) && !is(TokenKind::newline))
    consume();
  consumeIf(TokenKind::newline);
  if (is(TokenKind::indent))
    skipBlock();
}

void Parser::skipBlock() {
  int depth = 0;
  do {
    if (is(TokenKind::indent))
      ++depth;
    else if (is(TokenKind::dedent))
      --depth;
    consume();
  } while (depth > 0 && !is(TokenKind::eof));
}


std::unique_ptr<Module> ember::parseModule(StringRef name,
                                           const std::vector<Token> &tokens,
                                           DiagnosticEngine &diags) {
  return parser::Parser(tokens, diags).parseModule(name);
}
