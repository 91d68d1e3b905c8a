//===- SemaExpr.cpp - Ember semantic analysis: expressions ----------------===//

#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

llvm::StringRef Sema::getSourceText(llvm::SMRange range) {
  return llvm::StringRef(range.Start.getPointer(),
                         range.End.getPointer() - range.Start.getPointer());
}

const Type *Sema::check(ExprPtr &e, const Type *expected) {
  // An expression is checked once; overload resolution looks at argument
  // types before the chosen overload checks the arguments. Literals take
  // their type from each context, so they are checked again.
  if (e->type && !isLiteral(e.get()))
    return e->type;
  if (isa<AttributeExpr>(e.get()) && rewriteModuleAccess(e))
    return check(e, expected);
  if ((isa<NameExpr>(e.get()) || isa<SubscriptExpr>(e.get()) ||
       isa<CallExpr>(e.get())) &&
      !packs.empty() && rewritePackUse(e))
    return check(e, expected);
  if (isa<DictExpr>(e.get()) && rewriteEmptyInitializer(e, expected))
    return e->type;
  // Arithmetic on literals, a float literal among them, is exact, as
  // Mojo's `FloatLiteral` is; the result is rounded once, to its type.
  if (isa<UnaryExpr, BinaryExpr>(e.get()) && isLiteral(e.get()) &&
      containsFloatLiteral(e.get()))
    if (std::optional<Rational> exact = getExactValue(*e);
        exact && !exact->isZero()) {
      double value = exact->toDouble();
      e = std::make_unique<FloatLiteralExpr>(e->getRange(), value,
                                             std::move(exact));
      return check(e, expected);
    }
  const Type *type = nullptr;
  switch (e->getKind()) {
  case Expr::Kind::IntLiteral:
    type = checkIntLiteral(*cast<IntLiteralExpr>(e.get()), expected, false);
    break;
  case Expr::Kind::FloatLiteral:
    // A literal where a vector is wanted is one lane, splat later.
    if (expected)
      expected = expected->getElementType();
    if (expected && expected->isFloat()) {
      type = expected;
    } else if (expected && expected->isInteger()) {
      diags.report(e->getRange(), DiagID::err_float_literal_to_int,
                   expected->getName());
      type = errorType();
    } else {
      type = Type::get(Type::Kind::Float64);
    }
    break;
  case Expr::Kind::StringLiteral:
    type = Type::get(Type::Kind::StringLiteral);
    break;
  case Expr::Kind::BoolLiteral:
    type = Type::get(Type::Kind::Bool);
    break;
  case Expr::Kind::NoneLiteral:
    type = Type::get(Type::Kind::None);
    break;
  case Expr::Kind::DTypeLiteral:
    type = Type::get(Type::Kind::DType);
    break;
  case Expr::Kind::Name:
    type = checkName(*cast<NameExpr>(e.get()));
    break;
  case Expr::Kind::Unary:
    type = checkUnary(e, expected);
    break;
  case Expr::Kind::Binary:
    type = checkBinary(e, expected);
    break;
  case Expr::Kind::BoolOp:
    type = checkBoolOp(*cast<BoolOpExpr>(e.get()), expected);
    break;
  case Expr::Kind::Compare:
    type = checkCompare(e);
    break;
  case Expr::Kind::Conditional:
    type = checkConditional(*cast<ConditionalExpr>(e.get()), expected);
    break;
  case Expr::Kind::Call:
    type = checkCall(e, expected);
    break;
  case Expr::Kind::Tuple:
    type = checkTuple(*cast<TupleExpr>(e.get()), expected);
    break;
  case Expr::Kind::List:
    type = checkList(*cast<ListExpr>(e.get()), expected);
    break;
  case Expr::Kind::Dict:
    type = checkDict(*cast<DictExpr>(e.get()), expected);
    break;
  case Expr::Kind::Subscript:
    type = checkSubscript(e);
    break;
  case Expr::Kind::Attribute:
    if (rewriteGPUIndex(e))
      return e->type ? e->type : check(e, expected);
    if (rewriteSIMDAttribute(e) || rewriteNumericLimit(e))
      return e->type ? e->type : check(e, expected);
    type = checkAttribute(*cast<AttributeExpr>(e.get()));
    break;
  case Expr::Kind::Cast:
    return e->type;
  case Expr::Kind::Discard:
    diags.report(e->getRange(), DiagID::err_discard_read);
    break;
  case Expr::Kind::Transfer:
    type = checkTransfer(*cast<TransferExpr>(e.get()));
    break;
  case Expr::Kind::KeywordArg:
    diags.report(e->getRange(), DiagID::err_unsupported,
                 "a keyword argument in `[...]` other than a compile-time "
                 "parameter");
    break;
  case Expr::Kind::Error:
    break;
  }
  e->type = type ? type : errorType();
  return e->type;
}

/// `x^` moves out of storage the function owns: a variable, a `var`
/// argument, or a field of one.
const Type *Sema::checkTransfer(TransferExpr &e) {
  const Type *type = checkValue(e.operand);
  if (type->isError())
    return type;
  LocalVar *root = isLValue(e.operand.get()) ? getRootVariable(e.operand.get())
                                              : nullptr;
  if (!root) {
    diags.report(e.getRange(), DiagID::err_transfer_not_variable);
    return errorType();
  }
  if (!root->ownsValue) {
    diags.report(e.getRange(), DiagID::err_transfer_borrowed, root->name);
    if (!root->isRef)
      diags.report(root->declRange, DiagID::note_make_it_owned);
    return errorType();
  }
  // A value whose field moved out could not be destroyed as a whole.
  auto *field = dyn_cast<AttributeExpr>(e.operand.get());
  auto *structType = dyn_cast<StructType>(type);
  if (field && structType && structType->getDecl().hasDestructor() &&
      !(root->isDeinit && isa<NameExpr>(field->base.get()))) {
    diags.report(e.getRange(), DiagID::err_field_transfer, field->name,
                 getSourceText(field->base->getRange()));
    return errorType();
  }
  return type;
}

const Type *Sema::checkValue(ExprPtr &e, const Type *expected) {
  const Type *type = check(e, expected);
  if (!type->isNone())
    return type;
  if (auto *call = dyn_cast<CallExpr>(e.get()))
    diags.report(e->getRange(), DiagID::err_void_value,
                 getSourceText(call->callee->getRange()));
  else
    diags.report(e->getRange(), DiagID::err_unsupported, "a `None` value");
  e->type = errorType();
  return e->type;
}

void Sema::mismatch(const Expr &e, const Type *to) {
  diags.report(e.getRange(), DiagID::err_type_mismatch, e.type->getName(),
               to->getName());
  if (e.type->isNumeric() && to->isNumeric()) {
    // Show the conversion on the expression itself when it is short.
    llvm::StringRef text = getSourceText(e.getRange());
    std::string shown =
        text.size() <= 40 && !text.contains('\n') ? text.str() : "...";
    diags.report(e.getRange(), DiagID::note_explicit_conversion,
                 to->getName(), shown);
  }
}

void Sema::checkAs(ExprPtr &e, const Type *to) {
  if (!to)
    to = errorType();
  // `None` is the value of the type `None`, and becomes a struct that takes
  // it implicitly (an empty `Optional`).
  if (isa<NoneLiteralExpr>(e.get()) && (to->isNone() || to->isStruct())) {
    check(e);
    if (!to->isNone() && !convertImplicitly(e, to))
      mismatch(*e, to);
    return;
  }
  const Type *type = checkValue(e, to);
  if (type == to || type->isError() || to->isError())
    return;
  // A scalar converts implicitly to the scalar it is (`UInt` to `Int`), or
  // to a vector of its type in every lane.
  if (isImplicitScalarConversion(type, to) ||
      (to->isSIMD() && type == to->getElementType())) {
    e = std::make_unique<CastExpr>(std::move(e), to);
    return;
  }
  if (!convertImplicitly(e, to))
    mismatch(*e, to);
}

/// As in Mojo, a `UInt` becomes an `Int` where one is needed (`Int` has an
/// `@implicit` initializer from `UInt`); no other scalar converts silently.
bool Sema::isImplicitScalarConversion(const Type *from, const Type *to) {
  return from->getKind() == Type::Kind::UInt &&
         to->getKind() == Type::Kind::Int;
}

/// The `@implicit` initializers of the struct `to` that take a `from`.
std::vector<FnDecl *> Sema::getImplicitConversions(const Type *from,
                                                   const Type *to) {
  std::vector<FnDecl *> inits;
  auto *structType = dyn_cast<StructType>(to);
  if (!structType || !from || from == to)
    return inits;
  for (FnDecl *init : structType->getDecl().findMethods("__init__")) {
    // `__init__(out self, x: From)`; one without `self` is rejected already.
    if (!init->isImplicit || init->isGeneric || init->isStatic ||
        init->params.size() != 2 ||
        init->params[0].convention != ArgConvention::Out ||
        init->params[1].type != from)
      continue;
    inits.push_back(init);
  }
  return inits;
}

/// Converts `e` to the struct `to` through an `@implicit __init__` that
/// takes it, as `T(e)`; returns whether one does.
bool Sema::convertImplicitly(ExprPtr &e, const Type *to) {
  std::vector<FnDecl *> inits = getImplicitConversions(e->type, to);
  if (inits.empty())
    return false;
  StructDecl &decl = cast<StructType>(to)->getDecl();
  llvm::SMRange range = e->getRange();
  auto call = std::make_unique<CallExpr>(range,
                                         std::make_unique<ErrorExpr>(range));
  call->args.push_back({"", {}, std::move(e)});
  checkOverloadedCall(*call, inits, decl.name, nullptr);
  call->type = to;
  e = std::move(call);
  return true;
}

void Sema::checkCondition(ExprPtr &e) {
  const Type *type = checkValue(e);
  if (type->isBool() || type->isError())
    return;
  if (type->isStruct()) {
    // A struct is true or false through `__bool__`.
    llvm::SMRange range = e->getRange();
    e = makeMethodCall(std::move(e), "__bool__", {}, range, range.Start);
    type = checkValue(e);
    if (type->isBool() || type->isError())
      return;
  }
  if (type->isPointer()) {
    // A pointer is true unless it is null.
    llvm::SMRange range = e->getRange();
    auto null =
        std::make_unique<CallExpr>(range, std::make_unique<ErrorExpr>(range));
    null->builtin = Builtin::PtrNull;
    null->type = type;
    auto compare = std::make_unique<CompareExpr>(range);
    compare->operands.push_back(std::move(e));
    compare->operands.push_back(std::move(null));
    compare->ops.push_back(CompareOperator::Ne);
    compare->opLocs.push_back(range.Start);
    e = std::move(compare);
    checkValue(e);
    return;
  }
  // A vector is true when any lane is nonzero.
  if (!type->isNumeric() && !type->isSIMD()) {
    diags.report(e->getRange(), DiagID::err_condition_type, type->getName());
    return;
  }
  e = std::make_unique<CastExpr>(std::move(e), Type::get(Type::Kind::Bool));
}

/// `{}` where a struct other than a `Dict` is wanted is its initializer
/// without arguments, `T()`, as Mojo's empty initializer list is.
bool Sema::rewriteEmptyInitializer(ExprPtr &e, const Type *expected) {
  auto *structType = llvm::dyn_cast_or_null<StructType>(expected);
  if (!structType || !cast<DictExpr>(e.get())->keys.empty())
    return false;
  StructDecl &decl = structType->getDecl();
  StructDecl *dict = getLibraryTemplate("Dict");
  if (dict && llvm::any_of(dict->instances, [&](const auto &instance) {
        return instance.second.get() == &decl;
      }))
    return false;
  llvm::SMRange range = e->getRange();
  auto call =
      std::make_unique<CallExpr>(range, std::make_unique<ErrorExpr>(range));
  const Type *type = checkConstruction(*call, decl);
  call->type = type->isError() ? type : expected;
  e = std::move(call);
  return true;
}

/// The exact value of arithmetic on literals (`+`, `-`, `*`, `/`, `**` by
/// a small integer literal), if it has one: not of a division by zero,
/// nor of an operator that it does not fold.
std::optional<Rational> Sema::getExactValue(const Expr &e) {
  if (auto *f = dyn_cast<FloatLiteralExpr>(&e))
    return f->exact;
  if (auto *i = dyn_cast<IntLiteralExpr>(&e))
    return Rational(i->value, /*isSigned=*/false);
  if (auto *u = dyn_cast<UnaryExpr>(&e)) {
    std::optional<Rational> operand = getExactValue(*u->operand);
    if (!operand || u->op == UnaryOperator::Plus)
      return operand;
    if (u->op == UnaryOperator::Neg)
      return -*operand;
    return std::nullopt;
  }
  auto *b = dyn_cast<BinaryExpr>(&e);
  if (!b || b->isAugmented)
    return std::nullopt;
  std::optional<Rational> lhs = getExactValue(*b->lhs);
  if (!lhs)
    return std::nullopt;
  if (b->op == BinaryOperator::Pow) {
    std::optional<int64_t> exponent =
        containsFloatLiteral(b->rhs.get()) ? std::nullopt
                                           : evaluateConstant(*b->rhs);
    constexpr int64_t kMaxExponent = 1024;
    if (!exponent || *exponent > kMaxExponent || *exponent < -kMaxExponent)
      return std::nullopt;
    return lhs->power(*exponent);
  }
  std::optional<Rational> rhs = getExactValue(*b->rhs);
  if (!rhs)
    return std::nullopt;
  switch (b->op) {
  case BinaryOperator::Add:
    return *lhs + *rhs;
  case BinaryOperator::Sub:
    return *lhs - *rhs;
  case BinaryOperator::Mul:
    return *lhs * *rhs;
  case BinaryOperator::Div:
    return lhs->divide(*rhs);
  default:
    return std::nullopt;
  }
}

/// Literal-only expressions take their type from their context.
bool Sema::isLiteral(const Expr *e) {
  if (isa<IntLiteralExpr, FloatLiteralExpr>(e))
    return true;
  if (auto *u = dyn_cast<UnaryExpr>(e))
    return u->op != UnaryOperator::Not && isLiteral(u->operand.get());
  if (auto *b = dyn_cast<BinaryExpr>(e))
    return isLiteral(b->lhs.get()) && isLiteral(b->rhs.get());
  return false;
}

bool Sema::containsFloatLiteral(const Expr *e) {
  if (isa<FloatLiteralExpr>(e))
    return true;
  if (auto *u = dyn_cast<UnaryExpr>(e))
    return containsFloatLiteral(u->operand.get());
  if (auto *b = dyn_cast<BinaryExpr>(e))
    return containsFloatLiteral(b->lhs.get()) ||
           containsFloatLiteral(b->rhs.get());
  return false;
}

const Type *Sema::checkIntLiteral(IntLiteralExpr &lit, const Type *expected,
                                  bool negated) {
  if (expected)
    expected = expected->getElementType();
  const Type *type = expected && expected->isNumeric()
                         ? expected
                         : Type::get(Type::Kind::Int);
  if (type->isFloat())
    return type;
  unsigned width = type->getBitWidth();
  llvm::APInt max = llvm::APInt::getOneBitSet(129, width);
  if (type->isSigned())
    max = max.lshr(1);
  // The largest magnitude: 2^w - 1 unsigned, 2^(w-1) - 1 (or 2^(w-1) when
  // negated) signed; a negated unsigned literal must be 0.
  if (!type->isSigned() && negated)
    max = llvm::APInt(129, 1);
  if (!(type->isSigned() && negated))
    max -= 1;
  if (lit.value.ugt(max)) {
    std::string text = (negated ? "-" : "") + getSourceText(lit.getRange()).str();
    diags.report(lit.getRange(), DiagID::err_literal_range, text,
                 type->getName());
    return errorType();
  }
  return type;
}

const Type *Sema::checkName(NameExpr &name) {
  const Symbol *symbol = scope->lookup(name.name);
  if (!symbol) {
    reportUndefined(name);
    return errorType();
  }
  switch (symbol->kind) {
  case Symbol::Kind::Local:
    name.local = symbol->local;
    // A variable of the function that encloses a closure is captured.
    if (currentFn && currentFn->isNested && symbol->local->owner != currentFn) {
      name.local = captureImplicitly(name, *symbol->local);
      if (!name.local)
        return errorType();
    }
    return name.local->type;
  case Symbol::Kind::Alias: {
    AliasDecl *alias = symbol->alias;
    checkAlias(*alias);
    if (scope->lookup(name.name)->kind == Symbol::Kind::Type ||
        alias->namesTraits)
      break;
    name.alias = alias;
    return alias->value->type;
  }
  case Symbol::Kind::Poisoned:
    return errorType();
  default:
    break;
  }
  diags.report(name.getRange(), DiagID::err_not_a_value, name.name);
  return errorType();
}

/// Reports an undeclared name, with the closest visible name as a hint, and
/// poisons it so that its later uses stay quiet.
void Sema::reportUndefined(NameExpr &name) {
  llvm::SmallVector<llvm::StringRef> candidates =
      scope->collectNames([](const Symbol &) { return true; });
  llvm::StringRef closest = DiagnosticEngine::findClosest(name.name, candidates);
  if (closest.empty())
    diags.report(name.getRange(), DiagID::err_undefined_name, name.name);
  else
    diags.report(name.getRange(), DiagID::err_undefined_name_suggest,
                 name.name, closest);
  Symbol poisoned;
  (functionScope ? functionScope : scope)->insert(name.name, poisoned);
}

const Type *Sema::checkUnary(ExprPtr &e, const Type *expected) {
  if (rewriteOperator(e))
    return e->type;
  auto &u = *cast<UnaryExpr>(e.get());
  if (u.op == UnaryOperator::Not) {
    checkCondition(u.operand);
    return Type::get(Type::Kind::Bool);
  }
  const Type *type;
  if (u.op == UnaryOperator::Neg && isa<IntLiteralExpr>(u.operand.get())) {
    type = checkIntLiteral(*cast<IntLiteralExpr>(u.operand.get()), expected,
                           /*negated=*/true);
    u.operand->type = type;
  } else {
    type = checkValue(u.operand, expected);
  }
  if (type->isError())
    return type;
  const Type *lane = type->getElementType();
  bool ok = u.op == UnaryOperator::Invert ? lane->isInteger() || lane->isBool()
                                          : lane->isNumeric();
  if (!ok) {
    diags.report(u.getRange(), DiagID::err_unary_operand, getSpelling(u.op),
                 type->getName());
    return errorType();
  }
  return type;
}

const Type *Sema::checkSameType(llvm::ArrayRef<ExprPtr *> operands,
                                const Type *expected, llvm::StringRef op) {
  const Type *common = nullptr;
  bool sawError = false;
  for (ExprPtr *operand : operands) {
    if (isLiteral(operand->get()))
      continue;
    const Type *type = checkValue(*operand, expected);
    sawError |= type->isError();
    if (!common && !type->isError())
      common = type;
  }
  // Literals are lanes of the first vector, if any.
  for (ExprPtr *operand : operands)
    if ((*operand)->type && (*operand)->type->isSIMD() &&
        !isLiteral(operand->get())) {
      common = (*operand)->type->getElementType();
      break;
    }
  if (!common) {
    if (sawError)
      common = nullptr;
    else if (expected && expected->getElementType()->isNumeric())
      common = expected->getElementType();
    else if (llvm::any_of(operands, [](ExprPtr *o) {
               return containsFloatLiteral(o->get());
             }))
      common = Type::get(Type::Kind::Float64);
  }
  for (ExprPtr *operand : operands)
    if (isLiteral(operand->get()))
      sawError |= checkValue(*operand, common)->isError();
  if (sawError)
    return nullptr;
  common = operands.front()->get()->type;
  // `UInt` operands meet `Int` ones as `Int`s.
  const Type *intType = Type::get(Type::Kind::Int);
  if (llvm::any_of(operands, [&](ExprPtr *o) { return (*o)->type == intType; }))
    for (ExprPtr *operand : operands)
      if (isImplicitScalarConversion((*operand)->type, intType))
        *operand = std::make_unique<CastExpr>(std::move(*operand), intType);
  common = operands.front()->get()->type;
  // A scalar meets a vector of its type as that vector, in every lane.
  for (ExprPtr *operand : operands)
    if ((*operand)->type->isSIMD()) {
      common = (*operand)->type;
      break;
    }
  for (ExprPtr *operand : operands)
    if (common->isSIMD() && (*operand)->type == common->getElementType())
      *operand = std::make_unique<CastExpr>(std::move(*operand), common);
  for (ExprPtr *operand : operands) {
    const Type *type = operand->get()->type;
    if (type != common) {
      diags.report((*operand)->getRange(), DiagID::err_operand_types, op,
                   common->getName(), type->getName());
      return nullptr;
    }
  }
  return common;
}

const Type *Sema::checkBinary(ExprPtr &e, const Type *expected) {
  if (rewriteOperator(e))
    return e->type;
  auto &b = *cast<BinaryExpr>(e.get());
  std::string op = getSpelling(b.op);
  if (b.isAugmented)
    op += "=";
  // `p + n` and `p - n` move a pointer by `n` values.
  if (b.lhs->type && b.lhs->type->isPointer() &&
      (b.op == BinaryOperator::Add || b.op == BinaryOperator::Sub)) {
    checkAs(b.rhs, Type::get(Type::Kind::Int));
    return b.lhs->type;
  }
  if (b.lhs->type && b.lhs->type->getKind() == Type::Kind::StringLiteral &&
      !b.isAugmented && (b.op == BinaryOperator::Add || b.op == BinaryOperator::Mul))
    if (const Type *folded = foldStringLiteral(e))
      return folded;
  const Type *type = checkSameType({&b.lhs, &b.rhs}, expected, op);
  if (!type)
    return errorType();
  auto reject = [&] {
    diags.report(b.getRange(), DiagID::err_operand_types, op,
                 b.lhs->type->getName(), b.rhs->type->getName());
    return errorType();
  };
  // Vectors work lane by lane.
  const Type *lane = type->getElementType();
  switch (b.op) {
  case BinaryOperator::Pow:
    if (type->isSIMD() && lane->isInteger()) {
      diags.report(b.getRange(), DiagID::err_unsupported,
                   "`**` on integer vectors");
      return errorType();
    }
    [[fallthrough]];
  case BinaryOperator::Div:
  case BinaryOperator::Add:
  case BinaryOperator::Sub:
  case BinaryOperator::Mul:
  case BinaryOperator::FloorDiv:
  case BinaryOperator::Mod:
    return lane->isNumeric() ? type : reject();
  case BinaryOperator::BitAnd:
  case BinaryOperator::BitOr:
  case BinaryOperator::BitXor:
    return lane->isInteger() || lane->isBool() ? type : reject();
  case BinaryOperator::Shl:
  case BinaryOperator::Shr:
    return lane->isInteger() ? type : reject();
  }
  return errorType();
}

/// The text of a constant string: a literal, or a `comptime` name of one.
static std::optional<std::string> getStringConstant(const Expr &e) {
  if (auto *literal = dyn_cast<StringLiteralExpr>(&e))
    return literal->value;
  if (auto *name = dyn_cast<NameExpr>(&e); name && name->alias)
    return getStringConstant(*name->alias->value);
  return std::nullopt;
}

/// `"a" + "b"` and `"=" * 40` of constants are literals, computed at
/// compile time; of a `StringLiteral` variable, a `String` is made.
const Type *Sema::foldStringLiteral(ExprPtr &e) {
  auto &b = *cast<BinaryExpr>(e.get());
  std::optional<std::string> lhs = getStringConstant(*b.lhs);
  if (b.op == BinaryOperator::Add) {
    if (checkValue(b.rhs)->getKind() != Type::Kind::StringLiteral)
      return nullptr;
    std::optional<std::string> rhs = getStringConstant(*b.rhs);
    if (lhs && rhs) {
      e = std::make_unique<StringLiteralExpr>(b.getRange(), *lhs + *rhs);
      return check(e);
    }
  } else {
    if (!checkValue(b.rhs)->isInteger())
      return nullptr;
    std::optional<int64_t> count = evaluateConstant(*b.rhs);
    constexpr int64_t kMaxFolded = 1 << 20;
    if (lhs && count &&
        *count <= kMaxFolded / std::max<int64_t>(1, lhs->size())) {
      std::string text;
      for (int64_t i = 0; i < *count; ++i)
        text += *lhs;
      e = std::make_unique<StringLiteralExpr>(b.getRange(), std::move(text));
      return check(e);
    }
  }
  // At run time, `String`'s operator does it.
  if (materialize(b.lhs, b.lhs->type)->isError())
    return Type::get(Type::Kind::Error);
  return check(e);
}

const Type *Sema::checkBoolOp(BoolOpExpr &e, const Type *expected) {
  // `a or b` is `a if a else b`, so both sides share one type.
  const Type *type =
      checkSameType({&e.lhs, &e.rhs}, expected, getSpelling(e.op));
  if (!type)
    return errorType();
  if (!type->isBool() && !type->isNumeric()) {
    diags.report(e.lhs->getRange(), DiagID::err_condition_type,
                 type->getName());
    return errorType();
  }
  return type;
}

const Type *Sema::checkCompare(ExprPtr &expr) {
  if (rewriteOperator(expr))
    return expr->type;
  auto &e = *cast<CompareExpr>(expr.get());
  for (size_t i = 0; i < e.ops.size(); ++i)
    if (e.ops[i] == CompareOperator::In || e.ops[i] == CompareOperator::NotIn) {
      const Type *container = checkValue(e.operands[i + 1]);
      if (!container->isError())
        diags.report(e.opLocs[i], DiagID::err_unsupported,
                     "`in` on a value of type `" + container->getName().str() +
                         "`");
      for (ExprPtr &operand : e.operands)
        check(operand);
      return Type::get(Type::Kind::Bool);
    }
  llvm::SmallVector<ExprPtr *> operands;
  for (ExprPtr &operand : e.operands)
    operands.push_back(&operand);
  const Type *type = checkSameType(operands, nullptr, getSpelling(e.ops[0]));
  // Pointers are equal when they hold one address.
  bool pointerEquality =
      type && type->isPointer() && e.ops.size() == 1 &&
      (e.ops[0] == CompareOperator::Eq || e.ops[0] == CompareOperator::Ne);
  // Vectors are equal when all lanes are; only scalars are ordered.
  if (type && type->isSIMD())
    for (size_t i = 0; i < e.ops.size(); ++i)
      if (e.ops[i] != CompareOperator::Eq && e.ops[i] != CompareOperator::Ne) {
        static const char *methods[] = {"eq", "ne", "lt", "le", "gt", "ge"};
        diags.report(e.opLocs[i], DiagID::err_simd_ordering,
                     getSpelling(e.ops[i]), type->getName(),
                     methods[static_cast<int>(e.ops[i])]);
        e.operandType = errorType();
        return Type::get(Type::Kind::Bool);
      }
  bool vectorEquality = type && type->isSIMD();
  // `DType`s are equal when they name one scalar type.
  bool dtypeEquality =
      type && type->isDType() &&
      llvm::all_of(e.ops, [](CompareOperator op) {
        return op == CompareOperator::Eq || op == CompareOperator::Ne;
      });
  if (type && !type->isNumeric() && !type->isBool() && !pointerEquality &&
      !vectorEquality && !dtypeEquality) {
    diags.report(e.getRange(), DiagID::err_unsupported,
                 ("comparing values of type `" + type->getName() + "`").str());
    type = nullptr;
  }
  e.operandType = type ? type : errorType();
  return Type::get(Type::Kind::Bool);
}

const Type *Sema::checkConditional(ConditionalExpr &e, const Type *expected) {
  checkCondition(e.cond);
  const Type *type =
      checkSameType({&e.thenExpr, &e.elseExpr}, expected, "if-else");
  if (!type)
    return errorType();
  // The chosen value is a new one: a variable is copied into it.
  checkCopy(*e.thenExpr);
  checkCopy(*e.elseExpr);
  return type;
}
