//===- SemaSIMD.cpp - Ember semantic analysis: DType and SIMD -------------===//
//
// `SIMD[dtype, width]` is a builtin family of types: `width` lanes of the
// scalar type `dtype` names. With one lane it is that scalar itself, so
// `Float32` is `SIMD[DType.float32, 1]` (`Scalar[DType.float32]`) and `Int`
// is `Scalar[DType.int]`, as in Mojo. A `DType` is a value, known at
// compile time where a type needs it, that names a scalar type.
//
// Arithmetic works lane by lane, a scalar operand being splat to every lane
// (Sema's `checkSameType`); `==` holds when every lane is equal and `!=`
// when any differs; `.eq()`, `.lt()`, ... compare lane by lane into a
// vector of `Bool`. The methods here become builtin calls, conversions and
// comparisons that IRGen emits as vector operations.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

#include "llvm/ADT/APFloat.h"

#include "llvm/ADT/StringSwitch.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }
static const Type *intType() { return Type::get(Type::Kind::Int); }
static const Type *boolType() { return Type::get(Type::Kind::Bool); }

/// The most lanes a vector may have.
static constexpr int64_t kMaxLanes = 1024;

ExprPtr Sema::makeDTypeLiteral(llvm::SMRange range, int64_t code) {
  auto literal = std::make_unique<DTypeLiteralExpr>(
      range, Type::get(static_cast<Type::Kind>(code)));
  literal->type = Type::get(Type::Kind::DType);
  return literal;
}

ExprPtr Sema::makeBuiltinCall(Builtin builtin, std::vector<ExprPtr> args,
                              llvm::SMRange range, const Type *type) {
  auto call =
      std::make_unique<CallExpr>(range, std::make_unique<ErrorExpr>(range));
  call->builtin = builtin;
  for (ExprPtr &arg : args) {
    call->resolvedArgs.push_back(arg.get());
    call->args.push_back({"", {}, std::move(arg)});
  }
  call->type = type;
  return call;
}

/// Whether `type` is a SIMD vector or one of the scalars that are SIMD
/// values of one lane.
static bool isSIMDValue(const Type *type) {
  return type->isSIMD() || type->isNumeric() || type->isBool();
}

const Type *Sema::evaluateDType(ExprPtr &e) {
  checkAs(e, Type::get(Type::Kind::DType));
  if (e->type->isError())
    return nullptr;
  std::optional<int64_t> code = evaluateConstant(*e);
  if (!code) {
    diags.report(e->getRange(), DiagID::err_simd_not_constant, "a dtype");
    return nullptr;
  }
  return Type::get(static_cast<Type::Kind>(*code));
}

std::optional<unsigned> Sema::evaluateSIMDWidth(ExprPtr &e) {
  checkAs(e, intType());
  if (e->type->isError())
    return std::nullopt;
  std::optional<int64_t> width = evaluateConstant(*e);
  if (!width) {
    diags.report(e->getRange(), DiagID::err_simd_not_constant,
                 "a SIMD width");
    return std::nullopt;
  }
  if (*width < 1 || *width > kMaxLanes || (*width & (*width - 1))) {
    diags.report(e->getRange(), DiagID::err_simd_width, *width, kMaxLanes);
    return std::nullopt;
  }
  return static_cast<unsigned>(*width);
}

/// The value of a `[name=value]` or positional argument in brackets.
static Expr *getBracketArg(llvm::ArrayRef<ExprPtr> args, size_t position,
                           llvm::StringRef name) {
  for (const ExprPtr &arg : args)
    if (auto *keyword = dyn_cast<KeywordArgExpr>(arg.get()))
      if (keyword->name == name)
        return keyword->value.get();
  if (position < args.size() && !isa<KeywordArgExpr>(args[position].get()))
    return args[position].get();
  return nullptr;
}

const Type *Sema::resolveSIMDType(const Expr *e) {
  auto *sub = dyn_cast<SubscriptExpr>(e);
  auto *name = sub ? dyn_cast<NameExpr>(sub->base.get()) : nullptr;
  if (!name || (name->name != "SIMD" && name->name != "Scalar") ||
      scope->lookup(name->name))
    return nullptr;
  bool isScalar = name->name == "Scalar";
  Expr *dtypeArg = getBracketArg(sub->indices, 0, "dtype");
  Expr *widthArg = nullptr;
  if (!isScalar) {
    widthArg = getBracketArg(sub->indices, 1, "length");
    if (!widthArg)
      widthArg = getBracketArg(sub->indices, 1, "size");
  }
  if (!dtypeArg || (!isScalar && !widthArg) ||
      sub->indices.size() != (isScalar ? 1u : 2u)) {
    diags.report(sub->getRange(), DiagID::err_simd_parameters, name->name);
    return errorType();
  }
  ExprPtr dtype = cloneExpr(*dtypeArg);
  const Type *element = evaluateDType(dtype);
  if (!element)
    return errorType();
  if (isScalar)
    return element;
  ExprPtr width = cloneExpr(*widthArg);
  std::optional<unsigned> lanes = evaluateSIMDWidth(width);
  if (!lanes)
    return errorType();
  return SIMDType::get(element, *lanes);
}

bool Sema::isAutoParameterized(const Expr *typeExpr) {
  auto *name = llvm::dyn_cast_or_null<NameExpr>(typeExpr);
  return name && name->name == "SIMD";
}

//===----------------------------------------------------------------------===//
// Constants: `DType.float32`, `v.dtype`, `v.size`
//===----------------------------------------------------------------------===//

/// The type `e` names when it is a SIMD type (or a scalar one), else null.
const Type *Sema::getNamedSIMDType(const Expr *e) {
  if (const Type *simd = resolveSIMDType(e))
    return simd;
  if (!spellsType(e) || getStructNamedBy(e))
    return nullptr;
  const Type *type = resolveType(const_cast<Expr *>(e));
  return isSIMDValue(type) ? type : nullptr;
}

/// `Int.MAX`, `UInt8.MIN`, `Float64.MAX` (infinity), `Float32.MAX_FINITE`
/// and the like: a literal of the type's limit.
bool Sema::rewriteNumericLimit(ExprPtr &e) {
  auto &attr = *cast<AttributeExpr>(e.get());
  bool isMax = attr.name == "MAX" || attr.name == "MAX_FINITE";
  bool isFinite = llvm::StringRef(attr.name).ends_with("_FINITE");
  if (!isMax && attr.name != "MIN" && attr.name != "MIN_FINITE")
    return false;
  const Type *type = getNamedSIMDType(attr.base.get());
  if (!type || !type->isNumeric())
    return false;
  llvm::SMRange range = e->getRange();
  if (type->isInteger()) {
    if (isFinite)
      return false;
    unsigned bits = type->getBitWidth();
    bool isSigned = type->isSigned();
    llvm::APInt magnitude =
        !isMax ? (isSigned ? llvm::APInt::getSignedMinValue(bits).zext(128)
                           : llvm::APInt(128, 0))
        : isSigned ? llvm::APInt::getSignedMaxValue(bits).zext(128)
                   : llvm::APInt::getMaxValue(bits).zext(128);
    e = std::make_unique<IntLiteralExpr>(range, magnitude);
    // A literal is a magnitude: the signed minimum is its negation.
    if (!isMax && isSigned)
      e = std::make_unique<UnaryExpr>(range, UnaryOperator::Neg, std::move(e));
  } else {
    const llvm::fltSemantics &semantics =
        type->getKind() == Type::Kind::Float16    ? llvm::APFloat::IEEEhalf()
        : type->getKind() == Type::Kind::BFloat16 ? llvm::APFloat::BFloat()
        : type->getKind() == Type::Kind::Float32  ? llvm::APFloat::IEEEsingle()
                                                  : llvm::APFloat::IEEEdouble();
    llvm::APFloat limit = isFinite ? llvm::APFloat::getLargest(semantics, !isMax)
                                   : llvm::APFloat::getInf(semantics, !isMax);
    bool lost = false;
    limit.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven,
                  &lost);
    e = std::make_unique<FloatLiteralExpr>(range, limit.convertToDouble());
  }
  checkAs(e, type);
  return true;
}

bool Sema::rewriteSIMDAttribute(ExprPtr &e) {
  auto &attr = *cast<AttributeExpr>(e.get());
  llvm::SMRange range = e->getRange();
  auto *base = dyn_cast<NameExpr>(attr.base.get());
  if (const Symbol *symbol = base ? scope->lookup(base->name) : nullptr;
      symbol && symbol->kind == Symbol::Kind::Type && symbol->type->isDType()) {
    std::optional<Type::Kind> kind = Type::lookupDType(attr.name);
    if (!kind) {
      diags.report(attr.nameRange, DiagID::err_no_member, "DType", attr.name);
      e->type = errorType();
      return true;
    }
    e = makeDTypeLiteral(range, static_cast<int64_t>(*kind));
    return true;
  }
  bool isParameter =
      attr.name == "dtype" || attr.name == "size" || attr.name == "length";
  if (!isParameter)
    return false;
  const Type *type = getNamedSIMDType(attr.base.get());
  // `-> SIMD[v.dtype, v.size * 2]`: an argument, in a signature.
  if (!type && base)
    if (const Type *argument = getSignatureArgumentType(base->name);
        argument && isSIMDValue(argument))
      type = argument;
  if (!type) {
    if (getStructNamedBy(attr.base.get()) || spellsType(attr.base.get()))
      return false;
    type = checkValue(attr.base);
    if (!isSIMDValue(type))
      return false;
  }
  // The parameters of the type; the value itself is not needed.
  if (attr.name == "dtype")
    e = makeDTypeLiteral(range,
                         static_cast<int64_t>(type->getElementType()->getKind()));
  else
    e = makeIntConstant(range, type->getWidth());
  return true;
}

/// `d.is_floating_point()` and the other questions about a `DType`, whose
/// answers are constants.
const Type *Sema::checkDTypeMethod(ExprPtr &e, AttributeExpr &callee) {
  auto &call = *cast<CallExpr>(e.get());
  std::optional<int64_t> code = evaluateConstant(*callee.base);
  if (!code) {
    diags.report(callee.base->getRange(), DiagID::err_not_constant,
                 getSourceText(callee.base->getRange()));
    return errorType();
  }
  const Type *scalar = Type::get(static_cast<Type::Kind>(*code));
  std::optional<bool> answer =
      llvm::StringSwitch<std::optional<bool>>(callee.name)
          .Case("is_floating_point", scalar->isFloat())
          .Case("is_integral", scalar->isInteger())
          .Case("is_signed", scalar->isSigned())
          .Case("is_unsigned", scalar->isInteger() && !scalar->isSigned())
          .Case("is_numeric", scalar->isNumeric())
          .Case("is_half_float", scalar->isFloat() && scalar->getBitWidth() == 16)
          .Case("is_float8", false)
          .Default(std::nullopt);
  if (!answer) {
    diags.report(callee.nameRange, DiagID::err_no_member, "DType",
                 callee.name);
    return errorType();
  }
  if (!checkArgumentCount(call, callee.name, 0))
    return errorType();
  e = std::make_unique<BoolLiteralExpr>(e->getRange(), *answer);
  return check(e);
}

//===----------------------------------------------------------------------===//
// Construction and lanes
//===----------------------------------------------------------------------===//

const Type *Sema::checkSIMDConstruction(ExprPtr &e, const Type *to) {
  auto &call = *cast<CallExpr>(e.get());
  const Type *element = to->getElementType();
  unsigned width = to->getWidth();
  // `SIMD[DType.bool, 4](fill=True)`.
  if (call.args.size() == 1 && call.args[0].keyword == "fill") {
    checkAs(call.args[0].value, element);
    call.conversionType = to;
    call.resolvedArgs = {call.args[0].value.get()};
    return to;
  }
  for (CallArgument &arg : call.args)
    if (!arg.keyword.empty()) {
      diags.report(arg.keywordLoc, DiagID::err_unknown_keyword, to->getName(),
                   arg.keyword);
      for (CallArgument &other : call.args)
        check(other.value);
      return errorType();
    }
  if (call.args.size() == 1) {
    // A scalar in every lane, or a vector of another dtype converted lane by
    // lane.
    ExprPtr &arg = call.args[0].value;
    const Type *from = checkValue(arg, isLiteral(arg.get()) ? element : nullptr);
    if (from->isError())
      return errorType();
    if (!(from->isNumeric() || from->isBool()) && from->getWidth() != width) {
      diags.report(arg->getRange(), DiagID::err_type_mismatch,
                   from->getName(), to->getName());
      return errorType();
    }
    call.conversionType = to;
    call.resolvedArgs = {arg.get()};
    return to;
  }
  if (!call.args.empty() && call.args.size() != width) {
    diags.report(call.getRange(), DiagID::err_simd_lane_count, to->getName(),
                 width, call.args.size());
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  }
  call.builtin = Builtin::SIMDBuild;
  for (CallArgument &arg : call.args) {
    checkAs(arg.value, element);
    call.resolvedArgs.push_back(arg.value.get());
  }
  return to;
}

/// The lane index `index` of a value of `type`: a constant is checked now,
/// a run-time one when the program runs.
bool Sema::checkLaneIndex(ExprPtr &index, const Type *type) {
  checkAs(index, intType());
  if (index->type->isError())
    return false;
  int64_t width = type->getWidth();
  if (std::optional<int64_t> lane = evaluateConstant(*index)) {
    if (*lane < 0 || *lane >= width) {
      diags.report(index->getRange(), DiagID::err_simd_lane, *lane,
                   type->getName(), width);
      return false;
    }
    return true;
  }
  llvm::SMRange range = index->getRange();
  std::vector<ExprPtr> args;
  args.push_back(std::move(index));
  args.push_back(makeIntConstant(range, width));
  args.push_back(std::make_unique<StringLiteralExpr>(range, "SIMD vector"));
  index = makeFunctionCall("_check_index", std::move(args), range);
  checkAs(index, intType());
  return !index->type->isError();
}

const Type *Sema::checkSIMDElement(ExprPtr &e) {
  auto &s = *cast<SubscriptExpr>(e.get());
  const Type *type = s.base->type;
  if (s.indices.size() != 1) {
    diags.report(s.getRange(), DiagID::err_simd_index, type->getName());
    for (ExprPtr &index : s.indices)
      check(index);
    return errorType();
  }
  if (!checkLaneIndex(s.indices[0], type))
    return errorType();
  // A scalar is its only lane.
  if (!type->isSIMD() && isConstant(s.indices[0].get())) {
    ExprPtr base = std::move(s.base);
    e = std::move(base);
    return e->type;
  }
  std::vector<ExprPtr> args;
  args.push_back(std::move(s.base));
  args.push_back(std::move(s.indices[0]));
  e = makeBuiltinCall(Builtin::SIMDExtract, std::move(args), e->getRange(),
                      type->getElementType());
  return e->type;
}

/// `v[i] = x` stores `v` with lane `i` replaced.
void Sema::checkSIMDSetItem(ExprPtr &target, ExprPtr &value) {
  auto &s = *cast<SubscriptExpr>(target.get());
  const Type *type = s.base->type;
  if (s.indices.size() != 1) {
    diags.report(s.getRange(), DiagID::err_simd_index, type->getName());
    check(value);
    return;
  }
  if (!checkLaneIndex(s.indices[0], type)) {
    check(value);
    return;
  }
  checkAs(value, type->getElementType());
  ExprPtr vector = std::move(s.base);
  if (type->isSIMD() || !isConstant(s.indices[0].get())) {
    llvm::SMRange range = target->getRange();
    std::vector<ExprPtr> args;
    args.push_back(cloneExpr(*vector));
    args.push_back(std::move(s.indices[0]));
    args.push_back(std::move(value));
    check(args[0]);
    value = makeBuiltinCall(Builtin::SIMDInsert, std::move(args), range, type);
  }
  target = std::move(vector);
  checkAssignTo(target, value);
}

//===----------------------------------------------------------------------===//
// Methods
//===----------------------------------------------------------------------===//

/// The compile-time integers given in brackets, in order.
static std::optional<std::vector<int64_t>>
evaluateLanes(Sema &sema, llvm::ArrayRef<ExprPtr> args) {
  std::vector<int64_t> lanes;
  for (const ExprPtr &arg : args) {
    ExprPtr value = cloneExpr(*arg);
    sema.checkAs(value, intType());
    if (value->type->isError())
      return std::nullopt;
    std::optional<int64_t> lane = sema.evaluateConstant(*value);
    if (!lane) {
      sema.diags.report(arg->getRange(), DiagID::err_simd_not_constant,
                            "a lane index in brackets");
      return std::nullopt;
    }
    lanes.push_back(*lane);
  }
  return lanes;
}

static std::optional<CompareOperator> getLaneComparison(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<CompareOperator>>(name)
      .Case("eq", CompareOperator::Eq)
      .Case("ne", CompareOperator::Ne)
      .Case("lt", CompareOperator::Lt)
      .Case("le", CompareOperator::Le)
      .Case("gt", CompareOperator::Gt)
      .Case("ge", CompareOperator::Ge)
      .Default(std::nullopt);
}

static std::optional<Builtin> getReduction(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<Builtin>>(name)
      .Case("reduce_add", Builtin::ReduceAdd)
      .Case("reduce_mul", Builtin::ReduceMul)
      .Case("reduce_min", Builtin::ReduceMin)
      .Case("reduce_max", Builtin::ReduceMax)
      .Case("reduce_and", Builtin::ReduceAnd)
      .Case("reduce_or", Builtin::ReduceOr)
      .Default(std::nullopt);
}

/// `v.shuffle[...]()`, `v.slice[n]()`, `a.join(b)`...: the lanes `lanes`
/// of `v` (and `other`) in a vector of as many lanes.
static const Type *makeShuffle(Sema &sema, ExprPtr &e, AttributeExpr &callee,
                               ExprPtr *other, std::vector<int64_t> lanes) {
  const Type *type = callee.base->type;
  int64_t available = type->getWidth() * (other ? 2 : 1);
  for (int64_t lane : lanes)
    if (lane < 0 || lane >= available) {
      sema.diags.report(e->getRange(), DiagID::err_simd_lane, lane,
                        type->getName(), available);
      return errorType();
    }
  const Type *result =
      SIMDType::get(type->getElementType(), static_cast<unsigned>(lanes.size()));
  // `vector.shuffle` takes vectors; a scalar operand is one lane of one.
  std::vector<ExprPtr> args;
  args.push_back(std::move(callee.base));
  if (other)
    args.push_back(std::move(*other));
  for (ExprPtr &arg : args)
    if (!arg->type->isSIMD())
      arg = std::make_unique<CastExpr>(std::move(arg),
                                       SIMDType::get(arg->type, 2));
  llvm::SMRange range = e->getRange();
  e = Sema::makeBuiltinCall(Builtin::SIMDShuffle, std::move(args), range,
                            result);
  cast<CallExpr>(e.get())->lanes = std::move(lanes);
  return result;
}

const Type *Sema::checkSIMDMethodCall(ExprPtr &e, AttributeExpr &callee,
                                      llvm::ArrayRef<ExprPtr> explicitArgs) {
  auto &call = *cast<CallExpr>(e.get());
  if (getStructNamedBy(callee.base.get()) || spellsType(callee.base.get()) ||
      resolvePointerType(callee.base.get()))
    return nullptr;
  // A name that is not a value is for the general method call to report.
  if (auto *name = dyn_cast<NameExpr>(callee.base.get())) {
    const Symbol *symbol = scope->lookup(name->name);
    if (!symbol || (symbol->kind != Symbol::Kind::Local &&
                    symbol->kind != Symbol::Kind::Alias))
      return nullptr;
  }
  const Type *type = checkValue(callee.base);
  if (type->isDType())
    return checkDTypeMethod(e, callee);
  if (!isSIMDValue(type))
    return nullptr;
  const Type *element = type->getElementType();
  unsigned width = type->getWidth();
  llvm::StringRef name = callee.name;
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  auto noBrackets = [&] {
    if (explicitArgs.empty())
      return true;
    diags.report(explicitArgs[0]->getRange(), DiagID::err_too_many_parameters,
                 name);
    return false;
  };
  auto takeArgs = [&](size_t count) {
    return checkArgumentCount(call, name, count);
  };

  if (name == "cast") {
    if (explicitArgs.size() != 1) {
      diags.report(callee.getRange(), DiagID::err_simd_cast);
      return fail();
    }
    ExprPtr dtype = cloneExpr(*explicitArgs[0]);
    const Type *to = evaluateDType(dtype);
    if (!to || !takeArgs(0))
      return fail();
    const Type *result = SIMDType::get(to, width);
    call.conversionType = result;
    call.resolvedArgs = {callee.base.get()};
    return result;
  }
  if (std::optional<Builtin> reduction = getReduction(name)) {
    if (!noBrackets() || !takeArgs(0))
      return fail();
    bool bitwise = *reduction == Builtin::ReduceAnd ||
                   *reduction == Builtin::ReduceOr;
    if (bitwise ? element->isFloat() : element->isBool()) {
      diags.report(callee.getRange(), DiagID::err_simd_lane_type, name,
                   type->getName());
      return errorType();
    }
    if (width == 1) { // One lane is its own reduction.
      ExprPtr base = std::move(callee.base);
      e = std::move(base);
      return e->type;
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(callee.base));
    e = makeBuiltinCall(*reduction, std::move(args), e->getRange(), element);
    return element;
  }
  if (std::optional<CompareOperator> op = getLaneComparison(name)) {
    if (!noBrackets() || !takeArgs(1))
      return fail();
    auto compare = std::make_unique<CompareExpr>(e->getRange());
    compare->operands.push_back(std::move(callee.base));
    compare->operands.push_back(std::move(call.args[0].value));
    compare->ops.push_back(*op);
    compare->opLocs.push_back(callee.nameRange.Start);
    checkAs(compare->operands[1], type);
    if (compare->operands[1]->type->isError())
      return errorType();
    compare->operandType = type;
    compare->type = SIMDType::get(boolType(), width);
    e = std::move(compare);
    return e->type;
  }
  if (name == "select") {
    if (!noBrackets() || !takeArgs(2))
      return fail();
    if (!element->isBool()) {
      diags.report(callee.getRange(), DiagID::err_simd_lane_type, name,
                   type->getName());
      return fail();
    }
    const Type *common = checkSameType(
        {&call.args[0].value, &call.args[1].value}, nullptr, "select");
    if (!common)
      return errorType();
    const Type *result = SIMDType::get(common->getElementType(), width);
    if (common->getWidth() != width && common->isSIMD()) {
      diags.report(call.args[0].value->getRange(), DiagID::err_type_mismatch,
                   common->getName(), result->getName());
      return errorType();
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(callee.base));
    args.push_back(std::move(call.args[0].value));
    args.push_back(std::move(call.args[1].value));
    for (size_t i = 1; i < 3; ++i)
      checkAs(args[i], result);
    e = makeBuiltinCall(Builtin::SIMDSelect, std::move(args), e->getRange(),
                        result);
    return result;
  }
  if (name == "fma") {
    if (!noBrackets() || !takeArgs(2))
      return fail();
    if (!element->isFloat()) {
      diags.report(callee.getRange(), DiagID::err_simd_lane_type, name,
                   type->getName());
      return fail();
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(callee.base));
    args.push_back(std::move(call.args[0].value));
    args.push_back(std::move(call.args[1].value));
    for (size_t i = 1; i < 3; ++i)
      checkAs(args[i], type);
    e = makeBuiltinCall(Builtin::Fma, std::move(args), e->getRange(), type);
    return type;
  }
  if (name == "slice") {
    Expr *widthArg = getBracketArg(explicitArgs, 0, "output_width");
    Expr *offsetArg = getBracketArg(explicitArgs, 1, "offset");
    if (!widthArg) {
      diags.report(callee.getRange(), DiagID::err_simd_slice);
      return fail();
    }
    ExprPtr sliceWidth = cloneExpr(*widthArg);
    std::optional<unsigned> count = evaluateSIMDWidth(sliceWidth);
    int64_t offset = 0;
    if (offsetArg) {
      ExprPtr offsetExpr = cloneExpr(*offsetArg);
      std::optional<std::vector<int64_t>> lanes =
          evaluateLanes(*this, llvm::ArrayRef<ExprPtr>(&offsetExpr, 1));
      if (!lanes)
        return fail();
      offset = lanes->front();
    }
    if (!count || !takeArgs(0))
      return fail();
    if (offset < 0 || offset + *count > width) {
      diags.report(callee.getRange(), DiagID::err_simd_slice_range, offset,
                   *count, type->getName());
      return errorType();
    }
    std::vector<int64_t> lanes;
    for (unsigned i = 0; i < *count; ++i)
      lanes.push_back(offset + i);
    return makeShuffle(*this, e, callee, nullptr, std::move(lanes));
  }
  if (name == "join" || name == "interleave") {
    if (!noBrackets() || !takeArgs(1))
      return fail();
    checkAs(call.args[0].value, type);
    if (call.args[0].value->type->isError())
      return errorType();
    std::vector<int64_t> lanes;
    for (unsigned i = 0; i < width; ++i) {
      if (name == "join") {
        lanes.push_back(i);
      } else {
        lanes.push_back(i);
        lanes.push_back(width + i);
      }
    }
    if (name == "join")
      for (unsigned i = 0; i < width; ++i)
        lanes.push_back(width + i);
    return makeShuffle(*this, e, callee, &call.args[0].value,
                       std::move(lanes));
  }
  if (name == "shuffle") {
    std::optional<std::vector<int64_t>> lanes =
        evaluateLanes(*this, explicitArgs);
    if (!lanes)
      return fail();
    if (call.args.size() > 1 ||
        (call.args.size() == 1 && !call.args[0].keyword.empty())) {
      takeArgs(1);
      return errorType();
    }
    if (lanes->size() != width) {
      diags.report(callee.getRange(), DiagID::err_simd_shuffle_mask, width,
                   lanes->size());
      return fail();
    }
    ExprPtr *other = call.args.empty() ? nullptr : &call.args[0].value;
    if (other) {
      checkAs(*other, type);
      if ((*other)->type->isError())
        return errorType();
    }
    return makeShuffle(*this, e, callee, other, std::move(*lanes));
  }
  if (name == "rotate_left" || name == "rotate_right" || name == "reversed") {
    std::optional<std::vector<int64_t>> shift =
        evaluateLanes(*this, explicitArgs);
    if (!shift || !takeArgs(0))
      return fail();
    if (name == "reversed" ? !shift->empty() : shift->size() != 1) {
      diags.report(callee.getRange(), DiagID::err_simd_rotate, name);
      return fail();
    }
    int64_t by = shift->empty() ? 0 : shift->front();
    if (name == "rotate_right")
      by = -by;
    int64_t w = width;
    if (by <= -w || by >= w) {
      diags.report(callee.getRange(), DiagID::err_simd_rotate, name);
      return fail();
    }
    std::vector<int64_t> lanes;
    for (int64_t i = 0; i < w; ++i)
      lanes.push_back(name == "reversed" ? w - 1 - i : ((i + by) % w + w) % w);
    return makeShuffle(*this, e, callee, nullptr, std::move(lanes));
  }
  if (name == "__len__") {
    if (!noBrackets() || !takeArgs(0))
      return fail();
    e = makeIntConstant(e->getRange(), width);
    return check(e);
  }
  if (name == "copy") {
    if (!noBrackets() || !takeArgs(0))
      return fail();
    call.builtin = Builtin::Copy;
    call.resolvedArgs = {callee.base.get()};
    return type;
  }
  // A scalar's other methods are not SIMD ones.
  if (!type->isSIMD())
    return nullptr;
  diags.report(callee.nameRange, DiagID::err_no_member, type->getName(), name);
  return fail();
}

const Type *Sema::checkSimdWidthOf(ExprPtr &e) {
  auto &call = *cast<CallExpr>(e.get());
  auto &sub = *cast<SubscriptExpr>(call.callee.get());
  if (sub.indices.size() != 1 || !checkArgumentCount(call, "simd_width_of", 0)) {
    if (sub.indices.size() != 1)
      diags.report(sub.getRange(), DiagID::err_simd_width_of);
    return errorType();
  }
  ExprPtr dtype = cloneExpr(*sub.indices[0]);
  const Type *scalar = evaluateDType(dtype);
  if (!scalar)
    return errorType();
  // A `Bool` lane takes a byte.
  unsigned bits = std::max(scalar->getBitWidth(), 8u);
  e = makeIntConstant(e->getRange(),
                      std::max(1u, module->vectorRegisterBits / bits));
  return check(e);
}
