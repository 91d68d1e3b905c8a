//===- Lexer.cpp - Ember lexer --------------------------------------------===//

#include "ember/Lex/Lexer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

using namespace ember;
using llvm::SMLoc;
using llvm::StringRef;

const char *ember::getTokenName(TokenKind kind) {
  switch (kind) {
#define TOK(ID, SPELLING)                                                      \
  case TokenKind::ID:                                                          \
    return #ID;
#include "ember/Lex/TokenKinds.def"
  }
  return "";
}

const char *ember::getTokenSpelling(TokenKind kind) {
  switch (kind) {
#define TOK(ID, SPELLING)                                                      \
  case TokenKind::ID:                                                          \
    return SPELLING;
#include "ember/Lex/TokenKinds.def"
  }
  return "";
}

namespace {

bool isIdentStart(char c) {
  return llvm::isAlpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool isIdentChar(char c) { return isIdentStart(c) || llvm::isDigit(c); }

class Lexer {
public:
  Lexer(StringRef buffer, DiagnosticEngine &diags)
      : cur(buffer.begin()), end(buffer.end()), diags(diags) {}

  std::vector<Token> run();

private:
  void push(TokenKind kind, const char *start, std::string value = {}) {
    Token tok;
    tok.kind = kind;
    tok.text = StringRef(start, cur - start);
    tok.stringValue = std::move(value);
    tokens.push_back(std::move(tok));
    if (kind != TokenKind::indent && kind != TokenKind::dedent &&
        kind != TokenKind::newline)
      lineHasTokens = true;
  }
  SMLoc loc(const char *p) const { return SMLoc::getFromPointer(p); }

  void lexIndentation();
  void lexNumber();
  void lexString(const char *start, bool raw);
  void lexTemplateString();
  const char *findInterpolationEnd(const char *p, char quote);
  bool lexEscape(std::string &out);
  void lexIdentifier();
  void lexPunctuation();

  const char *cur;
  const char *end;
  DiagnosticEngine &diags;
  std::vector<Token> tokens;
  std::vector<unsigned> indents{0};
  std::vector<const char *> brackets;
  bool atLineStart = true;
  bool lineHasTokens = false;
};

} // namespace

std::vector<Token> Lexer::run() {
  while (true) {
    if (atLineStart && brackets.empty())
      lexIndentation();
    atLineStart = false;
    while (cur != end && (*cur == ' ' || *cur == '\t' || *cur == '\f'))
      ++cur;
    if (cur == end)
      break;
    char c = *cur;
    if (c == '#') {
      while (cur != end && *cur != '\n' && *cur != '\r')
        ++cur;
      continue;
    }
    if (c == '\n' || c == '\r') {
      const char *start = cur;
      cur += (c == '\r' && cur + 1 != end && cur[1] == '\n') ? 2 : 1;
      if (brackets.empty()) {
        if (lineHasTokens)
          push(TokenKind::newline, start);
        lineHasTokens = false;
        atLineStart = true;
      }
      continue;
    }
    if (c == '\\') {
      const char *next = cur + 1;
      if (next != end && (*next == '\n' || *next == '\r')) {
        cur = next + ((*next == '\r' && next + 1 != end && next[1] == '\n') ? 2 : 1);
        continue;
      }
      diags.report(loc(cur), DiagID::err_backslash_continuation);
      ++cur;
      continue;
    }
    if (llvm::isDigit(c) || (c == '.' && cur + 1 != end && llvm::isDigit(cur[1]))) {
      lexNumber();
      continue;
    }
    if (c == '"' || c == '\'') {
      lexString(cur, /*raw=*/false);
      continue;
    }
    if (c == 't' && cur + 1 != end && (cur[1] == '"' || cur[1] == '\'')) {
      lexTemplateString();
      continue;
    }
    if ((c == 'r' || c == 'R') && cur + 1 != end &&
        (cur[1] == '"' || cur[1] == '\'')) {
      const char *start = cur++;
      lexString(start, /*raw=*/true);
      continue;
    }
    if (isIdentStart(c)) {
      lexIdentifier();
      continue;
    }
    lexPunctuation();
  }

  if (lineHasTokens)
    push(TokenKind::newline, cur);
  for (const char *open : brackets)
    diags.report(loc(open), DiagID::err_unclosed_bracket, StringRef(open, 1));
  for (size_t i = 1; i < indents.size(); ++i)
    push(TokenKind::dedent, cur);
  push(TokenKind::eof, cur);
  return std::move(tokens);
}

void Lexer::lexIndentation() {
  unsigned column = 0;
  const char *p = cur;
  const char *tab = nullptr;
  for (; p != end && (*p == ' ' || *p == '\t' || *p == '\f'); ++p) {
    if (*p == '\t') {
      tab = tab ? tab : p;
      column = (column / 8 + 1) * 8;
    } else if (*p == ' ') {
      ++column;
    }
  }
  // Blank and comment-only lines do not affect indentation.
  if (p == end || *p == '\n' || *p == '\r' || *p == '#')
    return;
  if (tab)
    diags.report(loc(tab), DiagID::err_tab_indent);
  cur = p;
  if (column > indents.back()) {
    indents.push_back(column);
    push(TokenKind::indent, cur);
    return;
  }
  while (column < indents.back()) {
    indents.pop_back();
    push(TokenKind::dedent, cur);
  }
  if (column != indents.back()) {
    diags.report(loc(cur), DiagID::err_bad_dedent);
    indents.push_back(column);
  }
}

void Lexer::lexNumber() {
  const char *start = cur;
  auto consumeWord = [&] {
    while (cur != end && isIdentChar(*cur))
      ++cur;
  };
  auto invalid = [&](const char *what) {
    diags.report(llvm::SMRange(loc(start), loc(cur)), DiagID::err_bad_number,
                 what, StringRef(start, cur - start));
    push(TokenKind::error, start);
  };
  // Underscores may only separate digits.
  auto underscoresOk = [](StringRef digits) {
    if (digits.empty() || digits.front() == '_' || digits.back() == '_')
      return false;
    return !digits.contains("__");
  };

  if (*cur == '0' && cur + 1 != end && llvm::is_contained("xXoObB", cur[1])) {
    char base = llvm::toLower(cur[1]);
    cur += 2;
    const char *digitsStart = cur;
    consumeWord();
    StringRef digits(digitsStart, cur - digitsStart);
    if (digits.starts_with("_"))
      digits = digits.drop_front();
    bool ok = underscoresOk(digits);
    for (char d : digits) {
      if (d == '_')
        continue;
      if ((base == 'x' && !llvm::isHexDigit(d)) ||
          (base == 'o' && (d < '0' || d > '7')) ||
          (base == 'b' && d != '0' && d != '1'))
        ok = false;
    }
    if (!ok)
      return invalid(base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary");
    return push(TokenKind::int_literal, start);
  }

  auto scanDecimal = [&] {
    while (cur != end && (llvm::isDigit(*cur) || *cur == '_'))
      ++cur;
  };
  bool isFloat = false;
  scanDecimal();
  StringRef intPart(start, cur - start);
  if (cur != end && *cur == '.' &&
      !(cur + 1 != end && (isIdentStart(cur[1]) || cur[1] == '.'))) {
    isFloat = true;
    ++cur;
    scanDecimal();
  }
  if (cur != end && (*cur == 'e' || *cur == 'E')) {
    const char *p = cur + 1;
    if (p != end && (*p == '+' || *p == '-'))
      ++p;
    if (p != end && llvm::isDigit(*p)) {
      isFloat = true;
      cur = p;
      scanDecimal();
    }
  }
  bool trailingJunk = cur != end && isIdentChar(*cur);
  if (trailingJunk)
    consumeWord();
  StringRef text(start, cur - start);
  bool ok = !trailingJunk;
  for (StringRef part : llvm::split(text, '.')) {
    StringRef mantissa = part.split('e').first.split('E').first;
    if (!mantissa.empty() && !underscoresOk(mantissa))
      ok = false;
  }
  if (!ok)
    return invalid(isFloat ? "float" : "integer");
  if (!isFloat && intPart.size() > 1 && intPart[0] == '0' &&
      intPart.find_first_not_of("0_") != StringRef::npos) {
    diags.report(llvm::SMRange(loc(start), loc(cur)), DiagID::err_leading_zero);
    return push(TokenKind::error, start);
  }
  push(isFloat ? TokenKind::float_literal : TokenKind::int_literal, start);
}

/// Decodes one escape sequence after the backslash at `cur`.
bool Lexer::lexEscape(std::string &out) {
  const char *start = cur;
  char c = *cur++;
  switch (c) {
  case 'n': out += '\n'; return true;
  case 't': out += '\t'; return true;
  case 'r': out += '\r'; return true;
  case '0': case '1': case '2': case '3': case '4': case '5': case '6':
  case '7': {
    unsigned value = c - '0';
    for (int i = 0; i < 2 && cur != end && *cur >= '0' && *cur <= '7'; ++i)
      value = value * 8 + (*cur++ - '0');
    out += static_cast<char>(value);
    return true;
  }
  case '\\': out += '\\'; return true;
  case '\'': out += '\''; return true;
  case '"': out += '"'; return true;
  case 'a': out += '\a'; return true;
  case 'b': out += '\b'; return true;
  case 'f': out += '\f'; return true;
  case 'v': out += '\v'; return true;
  case '\n': return true;
  case 'x': case 'u': case 'U': {
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    unsigned value = 0;
    for (int i = 0; i < digits; ++i) {
      if (cur == end || !llvm::isHexDigit(*cur)) {
        diags.report(loc(start - 1), DiagID::err_bad_escape,
                     StringRef(start, cur - start));
        return false;
      }
      value = value * 16 + llvm::hexDigitValue(*cur++);
    }
    if (c == 'x') {
      out += static_cast<char>(value);
      return true;
    }
    char buf[4];
    char *ptr = buf;
    if (!llvm::ConvertCodePointToUTF8(value, ptr)) {
      diags.report(loc(start - 1), DiagID::err_bad_escape,
                   StringRef(start, cur - start));
      return false;
    }
    out.append(buf, ptr);
    return true;
  }
  default:
    diags.report(loc(start - 1), DiagID::err_bad_escape, StringRef(start, 1));
    return false;
  }
}

void Lexer::lexString(const char *start, bool raw) {
  char quote = *cur;
  bool triple = end - cur >= 3 && cur[1] == quote && cur[2] == quote;
  cur += triple ? 3 : 1;
  std::string value;
  bool ok = true;
  while (true) {
    if (cur == end || (!triple && (*cur == '\n' || *cur == '\r'))) {
      diags.report(loc(start), DiagID::err_unterminated_string);
      push(TokenKind::error, start);
      return;
    }
    if (*cur == quote) {
      if (!triple) {
        ++cur;
        break;
      }
      if (end - cur >= 3 && cur[1] == quote && cur[2] == quote) {
        cur += 3;
        break;
      }
    }
    if (*cur == '\\' && !raw && cur + 1 != end) {
      ++cur;
      ok &= lexEscape(value);
      continue;
    }
    if (*cur == '\\' && raw && cur + 1 != end && cur[1] == quote) {
      value += *cur++;
    }
    value += *cur++;
  }
  push(ok ? TokenKind::string_literal : TokenKind::error, start,
       std::move(value));
}

/// `t"text {expr} text"`, at the `t`. Escapes work as in a string, `{{`
/// and `}}` are braces, and each expression is lexed as usual.
void Lexer::lexTemplateString() {
  const char *start = cur++;
  char quote = *cur;
  bool triple = end - cur >= 3 && cur[1] == quote && cur[2] == quote;
  cur += triple ? 3 : 1;
  push(TokenKind::tstring_start, start);
  std::string piece;
  const char *pieceStart = cur;
  auto flushPiece = [&] {
    if (cur != pieceStart)
      push(TokenKind::string_literal, pieceStart, std::move(piece));
    piece.clear();
  };
  while (true) {
    if (cur == end || (!triple && (*cur == '\n' || *cur == '\r'))) {
      diags.report(loc(start), DiagID::err_unterminated_string);
      push(TokenKind::error, start);
      return;
    }
    if (*cur == quote &&
        (!triple || (end - cur >= 3 && cur[1] == quote && cur[2] == quote))) {
      flushPiece();
      const char *closing = cur;
      cur += triple ? 3 : 1;
      push(TokenKind::tstring_end, closing);
      return;
    }
    if (*cur == '\\' && cur + 1 != end) {
      ++cur;
      lexEscape(piece);
      continue;
    }
    if ((*cur == '{' || *cur == '}') && cur + 1 != end && cur[1] == *cur) {
      piece += *cur;
      cur += 2;
      continue;
    }
    if (*cur == '}') {
      diags.report(loc(cur), DiagID::err_tstring_brace);
      ++cur;
      continue;
    }
    if (*cur != '{') {
      piece += *cur++;
      continue;
    }
    flushPiece();
    const char *open = cur++;
    push(TokenKind::tstring_expr_start, open);
    const char *close = findInterpolationEnd(cur, quote);
    if (!close) {
      diags.report(loc(open), DiagID::err_tstring_unclosed);
      push(TokenKind::error, open);
      // The rest of the template string goes with it.
      while (cur != end && *cur != quote && *cur != '\n')
        ++cur;
      if (cur != end && *cur == quote)
        ++cur;
      return;
    }
    while (cur != close && (*cur == ' ' || *cur == '\t'))
      ++cur;
    for (Token &token : Lexer(StringRef(cur, close - cur), diags).run())
      if (token.isNot(TokenKind::eof) && token.isNot(TokenKind::newline) &&
          token.isNot(TokenKind::indent) && token.isNot(TokenKind::dedent))
        tokens.push_back(std::move(token));
    cur = close + 1;
    push(TokenKind::tstring_expr_end, close);
    pieceStart = cur;
  }
}

/// The `}` that closes the interpolation starting at `p`, past nested
/// brackets and strings; null at the end of the template string or at a
/// format spec (`{x:>4}`, `{x!r}`), which Ember does not support yet.
const char *Lexer::findInterpolationEnd(const char *p, char quote) {
  unsigned depth = 0;
  for (; p != end && *p != '\n' && *p != quote; ++p) {
    char c = *p;
    if (c == '"' || c == '\'') {
      for (++p; p != end && *p != c && *p != '\n'; ++p)
        if (*p == '\\' && p + 1 != end)
          ++p;
      if (p == end || *p != c)
        return nullptr;
      continue;
    }
    if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth)
      --depth;
    else if (c == '}')
      return p;
    else if (!depth && (c == ':' || (c == '!' && p[1] != '=')))
      return nullptr;
  }
  return nullptr;
}

void Lexer::lexIdentifier() {
  const char *start = cur;
  while (cur != end && isIdentChar(*cur))
    ++cur;
  StringRef text(start, cur - start);
  TokenKind kind = llvm::StringSwitch<TokenKind>(text)
#define KEYWORD(ID, SPELLING) .Case(SPELLING, TokenKind::kw_##ID)
#include "ember/Lex/TokenKinds.def"
                       .Default(TokenKind::identifier);
  push(kind, start);
}

void Lexer::lexPunctuation() {
  const char *start = cur;
  // Longest match first.
  static const std::pair<StringRef, TokenKind> table[] = {
      {"//=", TokenKind::slashslashequal}, {"**=", TokenKind::starstarequal},
      {"<<=", TokenKind::lesslessequal}, {">>=", TokenKind::greatergreaterequal},
      {"->", TokenKind::arrow}, {"//", TokenKind::slashslash},
      {"**", TokenKind::starstar}, {"<<", TokenKind::lessless},
      {">>", TokenKind::greatergreater}, {"<=", TokenKind::lessequal},
      {">=", TokenKind::greaterequal}, {"==", TokenKind::equalequal},
      {"!=", TokenKind::exclaimequal}, {"+=", TokenKind::plusequal},
      {"-=", TokenKind::minusequal}, {"*=", TokenKind::starequal},
      {"/=", TokenKind::slashequal}, {"%=", TokenKind::percentequal},
      {"&=", TokenKind::ampequal}, {"|=", TokenKind::pipeequal},
      {"^=", TokenKind::caretequal}, {"(", TokenKind::l_paren},
      {")", TokenKind::r_paren}, {"[", TokenKind::l_square},
      {"]", TokenKind::r_square}, {"{", TokenKind::l_brace},
      {"}", TokenKind::r_brace}, {":", TokenKind::colon},
      {",", TokenKind::comma}, {".", TokenKind::period},
      {";", TokenKind::semi}, {"@", TokenKind::at},
      {"=", TokenKind::equal}, {"+", TokenKind::plus},
      {"-", TokenKind::minus}, {"*", TokenKind::star},
      {"/", TokenKind::slash}, {"%", TokenKind::percent},
      {"&", TokenKind::amp}, {"|", TokenKind::pipe},
      {"^", TokenKind::caret}, {"~", TokenKind::tilde},
      {"<", TokenKind::less}, {">", TokenKind::greater},
  };
  StringRef rest(cur, end - cur);
  for (const auto &[spelling, kind] : table) {
    if (!rest.starts_with(spelling))
      continue;
    cur += spelling.size();
    if (kind == TokenKind::l_paren || kind == TokenKind::l_square ||
        kind == TokenKind::l_brace) {
      brackets.push_back(start);
    } else if (kind == TokenKind::r_paren || kind == TokenKind::r_square ||
               kind == TokenKind::r_brace) {
      char open = kind == TokenKind::r_paren    ? '('
                  : kind == TokenKind::r_square ? '['
                                                : '{';
      if (brackets.empty()) {
        diags.report(loc(start), DiagID::err_unmatched_bracket,
                     StringRef(start, 1));
        push(TokenKind::error, start);
        return;
      }
      if (*brackets.back() != open) {
        // Close the open bracket anyway, so that one typo is one error.
        diags.report(loc(start), DiagID::err_mismatched_bracket,
                     StringRef(start, 1), StringRef(brackets.back(), 1));
        brackets.pop_back();
        push(TokenKind::error, start);
        return;
      }
      brackets.pop_back();
    }
    push(kind, start);
    return;
  }
  // Report a whole UTF-8 sequence as one character.
  unsigned length = 1;
  while (cur + length != end && (cur[length] & 0xC0) == 0x80)
    ++length;
  cur += length;
  diags.report(loc(start), DiagID::err_unexpected_char,
               StringRef(start, length));
  push(TokenKind::error, start);
}

std::vector<Token> ember::lexBuffer(StringRef buffer,
                                    DiagnosticEngine &diags) {
  return Lexer(buffer, diags).run();
}

void ember::dumpTokens(const std::vector<Token> &tokens,
                       llvm::SourceMgr &sourceMgr, llvm::raw_ostream &os) {
  for (const Token &tok : tokens) {
    auto [line, col] = sourceMgr.getLineAndColumn(tok.getLoc());
    os << getTokenName(tok.kind);
    if (!tok.text.empty() && tok.kind != TokenKind::newline)
      os << " '" << tok.text << "'";
    os << " " << line << ":" << col << "\n";
  }
}
