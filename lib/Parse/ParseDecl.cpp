//===- ParseDecl.cpp - Ember parser: module-level declarations ------------===//

#include "ParserImpl.h"

using namespace ember;
using namespace ember::parser;

std::unique_ptr<Module> Parser::parseModule(StringRef name) {
  auto module = std::make_unique<Module>();
  module->name = name.str();
  currentModule = module.get();
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

/// Parses `@name` or `@name(...)` lines; the item they decorate decides
/// which it accepts.
bool Parser::parseDecorators(std::vector<Decorator> &decorators) {
  while (consumeIf(TokenKind::at)) {
    if (!is(TokenKind::identifier)) {
      expect(TokenKind::identifier, "a decorator name");
      return false;
    }
    const Token &name = consume();
    decorators.push_back({name.text.str(), name.getRange()});
    if (consumeIf(TokenKind::l_paren))
      while (!is(TokenKind::eof) && !consumeIf(TokenKind::r_paren))
        consume();
    if (!expect(TokenKind::newline))
      return false;
  }
  return true;
}

/// Reports the first decorator not in `accepted`; returns whether all are.
bool Parser::checkDecorators(llvm::ArrayRef<Decorator> decorators,
                             llvm::ArrayRef<StringRef> accepted) {
  for (const Decorator &d : decorators)
    if (!llvm::is_contained(accepted, d.name)) {
      diags.report(d.range, DiagID::err_unsupported,
                   "the decorator `@" + d.name + "`" +
                       (d.name == "staticmethod" ? " outside a struct" : ""));
      return false;
    }
  return true;
}

/// Parses a `fn` or `def` and applies its decorators.
std::unique_ptr<FnDecl>
Parser::parseDecoratedFunction(llvm::ArrayRef<Decorator> decorators,
                               bool inStruct) {
  static const StringRef functionDecorators[] = {"always_inline", "no_inline"};
  static const StringRef methodDecorators[] = {"always_inline", "no_inline",
                                               "staticmethod", "implicit"};
  if (!checkDecorators(decorators, inStruct
                                       ? llvm::ArrayRef(methodDecorators)
                                       : llvm::ArrayRef(functionDecorators))) {
    skipToNextStatement();
    return nullptr;
  }
  auto fn = parseFunction();
  if (fn) {
    fn->isStatic = llvm::any_of(
        decorators, [](const Decorator &d) { return d.name == "staticmethod"; });
    fn->isImplicit = llvm::any_of(
        decorators, [](const Decorator &d) { return d.name == "implicit"; });
  }
  return fn;
}

void Parser::parseTopLevel(Module &module) {
  std::vector<Decorator> decorators;
  if (is(TokenKind::at)) {
    if (!parseDecorators(decorators)) {
      // Skip the rest of the decorators and the item they decorate.
      skipToNextStatement();
      while (is(TokenKind::at))
        skipToNextStatement();
      skipToNextStatement();
      return;
    }
    if (!is(TokenKind::kw_fn) && !is(TokenKind::kw_def) &&
        !is(TokenKind::kw_struct)) {
      expect(TokenKind::kw_fn, "`fn`, `def` or `struct` after a decorator");
      skipToNextStatement();
      return;
    }
  }
  switch (tok().kind) {
  case TokenKind::kw_fn:
  case TokenKind::kw_def:
    if (auto fn = parseDecoratedFunction(decorators, /*inStruct=*/false))
      module.functions.push_back(std::move(fn));
    return;
  case TokenKind::kw_struct:
    if (auto decl = parseStruct(decorators))
      module.structs.push_back(std::move(decl));
    return;
  case TokenKind::kw_comptime:
    if (peek().is(TokenKind::kw_if) || peek().is(TokenKind::kw_for)) {
      diags.report(SMRange(tok().getLoc(), peek().getRange().End),
                   DiagID::err_unsupported,
                   ("`comptime " + peek().text + "` at module level").str());
      skipToNextStatement();
      return;
    }
    if (peek().is(TokenKind::kw_assert)) {
      if (auto stmt = parseComptimeAssert())
        module.asserts.push_back(std::move(stmt));
      if (!is(TokenKind::eof) && !expect(TokenKind::newline))
        skipToNextStatement();
      return;
    }
    [[fallthrough]];
  case TokenKind::kw_alias:
    if (auto alias = parseAlias()) {
      alias->isModuleLevel = true;
      module.aliases.push_back(std::move(alias));
    }
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
  case TokenKind::kw_trait:
    if (!decorators.empty()) {
      checkDecorators(decorators, {});
      skipToNextStatement();
      return;
    }
    if (auto decl = parseTrait())
      module.traits.push_back(std::move(decl));
    return;
  case TokenKind::string_literal:
    // A module's docstring, or any string standing alone: documentation.
    skipToNextStatement();
    return;
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

/// `(Name, ...)` after a struct or trait name: its traits or parents.
bool Parser::parseTypeList(std::vector<ExprPtr> &types,
                           std::vector<ExprPtr> *conditions) {
  if (!consumeIf(TokenKind::l_paren))
    return true;
  while (!consumeIf(TokenKind::r_paren)) {
    ExprPtr type = parseExpr();
    if (!type)
      return false;
    types.push_back(std::move(type));
    // `Writable where conforms_to(T, Writable)`: a conditional conformance.
    if (conditions) {
      conditions->emplace_back();
      if (is(TokenKind::identifier) && tok().text == "where") {
        consume();
        if (!(conditions->back() = parseExpr()))
          return false;
      }
    }
    if (!is(TokenKind::r_paren) && !expect(TokenKind::comma, "`,` or `)`"))
      return false;
  }
  return true;
}

/// The `:` and the indented body of a struct or trait; `member` parses
/// each member.
bool Parser::parseTypeBody(llvm::function_ref<void()> member,
                           StringRef what) {
  if (!expect(TokenKind::colon)) {
    skipToNextStatement();
    return false;
  }
  if (!consumeIf(TokenKind::newline) || !is(TokenKind::indent)) {
    diags.report(tok().getLoc(), DiagID::err_expected_indented_block, what);
    skipToNextStatement();
    return false;
  }
  consume();
  while (!is(TokenKind::dedent) && !is(TokenKind::eof))
    member();
  consumeIf(TokenKind::dedent);
  return true;
}

/// `trait Name(Parent, ...):` with methods, docstrings and `pass`.
std::unique_ptr<TraitDecl> Parser::parseTrait() {
  auto decl = std::make_unique<TraitDecl>();
  SMLoc start = consume().getLoc();
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a trait name");
    skipToNextStatement();
    return nullptr;
  }
  decl->name = tok().text.str();
  decl->nameRange = consume().getRange();
  if (is(TokenKind::l_square)) {
    unsupportedDecl("a compile-time parameter list");
    return nullptr;
  }
  if (!parseTypeList(decl->parents)) {
    skipToNextStatement();
    return nullptr;
  }
  decl->range = rangeFrom(start);
  parseTypeBody([&] { parseTraitMember(*decl); }, "the trait declaration");
  return decl;
}

void Parser::parseTraitMember(TraitDecl &decl) {
  auto addMethod = [&](std::unique_ptr<FnDecl> fn) {
    auto *pass = fn->body.size() == 1
                     ? llvm::dyn_cast<PassStmt>(fn->body.front().get())
                     : nullptr;
    fn->isRequired = pass && pass->isEllipsis;
    decl.methods.push_back(std::move(fn));
  };
  auto other = [&] {
    if (is(TokenKind::kw_var)) {
      diags.report(tok().getRange(), DiagID::err_trait_field);
      skipToNextStatement();
      return true;
    }
    if (is(TokenKind::kw_comptime) || is(TokenKind::kw_alias)) {
      unsupportedDecl("a `comptime` member of a trait");
      return true;
    }
    return false;
  };
  parseTypeMember(addMethod, other, DiagID::err_expected_trait_member);
}

/// One member of a struct or trait body. Blank lines, docstrings and `pass`
/// are skipped; a method, with its decorators, goes to `addMethod`; `other`
/// parses the rest, returning false for what the body does not take.
void Parser::parseTypeMember(
    llvm::function_ref<void(std::unique_ptr<FnDecl>)> addMethod,
    llvm::function_ref<bool()> other, DiagID unexpected) {
  if (consumeIf(TokenKind::newline))
    return;
  std::vector<Decorator> decorators;
  if (is(TokenKind::at) && !parseDecorators(decorators)) {
    skipToNextStatement();
    skipToNextStatement();
    return;
  }
  if (is(TokenKind::kw_fn) || is(TokenKind::kw_def)) {
    if (auto fn = parseDecoratedFunction(decorators, /*inStruct=*/true))
      addMethod(std::move(fn));
    return;
  }
  if (is(TokenKind::indent)) {
    diags.report(tok().getLoc(), DiagID::err_unexpected_indent);
    skipBlock();
    return;
  }
  if (!decorators.empty()) {
    expect(TokenKind::kw_fn, "`fn` or `def` after a decorator");
    skipToNextStatement();
    return;
  }
  // A docstring or `pass`.
  if (is(TokenKind::kw_pass) || is(TokenKind::string_literal)) {
    skipToNextStatement();
    return;
  }
  if (other())
    return;
  diags.report(tok().getRange(), unexpected, describe(tok()));
  skipToNextStatement();
}

/// `struct Name(Trait, ...):` and its indented body of fields, methods,
/// `comptime` members, docstrings and `pass`.
std::unique_ptr<StructDecl>
Parser::parseStruct(llvm::ArrayRef<Decorator> decorators) {
  static const StringRef structDecorators[] = {"fieldwise_init", "value"};
  if (!checkDecorators(decorators, structDecorators)) {
    skipToNextStatement();
    return nullptr;
  }
  auto decl = std::make_unique<StructDecl>();
  for (const Decorator &d : decorators) {
    decl->fieldwiseInit = true;
    decl->valueDecorator |= d.name == "value";
    decl->decoratorRange = d.range;
  }
  SMLoc start = consume().getLoc();
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a struct name");
    skipToNextStatement();
    return nullptr;
  }
  decl->name = tok().text.str();
  decl->nameRange = consume().getRange();
  if (consumeIf(TokenKind::l_square) &&
      !parseCompileTimeParams(decl->compileTimeParams)) {
    skipToNextStatement();
    return nullptr;
  }
  if (!parseTypeList(decl->traits, &decl->traitConditions)) {
    skipToNextStatement();
    return nullptr;
  }
  decl->range = rangeFrom(start);
  parseTypeBody([&] { parseStructMember(*decl); }, "the struct declaration");
  return decl;
}

void Parser::parseStructMember(StructDecl &decl) {
  auto addMethod = [&](std::unique_ptr<FnDecl> fn) {
    fn->parent = &decl;
    decl.methods.push_back(std::move(fn));
  };
  auto other = [&] {
    if (is(TokenKind::kw_var)) {
      parseField(decl);
      return true;
    }
    if (is(TokenKind::kw_comptime) || is(TokenKind::kw_alias)) {
      if (auto alias = parseAlias())
        decl.members.push_back(std::move(alias));
      else
        skipToNextStatement();
      return true;
    }
    return false;
  };
  parseTypeMember(addMethod, other, DiagID::err_expected_member);
}

/// `var name: Type` in a struct body.
void Parser::parseField(StructDecl &decl) {
  consume();
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a field name");
    skipToNextStatement();
    return;
  }
  FieldDecl field;
  field.name = tok().text.str();
  field.nameRange = consume().getRange();
  if (!expect(TokenKind::colon, "`:` and the field's type") ||
      !(field.typeExpr = parseExpr())) {
    skipToNextStatement();
    return;
  }
  if (is(TokenKind::equal)) {
    diags.report(tok().getRange(), DiagID::err_unsupported,
                 "a default value for a field");
    skipToNextStatement();
    return;
  }
  decl.fields.push_back(std::move(field));
  if (!is(TokenKind::eof) && !expect(TokenKind::newline))
    skipToNextStatement();
}

std::unique_ptr<FnDecl> Parser::parseFunction(bool isNested) {
  auto fn = std::make_unique<FnDecl>();
  SMLoc start = tok().getLoc();
  fn->isDef = consume().is(TokenKind::kw_def);
  fn->isNested = isNested;
  if (!is(TokenKind::identifier)) {
    expect(TokenKind::identifier, "a function name");
    skipToNextStatement();
    return nullptr;
  }
  fn->name = tok().text.str();
  fn->nameRange = consume().getRange();
  if (consumeIf(TokenKind::l_square) &&
      !parseCompileTimeParams(fn->compileTimeParams)) {
    skipToNextStatement();
    return nullptr;
  }
  if (!expect(TokenKind::l_paren) || !parseParams(*fn)) {
    skipToNextStatement();
    return nullptr;
  }
  if (is(TokenKind::l_brace) && !parseCaptureList(*fn)) {
    skipToNextStatement();
    return nullptr;
  }
  fn->raises = consumeIf(TokenKind::kw_raises);
  auto isWhere = [&] {
    return is(TokenKind::identifier) && tok().text == "where";
  };
  // `raises Type`: a typed error.
  if (fn->raises && !is(TokenKind::arrow) && !is(TokenKind::colon) &&
      !isWhere() && !(fn->raisedTypeExpr = parseBinary(0))) {
    skipToNextStatement();
    return nullptr;
  }
  if (consumeIf(TokenKind::arrow)) {
    // `-> ref[origin] T` returns a reference.
    if (isRefWithOrigin()) {
      consume(), consume();
      fn->returnsRef = true;
      if (!(fn->resultOriginExpr = parseExpr()) ||
          !expect(TokenKind::r_square, "`]` after the origin")) {
        skipToNextStatement();
        return nullptr;
      }
    }
    fn->resultTypeExpr = parseExpr();
    if (!fn->resultTypeExpr) {
      skipToNextStatement();
      return nullptr;
    }
  }
  // `where cond`: a constraint on the compile-time parameters.
  if (isWhere()) {
    consume();
    if (!(fn->constraint = parseExpr())) {
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

/// Parses `[T: Trait, n: Int = 4]` after the `[`; a `//` ends the
/// infer-only parameters.
bool Parser::parseCompileTimeParams(std::vector<CompileTimeParam> &params) {
  bool keywordOnly = false;
  while (!consumeIf(TokenKind::r_square)) {
    // `/` ends positional-only parameters, which bind as usual.
    if (is(TokenKind::slash) &&
        (peek().is(TokenKind::comma) || peek().is(TokenKind::r_square))) {
      consume();
      consumeIf(TokenKind::comma);
      continue;
    }
    if (consumeIf(TokenKind::slashslash)) {
      for (CompileTimeParam &param : params)
        param.inferOnly = true;
      if (!is(TokenKind::r_square) && !expect(TokenKind::comma, "`,` or `]`"))
        return false;
      continue;
    }
    if (is(TokenKind::starstar)) {
      diags.report(tok().getRange(), DiagID::err_unsupported,
                   "a variadic keyword compile-time parameter");
      return false;
    }
    CompileTimeParam param;
    // A bare `*` makes the parameters after it keyword-only; `*Ts` is a
    // pack, after which they are keyword-only too.
    if (consumeIf(TokenKind::star)) {
      if (consumeIf(TokenKind::comma) || is(TokenKind::r_square)) {
        keywordOnly = true;
        continue;
      }
      param.isVariadic = true;
    }
    param.keywordOnly = keywordOnly;
    keywordOnly |= param.isVariadic;
    if (!is(TokenKind::identifier))
      return expect(TokenKind::identifier, "a parameter name");
    param.name = tok().text.str();
    param.nameRange = consume().getRange();
    if (!expect(TokenKind::colon, "`:` and the parameter's trait or type") ||
        !(param.typeExpr = parseExpr()))
      return false;
    if (consumeIf(TokenKind::equal) && !(param.defaultValue = parseExpr()))
      return false;
    params.push_back(std::move(param));
    if (!is(TokenKind::r_square) && !expect(TokenKind::comma, "`,` or `]`"))
      return false;
  }
  return true;
}

/// `{imm a, mut b, var c^, d, mut}` after a closure's arguments.
bool Parser::parseCaptureList(FnDecl &fn) {
  SMLoc start = consume().getLoc();
  fn.hasCaptureList = true;
  while (!consumeIf(TokenKind::r_brace)) {
    CaptureDecl capture;
    SMLoc entry = tok().getLoc();
    // A convention, then a name unless the entry is a default.
    if ((is(TokenKind::identifier) || is(TokenKind::kw_var)) &&
        !peek().is(TokenKind::comma) && !peek().is(TokenKind::r_brace) &&
        !peek().is(TokenKind::caret)) {
      std::optional<ArgConvention> convention = parseCaptureConvention();
      if (!convention)
        return expect(TokenKind::identifier, "`imm`, `mut`, `var` or `ref`");
      capture.convention = *convention;
      consume();
    } else if (std::optional<ArgConvention> convention =
                   parseCaptureConvention()) {
      // `{mut}` or `{var^}`: the default convention.
      capture.convention = *convention;
      consume();
      capture.transfer = consumeIf(TokenKind::caret);
      capture.range = rangeFrom(entry);
      fn.captures.push_back(std::move(capture));
      if (!is(TokenKind::r_brace) && !expect(TokenKind::comma, "`,` or `}`"))
        return false;
      continue;
    }
    if (!is(TokenKind::identifier))
      return expect(TokenKind::identifier, "the name of a captured value");
    capture.name = consume().text.str();
    capture.transfer = consumeIf(TokenKind::caret);
    capture.range = rangeFrom(entry);
    fn.captures.push_back(std::move(capture));
    if (!is(TokenKind::r_brace) && !expect(TokenKind::comma, "`,` or `}`"))
      return false;
  }
  if (!fn.isNested) {
    diags.report(rangeFrom(start), DiagID::err_capture_list_top_level);
    return false;
  }
  return true;
}

/// The capture convention the current token names, if any.
std::optional<ArgConvention> Parser::parseCaptureConvention() const {
  if (is(TokenKind::kw_var))
    return ArgConvention::Owned;
  if (!is(TokenKind::identifier))
    return std::nullopt;
  return llvm::StringSwitch<std::optional<ArgConvention>>(tok().text)
      .Cases({"imm", "read"}, ArgConvention::Read)
      .Case("mut", ArgConvention::Mut)
      .Case("ref", ArgConvention::Ref)
      .Default(std::nullopt);
}

/// Parses `params ')'` after the `(`.
bool Parser::parseParams(FnDecl &fn) {
  bool keywordOnly = false;
  while (!consumeIf(TokenKind::r_paren)) {
    Param param;
    // An argument convention is a word followed by the argument name.
    if ((is(TokenKind::identifier) || is(TokenKind::kw_var)) &&
        (peek().is(TokenKind::identifier) || peek().is(TokenKind::star))) {
      std::optional<ArgConvention> convention =
          llvm::StringSwitch<std::optional<ArgConvention>>(tok().text)
              .Cases({"read", "borrowed", "imm"}, ArgConvention::Read)
              .Cases({"mut", "inout"}, ArgConvention::Mut)
              .Cases({"owned", "var"}, ArgConvention::Owned)
              .Case("out", ArgConvention::Out)
              .Case("ref", ArgConvention::Ref)
              .Case("deinit", ArgConvention::Deinit)
              .Default(std::nullopt);
      if (convention) {
        param.convention = *convention;
        consume();
      }
    } else if (isRefWithOrigin()) {
      // `ref[origin] name`: the origin names the argument's lifetime.
      consume(), consume();
      param.convention = ArgConvention::Ref;
      if (!is(TokenKind::identifier))
        return expect(TokenKind::identifier, "the name of an origin");
      param.originName = consume().text.str();
      if (!expect(TokenKind::r_square, "`]` after the origin"))
        return false;
    }
    // `*` alone: the arguments after it are keyword-only; `/` alone: the
    // arguments before it are positional-only, which binds them as usual.
    if ((is(TokenKind::star) || is(TokenKind::slash)) &&
        (peek().is(TokenKind::comma) || peek().is(TokenKind::r_paren))) {
      keywordOnly |= consume().is(TokenKind::star);
      if (!is(TokenKind::r_paren))
        consume();
      continue;
    }
    if (is(TokenKind::starstar)) {
      diags.report(tok().getRange(), DiagID::err_unsupported,
                   "a variadic keyword argument");
      return false;
    }
    // `*values: T` takes the remaining positional arguments; those after
    // it are keyword-only.
    if (consumeIf(TokenKind::star)) {
      param.isVariadic = true;
      keywordOnly = true;
    } else {
      param.keywordOnly = keywordOnly;
    }
    if (!is(TokenKind::identifier))
      return expect(TokenKind::identifier, "an argument name");
    param.name = tok().text.str();
    param.nameRange = consume().getRange();
    if (consumeIf(TokenKind::colon)) {
      // `*args: *Ts`: one argument of each type of the pack `Ts`.
      param.isPack = param.isVariadic && consumeIf(TokenKind::star);
      if (!(param.typeExpr = parseExpr()))
        return false;
    }
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
  if (consumeIf(TokenKind::l_square) &&
      !parseCompileTimeParams(alias->compileTimeParams))
    return nullptr;
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
  imp.spelling = imp.module;
  if (isFrom) {
    if (!expect(TokenKind::kw_import))
      return std::nullopt;
    bool parens = consumeIf(TokenKind::l_paren);
    do {
      if (parens && is(TokenKind::r_paren))
        break;
      ImportDecl::Name name;
      if (!parens && imp.names.empty() && is(TokenKind::star)) {
        imp.importsAll = true;
        imp.starRange = consume().getRange();
        break;
      }
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
    if (!is(TokenKind::identifier)) {
      expect(TokenKind::identifier, "a name");
      return std::nullopt;
    }
    imp.asName = consume().text.str();
  }
  if (!is(TokenKind::eof) && !expect(TokenKind::newline))
    return std::nullopt;
  return imp;
}

