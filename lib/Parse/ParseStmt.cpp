//===- ParseStmt.cpp - Ember parser: statements and blocks ----------------===//

#include "ParserImpl.h"

using namespace ember;
using namespace ember::parser;

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
  case TokenKind::kw_def: {
    // parseFunction skips what it cannot parse itself.
    std::unique_ptr<FnDecl> fn = parseFunction(/*isNested=*/true);
    if (!fn)
      return block.push_back(std::make_unique<ErrorStmt>(SMRange(start, start)));
    SMRange range = fn->range;
    return block.push_back(std::make_unique<FunctionStmt>(range, std::move(fn)));
  }
  case TokenKind::kw_try:
    return compound(parseTry());
  case TokenKind::kw_with:
    return compound(parseWith());
  case TokenKind::kw_struct:
  case TokenKind::kw_class:
  case TokenKind::kw_trait:
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "a nested type declaration");
    break;
  case TokenKind::at: {
    // `@parameter if` and `@parameter for` are older `comptime if/for`.
    if (peek().is(TokenKind::identifier) && peek().text == "parameter" &&
        peek(2).is(TokenKind::newline) &&
        (peek(3).is(TokenKind::kw_if) || peek(3).is(TokenKind::kw_for))) {
      diags.report(peek().getRange(), DiagID::warn_deprecated,
                   ("`@parameter " + peek(3).text + "`").str(),
                   ("`comptime " + peek(3).text + "`").str());
      consume(), consume(), consume();
      return compound(parseComptime(tok().getLoc()));
    }
    // A decorated nested function: `@parameter` is the older spelling of
    // a closure that captures what it uses by reference; inlining hints
    // are LLVM's to decide.
    bool beforeFunction = peek().is(TokenKind::identifier) &&
                          peek(2).is(TokenKind::newline) &&
                          (peek(3).is(TokenKind::kw_def) ||
                           peek(3).is(TokenKind::kw_fn));
    llvm::StringRef decorator = peek().text;
    if (beforeFunction &&
        (decorator == "parameter" || decorator == "always_inline" ||
         decorator == "no_inline")) {
      SMRange decoratorRange = peek().getRange();
      consume(), consume(), consume();
      std::unique_ptr<FnDecl> fn = parseFunction(/*isNested=*/true);
      if (!fn)
        return block.push_back(
            std::make_unique<ErrorStmt>(SMRange(start, start)));
      if (decorator == "parameter") {
        diags.report(decoratorRange, DiagID::warn_deprecated,
                     "`@parameter` on a nested function",
                     "a capture list, such as `{ref}`");
        if (!fn->hasCaptureList) {
          fn->hasCaptureList = true;
          CaptureDecl byReference;
          byReference.convention = ArgConvention::Ref;
          byReference.range = decoratorRange;
          fn->captures.push_back(std::move(byReference));
        }
      }
      SMRange range = fn->range;
      return block.push_back(
          std::make_unique<FunctionStmt>(range, std::move(fn)));
    }
    std::string what = "a decorator";
    if (peek().is(TokenKind::identifier))
      what = ("the decorator `@" + peek().text + "`").str();
    diags.report(tok().getRange(), DiagID::err_unsupported, what);
    // Skip the decorated statement too.
    skipToNextStatement();
    block.push_back(std::make_unique<ErrorStmt>(tok().getRange()));
    skipToNextStatement();
    return;
  }
  case TokenKind::kw_comptime:
    if (peek().is(TokenKind::kw_if) || peek().is(TokenKind::kw_for)) {
      consume();
      return compound(parseComptime(start));
    }
    return parseSimpleStatements(block);
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

/// `comptime assert cond[, "message"]`, at `comptime`.
std::unique_ptr<ComptimeAssertStmt> Parser::parseComptimeAssert() {
  SMLoc start = consume().getLoc();
  consume();
  auto stmt = std::make_unique<ComptimeAssertStmt>(SMRange(start, start));
  if (!(stmt->cond = parseExpr()))
    return nullptr;
  if (consumeIf(TokenKind::comma) && !(stmt->message = parseExpr()))
    return nullptr;
  stmt->setRange(rangeFrom(start));
  return stmt;
}

/// After a syntax error in a statement that starts with `first`: if
/// `first` is a misspelled keyword, say which.
void Parser::suggestKeyword(const Token &first) {
  // `ref` begins a binding: it is no misspelled `def`.
  if (first.isNot(TokenKind::identifier) || first.text == "ref")
    return;
  // A name used as one (`self.x = ...`, `f(...)`) is no misspelled keyword.
  const Token &next = (&first)[1];
  if (next.is(TokenKind::period) || next.is(TokenKind::l_paren) ||
      next.is(TokenKind::l_square) || next.is(TokenKind::equal))
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
  case TokenKind::identifier:
    // `ref name = value` binds a reference (`ref` is not a keyword).
    if (tok().text == "ref" && peek().is(TokenKind::identifier) &&
        (peek(2).is(TokenKind::equal) || peek(2).is(TokenKind::colon))) {
      StmtPtr stmt = parseVar();
      auto *var = llvm::dyn_cast_or_null<VarStmt>(stmt.get());
      if (!var)
        return stmt;
      var->isRef = true;
      // A reference is bound where it is declared.
      if (!var->init) {
        diags.report(var->nameRange, DiagID::err_ref_needs_value, var->name);
        return std::make_unique<ErrorStmt>(var->getRange());
      }
      return stmt;
    }
    return parseExprStatement();
  case TokenKind::period:
    if (peek(1).is(TokenKind::period) && peek(2).is(TokenKind::period)) {
      consume(), consume(), consume();
      auto pass = std::make_unique<PassStmt>(rangeFrom(start));
      pass->isEllipsis = true;
      return pass;
    }
    return parseExprStatement();
  case TokenKind::kw_alias:
  case TokenKind::kw_comptime: {
    if (tok().is(TokenKind::kw_comptime) && peek().is(TokenKind::kw_assert))
      return parseComptimeAssert();
    auto alias = parseAlias();
    // parseAlias consumed the newline; give it back to the caller.
    if (alias && pos && tokens[pos - 1].is(TokenKind::newline))
      --pos;
    return alias;
  }
  case TokenKind::kw_raise: {
    SMLoc start = consume().getLoc();
    ExprPtr value;
    if (!is(TokenKind::newline) && !is(TokenKind::semi) &&
        !is(TokenKind::eof) && !(value = parseExpr()))
      return nullptr;
    if (is(TokenKind::kw_from)) {
      diags.report(tok().getRange(), DiagID::err_unsupported,
                   "`raise ... from`");
      return nullptr;
    }
    return std::make_unique<RaiseStmt>(rangeFrom(start), std::move(value));
  }
  case TokenKind::kw_import:
  case TokenKind::kw_from: {
    // An import in a body binds its names for the whole file, as if it
    // were at the top: a superset of what the function sees.
    std::optional<ImportDecl> imp = parseImport();
    if (!imp || !currentModule)
      return nullptr;
    currentModule->imports.push_back(std::move(*imp));
    // parseImport consumed the newline; give it back to the caller.
    if (pos && tokens[pos - 1].is(TokenKind::newline))
      --pos;
    return std::make_unique<PassStmt>(rangeFrom(start));
  }
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

/// `if` or `for` after `comptime`.
StmtPtr Parser::parseComptime(SMLoc start) {
  if (is(TokenKind::kw_for)) {
    StmtPtr loop = parseFor();
    if (loop)
      llvm::cast<ForStmt>(loop.get())->isComptime = true;
    return loop;
  }
  consume();
  StmtPtr stmt = parseIf(start);
  // An `elif` of a `comptime if` is decided at compile time too.
  for (Stmt *s = stmt.get(); auto *i = llvm::dyn_cast_or_null<IfStmt>(s);) {
    i->isComptime = true;
    s = i->elseBody.size() == 1 ? i->elseBody.front().get() : nullptr;
  }
  return stmt;
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

/// `try:` with `except [name]:`, `else:` and `finally:` clauses.
StmtPtr Parser::parseTry() {
  auto stmt = std::make_unique<TryStmt>(tok().getRange());
  consume();
  if (!expect(TokenKind::colon))
    return nullptr;
  parseBlock(stmt->body, "`try`");
  if (is(TokenKind::kw_except)) {
    SMLoc exceptLoc = consume().getLoc();
    stmt->hasExcept = true;
    if (is(TokenKind::identifier)) {
      stmt->errorName = tok().text.str();
      stmt->errorNameRange = consume().getRange();
    }
    if (!expect(TokenKind::colon))
      return nullptr;
    parseBlock(stmt->handler, "`except`");
    // Further clauses are reported and skipped, with their blocks.
    while (is(TokenKind::kw_except)) {
      diags.report(tok().getRange(), DiagID::err_second_except);
      diags.report(exceptLoc, DiagID::note_first_except);
      skipToNextStatement();
    }
    parseElse(stmt->elseBody);
  }
  if (is(TokenKind::kw_finally)) {
    consume();
    stmt->hasFinally = true;
    if (!expect(TokenKind::colon))
      return nullptr;
    parseBlock(stmt->finallyBody, "`finally`");
  }
  if (!stmt->hasExcept && !stmt->hasFinally)
    diags.report(stmt->getRange(), DiagID::err_try_without_handler);
  return stmt;
}

/// `with manager [as target], ...:`.
StmtPtr Parser::parseWith() {
  auto stmt = std::make_unique<WithStmt>(tok().getRange());
  consume();
  do {
    WithItem &item = stmt->items.emplace_back();
    if (!(item.manager = parseExpr()))
      return nullptr;
    if (consumeIf(TokenKind::kw_as) && !(item.target = parseBinary(0)))
      return nullptr;
  } while (consumeIf(TokenKind::comma));
  if (!expect(TokenKind::colon))
    return nullptr;
  parseBlock(stmt->body, "`with`");
  return stmt;
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
  // `for ref x in` and `for var x in` (`ref` is not a keyword).
  if (is(TokenKind::kw_var)) {
    consume();
    stmt->varTarget = true;
  } else if (is(TokenKind::identifier) && tok().text == "ref" &&
             peek().is(TokenKind::identifier) &&
             (peek(2).is(TokenKind::kw_in) || peek(2).is(TokenKind::comma))) {
    consume();
    stmt->refTarget = true;
  }
  // The targets are parsed above comparisons so that `in` ends them.
  SMLoc start = tok().getLoc();
  if (!(stmt->target = parseBinary(0)))
    return nullptr;
  if (is(TokenKind::comma)) {
    auto targets = std::make_unique<TupleExpr>(SMRange(start, start));
    targets->elements.push_back(std::move(stmt->target));
    while (consumeIf(TokenKind::comma) && !is(TokenKind::kw_in)) {
      ExprPtr next = parseBinary(0);
      if (!next)
        return nullptr;
      targets->elements.push_back(std::move(next));
    }
    targets->setRange(rangeFrom(start));
    stmt->target = std::move(targets);
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
  if (is(TokenKind::comma))
    return parseVarList(start, name);
  return parseVarRest(start, name.text, name.getRange());
}

/// `var a, b = value`: an assignment that declares its names.
StmtPtr Parser::parseVarList(SMLoc start, const Token &first) {
  auto names = std::make_unique<TupleExpr>(first.getRange());
  names->elements.push_back(
      std::make_unique<NameExpr>(first.getRange(), first.text.str()));
  while (consumeIf(TokenKind::comma)) {
    if (!is(TokenKind::identifier)) {
      expect(TokenKind::identifier, "a variable name");
      return nullptr;
    }
    const Token &name = consume();
    names->elements.push_back(
        std::make_unique<NameExpr>(name.getRange(), name.text.str()));
  }
  names->setRange(rangeFrom(start));
  if (!expect(TokenKind::equal, "`=` and the values of the variables"))
    return nullptr;
  auto stmt = std::make_unique<AssignStmt>(SMRange(start, start));
  stmt->targets.push_back(std::move(names));
  if (!(stmt->value = parseExprList()))
    return nullptr;
  stmt->declares = true;
  stmt->setRange(rangeFrom(start));
  return stmt;
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
  // A call may return a reference, which Sema knows.
  if (llvm::isa<NameExpr, SubscriptExpr, AttributeExpr, DiscardExpr, CallExpr>(
          target))
    return true;
  const char *what = llvm::isa<IntLiteralExpr, FloatLiteralExpr,
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
    if (llvm::isa<DiscardExpr>(first)) {
      diags.report(first->getRange(), DiagID::err_invalid_assign_target,
                   "`_` in an augmented assignment");
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

