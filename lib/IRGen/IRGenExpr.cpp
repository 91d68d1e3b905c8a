//===- IRGenExpr.cpp - Ember AST to the ember dialect: expressions --------===//

#include "IRGenImpl.h"

#include "ember/Sema/Sema.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;

static BinaryKind getBinaryKind(BinaryOperator op) {
  switch (op) {
  case BinaryOperator::Add: return BinaryKind::add;
  case BinaryOperator::Sub: return BinaryKind::sub;
  case BinaryOperator::Mul: return BinaryKind::mul;
  case BinaryOperator::Div: return BinaryKind::div;
  case BinaryOperator::FloorDiv: return BinaryKind::floordiv;
  case BinaryOperator::Mod: return BinaryKind::mod;
  case BinaryOperator::Pow: return BinaryKind::pow;
  case BinaryOperator::BitAnd: return BinaryKind::bit_and;
  case BinaryOperator::BitOr: return BinaryKind::bit_or;
  case BinaryOperator::BitXor: return BinaryKind::bit_xor;
  case BinaryOperator::Shl: return BinaryKind::shl;
  case BinaryOperator::Shr: return BinaryKind::shr;
  }
  return BinaryKind::add;
}

static CmpPredicate getPredicate(CompareOperator op) {
  switch (op) {
  case CompareOperator::Eq: return CmpPredicate::eq;
  case CompareOperator::Ne: return CmpPredicate::ne;
  case CompareOperator::Lt: return CmpPredicate::lt;
  case CompareOperator::Le: return CmpPredicate::le;
  case CompareOperator::Gt: return CmpPredicate::gt;
  case CompareOperator::Ge: return CmpPredicate::ge;
  case CompareOperator::In:
  case CompareOperator::NotIn:
    break; // Sema makes them `__contains__` calls.
  }
  return CmpPredicate::eq;
}

mlir::Value IRGen::emitZero(mlir::Type type, mlir::Location l) {
  if (auto vector = llvm::dyn_cast<mlir::VectorType>(type))
    return emitVectorZero(vector, l);
  if (llvm::isa<StrType>(type))
    return StringConstantOp::create(builder, l, type, "");
  if (llvm::isa<mlir::FloatType>(type))
    return ConstantOp::create(builder, l, builder.getFloatAttr(type, 0.0));
  return ConstantOp::create(builder, l, builder.getIntegerAttr(type, 0));
}

/// A literal of (int or float) type `type`.
mlir::Value IRGen::emitConstant(const Expr *e, mlir::Type type) {
  mlir::Location l = loc(e->getLoc());
  if (auto *f = dyn_cast<FloatLiteralExpr>(e)) {
    // An exact value is rounded once, to the literal's own type.
    auto floatType = llvm::cast<mlir::FloatType>(type);
    if (f->exact)
      return ConstantOp::create(
          builder, l,
          builder.getFloatAttr(type, f->exact->toFloat(
                                         floatType.getFloatSemantics())));
    return ConstantOp::create(builder, l, builder.getFloatAttr(type, f->value));
  }
  const llvm::APInt &value = cast<IntLiteralExpr>(e)->value;
  if (llvm::isa<mlir::FloatType>(type)) {
    double d = value.roundToDouble(/*isSigned=*/false);
    return ConstantOp::create(builder, l, builder.getFloatAttr(type, d));
  }
  unsigned width = type.getIntOrFloatBitWidth();
  return ConstantOp::create(
      builder, l, builder.getIntegerAttr(type, value.trunc(width)));
}

/// The value of `e`; one with a lifecycle is owned by the consumer.
mlir::Value IRGen::emitExpr(const Expr *e) {
  if (!isTrivial(e->type))
    return emitOwned(e);
  return emitValue(e);
}

/// The value `e` computes, copied from storage as plain bits.
mlir::Value IRGen::emitValue(const Expr *e) {
  mlir::Location l = loc(e->getLoc());
  switch (e->getKind()) {
  case Expr::Kind::IntLiteral:
  case Expr::Kind::FloatLiteral:
    return emitConstant(e, convertType(e->type));
  case Expr::Kind::StringLiteral:
    return StringConstantOp::create(builder, l, StrType::get(&context),
                                    cast<StringLiteralExpr>(e)->value);
  case Expr::Kind::BoolLiteral:
    return ConstantOp::create(
        builder, l, builder.getBoolAttr(cast<BoolLiteralExpr>(e)->value));
  case Expr::Kind::DTypeLiteral:
    return ConstantOp::create(
        builder, l,
        builder.getIntegerAttr(convertType(e->type),
                               cast<DTypeLiteralExpr>(e)->getCode()));
  case Expr::Kind::Name: {
    auto *name = cast<NameExpr>(e);
    if (name->alias)
      return emitExpr(name->alias->value.get());
    return LoadOp::create(builder, l, getLocal(name->local));
  }
  case Expr::Kind::Unary:
    return emitUnary(*cast<UnaryExpr>(e));
  case Expr::Kind::Binary:
    return emitBinary(*cast<BinaryExpr>(e));
  case Expr::Kind::BoolOp:
    return emitBoolOp(*cast<BoolOpExpr>(e));
  case Expr::Kind::Compare:
    return emitCompare(*cast<CompareExpr>(e));
  case Expr::Kind::Conditional:
    return emitConditional(*cast<ConditionalExpr>(e));
  case Expr::Kind::Call:
    if (Sema::returnsReference(e))
      return LoadOp::create(builder, l, emitLValue(e));
    return emitCall(*cast<CallExpr>(e));
  case Expr::Kind::Cast:
    return emitCast(emitExpr(cast<CastExpr>(e)->operand.get()),
                    convertType(e->type), l);
  case Expr::Kind::Attribute:
    return emitAttribute(*cast<AttributeExpr>(e));
  case Expr::Kind::Transfer:
    // The value moves out: the slot holds nothing until the next store.
    return MoveOp::create(builder, l,
                          emitLValue(cast<TransferExpr>(e)->operand.get()));
  case Expr::Kind::Subscript: // `p[i]` of a pointer.
    return LoadOp::create(builder, l, emitLValue(e));
  case Expr::Kind::List:
    return emitList(*cast<ListExpr>(e));
  case Expr::Kind::Tuple:
    return emitTuple(*cast<TupleExpr>(e));
  case Expr::Kind::Dict:
    return emitDict(*cast<DictExpr>(e));
  case Expr::Kind::NoneLiteral:
  case Expr::Kind::Discard:
  case Expr::Kind::KeywordArg:
  case Expr::Kind::Error:
    break;
  }
  llvm_unreachable("Sema rejects expressions that IRGen cannot emit");
}

mlir::Value IRGen::emitCast(mlir::Value value, mlir::Type to,
                            mlir::Location l) {
  if (value.getType() == to)
    return value;
  if (llvm::isa<mlir::VectorType>(to) ||
      llvm::isa<mlir::VectorType>(value.getType()))
    return emitVectorCast(value, to, l);
  return CastOp::create(builder, l, to, value);
}

mlir::Value IRGen::emitUnary(const UnaryExpr &e) {
  mlir::Location l = loc(e.getLoc());
  mlir::Value operand = emitExpr(e.operand.get());
  switch (e.op) {
  case UnaryOperator::Plus:
    return operand;
  case UnaryOperator::Neg:
    return UnaryOp::create(builder, l, UnaryKind::neg, operand);
  case UnaryOperator::Invert:
  case UnaryOperator::Not:
    return UnaryOp::create(builder, l, UnaryKind::invert, operand);
  }
  return operand;
}

mlir::Value IRGen::emitBinary(const BinaryExpr &e) {
  mlir::Value lhs = emitExpr(e.lhs.get());
  mlir::Value rhs = emitExpr(e.rhs.get());
  if (e.lhs->type->isPointer()) {
    mlir::Location l = loc(e.opLoc);
    if (e.op == BinaryOperator::Sub)
      rhs = UnaryOp::create(builder, l, UnaryKind::neg, rhs);
    return PtrOffsetOp::create(builder, l, lhs, rhs);
  }
  return BinaryOp::create(builder, loc(e.opLoc), getBinaryKind(e.op), lhs,
                          rhs);
}

/// `a and b` is `b if a else a`; `a or b` is `a if a else b`. Only the
/// value that decides is evaluated.
mlir::Value IRGen::emitBoolOp(const BoolOpExpr &e) {
  mlir::Location l = loc(e.getLoc());
  mlir::Value lhs = emitExpr(e.lhs.get());
  mlir::Value truth = emitCast(lhs, builder.getI1Type(), l);
  mlir::Block *rhsBlock = newBlock();
  mlir::Block *merge = newBlock();
  merge->addArgument(lhs.getType(), l);
  if (e.op == BoolOperator::And)
    mlir::cf::CondBranchOp::create(builder, l, truth, rhsBlock,
                                   mlir::ValueRange{}, merge,
                                   mlir::ValueRange{lhs});
  else
    mlir::cf::CondBranchOp::create(builder, l, truth, merge,
                                   mlir::ValueRange{lhs}, rhsBlock,
                                   mlir::ValueRange{});
  enterBlock(rhsBlock);
  mlir::Value rhs = emitExpr(e.rhs.get());
  mlir::cf::BranchOp::create(builder, l, merge, mlir::ValueRange{rhs});
  enterBlock(merge);
  return merge->getArgument(0);
}

/// Whether `a op b` holds: on vectors, `==` holds when it holds in every
/// lane and `!=` when it holds in any (Mojo's `SIMD.__eq__`, `__ne__`).
mlir::Value IRGen::emitComparison(CompareOperator op, mlir::Value lhs,
                                  mlir::Value rhs, mlir::Location l,
                                  bool laneByLane) {
  mlir::Value result = CmpOp::create(builder, l, getPredicate(op), lhs, rhs);
  if (laneByLane || !llvm::isa<mlir::VectorType>(result.getType()))
    return result;
  return emitReduction(op == CompareOperator::Ne
                           ? mlir::vector::CombiningKind::OR
                           : mlir::vector::CombiningKind::AND,
                       result, l);
}

/// `a < b < c` is `a < b and b < c` with `b` evaluated once.
mlir::Value IRGen::emitCompare(const CompareExpr &e) {
  mlir::Value lhs = emitExpr(e.operands[0].get());
  bool laneByLane = e.type->isSIMD();
  if (e.ops.size() == 1)
    return emitComparison(e.ops[0], lhs, emitExpr(e.operands[1].get()),
                          loc(e.opLocs[0]), laneByLane);
  mlir::Location l = loc(e.getLoc());
  mlir::Block *merge = newBlock();
  merge->addArgument(builder.getI1Type(), l);
  for (size_t i = 0; i < e.ops.size(); ++i) {
    mlir::Value rhs = emitExpr(e.operands[i + 1].get());
    mlir::Value result =
        emitComparison(e.ops[i], lhs, rhs, loc(e.opLocs[i]), false);
    if (i + 1 == e.ops.size()) {
      mlir::cf::BranchOp::create(builder, l, merge, mlir::ValueRange{result});
      break;
    }
    mlir::Block *next = newBlock();
    mlir::cf::CondBranchOp::create(builder, l, result, next,
                                   mlir::ValueRange{}, merge,
                                   mlir::ValueRange{result});
    enterBlock(next);
    lhs = rhs;
  }
  enterBlock(merge);
  return merge->getArgument(0);
}

mlir::Value IRGen::emitConditional(const ConditionalExpr &e) {
  mlir::Location l = loc(e.getLoc());
  mlir::Value cond = emitExpr(e.cond.get());
  mlir::Block *thenBlock = newBlock();
  mlir::Block *elseBlock = newBlock();
  mlir::Block *merge = newBlock();
  merge->addArgument(convertType(e.type), l);
  mlir::cf::CondBranchOp::create(builder, l, cond, thenBlock, elseBlock);
  enterBlock(thenBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             mlir::ValueRange{emitExpr(e.thenExpr.get())});
  enterBlock(elseBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             mlir::ValueRange{emitExpr(e.elseExpr.get())});
  enterBlock(merge);
  return merge->getArgument(0);
}

/// A field of a variable is read in place; a field of a temporary is
/// extracted from it.
mlir::Value IRGen::emitAttribute(const AttributeExpr &e) {
  mlir::Location l = loc(e.nameRange.Start);
  if (e.member)
    return emitExpr(e.member->value.get());
  if (Sema::isLValue(&e))
    return LoadOp::create(builder, l, emitLValue(&e));
  if (!isTrivial(e.base->type))
    return LoadOp::create(builder, l, emitBorrow(&e));
  return ExtractOp::create(builder, l, convertType(e.type),
                           emitExpr(e.base.get()), e.fieldIndex);
}

/// What a call passes for `param`: the storage of a `mut` one, a
/// reference to one passed by reference, else the value.
mlir::Value IRGen::emitArgument(const Param &param, const Expr *arg) {
  if (param.convention == ArgConvention::Mut)
    return emitLValue(arg);
  if (isPassedByReference(param))
    return emitBorrow(arg);
  return emitExpr(arg);
}

mlir::Value IRGen::emitCall(const CallExpr &e, mlir::Value self) {
  mlir::Location l = loc(e.getLoc());
  if (e.conversionType)
    return emitCast(emitExpr(e.resolvedArgs[0]),
                    convertType(e.conversionType), l);
  if (e.builtin == Builtin::Copy) {
    const Expr *value = e.resolvedArgs[0];
    if (isTrivial(value->type))
      return emitExpr(value);
    return emitCopy(emitBorrow(value), value->type, l);
  }
  if (e.builtin != Builtin::None)
    return emitBuiltinCall(e);
  llvm::SmallVector<mlir::Value> args;
  // An owned value waits in storage while a later argument may raise, so
  // that it is destroyed if one does; it leaves the slot for the call.
  llvm::SmallVector<std::pair<size_t, mlir::Value>> waiting;
  auto laterArgMayRaise = [&](const Expr *arg) {
    auto later = llvm::find(e.resolvedArgs, arg) + 1;
    return std::any_of(later, e.resolvedArgs.end(), [](const Expr *x) {
      return x && mayRaise(*x);
    });
  };
  // The storage a returned reference is in, and that of variadic arguments
  // the callee reads in place.
  mlir::Value origin;
  llvm::SmallVector<mlir::Value> borrowed;
  for (auto [param, arg] : llvm::zip(e.function->params, e.resolvedArgs)) {
    if (param.convention == ArgConvention::Out) // The result.
      continue;
    if (param.isResultOrigin && !param.type->isNone())
      origin = self ? self : emitBorrow(arg);
    if (self) { // Given already.
      args.push_back(self);
      self = nullptr;
      continue;
    }
    if (param.isResultOrigin && !param.type->isNone()) {
      args.push_back(origin);
      continue;
    }
    if (param.isVariadic) {
      args.push_back(emitVariadicList(param, e.variadicArgs, borrowed, l));
      continue;
    }
    if (param.type->isNone())
      continue;
    args.push_back(emitArgument(param, arg));
    if (param.convention == ArgConvention::Owned && !isTrivial(arg->type) &&
        laterArgMayRaise(arg))
      waiting.push_back(
          {args.size() - 1, emitTemporary(args.back(), arg->type, l)});
  }
  for (auto [index, slot] : waiting)
    args[index] = MoveOp::create(builder, l, slot);
  auto call = mlir::func::CallOp::create(builder, l, functions[e.function],
                                         args);
  // A use after the call keeps each borrowed value alive through it.
  for (mlir::Value ref : borrowed)
    LoadOp::create(builder, l, ref);
  mlir::Value result;
  if (e.function->raisedType)
    result = emitRaisingCallResult(call, e.errorConversion, l);
  else if (call.getNumResults())
    result = call.getResult(0);
  if (origin)
    result = DerivedRefOp::create(builder, l, result, origin);
  return result;
}

/// `a` if `a pred b` holds, else `b`.
mlir::Value IRGen::emitSelectBy(CmpPredicate pred, mlir::Value a,
                                mlir::Value b, mlir::Location l) {
  mlir::Value keepA = CmpOp::create(builder, l, pred, a, b);
  return mlir::arith::SelectOp::create(builder, l, keepA, a, b);
}

/// Mojo's `round`: ties go to even and the type stays. With `ndigits`, a
/// float is scaled by `10 ** ndigits`, rounded and scaled back; an integer
/// drops `x % 10 ** -ndigits`, which is nothing unless `ndigits < 0`.
mlir::Value IRGen::emitRound(llvm::ArrayRef<mlir::Value> args,
                             mlir::Location l) {
  mlir::Value x = args[0];
  mlir::Type type = x.getType();
  bool isFloat = llvm::isa<mlir::FloatType>(type);
  if (args.size() == 1)
    return isFloat ? mlir::Value(mlir::math::RoundEvenOp::create(builder, l, x))
                   : x;
  mlir::Value ndigits = args[1];
  if (isFloat) {
    mlir::Value ten = ConstantOp::create(builder, l, builder.getFloatAttr(type, 10));
    mlir::Value scale = BinaryOp::create(builder, l, BinaryKind::pow, ten,
                                         emitCast(ndigits, type, l));
    mlir::Value scaled = BinaryOp::create(builder, l, BinaryKind::mul, x, scale);
    mlir::Value rounded = mlir::math::RoundEvenOp::create(builder, l, scaled);
    return BinaryOp::create(builder, l, BinaryKind::div, rounded, scale);
  }
  mlir::Value ten = ConstantOp::create(builder, l,
                                       builder.getIntegerAttr(ndigits.getType(), 10));
  mlir::Value negated = UnaryOp::create(builder, l, UnaryKind::neg, ndigits);
  mlir::Value unit = emitCast(
      BinaryOp::create(builder, l, BinaryKind::pow, ten, negated), type, l);
  mlir::Value dropped = BinaryOp::create(builder, l, BinaryKind::mod, x, unit);
  return BinaryOp::create(builder, l, BinaryKind::sub, x, dropped);
}

/// `print`, where some arguments are structs that write themselves: the
/// values are computed first, then written in order with the separators.
void IRGen::emitPrintOfWritables(const CallExpr &e, mlir::Value sep,
                                 mlir::Value end) {
  mlir::Location l = loc(e.getLoc());
  // A struct is borrowed for `write_to`, from its computation until the
  // end of the print.
  llvm::SmallVector<mlir::Value> values, borrowed;
  llvm::SmallVector<const CallExpr *> writes;
  for (const Expr *arg : e.resolvedArgs) {
    auto *write = llvm::dyn_cast<CallExpr>(arg);
    if (!arg->type->isNone() || !write || !write->function) {
      values.push_back(emitExpr(arg));
      writes.push_back(nullptr);
      continue;
    }
    const Expr *self = write->resolvedArgs[0];
    bool byReference = isPassedByReference(write->function->params[0]);
    values.push_back(byReference ? emitBorrow(self) : emitExpr(self));
    writes.push_back(write);
    if (byReference)
      borrowed.push_back(values.back());
  }
  mlir::Value nothing =
      StringConstantOp::create(builder, l, StrType::get(&context), "");
  for (auto [index, write] : llvm::enumerate(writes)) {
    if (index != 0)
      PrintOp::create(builder, l, mlir::ValueRange{}, nothing, sep);
    if (write)
      emitCall(*write, values[index]); // `write_to`
    else
      PrintOp::create(builder, l, values[index], nothing, nothing);
  }
  PrintOp::create(builder, l, mlir::ValueRange{}, nothing, end);
  // Keeps what was written alive until here, as one call would.
  for (mlir::Value ref : borrowed)
    LoadOp::create(builder, l, ref);
}

mlir::Value IRGen::emitBuiltinCall(const CallExpr &e) {
  mlir::Location l = loc(e.getLoc());
  if (e.builtin == Builtin::WriteAll) {
    for (const ExprPtr &part : e.parts)
      emitDiscarded(part.get());
    return {};
  }
  // `sep` and `end` are views of bytes: a `String`'s are read in place,
  // and the string is kept alive until the print is done.
  llvm::SmallVector<mlir::Value> viewed;
  auto str = [&](const Expr *given, llvm::StringRef byDefault) -> mlir::Value {
    if (given && given->type->isStruct()) {
      const StructDecl &decl = cast<StructType>(given->type)->getDecl();
      viewed.push_back(emitBorrow(given));
      auto field = [&](llvm::StringRef name) -> mlir::Value {
        return LoadOp::create(
            builder, l,
            getFieldRef(viewed.back(), decl, decl.findField(name), l));
      };
      return MakeStrOp::create(builder, l, field("_data"), field("_length"));
    }
    if (given)
      return emitExpr(given);
    return StringConstantOp::create(builder, l, StrType::get(&context),
                                    byDefault);
  };
  auto keepViewed = [&] {
    for (mlir::Value ref : viewed)
      LoadOp::create(builder, l, ref);
  };
  bool writesStructs =
      e.builtin == Builtin::Print &&
      llvm::any_of(e.resolvedArgs,
                   [](const Expr *arg) { return arg->type->isNone(); });
  if (writesStructs) {
    emitPrintOfWritables(e, str(e.printSep, " "), str(e.printEnd, "\n"));
    keepViewed();
    return {};
  }
  if (e.builtin == Builtin::GPUIndex)
    return emitGPUIndex(e);
  llvm::SmallVector<mlir::Value> args;
  for (const Expr *arg : e.resolvedArgs)
    args.push_back(emitExpr(arg));
  switch (e.builtin) {
  case Builtin::Print: {
    mlir::Value sep = str(e.printSep, " ");
    mlir::Value end = str(e.printEnd, "\n");
    PrintOp::create(builder, l, args, sep, end);
    keepViewed();
    return {};
  }
  case Builtin::FormatScalar:
    return FormatOp::create(builder, l, args[0], args[1]);
  case Builtin::Fail:
    if (auto *format =
            llvm::dyn_cast<StringLiteralExpr>(e.resolvedArgs.front())) {
      FailFormatOp::create(builder, l, format->value,
                           mlir::ValueRange(args).drop_front());
      return {};
    }
    FailOp::create(builder, l, args[0], args[1]);
    return {};
  case Builtin::ConformsTo:  // A constant after Sema.
  case Builtin::Rebind:      // Its argument, after Sema.
  case Builtin::SimdWidthOf: // A constant, after Sema.
  case Builtin::Materialize: // Its value, after Sema.
  case Builtin::HasAccelerator: // A constant, after Sema.
  case Builtin::HasOtherAccelerator:
  case Builtin::GPUEmulated:
  case Builtin::GPUThreadIdx: // Names whose members Sema rewrites.
  case Builtin::GPUBlockIdx:
  case Builtin::GPUBlockDim:
  case Builtin::GPUGridDim:
  case Builtin::GPUGlobalIdx:
  case Builtin::GPULaneId:    // A GPUIndex, after Sema.
  case Builtin::GPUIndex: // Emitted above.
  case Builtin::AddressSpace:
    llvm_unreachable("rewritten by Sema");
  case Builtin::ExternalCall:
    return emitExternalCall(e, args);
  case Builtin::Uninitialized:
    return emitNoValue(convertType(e.type), l);
  case Builtin::Forget:
    return {};
  case Builtin::RuntimeChecks:
    return RuntimeChecksOp::create(builder, l);
  case Builtin::PrintBytes: {
    mlir::Value text = MakeStrOp::create(builder, l, args[0], args[1]);
    mlir::Value nothing =
        StringConstantOp::create(builder, l, StrType::get(&context), "");
    PrintOp::create(builder, l, text, nothing, nothing);
    return {};
  }
  case Builtin::Exit: {
    mlir::Value code =
        args.empty() ? emitZero(builder.getIntegerType(64, true), l) : args[0];
    ExitOp::create(builder, l, code);
    return {};
  }
  case Builtin::Abs: {
    mlir::Value x = args[0];
    if (llvm::isa<mlir::FloatType>(mlir::getElementTypeOrSelf(x.getType())))
      return mlir::math::AbsFOp::create(builder, l, x);
    mlir::Value negated = UnaryOp::create(builder, l, UnaryKind::neg, x);
    return emitSelectBy(CmpPredicate::ge, x, negated, l);
  }
  case Builtin::Round:
    return emitRound(args, l);
  case Builtin::Min:
  case Builtin::Max: {
    // Like Python and Mojo, a candidate replaces the current one only if
    // it is strictly better: the first of equals wins, and so does a NaN
    // in first place while later NaNs are skipped.
    CmpPredicate better =
        e.builtin == Builtin::Min ? CmpPredicate::lt : CmpPredicate::gt;
    mlir::Value result = args[0];
    for (mlir::Value next : llvm::drop_begin(args))
      result = emitSelectBy(better, next, result, l);
    return result;
  }
  case Builtin::Sqrt:
    return mlir::math::SqrtOp::create(builder, l, args[0]);
  case Builtin::Exp:
    return mlir::math::ExpOp::create(builder, l, args[0]);
  case Builtin::Log:
    return mlir::math::LogOp::create(builder, l, args[0]);
  case Builtin::Sin:
    return mlir::math::SinOp::create(builder, l, args[0]);
  case Builtin::Cos:
    return mlir::math::CosOp::create(builder, l, args[0]);
  case Builtin::Tan:
    return mlir::math::TanOp::create(builder, l, args[0]);
  case Builtin::Floor:
    return mlir::math::FloorOp::create(builder, l, args[0]);
  case Builtin::Ceil:
    return mlir::math::CeilOp::create(builder, l, args[0]);
  case Builtin::Trunc:
    return mlir::math::TruncOp::create(builder, l, args[0]);
  case Builtin::Rsqrt:
    return mlir::math::RsqrtOp::create(builder, l, args[0]);
  case Builtin::Exp2:
    return mlir::math::Exp2Op::create(builder, l, args[0]);
  case Builtin::Log2:
    return mlir::math::Log2Op::create(builder, l, args[0]);
  case Builtin::Log10:
    return mlir::math::Log10Op::create(builder, l, args[0]);
  case Builtin::Tanh:
    return mlir::math::TanhOp::create(builder, l, args[0]);
  case Builtin::Sinh:
    return mlir::math::SinhOp::create(builder, l, args[0]);
  case Builtin::Cosh:
    return mlir::math::CoshOp::create(builder, l, args[0]);
  case Builtin::Asin:
    return mlir::math::AsinOp::create(builder, l, args[0]);
  case Builtin::Acos:
    return mlir::math::AcosOp::create(builder, l, args[0]);
  case Builtin::Atan:
    return mlir::math::AtanOp::create(builder, l, args[0]);
  case Builtin::Pow:
    return mlir::math::PowFOp::create(builder, l, args[0], args[1]);
  case Builtin::Atan2:
    return mlir::math::Atan2Op::create(builder, l, args[0], args[1]);
  case Builtin::Alloc:
    return AllocOp::create(builder, l, convertType(e.type), args[0],
                           e.lanes.empty()
                               ? mlir::IntegerAttr()
                               : builder.getI64IntegerAttr(e.lanes[0]));
  case Builtin::PtrAddress:
    return emitCast(PtrToIntOp::create(builder, l, args[0]),
                    convertType(e.type), l);
  case Builtin::PtrNull:
    return NullOp::create(builder, l, convertType(e.type));
  case Builtin::PtrFree:
    FreeOp::create(builder, l, args[0]);
    return {};
  case Builtin::PtrOffset:
    return PtrOffsetOp::create(builder, l, args[0], args[1]);
  case Builtin::PtrCast:
    return PtrCastOp::create(builder, l, convertType(e.type), args[0]);
  case Builtin::Memcpy:
    CopyMemoryOp::create(builder, l, args[0], args[1], args[2]);
    return {};
  case Builtin::StrData:
    return StrDataOp::create(builder, l, convertType(e.type), args[0]);
  case Builtin::StrLength:
    return StrLengthOp::create(builder, l, args[0]);
  case Builtin::PtrLoad:
  case Builtin::PtrStore:
  case Builtin::PtrInit:
  case Builtin::PtrTake:
  case Builtin::PtrDestroy:
    return emitPointeeAccess(e, args);
  case Builtin::Parallelize:
    return emitParallel(e, args);
  case Builtin::GPULaunch:
    return emitGPULaunch(e, args);
  case Builtin::GPUParallelize:
    return emitGPUParallel(e, args);
  case Builtin::StackAllocation:
    return StackAllocOp::create(builder, l, convertType(e.type), e.lanes[0],
                                e.lanes[1] == 3);
  case Builtin::AtomicAdd:
  case Builtin::AtomicSub:
  case Builtin::AtomicMax:
  case Builtin::AtomicMin:
  case Builtin::AtomicExchange:
    return AtomicRMWOp::create(
        builder, l,
        static_cast<AtomicKind>(static_cast<int>(e.builtin) -
                                static_cast<int>(Builtin::AtomicAdd)),
        args[0], args[1]);
  case Builtin::GPUBarrier:
    GPUBarrierOp::create(builder, l);
    return {};
  case Builtin::GPUShuffleIdx:
  case Builtin::GPUShuffleUp:
  case Builtin::GPUShuffleDown:
  case Builtin::GPUShuffleXor:
    return GPUShuffleOp::create(
        builder, l,
        static_cast<GPUShuffleKind>(static_cast<int>(e.builtin) -
                                    static_cast<int>(Builtin::GPUShuffleIdx)),
        args[0], args[1]);
  case Builtin::SequentialMap:
    return emitSequentialMap(e, args);
  case Builtin::Vectorize:
    return emitVectorize(e, args);
  case Builtin::PtrLoadLanes: {
    mlir::Value pointer = args.size() == 2
                              ? PtrOffsetOp::create(builder, l, args[0], args[1])
                              : args[0];
    return LoadLanesOp::create(builder, l, convertType(e.type), pointer);
  }
  case Builtin::PtrStoreLanes: {
    mlir::Value pointer = args.size() == 3
                              ? PtrOffsetOp::create(builder, l, args[0], args[1])
                              : args[0];
    StoreLanesOp::create(builder, l, args.back(), pointer);
    return {};
  }
  case Builtin::SIMDBuild:
  case Builtin::SIMDExtract:
  case Builtin::SIMDInsert:
  case Builtin::ReduceAdd:
  case Builtin::ReduceMul:
  case Builtin::ReduceMin:
  case Builtin::ReduceMax:
  case Builtin::ReduceAnd:
  case Builtin::ReduceOr:
  case Builtin::SIMDShuffle:
  case Builtin::SIMDSelect:
  case Builtin::Fma:
    return emitSIMDBuiltin(e, args);
  case Builtin::Range:
  case Builtin::Enumerate:
  case Builtin::Len:
  case Builtin::Hash:
  case Builtin::Repr:
  case Builtin::Copy:
  case Builtin::WriteAll:
  case Builtin::None:
    break;
  }
  llvm_unreachable("Sema rejects builtins that IRGen cannot emit");
}

/// The methods that read, write, take or destroy the value a pointer
/// reaches (`args[0]`).
mlir::Value IRGen::emitPointeeAccess(const CallExpr &e,
                                     llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  const Type *pointee =
      llvm::cast<PointerType>(e.resolvedArgs[0]->type)->getPointee();
  // `load(i)` and `store(i, v)` take an index; the others reach `p[0]`.
  bool indexed = (e.builtin == Builtin::PtrLoad && args.size() == 2) ||
                 (e.builtin == Builtin::PtrStore && args.size() == 3);
  mlir::Value index =
      indexed ? args[1]
              : ConstantOp::create(builder, l,
                                   builder.getIntegerAttr(
                                       builder.getIntegerType(64, true), 0));
  mlir::Value ref = PtrElementOp::create(builder, l, args[0], index);
  switch (e.builtin) {
  case Builtin::PtrLoad:
    return LoadOp::create(builder, l, ref);
  case Builtin::PtrStore:
  case Builtin::PtrInit:
    // Into memory that holds no value: nothing to destroy first.
    StoreOp::create(builder, l, args.back(), ref);
    return {};
  case Builtin::PtrTake:
    return emitMove(ref, pointee, l);
  case Builtin::PtrDestroy:
    if (mlir::FlatSymbolRefAttr destructor = getDestructor(pointee))
      DestroyOp::create(builder, l, ref, destructor);
    return {};
  default:
    llvm_unreachable("not a pointee access");
  }
}

/// A `VariadicList[T]` over `values`, stored as the fields of one slot.
/// The `VariadicList` over `values`, stored side by side. A value with a
/// lifecycle stays where it is (a temporary's in a slot of its own): its
/// bits are stored, the storage it came from goes into `borrowed`.
mlir::Value IRGen::emitVariadicList(const Param &param,
                                    llvm::ArrayRef<Expr *> values,
                                    llvm::SmallVectorImpl<mlir::Value> &borrowed,
                                    mlir::Location l) {
  mlir::Type element = convertType(param.elementType);
  // One field at least, so that the pointer points somewhere.
  llvm::SmallVector<mlir::Type> fields(std::max<size_t>(values.size(), 1),
                                       element);
  mlir::Value storage = createSlot(
      StructValueType::get(&context, "variadic", fields), "variadic", l);
  mlir::Type elementRef = RefType::get(&context, element);
  for (auto [index, value] : llvm::enumerate(values)) {
    mlir::Value bits;
    if (isTrivial(value->type)) {
      bits = emitExpr(value);
    } else {
      borrowed.push_back(emitBorrow(value));
      bits = LoadOp::create(builder, l, borrowed.back());
    }
    StoreOp::create(builder, l, bits,
                    FieldRefOp::create(builder, l, elementRef, storage, index));
  }
  mlir::Value data = AddressOfOp::create(
      builder, l, PtrType::get(&context, element), storage);
  mlir::Value length = ConstantOp::create(
      builder, l,
      builder.getIntegerAttr(builder.getIntegerType(64, true), values.size()));
  // The list's fields: its data and its length.
  const StructDecl &list = llvm::cast<StructType>(param.type)->getDecl();
  mlir::Value slot = createStructSlot(list, "variadic.list", l);
  StoreOp::create(builder, l, data, getFieldRef(slot, list, 0, l));
  StoreOp::create(builder, l, length, getFieldRef(slot, list, 1, l));
  return LoadOp::create(builder, l, slot);
}

/// `(a, b)`: each element is stored into its field of a slot that owns
/// them one by one until the tuple is complete (an element may raise).
mlir::Value IRGen::emitTuple(const TupleExpr &e) {
  mlir::Location l = loc(e.getLoc());
  const StructDecl &decl = cast<StructType>(e.type)->getDecl();
  mlir::Value slot = createStructSlot(decl, "tuple", l);
  markOwner(slot, e.type, /*isDeinit=*/true);
  for (auto [index, element] : llvm::enumerate(e.elements))
    store(emitExpr(element.get()), getFieldRef(slot, decl, index, l),
          element->type, l);
  return MoveOp::create(builder, l, slot);
}

/// A collection literal: the collection `init` makes (given the number of
/// elements, when it takes one), filled by `add` with each row of values,
/// in a slot that owns it until it is complete.
mlir::Value IRGen::emitCollection(const Expr &e, const FnDecl *init,
                                  const FnDecl *add,
                                  llvm::ArrayRef<llvm::SmallVector<const Expr *, 2>> rows) {
  mlir::Location l = loc(e.getLoc());
  llvm::SmallVector<mlir::Value> initArgs;
  if (init->params.size() == 2)
    initArgs.push_back(ConstantOp::create(
        builder, l,
        builder.getIntegerAttr(builder.getIntegerType(64, true), rows.size())));
  const StructDecl &decl = llvm::cast<StructType>(e.type)->getDecl();
  mlir::Value slot = createStructSlot(decl, "literal", l);
  markOwner(slot, e.type, false);
  mlir::Value made =
      mlir::func::CallOp::create(builder, l, functions[init], initArgs)
          .getResult(0);
  store(made, slot, e.type, l);
  for (const auto &row : rows) {
    llvm::SmallVector<mlir::Value> args{slot};
    for (const Expr *value : row)
      args.push_back(emitExpr(value));
    mlir::func::CallOp::create(builder, l, functions[add], args);
  }
  return MoveOp::create(builder, l, slot);
}

/// `[a, b, c]`: a list with room for the elements, each appended; `{a, b}`
/// a set, each added.
mlir::Value IRGen::emitList(const ListExpr &e) {
  llvm::SmallVector<llvm::SmallVector<const Expr *, 2>> rows;
  for (const ExprPtr &element : e.elements)
    rows.push_back({element.get()});
  return emitCollection(e, e.init, e.append, rows);
}

/// `{k: v}`: a dict, each key given its value.
mlir::Value IRGen::emitDict(const DictExpr &e) {
  llvm::SmallVector<llvm::SmallVector<const Expr *, 2>> rows;
  for (size_t i = 0; i < e.keys.size(); ++i)
    rows.push_back({e.keys[i].get(), e.values[i].get()});
  return emitCollection(e, e.init, e.insert, rows);
}

/// A call of the C function `e.externalName`, declared on its first call.
mlir::Value IRGen::emitExternalCall(const CallExpr &e,
                                    llvm::ArrayRef<mlir::Value> args) {
  mlir::Location l = loc(e.getLoc());
  llvm::SmallVector<mlir::Type> results;
  if (mlir::Type result = convertType(e.type))
    results.push_back(result);
  auto fn = moduleOp.lookupSymbol<mlir::func::FuncOp>(e.externalName);
  if (!fn) {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(moduleOp.getBody());
    fn = mlir::func::FuncOp::create(
        builder, l, e.externalName,
        builder.getFunctionType(mlir::ValueRange(args).getTypes(), results));
    fn.setPrivate();
  }
  auto call = mlir::func::CallOp::create(builder, l, fn, args);
  return results.empty() ? mlir::Value() : call.getResult(0);
}
