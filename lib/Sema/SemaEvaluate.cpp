//===- SemaEvaluate.cpp - Calls evaluated at compile time -----------------===//
//
// A `comptime` value may call functions on constants: `comptime n =
// fib(10)`. The call is interpreted over the checked AST of the functions,
// with `Int`, `Float64` and `Bool` values and the run-time semantics of
// their operations, and its result becomes a literal. What cannot run at
// compile time yet (other types, printing, raising, methods) is reported,
// and a step limit stops a computation that would not end.
//
//===----------------------------------------------------------------------===//

#include "ember/Sema/Sema.h"

#include <cmath>

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

struct Value {
  enum class Kind { Int, Float, Bool } kind = Kind::Int;
  int64_t i = 0;
  double f = 0;
  static Value ofInt(int64_t v) { return {Kind::Int, v, 0}; }
  static Value ofFloat(double v) { return {Kind::Float, 0, v}; }
  static Value ofBool(bool v) { return {Kind::Bool, v, 0}; }
};

/// How a statement ends.
enum class Flow { Normal, Return, Break, Continue };

class Evaluator {
public:
  explicit Evaluator(Sema &sema) : sema(sema) {}

  std::optional<Value> evaluate(const Expr &e);

  /// Why evaluation stopped, and where.
  std::string failure;
  llvm::SMRange failedAt;

private:
  bool fail(llvm::SMRange at, std::string why) {
    if (failure.empty()) {
      failure = std::move(why);
      failedAt = at;
    }
    return false;
  }
  std::optional<Value> failValue(llvm::SMRange at, std::string why) {
    fail(at, std::move(why));
    return std::nullopt;
  }
  bool step(llvm::SMRange at) {
    if (++steps <= kMaxSteps)
      return true;
    return fail(at, "it takes more than " + std::to_string(kMaxSteps) +
                        " steps");
  }

  std::optional<Value> evaluateUnary(const UnaryExpr &e);
  std::optional<Value> evaluateBinary(const BinaryExpr &e);
  std::optional<Value> evaluateCompare(const CompareExpr &e);
  std::optional<Value> evaluateCast(Value v, const Type *to, llvm::SMRange at);
  std::optional<Value> evaluateCall(const CallExpr &call);
  Flow execute(const Block &block);
  Flow execute(const Stmt &stmt);
  std::optional<Flow> runLoopBody(const Block &body);
  bool assign(const Expr &target, Value v);

  static constexpr unsigned kMaxSteps = 10'000'000, kMaxDepth = 512;
  Sema &sema;
  /// The variables of the call being interpreted.
  llvm::DenseMap<const LocalVar *, Value> locals;
  std::optional<Value> result;
  unsigned steps = 0, depth = 0;
};

} // namespace

/// The value kind of `type`, if evaluation supports it.
static std::optional<Value::Kind> getKind(const Type *type) {
  if (!type)
    return std::nullopt;
  switch (type->getKind()) {
  case Type::Kind::Int: return Value::Kind::Int;
  case Type::Kind::DType: return Value::Kind::Int; // Its scalar's kind.
  case Type::Kind::Float64: return Value::Kind::Float;
  case Type::Kind::Bool: return Value::Kind::Bool;
  default: return std::nullopt;
  }
}

/// The list literal `e` is, directly or through `comptime` names.
static const ListExpr *getConstantList(const Expr &e) {
  if (auto *name = dyn_cast<NameExpr>(&e))
    return name->alias ? getConstantList(*name->alias->value) : nullptr;
  auto *list = dyn_cast<ListExpr>(&e);
  return list && !list->isSet ? list : nullptr;
}

std::optional<Value> Evaluator::evaluate(const Expr &e) {
  if (!step(e.getRange()))
    return std::nullopt;
  if (!getKind(e.type))
    return failValue(e.getRange(), "a value of type `" +
                                       (e.type ? e.type->getName().str()
                                               : std::string("?")) +
                                       "` cannot be computed at compile time "
                                       "yet");
  switch (e.getKind()) {
  case Expr::Kind::IntLiteral:
    return Value::ofInt(
        cast<IntLiteralExpr>(e).value.trunc(64).getSExtValue());
  case Expr::Kind::FloatLiteral:
    if (e.type->isFloat())
      return Value::ofFloat(cast<FloatLiteralExpr>(e).value);
    break;
  case Expr::Kind::BoolLiteral:
    return Value::ofBool(cast<BoolLiteralExpr>(e).value);
  case Expr::Kind::DTypeLiteral:
    return Value::ofInt(cast<DTypeLiteralExpr>(e).getCode());
  case Expr::Kind::Attribute:
    if (AliasDecl *member = cast<AttributeExpr>(e).member)
      return evaluate(*member->value);
    break;
  case Expr::Kind::Name: {
    auto &name = cast<NameExpr>(e);
    if (name.alias)
      return evaluate(*name.alias->value);
    auto it = locals.find(name.local);
    if (it != locals.end())
      return it->second;
    return failValue(e.getRange(),
                     depth == 0 ? "`" + name.name +
                                      "` is a variable, known only at run time"
                                : "`" + name.name + "` has no value yet");
  }
  case Expr::Kind::Unary:
    return evaluateUnary(cast<UnaryExpr>(e));
  case Expr::Kind::Binary:
    return evaluateBinary(cast<BinaryExpr>(e));
  case Expr::Kind::BoolOp: {
    auto &b = cast<BoolOpExpr>(e);
    std::optional<Value> lhs = evaluate(*b.lhs);
    if (!lhs)
      return std::nullopt;
    bool isAnd = b.op == BoolOperator::And;
    if (lhs->i != isAnd)
      return lhs; // `False and x`, `True or x`.
    return evaluate(*b.rhs);
  }
  case Expr::Kind::Compare:
    return evaluateCompare(cast<CompareExpr>(e));
  case Expr::Kind::Conditional: {
    auto &c = cast<ConditionalExpr>(e);
    std::optional<Value> cond = evaluate(*c.cond);
    if (!cond)
      return std::nullopt;
    return evaluate(cond->i ? *c.thenExpr : *c.elseExpr);
  }
  case Expr::Kind::Cast: {
    auto &c = cast<CastExpr>(e);
    std::optional<Value> v = evaluate(*c.operand);
    if (!v)
      return std::nullopt;
    return evaluateCast(*v, e.type, e.getRange());
  }
  case Expr::Kind::Call:
    return evaluateCall(cast<CallExpr>(e));
  default:
    break;
  }
  return failValue(e.getRange(), "this cannot be computed at compile time yet");
}

std::optional<Value> Evaluator::evaluateUnary(const UnaryExpr &e) {
  std::optional<Value> v = evaluate(*e.operand);
  if (!v)
    return std::nullopt;
  switch (e.op) {
  case UnaryOperator::Plus:
    return v;
  case UnaryOperator::Neg:
    if (v->kind == Value::Kind::Float)
      return Value::ofFloat(-v->f);
    return Value::ofInt(static_cast<int64_t>(0ULL - uint64_t(v->i)));
  case UnaryOperator::Invert:
    if (v->kind == Value::Kind::Bool)
      return Value::ofBool(!v->i);
    return Value::ofInt(~v->i);
  case UnaryOperator::Not:
    return Value::ofBool(!v->i);
  }
  return std::nullopt;
}

/// Floor division and its remainder, as at run time.
static std::pair<int64_t, int64_t> floorDivide(int64_t l, int64_t r) {
  if (r == -1)
    return {static_cast<int64_t>(0ULL - uint64_t(l)), 0};
  int64_t q = l / r, m = l % r;
  if (m != 0 && ((m < 0) != (r < 0)))
    --q, m += r;
  return {q, m};
}

std::optional<Value> Evaluator::evaluateBinary(const BinaryExpr &e) {
  std::optional<Value> lhs = evaluate(*e.lhs), rhs = evaluate(*e.rhs);
  if (!lhs || !rhs)
    return std::nullopt;
  llvm::SMRange at = e.getRange();
  if (lhs->kind == Value::Kind::Float) {
    double l = lhs->f, r = rhs->f;
    switch (e.op) {
    case BinaryOperator::Add: return Value::ofFloat(l + r);
    case BinaryOperator::Sub: return Value::ofFloat(l - r);
    case BinaryOperator::Mul: return Value::ofFloat(l * r);
    case BinaryOperator::Div: return Value::ofFloat(l / r);
    case BinaryOperator::FloorDiv: return Value::ofFloat(std::floor(l / r));
    case BinaryOperator::Mod: {
      double m = std::fmod(l, r);
      if (m != 0 && ((m < 0) != (r < 0)))
        m += r;
      return Value::ofFloat(m);
    }
    case BinaryOperator::Pow: return Value::ofFloat(std::pow(l, r));
    default: break;
    }
    return failValue(at, "this operation cannot be computed at compile time");
  }
  int64_t l = lhs->i, r = rhs->i;
  uint64_t ul = l, ur = r;
  bool isBool = lhs->kind == Value::Kind::Bool;
  auto make = [&](int64_t v) {
    return isBool ? Value::ofBool(v & 1) : Value::ofInt(v);
  };
  switch (e.op) {
  case BinaryOperator::Add: return make(static_cast<int64_t>(ul + ur));
  case BinaryOperator::Sub: return make(static_cast<int64_t>(ul - ur));
  case BinaryOperator::Mul: return make(static_cast<int64_t>(ul * ur));
  case BinaryOperator::BitAnd: return make(l & r);
  case BinaryOperator::BitOr: return make(l | r);
  case BinaryOperator::BitXor: return make(l ^ r);
  case BinaryOperator::FloorDiv:
  case BinaryOperator::Mod: {
    if (r == 0)
      return failValue(at, "it divides by zero");
    auto [q, m] = floorDivide(l, r);
    return make(e.op == BinaryOperator::Mod ? m : q);
  }
  case BinaryOperator::Shl:
  case BinaryOperator::Shr:
    if (r < 0 || r > 63)
      return failValue(at, "it shifts by " + std::to_string(r) + " bits");
    return make(e.op == BinaryOperator::Shl ? static_cast<int64_t>(ul << r)
                                            : l >> r);
  case BinaryOperator::Pow: {
    if (r < 0)
      return failValue(at, "it raises an integer to a negative power");
    uint64_t power = 1, base = ul;
    for (uint64_t n = ur; n; n >>= 1, base *= base)
      if (n & 1)
        power *= base;
    return make(static_cast<int64_t>(power));
  }
  default:
    break;
  }
  return failValue(at, "this operation cannot be computed at compile time");
}

std::optional<Value> Evaluator::evaluateCompare(const CompareExpr &e) {
  std::optional<Value> lhs = evaluate(*e.operands[0]);
  if (!lhs)
    return std::nullopt;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    std::optional<Value> rhs = evaluate(*e.operands[i + 1]);
    if (!rhs)
      return std::nullopt;
    bool isFloat = lhs->kind == Value::Kind::Float;
    double l = isFloat ? lhs->f : 0, r = isFloat ? rhs->f : 0;
    int64_t li = lhs->i, ri = rhs->i;
    bool holds = false;
    switch (e.ops[i]) {
    case CompareOperator::Eq: holds = isFloat ? l == r : li == ri; break;
    case CompareOperator::Ne: holds = isFloat ? l != r : li != ri; break;
    case CompareOperator::Lt: holds = isFloat ? l < r : li < ri; break;
    case CompareOperator::Le: holds = isFloat ? l <= r : li <= ri; break;
    case CompareOperator::Gt: holds = isFloat ? l > r : li > ri; break;
    case CompareOperator::Ge: holds = isFloat ? l >= r : li >= ri; break;
    default:
      return failValue(e.getRange(), "`in` cannot be computed at compile time");
    }
    if (!holds)
      return Value::ofBool(false);
    lhs = rhs;
  }
  return Value::ofBool(true);
}

std::optional<Value> Evaluator::evaluateCast(Value v, const Type *to,
                                             llvm::SMRange at) {
  Value::Kind kind = *getKind(to);
  if (kind == v.kind)
    return v;
  if (kind == Value::Kind::Float)
    return Value::ofFloat(v.kind == Value::Kind::Float ? v.f
                                                       : double(v.i));
  if (kind == Value::Kind::Bool)
    return Value::ofBool(v.kind == Value::Kind::Float ? v.f != 0 : v.i != 0);
  if (v.kind == Value::Kind::Float) {
    if (!(v.f > -9.3e18 && v.f < 9.3e18))
      return failValue(at, "the float does not fit an `Int`");
    return Value::ofInt(static_cast<int64_t>(v.f));
  }
  return Value::ofInt(v.i);
}

std::optional<Value> Evaluator::evaluateCall(const CallExpr &call) {
  llvm::SMRange at = call.getRange();
  if (call.conversionType) {
    std::optional<Value> v = evaluate(*call.resolvedArgs[0]);
    if (!v)
      return std::nullopt;
    return evaluateCast(*v, call.conversionType, at);
  }
  if (call.builtin == Builtin::Abs || call.builtin == Builtin::Min ||
      call.builtin == Builtin::Max) {
    std::optional<Value> best;
    for (const Expr *arg : call.resolvedArgs) {
      std::optional<Value> v = evaluate(*arg);
      if (!v)
        return std::nullopt;
      bool isFloat = v->kind == Value::Kind::Float;
      if (call.builtin == Builtin::Abs)
        return isFloat ? Value::ofFloat(std::fabs(v->f))
                       : Value::ofInt(v->i < 0 ? static_cast<int64_t>(
                                                     0ULL - uint64_t(v->i))
                                               : v->i);
      if (!best) {
        best = v;
        continue;
      }
      bool less = isFloat ? v->f < best->f : v->i < best->i;
      if ((call.builtin == Builtin::Min) == less)
        best = v;
    }
    return best;
  }
  FnDecl *fn = call.function;
  if (!fn || call.builtin != Builtin::None || fn->parent || fn->raisedType ||
      !fn->captured.empty() || fn->returnsRef || !call.variadicArgs.empty())
    return failValue(at, "only calls of functions that do not raise can be "
                         "computed at compile time yet");
  if (depth >= kMaxDepth)
    return failValue(at, "its calls nest more than " +
                             std::to_string(kMaxDepth) + " deep");
  sema.ensureBodyChecked(*fn);
  // The arguments, then the body, in a frame of its own.
  llvm::DenseMap<const LocalVar *, Value> frame;
  for (auto [param, arg] : llvm::zip(fn->params, call.resolvedArgs)) {
    if (!arg || !getKind(param.type))
      return failValue(at, "its arguments cannot be computed at compile time");
    std::optional<Value> v = evaluate(*arg);
    if (!v)
      return std::nullopt;
    if (param.local)
      frame[param.local] = *v;
  }
  std::swap(locals, frame);
  std::optional<Value> saved = result;
  result.reset();
  ++depth;
  Flow flow = execute(fn->body);
  --depth;
  std::swap(locals, frame);
  std::optional<Value> returned = result;
  result = saved;
  if (!failure.empty())
    return std::nullopt;
  if (flow != Flow::Return || !returned)
    return failValue(at, "`" + fn->name + "` returns no value");
  return returned;
}

Flow Evaluator::execute(const Block &block) {
  for (const StmtPtr &stmt : block) {
    Flow flow = execute(*stmt);
    if (flow != Flow::Normal || !failure.empty())
      return flow;
  }
  return Flow::Normal;
}

bool Evaluator::assign(const Expr &target, Value v) {
  if (isa<DiscardExpr>(target))
    return true;
  auto *name = dyn_cast<NameExpr>(&target);
  if (!name || !name->local)
    return fail(target.getRange(),
                "only variables can be assigned at compile time");
  locals[name->local] = v;
  return true;
}

/// One pass of a loop's body: what the loop ends with, if it ends here
/// (a failure, a `return` or a `break`).
std::optional<Flow> Evaluator::runLoopBody(const Block &body) {
  Flow flow = execute(body);
  if (!failure.empty() || flow == Flow::Return)
    return flow;
  if (flow == Flow::Break)
    return Flow::Normal;
  return std::nullopt;
}

Flow Evaluator::execute(const Stmt &stmt) {
  if (!step(stmt.getRange()))
    return Flow::Normal;
  auto value = [&](const ExprPtr &e) { return evaluate(*e); };
  switch (stmt.getKind()) {
  case Stmt::Kind::Pass:
  case Stmt::Kind::Alias:
  case Stmt::Kind::ComptimeAssert:
    return Flow::Normal;
  case Stmt::Kind::Break:
    return Flow::Break;
  case Stmt::Kind::Continue:
    return Flow::Continue;
  case Stmt::Kind::Return: {
    auto &ret = cast<ReturnStmt>(stmt);
    if (ret.value)
      result = value(ret.value);
    return Flow::Return;
  }
  case Stmt::Kind::Var: {
    auto &var = cast<VarStmt>(stmt);
    if (var.isRef) {
      fail(stmt.getRange(), "a `ref` cannot be bound at compile time yet");
      return Flow::Normal;
    }
    if (var.init)
      if (std::optional<Value> v = value(var.init))
        locals[var.local] = *v;
    return Flow::Normal;
  }
  case Stmt::Kind::Assign: {
    auto &a = cast<AssignStmt>(stmt);
    if (auto *targets = dyn_cast<TupleExpr>(a.targets.front().get())) {
      auto *values = dyn_cast<TupleExpr>(a.value.get());
      if (!values || a.unpackedLocal) {
        fail(stmt.getRange(), "tuples cannot be unpacked at compile time yet");
        return Flow::Normal;
      }
      llvm::SmallVector<Value> computed;
      for (const ExprPtr &element : values->elements)
        if (std::optional<Value> v = value(element))
          computed.push_back(*v);
        else
          return Flow::Normal;
      for (auto [target, v] : llvm::zip(targets->elements, computed))
        assign(*target, v);
      return Flow::Normal;
    }
    std::optional<Value> v = value(a.value);
    for (const ExprPtr &target : a.targets)
      if (!v || !assign(*target, *v))
        break;
    return Flow::Normal;
  }
  case Stmt::Kind::AugAssign: {
    auto &a = cast<AugAssignStmt>(stmt);
    if (a.inPlace || a.reference) {
      fail(stmt.getRange(), "this cannot be computed at compile time yet");
      return Flow::Normal;
    }
    if (std::optional<Value> v = value(a.combined))
      assign(*a.target, *v);
    return Flow::Normal;
  }
  case Stmt::Kind::If: {
    auto &s = cast<IfStmt>(stmt);
    std::optional<Value> cond = value(s.cond);
    if (!cond)
      return Flow::Normal;
    return execute(cond->i ? s.thenBody : s.elseBody);
  }
  case Stmt::Kind::While: {
    auto &s = cast<WhileStmt>(stmt);
    while (true) {
      std::optional<Value> cond = value(s.cond);
      if (!cond)
        return Flow::Normal;
      if (!cond->i)
        return execute(s.elseBody);
      if (std::optional<Flow> left = runLoopBody(s.body))
        return *left;
    }
  }
  case Stmt::Kind::For: {
    auto &s = cast<ForStmt>(stmt);
    // `comptime for`: its bodies, unrolled already.
    if (s.isComptime) {
      for (const Block &body : s.unrolled)
        if (std::optional<Flow> left = runLoopBody(body))
          return *left;
      return execute(s.elseBody);
    }
    // `for v in [1, 2, 3]`, or over a `comptime` list.
    if (const ListExpr *list = getConstantList(*s.iterable); list && s.local) {
      for (const ExprPtr &element : list->elements) {
        std::optional<Value> v = evaluate(*element);
        if (!v)
          return Flow::Normal;
        locals[s.local] = *v;
        if (std::optional<Flow> left = runLoopBody(s.body))
          return *left;
      }
      return execute(s.elseBody);
    }
    auto *range = dyn_cast<CallExpr>(s.iterable.get());
    if (!range || range->builtin != Builtin::Range || s.length) {
      fail(stmt.getRange(), "only `for` over a `range` can run at compile "
                            "time yet");
      return Flow::Normal;
    }
    // `range(stop)` and `range(start, stop)` leave the others out.
    auto bound = [&](const Expr *e, int64_t byDefault) -> std::optional<Value> {
      return e ? evaluate(*e) : Value::ofInt(byDefault);
    };
    std::optional<Value> start = bound(range->resolvedArgs[0], 0),
                         stop = bound(range->resolvedArgs[1], 0),
                         stride = bound(range->resolvedArgs[2], 1);
    if (!start || !stop || !stride)
      return Flow::Normal;
    if (stride->i == 0) {
      fail(range->getRange(), "its `range` has a step of zero");
      return Flow::Normal;
    }
    for (int64_t i = start->i; stride->i > 0 ? i < stop->i : i > stop->i;
         i += stride->i) {
      if (s.local)
        locals[s.local] = Value::ofInt(i);
      if (std::optional<Flow> left = runLoopBody(s.body))
        return *left;
    }
    return execute(s.elseBody);
  }
  case Stmt::Kind::Expr:
    fail(stmt.getRange(), "its effects (printing, say) happen only at run "
                          "time");
    return Flow::Normal;
  default:
    break;
  }
  fail(stmt.getRange(), "this statement cannot run at compile time yet");
  return Flow::Normal;
}

void Sema::ensureBodyChecked(FnDecl &fn) {
  if (!fn.bodyChecked && !fn.isGeneric)
    checkFunctionBody(fn);
}

bool Sema::foldAtCompileTime(ExprPtr &e, llvm::StringRef name) {
  Evaluator evaluator(*this);
  std::optional<Value> v = evaluator.evaluate(*e);
  if (!v) {
    diags.report(e->getRange(), DiagID::err_not_constant, name);
    if (!evaluator.failure.empty())
      diags.report(evaluator.failedAt, DiagID::note_not_evaluated,
                   evaluator.failure);
    return false;
  }
  llvm::SMRange range = e->getRange();
  const Type *type = e->type;
  switch (v->kind) {
  case Value::Kind::Int:
    if (type->isDType()) {
      e = makeDTypeLiteral(range, v->i);
      break;
    }
    e = makeIntConstant(range, v->i);
    if (auto *negated = dyn_cast<UnaryExpr>(e.get()))
      negated->operand->type = type;
    break;
  case Value::Kind::Float:
    e = std::make_unique<FloatLiteralExpr>(range, v->f);
    break;
  case Value::Kind::Bool:
    e = std::make_unique<BoolLiteralExpr>(range, v->i != 0);
    break;
  }
  e->type = type;
  return true;
}

std::optional<int64_t> Sema::evaluateCall(const CallExpr &call) {
  Evaluator evaluator(*this);
  std::optional<Value> v = evaluator.evaluate(call);
  if (!v || v->kind == Value::Kind::Float)
    return std::nullopt;
  return v->i;
}
