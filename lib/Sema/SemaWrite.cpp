//===- SemaWrite.cpp - Ember semantic analysis: writing text --------------===//
//
// Text goes through the library's `Writer` and `Writable` traits, as in
// Mojo. Sema expands the calls that Mojo spells with variadic generics:
//
// - `writer.write(a, b)` is `a.write_to(writer)` then `b.write_to(writer)`;
// - `x.write_to(writer)` of a number or a string literal is the library's
//   `_write_scalar(writer, x)` or `_write_literal(writer, x)`;
// - `print(a, s)` of a struct `s` writes `s` to standard output with
//   `s.write_to(writer)`, `writer` being a `_StdoutWriter`.
//
// Each expansion is a list of calls that later phases emit in order.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

/// Whether `e` can be evaluated again without effect, to pass one writer
/// to several calls: a variable or a field of one.
static bool isReusable(const Expr *e) {
  if (isa<NameExpr>(e))
    return true;
  auto *attr = dyn_cast<AttributeExpr>(e);
  return attr && isReusable(attr->base.get());
}

bool Sema::rewriteWriteCall(ExprPtr &e) {
  auto &call = *llvm::cast<CallExpr>(e.get());
  auto *callee = dyn_cast<AttributeExpr>(call.callee.get());
  if (!callee || (callee->name != "write_to" && callee->name != "write") ||
      getStructNamedBy(callee->base.get()))
    return false;
  const Type *base = checkValue(callee->base);
  if (base->isError())
    return false;
  llvm::SMRange range = e->getRange();
  if (callee->name == "write_to") {
    // A number or a string literal writes its text; a vector, its lanes.
    if (base->isDType())
      base = nameDType(callee->base);
    if (!base->isScalar() && !base->isString() && !base->isSIMD())
      return false;
    if (call.args.size() != 1 || !call.args[0].keyword.empty())
      return false;
    std::vector<ExprPtr> args;
    args.push_back(std::move(call.args[0].value));
    args.push_back(std::move(callee->base));
    const char *writer = base->isString() ? "_write_literal"
                         : base->isSIMD() ? "_write_simd"
                                          : "_write_scalar";
    e = makeFunctionCall(writer, std::move(args), range);
    check(e);
    return true;
  }
  // `writer.write(...)` of a writer without a `write` method of its own
  // (`String.write(a, b)`, a static one that makes a string, is another).
  auto *structType = dyn_cast<StructType>(base);
  if (!structType ||
      llvm::any_of(structType->getDecl().findMethods("write"),
                   [](const FnDecl *fn) { return !fn->isStatic; }) ||
      structType->getDecl().findMethods("write_bytes").empty())
    return false;
  if (!isReusable(callee->base.get())) {
    diags.report(callee->base->getRange(), DiagID::err_unsupported,
                 "`write` on this expression; write to a variable");
    e->type = errorType();
    return true;
  }
  std::vector<ExprPtr> parts;
  for (CallArgument &arg : call.args) {
    if (!arg.keyword.empty()) {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, "write",
                   arg.keyword);
      continue;
    }
    std::vector<ExprPtr> writer;
    writer.push_back(cloneExpr(*callee->base));
    llvm::SMRange argRange = arg.value->getRange();
    parts.push_back(makeMethodCall(std::move(arg.value), "write_to",
                                   std::move(writer), argRange,
                                   argRange.Start));
  }
  auto expanded = std::make_unique<CallExpr>(range, std::move(call.callee));
  expanded->builtin = Builtin::WriteAll;
  expanded->parts = std::move(parts);
  e = std::move(expanded);
  auto &result = *llvm::cast<CallExpr>(e.get());
  for (ExprPtr &part : result.parts)
    check(part);
  result.type = Type::get(Type::Kind::None);
  return true;
}

/// The element type of a tuple (or of a tuple in it) that cannot be
/// written, or null.
static const Type *findUnwritableElement(const StructDecl &tuple) {
  for (const FieldDecl &field : tuple.fields) {
    auto *element = dyn_cast<StructType>(field.type);
    if (!element)
      continue;
    const StructDecl &decl = element->getDecl();
    if (decl.isTuple) {
      if (const Type *inner = findUnwritableElement(decl))
        return inner;
    } else if (decl.findMethods("write_to").empty() &&
               decl.findMethods("__repr__").empty()) {
      return field.type;
    }
  }
  return nullptr;
}

/// `print`'s argument `arg`, a struct, becomes `arg.write_to(writer)` with
/// a standard output writer of its own.
void Sema::checkPrintWritable(ExprPtr &arg) {
  const Symbol *symbol = moduleScope.lookupHere("_StdoutWriter");
  if (!symbol || symbol->kind != Symbol::Kind::Type) {
    diags.report(arg->getRange(), DiagID::err_not_printable,
                 arg->type->getName());
    return;
  }
  auto *structType = llvm::dyn_cast<StructType>(arg->type);
  StructDecl *decl = structType ? &structType->getDecl() : nullptr;
  if (decl && findCallableMethods(*decl, "write_to").empty()) {
    diags.report(arg->getRange(), DiagID::err_not_writable,
                 arg->type->getName());
    diags.report(decl->nameRange, DiagID::note_make_writable, decl->name);
    return;
  }
  if (const Type *element =
          decl && decl->isTuple ? findUnwritableElement(*decl) : nullptr) {
    diags.report(arg->getRange(), DiagID::err_tuple_not_writable,
                 arg->type->getName(), element->getName());
    return;
  }
  llvm::SMRange range = arg->getRange();
  auto writer = std::make_unique<NameExpr>(range, "print.writer");
  writer->local = declareHiddenLocal("print.writer", range, symbol->type);
  writer->type = symbol->type;
  std::vector<ExprPtr> args;
  args.push_back(std::move(writer));
  arg = makeMethodCall(std::move(arg), "write_to", std::move(args), range,
                       range.Start);
  check(arg);
}

/// A `DType` writes its name (`float32`): `e` becomes the string.
const Type *Sema::nameDType(ExprPtr &e) {
  llvm::SMRange range = e->getRange();
  if (std::optional<int64_t> code = evaluateConstant(*e)) {
    e = std::make_unique<StringLiteralExpr>(
        range,
        Type::get(static_cast<Type::Kind>(*code))->getDTypeName().str());
    return check(e);
  }
  // Known at run time only: one comparison per dtype.
  if (!isReusable(e.get())) {
    diags.report(range, DiagID::err_unsupported,
                 "writing this `DType` expression; store it in a variable");
    e->type = errorType();
    return e->type;
  }
  ExprPtr name = std::make_unique<StringLiteralExpr>(range, "<<unknown>>");
  for (int k = static_cast<int>(Type::Kind::Bool);
       k <= static_cast<int>(Type::Kind::Float64); ++k) {
    const Type *scalar = Type::get(static_cast<Type::Kind>(k));
    auto compare = std::make_unique<CompareExpr>(range);
    compare->operands.push_back(cloneExpr(*e));
    compare->operands.push_back(makeDTypeLiteral(range, k));
    compare->ops.push_back(CompareOperator::Eq);
    compare->opLocs.push_back(range.Start);
    name = std::make_unique<ConditionalExpr>(
        range, std::move(compare),
        std::make_unique<StringLiteralExpr>(range,
                                            scalar->getDTypeName().str()),
        std::move(name));
  }
  e = std::move(name);
  return check(e);
}

/// `self.field`, in a method Sema makes.
ExprPtr Sema::makeFieldAccess(const FieldDecl &field, llvm::SMRange at) {
  return std::make_unique<AttributeExpr>(
      at, std::make_unique<NameExpr>(at, "self"), field.name, at);
}

/// `def write_to(self, mut writer: Some[Writer]): writer.write(parts...)`
/// for `decl`, a library method: generic, so checked only where a value
/// is written.
std::unique_ptr<FnDecl> Sema::makeWriteTo(StructDecl &decl,
                                          std::vector<ExprPtr> parts) {
  llvm::SMRange at = decl.nameRange;
  auto name = [&](const char *text) {
    return std::make_unique<NameExpr>(at, text);
  };
  auto fn = std::make_unique<FnDecl>();
  fn->isDef = true;
  fn->isLibrary = true;
  fn->parent = &decl;
  fn->name = "write_to";
  fn->nameRange = fn->range = at;
  Param self, writer;
  self.name = "self";
  writer.name = "writer";
  self.nameRange = writer.nameRange = at;
  writer.convention = ArgConvention::Mut;
  auto some = std::make_unique<SubscriptExpr>(at, name("Some"));
  some->indices.push_back(name("Writer"));
  writer.typeExpr = std::move(some);
  fn->params.push_back(std::move(self));
  fn->params.push_back(std::move(writer));
  auto write = std::make_unique<CallExpr>(
      at, std::make_unique<AttributeExpr>(at, name("writer"), "write", at));
  for (ExprPtr &part : parts)
    write->args.push_back({"", {}, std::move(part)});
  fn->body.push_back(std::make_unique<ExprStmt>(at, std::move(write)));
  return fn;
}

/// `Writable`'s default `write_to`, for a struct that conforms without
/// one: `Point(x=1, y=2)`, each field written as it writes itself.
std::unique_ptr<FnDecl> Sema::makeFieldwiseWriteTo(StructDecl &decl) {
  llvm::SMRange at = decl.nameRange;
  std::vector<ExprPtr> parts;
  parts.push_back(std::make_unique<StringLiteralExpr>(at, decl.name + "("));
  for (auto [i, field] : llvm::enumerate(decl.fields)) {
    parts.push_back(std::make_unique<StringLiteralExpr>(
        at, (i ? ", " : "") + field.name + "="));
    parts.push_back(makeFieldAccess(field, at));
  }
  parts.push_back(std::make_unique<StringLiteralExpr>(at, ")"));
  return makeWriteTo(decl, std::move(parts));
}
