//===- ParserImpl.h - The parser's state and grammar -----------*- C++ -*-===//
//
// Shared by the files of the parser: ParseDecl.cpp (module level),
// ParseStmt.cpp (statements and blocks) and ParseExpr.cpp (expressions).
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_LIB_PARSE_PARSERIMPL_H
#define EMBER_LIB_PARSE_PARSERIMPL_H

#include "ember/Parse/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>

namespace ember {
namespace parser {

using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

/// Deeper nesting than this is rejected instead of overflowing the stack.
constexpr unsigned kMaxNesting = 200;
/// The longest chain of left-associative operators (`a + b + ...`), whose
/// tree is as deep as the chain is long.
constexpr unsigned kMaxChain = 5000;

/// Parse functions return null after they reported an error, and the
/// statement parser resynchronizes.
class Parser {
public:
  Parser(const std::vector<Token> &tokens, DiagnosticEngine &diags)
      : tokens(tokens), diags(diags) {}

  std::unique_ptr<Module> parseModule(StringRef name);
  /// The module being parsed, which an import in a body adds to.
  Module *currentModule = nullptr;

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
  /// At `ref[`, which begins an origin.
  bool isRefWithOrigin() const {
    return is(TokenKind::identifier) && tok().text == "ref" &&
           peek().is(TokenKind::l_square);
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
  std::unique_ptr<FnDecl> parseFunction(bool isNested = false);
  bool parseCaptureList(FnDecl &fn);
  std::optional<ArgConvention> parseCaptureConvention() const;
  bool parseParams(FnDecl &fn);
  bool parseCompileTimeParams(std::vector<CompileTimeParam> &params);
  std::unique_ptr<AliasDecl> parseAlias();
  ExprPtr parseTemplateString();
  std::optional<ImportDecl> parseImport();
  std::string parseDottedName(SMRange &range);
  void unsupportedDecl(StringRef what);
  struct Decorator {
    std::string name;
    SMRange range;
  };
  bool parseDecorators(std::vector<Decorator> &decorators);
  bool checkDecorators(llvm::ArrayRef<Decorator> decorators,
                       llvm::ArrayRef<StringRef> accepted);
  std::unique_ptr<FnDecl>
  parseDecoratedFunction(llvm::ArrayRef<Decorator> decorators, bool inStruct);
  std::unique_ptr<StructDecl> parseStruct(llvm::ArrayRef<Decorator> decorators);
  void parseStructMember(StructDecl &decl);
  bool parseTypeList(std::vector<ExprPtr> &types,
                     std::vector<ExprPtr> *conditions = nullptr);
  bool parseTypeBody(llvm::function_ref<void()> member, StringRef what);
  std::unique_ptr<TraitDecl> parseTrait();
  void parseTraitMember(TraitDecl &decl);
  void parseTypeMember(
      llvm::function_ref<void(std::unique_ptr<FnDecl>)> addMethod,
      llvm::function_ref<bool()> other, DiagID unexpected);
  void parseField(StructDecl &decl);
  void suggestKeyword(const Token &first);
  std::unique_ptr<ComptimeAssertStmt> parseComptimeAssert();

  //===--- Statements ------------------------------------------------------===//
  bool parseBlock(Block &block, StringRef after);
  void parseStatement(Block &block);
  void parseSimpleStatements(Block &block);
  StmtPtr parseSimpleStatement();
  StmtPtr parseIf(SMLoc start);
  StmtPtr parseComptime(SMLoc start);
  StmtPtr parseWhile();
  StmtPtr parseTry();
  StmtPtr parseWith();
  StmtPtr parseFor();
  StmtPtr parseVar();
  StmtPtr parseVarList(SMLoc start, const Token &first);
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
  ExprPtr parseBraces();
  ExprPtr parseCallArgs(ExprPtr callee);
  ExprPtr parseSubscript(ExprPtr base);
  ExprPtr parseSlice(ExprPtr start);
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

} // namespace parser
} // namespace ember

#endif
