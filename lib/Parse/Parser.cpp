//===- Parser.cpp - Ember parser ------------------------------------------===//

#include "ember/Parse/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <cstdlib>
#include <optional>

using namespace ember;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

namespace {

/// Deeper nesting than this is rejected instead of overflowing the stack.
constexpr unsigned kMaxNesting = 200;
/// The longest chain of left-associative operators (`a + b + ...`), whose
/// tree is as deep as the chain is long.
constexpr unsigned kMaxChain = 5000;

/// Thrown-free error propagation: parse functions return null after they
/// reported an error, and the statement parser resynchronizes.
class Parser {
public:
  Parser(const std::vector<Token> &tokens, DiagnosticEngine &diags)
      : tokens(tokens), diags(diags) {}

  std::unique_ptr<Module> parseModule(StringRef name);

private:
  //===--- Token helpers ---------------------------------------------------===//
  const Token &tok() const { return tokens[pos]; }
  const Token &peek(unsigned n = 1) const {
    return tokens[std::min<size_t>(pos + n, tokens.size() - 1)];
  }
  bool is(TokenKind kind) const { return tok().is(kind); }
  const Token &consume() {
    const Token &t = tokens[pos];
    if (pos + 1 < tokens.size())
      ++pos;
    return t;
  }
  bool consumeIf(TokenKind kind) {
    if (!is(kind))
      return false;
    consume();
    return true;
  }
  SMLoc prevEnd() const {
    return pos ? tokens[pos - 1].getEndLoc() : tok().getLoc();
  }
  SMRange rangeFrom(SMLoc start) const { return {start, prevEnd()}; }
  std::string describe(const Token &t) const;
  bool expect(TokenKind kind, StringRef what = {});
  void skipToNextStatement();
  void skipBlock();

  //===--- Declarations ----------------------------------------------------===//
  void parseTopLevel(Module &module);
  std::unique_ptr<FnDecl> parseFunction();
  bool parseParams(FnDecl &fn);
  std::unique_ptr<AliasDecl> parseAlias();
  std::optional<ImportDecl> parseImport();
  std::string parseDottedName(SMRange &range);
  void unsupportedDecl(StringRef what);
  bool parseDecorators();
  void suggestKeyword(const Token &first);

  //===--- Statements ------------------------------------------------------===//
  bool parseBlock(Block &block, StringRef after);
  void parseStatement(Block &block);
  void parseSimpleStatements(Block &block);
  StmtPtr parseSimpleStatement();
  StmtPtr parseIf(SMLoc start);
  StmtPtr parseWhile();
  StmtPtr parseFor();
  StmtPtr parseVar();
  StmtPtr parseVarRest(SMLoc start, StringRef name, SMRange nameRange);
  StmtPtr parseExprStatement();
  bool parseElse(Block &elseBody);
  bool checkAssignTarget(const Expr *target);

  //===--- Expressions -----------------------------------------------------===//
  ExprPtr parseExprList();
  ExprPtr parseExpr();
  ExprPtr parseOr();
  ExprPtr parseAnd();
  ExprPtr parseNot();
  ExprPtr parseComparison();
  ExprPtr parseBinary(unsigned level);
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parsePostfix();
  ExprPtr parseAtom();
  ExprPtr parseCallArgs(ExprPtr callee);
  ExprPtr parseSubscript(ExprPtr base);
  ExprPtr parseIntLiteral();
  ExprPtr parseFloatLiteral();

  /// Guards recursion depth.
  struct NestingGuard {
    Parser &p;
    explicit NestingGuard(Parser &p) : p(p) { ++p.nesting; }
    ~NestingGuard() { --p.nesting; }
    bool tooDeep() const { return p.nesting > kMaxNesting; }
  };
  bool checkNesting(NestingGuard &guard);
  bool checkChain(unsigned length);

  const std::vector<Token> &tokens;
  DiagnosticEngine &diags;
  size_t pos = 0;
  unsigned nesting = 0;
  bool nestingReported = false;
};

} // namespace

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

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

std::unique_ptr<Module> Parser::parseModule(StringRef name) {
  auto module = std::make_unique<Module>();
  module->name = name.str();
  while (!is(TokenKind::eof)) {
    if (consumeIf(TokenKind::newline))
      continue;
    if (is(TokenKind::indent)) {
      diags.report(tok().getLoc(), DiagID::err_unexpected_indent);
      skipBlock();
      continue;
    }
    if (is(TokenKind::dedent)) {
      consume();
      continue;
    }
    parseTopLevel(*module);
  }
  return module;
}

void Parser::unsupportedDecl(StringRef what) {
  diags.report(tok().getRange(), DiagID::err_unsupported, what);
  skipToNextStatement();
}

/// Parses `@name` or `@name(...)` lines. Inlining hints are accepted and
/// left to LLVM's judgement; other decorators are not supported yet.
bool Parser::parseDecorators() {
  while (consumeIf(TokenKind::at)) {
    if (!is(TokenKind::identifier)) {
      expect(TokenKind::identifier, "a decorator name");
      return false;
    }
    const Token &name = consume();
    if (name.text != "always_inline" && name.text != "no_inline") {
      diags.report(name.getRange(), DiagID::err_unsupported,
                   ("the decorator `@" + name.text + "`").str());
      return false;
    }
    if (consumeIf(TokenKind::l_paren))
      while (!is(TokenKind::eof) && !consumeIf(TokenKind::r_paren))
        consume();
    if (!expect(TokenKind::newline))
      return false;
  }
  return true;
}

void Parser::parseTopLevel(Module &module) {
  if (is(TokenKind::at)) {
    if (!parseDecorators()) {
      // Skip the rest of the decorators and the item they decorate.
      skipToNextStatement();
      while (is(TokenKind::at))
        skipToNextStatement();
      skipToNextStatement();
      return;
    }
    if (!is(TokenKind::kw_fn) && !is(TokenKind::kw_def)) {
      expect(TokenKind::kw_fn, "`fn` or `def` after a decorator");
      skipToNextStatement();
      return;
    }
  }
  switch (tok().kind) {
  case TokenKind::kw_fn:
  case TokenKind::kw_def:
    if (auto fn = parseFunction())
      module.functions.push_back(std::move(fn));
    return;
  case TokenKind::kw_alias:
  case TokenKind::kw_comptime:
    if (auto alias = parseAlias())
      module.aliases.push_back(std::move(alias));
    else
      skipToNextStatement();
    return;
  case TokenKind::kw_import:
  case TokenKind::kw_from:
    if (auto imp = parseImport())
      module.imports.push_back(std::move(*imp));
    else
      skipToNextStatement();
    return;
  case TokenKind::kw_struct:
    return unsupportedDecl("`struct`");
  case TokenKind::kw_trait:
    return unsupportedDecl("`trait`");
  case TokenKind::kw_class:
    return unsupportedDecl("`class`");
  case TokenKind::kw_var:
    return unsupportedDecl("a global variable");
  default:
    diags.report(tok().getRange(), DiagID::err_expected_decl, describe(tok()));
    suggestKeyword(tok());
    skipToNextStatement();
  }
}

std::unique_ptr<FnDecl> Parser::parseFunction() {
  auto fn = std::make_unique<FnDecl>();
  SMLoc start = tok().getLoc();
  fn->isDef = consume().is(TokenKind::kw_def);
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a function name");
    skipToNextStatement();
    return nullptr;
  }
  fn->name = tok().text.str();
  fn->nameRange = consume().getRange();
  if (is(TokenKind::l_square)) {
    unsupportedDecl("a compile-time parameter list");
    return nullptr;
  }
  if (!expect(TokenKind::l_paren) || !parseParams(*fn)) {
    skipToNextStatement();
    return nullptr;
  }
  fn->raises = consumeIf(TokenKind::kw_raises);
  if (consumeIf(TokenKind::arrow)) {
    fn->resultTypeExpr = parseExpr();
    if (!fn->resultTypeExpr) {
      skipToNextStatement();
      return nullptr;
    }
  }
  fn->range = rangeFrom(start);
  if (!expect(TokenKind::colon)) {
    skipToNextStatement();
    return nullptr;
  }
  parseBlock(fn->body, "the function signature");
  return fn;
}

/// Parses `params ')'` after the `(`.
bool Parser::parseParams(FnDecl &fn) {
  while (!consumeIf(TokenKind::r_paren)) {
    Param param;
    // An argument convention is a word followed by the argument name.
    if ((is(TokenKind::identifier) || is(TokenKind::kw_var)) &&
        peek().is(TokenKind::identifier)) {
      std::optional<ArgConvention> convention =
          llvm::StringSwitch<std::optional<ArgConvention>>(tok().text)
              .Cases({"read", "borrowed", "imm"}, ArgConvention::Read)
              .Cases({"mut", "inout"}, ArgConvention::Mut)
              .Cases({"owned", "var"}, ArgConvention::Owned)
              .Case("out", ArgConvention::Out)
              .Case("ref", ArgConvention::Ref)
              .Default(std::nullopt);
      if (convention) {
        param.convention = *convention;
        consume();
      }
    }
    if (is(TokenKind::star) || is(TokenKind::slash)) {
      diags.report(tok().getRange(), DiagID::err_unsupported,
                   "a `*` or `/` argument marker");
      return false;
    }
    if (!is(TokenKind::identifier))
      return expect(TokenKind::identifier, "an argument name");
    param.name = tok().text.str();
    param.nameRange = consume().getRange();
    if (consumeIf(TokenKind::colon) && !(param.typeExpr = parseExpr()))
      return false;
    if (consumeIf(TokenKind::equal) && !(param.defaultValue = parseExpr()))
      return false;
    fn.params.push_back(std::move(param));
    if (!is(TokenKind::r_paren) && !expect(TokenKind::comma, "`,` or `)`"))
      return false;
  }
  return true;
}

std::unique_ptr<AliasDecl> Parser::parseAlias() {
  SMLoc start = consume().getLoc();
  auto alias = std::make_unique<AliasDecl>(SMRange(start, start));
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a name");
    return nullptr;
  }
  alias->name = tok().text.str();
  alias->nameRange = consume().getRange();
  if (consumeIf(TokenKind::colon) && !(alias->typeExpr = parseExpr()))
    return nullptr;
  if (!expect(TokenKind::equal) || !(alias->value = parseExpr()))
    return nullptr;
  alias->setRange(rangeFrom(start));
  if (!is(TokenKind::eof) && !expect(TokenKind::newline))
    return nullptr;
  return alias;
}

std::string Parser::parseDottedName(SMRange &range) {
  SMLoc start = tok().getLoc();
  std::string name;
  // `from .module import x`: relative imports keep their dots.
  while (is(TokenKind::period))
    name += consume().text.str();
  do {
    if (!is(TokenKind::identifier)) {
      expect(TokenKind::identifier, "a module name");
      return {};
    }
    name += consume().text.str();
  } while (consumeIf(TokenKind::period) && (name += ".", true));
  range = rangeFrom(start);
  return name;
}

std::optional<ImportDecl> Parser::parseImport() {
  ImportDecl imp;
  bool isFrom = consume().is(TokenKind::kw_from);
  imp.module = parseDottedName(imp.moduleRange);
  if (imp.module.empty())
    return std::nullopt;
  if (isFrom) {
    if (!expect(TokenKind::kw_import))
      return std::nullopt;
    bool parens = consumeIf(TokenKind::l_paren);
    do {
      if (parens && is(TokenKind::r_paren))
        break;
      ImportDecl::Name name;
      if (!is(TokenKind::identifier)) {
        expect(TokenKind::identifier, "a name to import");
        return std::nullopt;
      }
      name.name = tok().text.str();
      name.range = consume().getRange();
      if (consumeIf(TokenKind::kw_as)) {
        if (!is(TokenKind::identifier)) {
          expect(TokenKind::identifier, "a name");
          return std::nullopt;
        }
        name.asName = consume().text.str();
      }
      imp.names.push_back(std::move(name));
    } while (consumeIf(TokenKind::comma));
    if (parens && !expect(TokenKind::r_paren))
      return std::nullopt;
  } else if (consumeIf(TokenKind::kw_as)) {
    diags.report(tok().getRange(), DiagID::err_unsupported, "`import ... as`");
    return std::nullopt;
  }
  if (!is(TokenKind::eof) && !expect(TokenKind::newline))
    return std::nullopt;
  return imp;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// Parses the block after a `:`: an indented suite or statements on the
/// same line.
bool Parser::parseBlock(Block &block, StringRef after) {
  NestingGuard guard(*this);
  if (!checkNesting(guard)) {
    skipToNextStatement();
    return false;
  }
  if (!consumeIf(TokenKind::newline)) {
    parseSimpleStatements(block);
    return true;
  }
  if (!is(TokenKind::indent)) {
    diags.report(tok().getLoc(), DiagID::err_expected_indented_block, after);
    return false;
  }
  consume();
  while (!is(TokenKind::dedent) && !is(TokenKind::eof))
    parseStatement(block);
  consumeIf(TokenKind::dedent);
  return true;
}

void Parser::parseStatement(Block &block) {
  SMLoc start = tok().getLoc();
  // A broken compound statement header skips its block too.
  auto compound = [&](StmtPtr stmt) {
    if (stmt)
      return block.push_back(std::move(stmt));
    block.push_back(std::make_unique<ErrorStmt>(SMRange(start, start)));
    skipToNextStatement();
  };
  switch (tok().kind) {
  case TokenKind::kw_if:
    consume();
    return compound(parseIf(start));
  case TokenKind::kw_while:
    return compound(parseWhile());
  case TokenKind::kw_for:
    return compound(parseFor());
  case TokenKind::kw_fn:
  case TokenKind::kw_def:
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "a nested function");
    break;
  case TokenKind::kw_try:
    diags.report(tok().getRange(), DiagID::err_unsupported, "`try`");
    break;
  case TokenKind::kw_with:
    diags.report(tok().getRange(), DiagID::err_unsupported, "`with`");
    break;
  case TokenKind::kw_struct:
  case TokenKind::kw_class:
  case TokenKind::kw_trait:
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "a nested type declaration");
    break;
  case TokenKind::at:
    diags.report(tok().getRange(), DiagID::err_unsupported, "a decorator");
    break;
  case TokenKind::indent:
    diags.report(tok().getLoc(), DiagID::err_unexpected_indent);
    skipBlock();
    return;
  default:
    return parseSimpleStatements(block);
  }
  block.push_back(std::make_unique<ErrorStmt>(tok().getRange()));
  skipToNextStatement();
}

/// After a syntax error in a statement that starts with `first`: if
/// `first` is a misspelled keyword, say which.
void Parser::suggestKeyword(const Token &first) {
  if (first.isNot(TokenKind::identifier))
    return;
  static const llvm::StringRef keywords[] = {
      "return", "while",  "for",    "if",     "elif",  "else",
      "break",  "continue", "pass", "var",    "alias", "def",
      "fn",     "import", "from",   "raise",  "struct", "comptime"};
  llvm::StringRef closest =
      DiagnosticEngine::findClosest(first.text, keywords);
  if (!closest.empty())
    diags.report(first.getRange(), DiagID::note_did_you_mean_keyword, closest);
}

void Parser::parseSimpleStatements(Block &block) {
  do {
    if (is(TokenKind::newline) || is(TokenKind::eof))
      break;
    const Token &first = tok();
    StmtPtr stmt = parseSimpleStatement();
    if (!stmt) {
      suggestKeyword(first);
      block.push_back(std::make_unique<ErrorStmt>(tok().getRange()));
      skipToNextStatement();
      return;
    }
    // A statement followed by junk is broken as a whole.
    if (!is(TokenKind::eof) && !is(TokenKind::newline) &&
        !is(TokenKind::semi)) {
      expect(TokenKind::newline, "a newline");
      suggestKeyword(first);
      // A broken `var` still declares its name, with an erroneous type, so
      // that its uses raise no further errors.
      if (auto *var = llvm::dyn_cast<VarStmt>(stmt.get())) {
        var->typeExpr = std::make_unique<ErrorExpr>(tok().getRange());
        var->init.reset();
        block.push_back(std::move(stmt));
      } else {
        block.push_back(std::make_unique<ErrorStmt>(stmt->getRange()));
      }
      skipToNextStatement();
      return;
    }
    block.push_back(std::move(stmt));
  } while (consumeIf(TokenKind::semi));
  if (is(TokenKind::eof) || expect(TokenKind::newline, "a newline"))
    return;
  skipToNextStatement();
}

StmtPtr Parser::parseSimpleStatement() {
  SMLoc start = tok().getLoc();
  switch (tok().kind) {
  case TokenKind::kw_pass:
    consume();
    return std::make_unique<PassStmt>(rangeFrom(start));
  case TokenKind::kw_break:
    consume();
    return std::make_unique<BreakStmt>(rangeFrom(start));
  case TokenKind::kw_continue:
    consume();
    return std::make_unique<ContinueStmt>(rangeFrom(start));
  case TokenKind::kw_return: {
    consume();
    ExprPtr value;
    if (!is(TokenKind::newline) && !is(TokenKind::semi) &&
        !is(TokenKind::eof) && !(value = parseExprList()))
      return nullptr;
    return std::make_unique<ReturnStmt>(rangeFrom(start), std::move(value));
  }
  case TokenKind::kw_var:
    return parseVar();
  case TokenKind::kw_alias:
  case TokenKind::kw_comptime: {
    auto alias = parseAlias();
    // parseAlias consumed the newline; give it back to the caller.
    if (alias && pos && tokens[pos - 1].is(TokenKind::newline))
      --pos;
    return alias;
  }
  case TokenKind::kw_raise:
  case TokenKind::kw_import:
  case TokenKind::kw_from:
  case TokenKind::kw_global:
  case TokenKind::kw_nonlocal:
  case TokenKind::kw_del:
  case TokenKind::kw_assert:
  case TokenKind::kw_yield:
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 ("`" + tok().text + "`").str());
    return nullptr;
  default:
    return parseExprStatement();
  }
}

StmtPtr Parser::parseIf(SMLoc start) {
  auto stmt = std::make_unique<IfStmt>(SMRange(start, start));
  if (!(stmt->cond = parseExpr()) || !expect(TokenKind::colon))
    return nullptr;
  parseBlock(stmt->thenBody, "`if`");
  if (is(TokenKind::kw_elif)) {
    SMLoc elifStart = consume().getLoc();
    if (StmtPtr elif = parseIf(elifStart))
      stmt->elseBody.push_back(std::move(elif));
  } else {
    parseElse(stmt->elseBody);
  }
  return stmt;
}

bool Parser::parseElse(Block &elseBody) {
  if (!is(TokenKind::kw_else))
    return true;
  consume();
  return expect(TokenKind::colon) && parseBlock(elseBody, "`else`");
}

StmtPtr Parser::parseWhile() {
  auto stmt = std::make_unique<WhileStmt>(tok().getRange());
  consume();
  if (!(stmt->cond = parseExpr()) || !expect(TokenKind::colon))
    return nullptr;
  parseBlock(stmt->body, "`while`");
  parseElse(stmt->elseBody);
  return stmt;
}

StmtPtr Parser::parseFor() {
  auto stmt = std::make_unique<ForStmt>(tok().getRange());
  consume();
  // The target is parsed above comparisons so that `in` ends it.
  if (!(stmt->target = parseBinary(0)))
    return nullptr;
  if (is(TokenKind::comma)) {
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "more than one `for` target");
    return nullptr;
  }
  if (!expect(TokenKind::kw_in) || !(stmt->iterable = parseExprList()) ||
      !expect(TokenKind::colon))
    return nullptr;
  parseBlock(stmt->body, "`for`");
  parseElse(stmt->elseBody);
  return stmt;
}

StmtPtr Parser::parseVar() {
  SMLoc start = consume().getLoc();
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a variable name");
    return nullptr;
  }
  const Token &name = consume();
  return parseVarRest(start, name.text, name.getRange());
}

/// Parses `[: type] [= value]` of a declaration of `name`.
StmtPtr Parser::parseVarRest(SMLoc start, StringRef name, SMRange nameRange) {
  auto stmt = std::make_unique<VarStmt>(SMRange(start, start));
  stmt->name = name.str();
  stmt->nameRange = nameRange;
  if (consumeIf(TokenKind::colon) && !(stmt->typeExpr = parseExpr()))
    return nullptr;
  if (consumeIf(TokenKind::equal) && !(stmt->init = parseExprList()))
    return nullptr;
  stmt->setRange(rangeFrom(start));
  return stmt;
}

bool Parser::checkAssignTarget(const Expr *target) {
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(target)) {
    for (const ExprPtr &element : tuple->elements)
      if (!checkAssignTarget(element.get()))
        return false;
    return true;
  }
  if (llvm::isa<NameExpr, SubscriptExpr, AttributeExpr>(target))
    return true;
  const char *what = llvm::isa<CallExpr>(target) ? "a function call"
                     : llvm::isa<IntLiteralExpr, FloatLiteralExpr,
                                 StringLiteralExpr, BoolLiteralExpr,
                                 NoneLiteralExpr>(target)
                         ? "a literal"
                         : "an expression";
  diags.report(target->getRange(), DiagID::err_invalid_assign_target, what);
  return false;
}

static std::optional<BinaryOperator> getAugmentedOperator(TokenKind kind) {
  switch (kind) {
  case TokenKind::plusequal: return BinaryOperator::Add;
  case TokenKind::minusequal: return BinaryOperator::Sub;
  case TokenKind::starequal: return BinaryOperator::Mul;
  case TokenKind::slashequal: return BinaryOperator::Div;
  case TokenKind::slashslashequal: return BinaryOperator::FloorDiv;
  case TokenKind::percentequal: return BinaryOperator::Mod;
  case TokenKind::starstarequal: return BinaryOperator::Pow;
  case TokenKind::ampequal: return BinaryOperator::BitAnd;
  case TokenKind::pipeequal: return BinaryOperator::BitOr;
  case TokenKind::caretequal: return BinaryOperator::BitXor;
  case TokenKind::lesslessequal: return BinaryOperator::Shl;
  case TokenKind::greatergreaterequal: return BinaryOperator::Shr;
  default: return std::nullopt;
  }
}

StmtPtr Parser::parseExprStatement() {
  SMLoc start = tok().getLoc();
  ExprPtr first = parseExprList();
  if (!first)
    return nullptr;
  if (auto op = getAugmentedOperator(tok().kind)) {
    SMLoc opLoc = consume().getLoc();
    if (llvm::isa<TupleExpr>(first)) {
      diags.report(first->getRange(), DiagID::err_invalid_assign_target,
                   "a tuple in an augmented assignment");
      return nullptr;
    }
    if (!checkAssignTarget(first.get()))
      return nullptr;
    ExprPtr value = parseExprList();
    if (!value)
      return nullptr;
    return std::make_unique<AugAssignStmt>(rangeFrom(start), *op, opLoc,
                                           std::move(first), std::move(value));
  }
  if (is(TokenKind::colon)) {
    // `x: Int = 1` declares like `var`.
    auto *name = llvm::dyn_cast<NameExpr>(first.get());
    if (!name) {
      diags.report(first->getRange(), DiagID::err_invalid_assign_target,
                   "an expression with a type annotation");
      return nullptr;
    }
    return parseVarRest(start, name->name, name->getRange());
  }
  if (!is(TokenKind::equal))
    return std::make_unique<ExprStmt>(rangeFrom(start), std::move(first));

  std::vector<ExprPtr> exprs;
  exprs.push_back(std::move(first));
  while (consumeIf(TokenKind::equal)) {
    ExprPtr next = parseExprList();
    if (!next)
      return nullptr;
    exprs.push_back(std::move(next));
  }
  auto stmt = std::make_unique<AssignStmt>(rangeFrom(start));
  stmt->value = std::move(exprs.back());
  exprs.pop_back();
  for (ExprPtr &target : exprs) {
    if (!checkAssignTarget(target.get()))
      return nullptr;
    stmt->targets.push_back(std::move(target));
  }
  return stmt;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// `a` or `a, b, ...` (a tuple without parentheses).
ExprPtr Parser::parseExprList() {
  SMLoc start = tok().getLoc();
  ExprPtr first = parseExpr();
  if (!first || !is(TokenKind::comma))
    return first;
  auto tuple = std::make_unique<TupleExpr>(SMRange(start, start));
  tuple->elements.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (is(TokenKind::newline) || is(TokenKind::equal) ||
        is(TokenKind::r_paren) || is(TokenKind::eof) || is(TokenKind::colon))
      break;
    ExprPtr next = parseExpr();
    if (!next)
      return nullptr;
    tuple->elements.push_back(std::move(next));
  }
  tuple->setRange(rangeFrom(start));
  return tuple;
}

ExprPtr Parser::parseExpr() {
  NestingGuard guard(*this);
  if (!checkNesting(guard))
    return nullptr;
  SMLoc start = tok().getLoc();
  ExprPtr value = parseOr();
  if (!value || !is(TokenKind::kw_if))
    return value;
  consume();
  ExprPtr cond = parseOr();
  if (!cond || !expect(TokenKind::kw_else))
    return nullptr;
  ExprPtr elseValue = parseExpr();
  if (!elseValue)
    return nullptr;
  return std::make_unique<ConditionalExpr>(rangeFrom(start), std::move(cond),
                                           std::move(value),
                                           std::move(elseValue));
}

ExprPtr Parser::parseOr() {
  SMLoc start = tok().getLoc();
  ExprPtr lhs = parseAnd();
  for (unsigned length = 0; lhs && consumeIf(TokenKind::kw_or); ++length) {
    if (!checkChain(length))
      return nullptr;
    ExprPtr rhs = parseAnd();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BoolOpExpr>(rangeFrom(start), BoolOperator::Or,
                                       std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseAnd() {
  SMLoc start = tok().getLoc();
  ExprPtr lhs = parseNot();
  for (unsigned length = 0; lhs && consumeIf(TokenKind::kw_and); ++length) {
    if (!checkChain(length))
      return nullptr;
    ExprPtr rhs = parseNot();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BoolOpExpr>(rangeFrom(start), BoolOperator::And,
                                       std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseNot() {
  if (!is(TokenKind::kw_not))
    return parseComparison();
  NestingGuard guard(*this);
  if (!checkNesting(guard))
    return nullptr;
  SMLoc start = consume().getLoc();
  ExprPtr operand = parseNot();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(rangeFrom(start), UnaryOperator::Not,
                                     std::move(operand));
}

static std::optional<CompareOperator> getCompareOperator(TokenKind kind) {
  switch (kind) {
  case TokenKind::equalequal: return CompareOperator::Eq;
  case TokenKind::exclaimequal: return CompareOperator::Ne;
  case TokenKind::less: return CompareOperator::Lt;
  case TokenKind::lessequal: return CompareOperator::Le;
  case TokenKind::greater: return CompareOperator::Gt;
  case TokenKind::greaterequal: return CompareOperator::Ge;
  default: return std::nullopt;
  }
}

ExprPtr Parser::parseComparison() {
  SMLoc start = tok().getLoc();
  ExprPtr first = parseBinary(0);
  if (!first)
    return nullptr;
  if (is(TokenKind::kw_in) || is(TokenKind::kw_is) ||
      (is(TokenKind::kw_not) && peek().is(TokenKind::kw_in))) {
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 ("the `" + tok().text + "` operator").str());
    return nullptr;
  }
  if (!getCompareOperator(tok().kind))
    return first;
  auto cmp = std::make_unique<CompareExpr>(SMRange(start, start));
  cmp->operands.push_back(std::move(first));
  while (auto op = getCompareOperator(tok().kind)) {
    cmp->ops.push_back(*op);
    cmp->opLocs.push_back(consume().getLoc());
    ExprPtr next = parseBinary(0);
    if (!next)
      return nullptr;
    cmp->operands.push_back(std::move(next));
  }
  cmp->setRange(rangeFrom(start));
  return cmp;
}

/// Left-associative binary levels from `|` (0) down to `*` (5).
static std::optional<BinaryOperator> getBinaryOperator(TokenKind kind,
                                                       unsigned level) {
  switch (level) {
  case 0:
    if (kind == TokenKind::pipe) return BinaryOperator::BitOr;
    break;
  case 1:
    if (kind == TokenKind::caret) return BinaryOperator::BitXor;
    break;
  case 2:
    if (kind == TokenKind::amp) return BinaryOperator::BitAnd;
    break;
  case 3:
    if (kind == TokenKind::lessless) return BinaryOperator::Shl;
    if (kind == TokenKind::greatergreater) return BinaryOperator::Shr;
    break;
  case 4:
    if (kind == TokenKind::plus) return BinaryOperator::Add;
    if (kind == TokenKind::minus) return BinaryOperator::Sub;
    break;
  case 5:
    if (kind == TokenKind::star) return BinaryOperator::Mul;
    if (kind == TokenKind::slash) return BinaryOperator::Div;
    if (kind == TokenKind::slashslash) return BinaryOperator::FloorDiv;
    if (kind == TokenKind::percent) return BinaryOperator::Mod;
    break;
  }
  return std::nullopt;
}

ExprPtr Parser::parseBinary(unsigned level) {
  if (level > 5)
    return parseFactor();
  SMLoc start = tok().getLoc();
  ExprPtr lhs = parseBinary(level + 1);
  for (unsigned length = 0; lhs; ++length) {
    auto op = getBinaryOperator(tok().kind, level);
    if (!op)
      break;
    if (!checkChain(length))
      return nullptr;
    SMLoc opLoc = consume().getLoc();
    ExprPtr rhs = parseBinary(level + 1);
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BinaryExpr>(rangeFrom(start), *op, opLoc,
                                       std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseFactor() {
  std::optional<UnaryOperator> op;
  if (is(TokenKind::minus))
    op = UnaryOperator::Neg;
  else if (is(TokenKind::plus))
    op = UnaryOperator::Plus;
  else if (is(TokenKind::tilde))
    op = UnaryOperator::Invert;
  if (!op)
    return parsePower();
  NestingGuard guard(*this);
  if (!checkNesting(guard))
    return nullptr;
  SMLoc start = consume().getLoc();
  ExprPtr operand = parseFactor();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(rangeFrom(start), *op,
                                     std::move(operand));
}

/// `**` binds tighter than unary minus on its left and is right-associative.
ExprPtr Parser::parsePower() {
  SMLoc start = tok().getLoc();
  ExprPtr base = parsePostfix();
  if (!base || !is(TokenKind::starstar))
    return base;
  SMLoc opLoc = consume().getLoc();
  ExprPtr exponent = parseFactor();
  if (!exponent)
    return nullptr;
  return std::make_unique<BinaryExpr>(rangeFrom(start), BinaryOperator::Pow,
                                      opLoc, std::move(base),
                                      std::move(exponent));
}

ExprPtr Parser::parsePostfix() {
  SMLoc start = tok().getLoc();
  ExprPtr expr = parseAtom();
  while (expr) {
    if (consumeIf(TokenKind::l_paren)) {
      expr = parseCallArgs(std::move(expr));
    } else if (consumeIf(TokenKind::l_square)) {
      expr = parseSubscript(std::move(expr));
    } else if (consumeIf(TokenKind::period)) {
      if (!is(TokenKind::identifier)) {
        expect(TokenKind::identifier, "an attribute name");
        return nullptr;
      }
      std::string name = consume().text.str();
      expr = std::make_unique<AttributeExpr>(rangeFrom(start), std::move(expr),
                                             std::move(name));
    } else {
      break;
    }
  }
  return expr;
}

ExprPtr Parser::parseCallArgs(ExprPtr callee) {
  SMLoc start = callee->getLoc();
  auto call = std::make_unique<CallExpr>(SMRange(start, start),
                                         std::move(callee));
  bool sawKeyword = false;
  while (!consumeIf(TokenKind::r_paren)) {
    CallArgument arg;
    if (is(TokenKind::identifier) && peek().is(TokenKind::equal)) {
      arg.keyword = tok().text.str();
      arg.keywordLoc = consume().getLoc();
      consume();
      sawKeyword = true;
    } else if (sawKeyword) {
      diags.report(tok().getRange(), DiagID::err_positional_after_keyword);
      return nullptr;
    }
    if (!(arg.value = parseExpr()))
      return nullptr;
    call->args.push_back(std::move(arg));
    if (!is(TokenKind::r_paren) && !expect(TokenKind::comma, "`,` or `)`"))
      return nullptr;
  }
  call->setRange(rangeFrom(start));
  return call;
}

ExprPtr Parser::parseSubscript(ExprPtr base) {
  SMLoc start = base->getLoc();
  std::vector<ExprPtr> indices;
  while (!consumeIf(TokenKind::r_square)) {
    if (is(TokenKind::colon)) {
      diags.report(tok().getRange(), DiagID::err_unsupported, "slicing");
      return nullptr;
    }
    ExprPtr index = parseExpr();
    if (!index)
      return nullptr;
    if (is(TokenKind::colon)) {
      diags.report(tok().getRange(), DiagID::err_unsupported, "slicing");
      return nullptr;
    }
    indices.push_back(std::move(index));
    if (!is(TokenKind::r_square) && !expect(TokenKind::comma, "`,` or `]`"))
      return nullptr;
  }
  auto result = std::make_unique<SubscriptExpr>(rangeFrom(start), std::move(base));
  result->indices = std::move(indices);
  return result;
}

ExprPtr Parser::parseIntLiteral() {
  const Token &t = consume();
  std::string digits;
  for (char c : t.text)
    if (c != '_')
      digits += c;
  StringRef text(digits);
  unsigned radix = 10;
  if (text.size() > 2 && text[0] == '0' && llvm::isAlpha(text[1])) {
    char b = llvm::toLower(text[1]);
    radix = b == 'x' ? 16 : b == 'o' ? 8 : 2;
    text = text.drop_front(2);
  }
  llvm::APInt value;
  if (text.getAsInteger(radix, value) || value.getActiveBits() > 128) {
    diags.report(t.getRange(), DiagID::err_int_literal_too_large, t.text);
    return std::make_unique<ErrorExpr>(t.getRange());
  }
  return std::make_unique<IntLiteralExpr>(t.getRange(),
                                          value.zextOrTrunc(129));
}

ExprPtr Parser::parseFloatLiteral() {
  const Token &t = consume();
  std::string digits;
  for (char c : t.text)
    if (c != '_')
      digits += c;
  return std::make_unique<FloatLiteralExpr>(t.getRange(),
                                            std::strtod(digits.c_str(), nullptr));
}

ExprPtr Parser::parseAtom() {
  const Token &t = tok();
  switch (t.kind) {
  case TokenKind::identifier:
    consume();
    return std::make_unique<NameExpr>(t.getRange(), t.text.str());
  case TokenKind::int_literal:
    return parseIntLiteral();
  case TokenKind::float_literal:
    return parseFloatLiteral();
  case TokenKind::string_literal: {
    SMLoc start = t.getLoc();
    std::string value;
    while (is(TokenKind::string_literal))
      value += consume().stringValue;
    return std::make_unique<StringLiteralExpr>(rangeFrom(start),
                                               std::move(value));
  }
  case TokenKind::kw_True:
  case TokenKind::kw_False:
    consume();
    return std::make_unique<BoolLiteralExpr>(t.getRange(),
                                             t.is(TokenKind::kw_True));
  case TokenKind::kw_None:
    consume();
    return std::make_unique<NoneLiteralExpr>(t.getRange());
  case TokenKind::l_paren: {
    NestingGuard guard(*this);
    if (!checkNesting(guard))
      return nullptr;
    SMLoc start = consume().getLoc();
    if (consumeIf(TokenKind::r_paren))
      return std::make_unique<TupleExpr>(rangeFrom(start));
    ExprPtr inner = parseExprList();
    if (!inner || !expect(TokenKind::r_paren, "`)`"))
      return nullptr;
    // A tuple's range includes its parentheses.
    if (llvm::isa<TupleExpr>(inner.get()))
      inner->setRange(rangeFrom(start));
    return inner;
  }
  case TokenKind::l_square:
  case TokenKind::l_brace:
    diags.report(t.getRange(), DiagID::err_unsupported,
                 t.is(TokenKind::l_square) ? "a list literal"
                                           : "a dict or set literal");
    return nullptr;
  case TokenKind::kw_lambda:
    diags.report(t.getRange(), DiagID::err_unsupported, "`lambda`");
    return nullptr;
  case TokenKind::error:
    // The lexer already reported it.
    consume();
    return std::make_unique<ErrorExpr>(t.getRange());
  default:
    diags.report(t.getRange(), DiagID::err_expected_expr, describe(t));
    return nullptr;
  }
}

std::unique_ptr<Module> ember::parseModule(StringRef name,
                                           const std::vector<Token> &tokens,
                                           DiagnosticEngine &diags) {
  return Parser(tokens, diags).parseModule(name);
}
