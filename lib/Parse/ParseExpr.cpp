//===- ParseExpr.cpp - Ember parser: expressions --------------------------===//

#include "ParserImpl.h"

#include <cstdlib>

using namespace ember;
using namespace ember::parser;

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
  if (is(TokenKind::kw_is)) {
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "the `is` operator");
    return nullptr;
  }
  // `in` and `not in` compare too; `not in` is two tokens.
  auto nextOperator = [&]() -> std::optional<CompareOperator> {
    if (is(TokenKind::kw_in))
      return CompareOperator::In;
    if (is(TokenKind::kw_not) && peek().is(TokenKind::kw_in))
      return CompareOperator::NotIn;
    return getCompareOperator(tok().kind);
  };
  if (!nextOperator())
    return first;
  auto cmp = std::make_unique<CompareExpr>(SMRange(start, start));
  cmp->operands.push_back(std::move(first));
  while (auto op = nextOperator()) {
    cmp->ops.push_back(*op);
    cmp->opLocs.push_back(consume().getLoc());
    if (*op == CompareOperator::NotIn)
      consume();
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

/// Whether `t` can start an expression, which makes a `^` before it `xor`.
static bool canStartExpr(const Token &t) {
  switch (t.kind) {
  case TokenKind::identifier:
  case TokenKind::int_literal:
  case TokenKind::float_literal:
  case TokenKind::string_literal:
  case TokenKind::tstring_start:
  case TokenKind::kw_True:
  case TokenKind::kw_False:
  case TokenKind::kw_None:
  case TokenKind::kw_not:
  case TokenKind::kw_lambda:
  case TokenKind::l_paren:
  case TokenKind::l_square:
  case TokenKind::l_brace:
  case TokenKind::minus:
  case TokenKind::plus:
  case TokenKind::tilde:
    return true;
  default:
    return false;
  }
}

ExprPtr Parser::parsePostfix() {
  SMLoc start = tok().getLoc();
  ExprPtr expr = parseAtom();
  while (expr) {
    if (is(TokenKind::caret) && !canStartExpr(peek())) {
      consume();
      expr = std::make_unique<TransferExpr>(rangeFrom(start), std::move(expr));
    } else if (consumeIf(TokenKind::l_paren)) {
      expr = parseCallArgs(std::move(expr));
    } else if (consumeIf(TokenKind::l_square)) {
      expr = parseSubscript(std::move(expr));
    } else if (consumeIf(TokenKind::period)) {
      if (!is(TokenKind::identifier)) {
        expect(TokenKind::identifier, "an attribute name");
        return nullptr;
      }
      const Token &name = consume();
      expr = std::make_unique<AttributeExpr>(rangeFrom(start), std::move(expr),
                                             name.text.str(), name.getRange());
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
  bool sawKeyword = false;
  while (!consumeIf(TokenKind::r_square)) {
    if (is(TokenKind::identifier) && peek().is(TokenKind::equal)) {
      SMLoc keywordStart = tok().getLoc();
      std::string name = consume().text.str();
      consume();
      ExprPtr value = parseExpr();
      if (!value)
        return nullptr;
      indices.push_back(std::make_unique<KeywordArgExpr>(
          rangeFrom(keywordStart), std::move(name), std::move(value)));
      sawKeyword = true;
      if (!is(TokenKind::r_square) && !expect(TokenKind::comma, "`,` or `]`"))
        return nullptr;
      continue;
    }
    if (sawKeyword) {
      diags.report(tok().getRange(), DiagID::err_positional_after_keyword);
      return nullptr;
    }
    ExprPtr index;
    if (!is(TokenKind::colon) && !(index = parseExpr()))
      return nullptr;
    if (is(TokenKind::colon) && !(index = parseSlice(std::move(index))))
      return nullptr;
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
  return std::make_unique<FloatLiteralExpr>(
      t.getRange(), std::strtod(digits.c_str(), nullptr),
      Rational::fromDecimal(digits));
}

ExprPtr Parser::parseAtom() {
  const Token &t = tok();
  switch (t.kind) {
  case TokenKind::identifier:
    consume();
    if (t.text == "_")
      return std::make_unique<DiscardExpr>(t.getRange());
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
  case TokenKind::tstring_start:
    return parseTemplateString();
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
  case TokenKind::l_square: {
    NestingGuard guard(*this);
    if (!checkNesting(guard))
      return nullptr;
    SMLoc start = consume().getLoc();
    auto list = std::make_unique<ListExpr>(rangeFrom(start));
    while (!is(TokenKind::r_square)) {
      ExprPtr element = parseExpr();
      if (!element)
        return nullptr;
      if (is(TokenKind::kw_for)) {
        diags.report(tok().getRange(), DiagID::err_unsupported,
                     "a list comprehension");
        return nullptr;
      }
      list->elements.push_back(std::move(element));
      if (!consumeIf(TokenKind::comma))
        break;
    }
    if (!expect(TokenKind::r_square, "`]`"))
      return nullptr;
    list->setRange(rangeFrom(start));
    return list;
  }
  case TokenKind::l_brace:
    return parseBraces();
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


/// `{k: v, ...}`, a dict (`{}` is an empty one), or `{a, b, ...}`, a set.
ExprPtr Parser::parseBraces() {
  NestingGuard guard(*this);
  if (!checkNesting(guard))
    return nullptr;
  SMLoc start = consume().getLoc();
  auto dict = std::make_unique<DictExpr>(rangeFrom(start));
  auto set = std::make_unique<ListExpr>(rangeFrom(start));
  set->isSet = true;
  bool isDict = true;
  while (!is(TokenKind::r_brace)) {
    ExprPtr first = parseExpr();
    if (!first)
      return nullptr;
    if (is(TokenKind::kw_for)) {
      diags.report(tok().getRange(), DiagID::err_unsupported,
                   "a dict or set comprehension");
      return nullptr;
    }
    bool pair = consumeIf(TokenKind::colon);
    bool firstElement = dict->keys.empty() && set->elements.empty();
    if (firstElement)
      isDict = pair;
    if (pair != isDict) {
      diags.report(first->getRange(), DiagID::err_mixed_braces);
      return nullptr;
    }
    if (!pair) {
      set->elements.push_back(std::move(first));
    } else {
      ExprPtr value = parseExpr();
      if (!value)
        return nullptr;
      dict->keys.push_back(std::move(first));
      dict->values.push_back(std::move(value));
    }
    if (!consumeIf(TokenKind::comma))
      break;
  }
  if (!expect(TokenKind::r_brace, "`}`"))
    return nullptr;
  if (!isDict) {
    set->setRange(rangeFrom(start));
    return set;
  }
  dict->setRange(rangeFrom(start));
  return dict;
}

/// `start:end:step` in brackets, each part optional (`start` is parsed
/// already, or null): a `Slice(start, end, step)` with `None` for what is
/// missing, which `__getitem__` takes.
ExprPtr Parser::parseSlice(ExprPtr start) {
  SMLoc begin = start ? start->getLoc() : tok().getLoc();
  std::vector<ExprPtr> parts;
  parts.push_back(std::move(start));
  for (int i = 0; i < 2 && consumeIf(TokenKind::colon); ++i) {
    ExprPtr part;
    if (!is(TokenKind::colon) && !is(TokenKind::comma) &&
        !is(TokenKind::r_square) && !(part = parseExpr()))
      return nullptr;
    parts.push_back(std::move(part));
  }
  SMRange range = rangeFrom(begin);
  auto call = std::make_unique<CallExpr>(
      range, std::make_unique<NameExpr>(SMRange(begin, begin), "Slice"));
  for (ExprPtr &part : parts) {
    CallArgument arg;
    arg.value = part ? std::move(part) : std::make_unique<NoneLiteralExpr>(range);
    call->args.push_back(std::move(arg));
  }
  while (call->args.size() < 3) {
    CallArgument none;
    none.value = std::make_unique<NoneLiteralExpr>(range);
    call->args.push_back(std::move(none));
  }
  return call;
}

/// `t"a{x}b"`: the text its pieces and values write, `String("a", x, "b")`.
ExprPtr Parser::parseTemplateString() {
  SMLoc start = consume().getLoc();
  std::vector<ExprPtr> parts;
  while (!consumeIf(TokenKind::tstring_end)) {
    if (is(TokenKind::string_literal)) {
      const Token &piece = consume();
      parts.push_back(std::make_unique<StringLiteralExpr>(piece.getRange(),
                                                          piece.stringValue));
      continue;
    }
    if (!expect(TokenKind::tstring_expr_start, "the rest of the template string"))
      return nullptr;
    ExprPtr value = parseExpr();
    if (!value || !expect(TokenKind::tstring_expr_end, "`}`"))
      return nullptr;
    parts.push_back(std::move(value));
  }
  SMRange range = rangeFrom(start);
  auto call = std::make_unique<CallExpr>(
      range, std::make_unique<NameExpr>(SMRange(start, start), "String"));
  for (ExprPtr &part : parts)
    call->args.push_back({"", {}, std::move(part)});
  return call;
}
