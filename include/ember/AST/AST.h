//===- AST.h - Ember abstract syntax tree -----------------------*- C++ -*-===//
//
// The parser builds these nodes without any name lookup; Sema fills in the
// `Sema results` fields (types, resolved declarations) in place.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_AST_AST_H
#define EMBER_AST_AST_H

#include "ember/Basic/Rational.h"
#include "ember/Sema/Types.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ember {

class FnDecl;
class AliasDecl;
class StructDecl;
class TraitDecl;
class Scope;
struct LocalVar;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

enum class BinaryOperator {
  Add, Sub, Mul, Div, FloorDiv, Mod, Pow, BitAnd, BitOr, BitXor, Shl, Shr
};
enum class UnaryOperator { Neg, Plus, Invert, Not };
enum class CompareOperator { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };
enum class BoolOperator { And, Or };

const char *getSpelling(BinaryOperator op);
const char *getSpelling(UnaryOperator op);
const char *getSpelling(CompareOperator op);
const char *getSpelling(BoolOperator op);

class Expr {
public:
  enum class Kind {
    IntLiteral, FloatLiteral, StringLiteral, BoolLiteral, NoneLiteral,
    DTypeLiteral, Name,
    Unary, Binary, BoolOp, Compare, Call, Subscript, Attribute, Conditional,
    Tuple, List, Dict, Cast, Discard, Transfer, KeywordArg, Error
  };
  Expr(Kind kind, llvm::SMRange range) : kind(kind), range(range) {}
  virtual ~Expr() = default;

  Kind getKind() const { return kind; }
  llvm::SMRange getRange() const { return range; }
  llvm::SMLoc getLoc() const { return range.Start; }
  /// The parser learns where a node ends only after its children.
  void setRange(llvm::SMRange r) { range = r; }

  /// Sema result: the type of the value.
  const Type *type = nullptr;

private:
  Kind kind;
  llvm::SMRange range;
};
using ExprPtr = std::unique_ptr<Expr>;

template <Expr::Kind K> class ExprBase : public Expr {
public:
  explicit ExprBase(llvm::SMRange range) : Expr(K, range) {}
  static bool classof(const Expr *e) { return e->getKind() == K; }
};

class IntLiteralExpr : public ExprBase<Expr::Kind::IntLiteral> {
public:
  IntLiteralExpr(llvm::SMRange range, llvm::APInt value)
      : ExprBase(range), value(std::move(value)) {}
  /// The value, 128 bits wide so that out-of-range literals are caught.
  llvm::APInt value;
};

class FloatLiteralExpr : public ExprBase<Expr::Kind::FloatLiteral> {
public:
  FloatLiteralExpr(llvm::SMRange range, double value,
                   std::optional<Rational> exact = std::nullopt)
      : ExprBase(range), value(value), exact(std::move(exact)) {}
  /// The nearest double, and the exact value where it is known (a literal
  /// as written, and literal arithmetic folded by Sema).
  double value;
  std::optional<Rational> exact;
};

class StringLiteralExpr : public ExprBase<Expr::Kind::StringLiteral> {
public:
  StringLiteralExpr(llvm::SMRange range, std::string value)
      : ExprBase(range), value(std::move(value)) {}
  std::string value;
};

class BoolLiteralExpr : public ExprBase<Expr::Kind::BoolLiteral> {
public:
  BoolLiteralExpr(llvm::SMRange range, bool value)
      : ExprBase(range), value(value) {}
  bool value;
};

class NoneLiteralExpr : public ExprBase<Expr::Kind::NoneLiteral> {
public:
  using ExprBase::ExprBase;
};

/// A `DType` value, `DType.float32`: made by Sema, which names the scalar
/// type the dtype stands for.
class DTypeLiteralExpr : public ExprBase<Expr::Kind::DTypeLiteral> {
public:
  DTypeLiteralExpr(llvm::SMRange range, const Type *scalar)
      : ExprBase(range), scalar(scalar) {}
  const Type *scalar;
  /// The value a `DType` has at compile time and at run time.
  int64_t getCode() const { return static_cast<int64_t>(scalar->getKind()); }
};

class NameExpr : public ExprBase<Expr::Kind::Name> {
public:
  NameExpr(llvm::SMRange range, std::string name)
      : ExprBase(range), name(std::move(name)) {}
  std::string name;
  /// Sema results: exactly one is set for a value.
  LocalVar *local = nullptr;
  AliasDecl *alias = nullptr;
};

class UnaryExpr : public ExprBase<Expr::Kind::Unary> {
public:
  UnaryExpr(llvm::SMRange range, UnaryOperator op, ExprPtr operand)
      : ExprBase(range), op(op), operand(std::move(operand)) {}
  UnaryOperator op;
  ExprPtr operand;
};

class BinaryExpr : public ExprBase<Expr::Kind::Binary> {
public:
  BinaryExpr(llvm::SMRange range, BinaryOperator op, llvm::SMLoc opLoc,
             ExprPtr lhs, ExprPtr rhs)
      : ExprBase(range), op(op), opLoc(opLoc), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  BinaryOperator op;
  llvm::SMLoc opLoc;
  ExprPtr lhs, rhs;
  /// Made by Sema for `lhs op= rhs`, so that messages say `op=`.
  bool isAugmented = false;
};

class BoolOpExpr : public ExprBase<Expr::Kind::BoolOp> {
public:
  BoolOpExpr(llvm::SMRange range, BoolOperator op, ExprPtr lhs, ExprPtr rhs)
      : ExprBase(range), op(op), lhs(std::move(lhs)), rhs(std::move(rhs)) {}
  BoolOperator op;
  ExprPtr lhs, rhs;
};

/// `a < b <= c`: operands.size() == ops.size() + 1; each operand is
/// evaluated once.
class CompareExpr : public ExprBase<Expr::Kind::Compare> {
public:
  using ExprBase::ExprBase;
  std::vector<ExprPtr> operands;
  std::vector<CompareOperator> ops;
  std::vector<llvm::SMLoc> opLocs;
  /// Sema result: the common type of the operands.
  const Type *operandType = nullptr;
};

struct CallArgument {
  std::string keyword; ///< Empty for a positional argument.
  llvm::SMLoc keywordLoc;
  ExprPtr value;
};

enum class Builtin {
  None, Print, Range, Enumerate, Exit, Abs, Min, Max, Round, Len, Repr, Hash,
  // `conforms_to(T, Trait)`: a constant `Bool`; `materialize[v]()`, the
  // run-time value of a `comptime` one.
  ConformsTo, Materialize,
  // `rebind[T](x)`: `x`, whose type an instance makes `T`;
  // `simd_width_of[dtype]()`, a constant.
  Rebind, SimdWidthOf,
  // `parallelize[work](count, workers)` and the sequential `map[work](count)`:
  // the call of `work` each item makes is in `parts`. `parallelize[work](count,
  // ctx)` runs the items on the GPU: `parts` also has the context's check,
  // its handle and the grid to launch.
  Parallelize, GPUParallelize, SequentialMap,
  // `vectorize[work, width](count)`: `parts` has the calls `work[width](i)`
  // and `work[1](i)`; `lanes` the width and the unroll factor.
  Vectorize,
  // `x.copy()` of a `Copyable` struct.
  Copy,
  // The `math` module's functions of one float (or vector of floats)...
  Sqrt, Exp, Log, Sin, Cos, Tan, Floor, Ceil, Trunc, Rsqrt, Exp2, Log2, Log10,
  Tanh, Sinh, Cosh, Asin, Acos, Atan,
  // ... and of two, of one type (`fma`, of three, is `Fma` below).
  Pow, Atan2,
  // Pointers and memory: `alloc[T](n)`, `UnsafePointer[T]()`, the methods
  // of a pointer (`self` first), `memcpy`, `Int(p)`. An `alloc` with
  // `alignment=` has it in `lanes`.
  Alloc, PtrNull, PtrFree, PtrOffset, PtrLoad, PtrStore, PtrInit, PtrTake,
  PtrDestroy, PtrCast, Memcpy, PtrAddress,
  // `p.load[width=w](i)` and `p.store(i, v)` of a SIMD vector `v`.
  PtrLoadLanes, PtrStoreLanes,
  // A string literal's bytes and length.
  StrData, StrLength,
  // The library's intrinsics: a scalar's text into a buffer, bytes to
  // standard output.
  FormatScalar, PrintBytes, Fail,
  // `external_call["name", T](args)`: a C function.
  ExternalCall,
  // The library's storage intrinsics: `__uninitialized[T]()`, zero bits to
  // be written before use as a `T`; `__forget(x^)`, which ends a value
  // without its destructor.
  Uninitialized, Forget,
  // `__runtime_checks()`: false when the program is built without them.
  RuntimeChecks,
  // `writer.write(a, b)`: the calls in `parts`.
  WriteAll,
  // SIMD vectors: one made of its lanes (zeros without arguments); a lane
  // `(v, i)`; `v` with lane `i` replaced, `(v, i, x)`; the reductions of
  // all lanes to one; `lanes` picked from two vectors (`shuffle`);
  // `mask.select(a, b)`; `a * b + c` in one rounding.
  SIMDBuild, SIMDExtract, SIMDInsert, ReduceAdd, ReduceMul, ReduceMin,
  ReduceMax, ReduceAnd, ReduceOr, SIMDShuffle, SIMDSelect, Fma,
  // GPU kernels (module `gpu`): `thread_idx`, `block_idx`, `block_dim`,
  // `grid_dim`, `global_idx`, named; `thread_idx.x` is a call of GPUIndex
  // with `lanes` the kind (0..4, in that order; 5 for `lane_id()`) and the
  // dimension.
  GPUThreadIdx, GPUBlockIdx, GPUBlockDim, GPUGridDim, GPUGlobalIdx, GPUIndex,
  GPUBarrier,
  // `lane_id()`, the thread's lane in its warp; the library's
  // `__shuffle_idx(value, lane)`, `__shuffle_up(value, delta)`,
  // `__shuffle_down(value, delta)`, `__shuffle_xor(value, mask)`: warp
  // shuffles of a number, in that order.
  GPULaneId, GPUShuffleIdx, GPUShuffleUp, GPUShuffleDown, GPUShuffleXor,
  // `has_accelerator()` (and `has_nvidia_gpu_accelerator()`), a constant;
  // `has_amd_gpu_accelerator()` and `has_apple_gpu_accelerator()`, always
  // `False`; the library's `__gpu_emulated()`, whether the program was
  // built to emulate its GPU.
  HasAccelerator, HasOtherAccelerator, GPUEmulated,
  // `stack_allocation[count, T, address_space=...]()`: `lanes` the count
  // and the address space (3 for shared memory); `AddressSpace`, named.
  StackAllocation, AddressSpace,
  // The library's atomics: `__atomic_fetch_add(ptr, value)` and the like
  // give the value before.
  AtomicAdd, AtomicSub, AtomicMax, AtomicMin, AtomicExchange,
  // `ctx.enqueue_function[kernel](args..., grid_dim=, block_dim=)`:
  // `function` is the kernel; `resolvedArgs` the context's handle, the
  // grid's and the block's x, y, z, the shared bytes, then the kernel's
  // arguments; `parts` the check of the context that follows.
  GPULaunch
};

/// How an error raised at one place reaches its handler, whose error type
/// may differ: the raised value is kept in `raised` and `converted` (which
/// reads it) gives the handler's error. Both are null when the types agree.
struct ErrorConversion {
  LocalVar *raised = nullptr;
  ExprPtr converted;
};

class CallExpr : public ExprBase<Expr::Kind::Call> {
public:
  CallExpr(llvm::SMRange range, ExprPtr callee)
      : ExprBase(range), callee(std::move(callee)) {}
  ExprPtr callee;
  std::vector<CallArgument> args;

  /// Sema results: what is called, and the arguments in parameter order
  /// (a default value where the call gave none). A method call's first
  /// argument is the object; a construction `T(...)` calls an `__init__`.
  FnDecl *function = nullptr;
  const Type *conversionType = nullptr;
  Builtin builtin = Builtin::None;
  std::vector<Expr *> resolvedArgs;
  /// For `print`: the `sep` and `end` arguments, if given.
  Expr *printSep = nullptr, *printEnd = nullptr;
  /// Sema result: the arguments a variadic parameter takes.
  std::vector<Expr *> variadicArgs;
  /// Sema result: the calls a `write` expands to (Builtin::WriteAll).
  std::vector<ExprPtr> parts;
  /// Sema result, of a call of a raising function.
  ErrorConversion errorConversion;
  /// Sema result: the C function an `external_call` calls.
  std::string externalName;
  /// Sema result, of a call of a closure: the variables it captures, which
  /// `resolvedArgs` passes.
  std::vector<ExprPtr> captureArgs;
  /// Sema result, of Builtin::GPULaunch: the buffers whose pointers the
  /// kernel takes, which must live until the launch is done.
  std::vector<Expr *> keptAlive;
  /// Sema result, of Builtin::SIMDShuffle: the lanes of the result, as
  /// indices into the lanes of both operands in turn.
  std::vector<int64_t> lanes;
};

class SubscriptExpr : public ExprBase<Expr::Kind::Subscript> {
public:
  SubscriptExpr(llvm::SMRange range, ExprPtr base)
      : ExprBase(range), base(std::move(base)) {}
  ExprPtr base;
  std::vector<ExprPtr> indices;
};

class AttributeExpr : public ExprBase<Expr::Kind::Attribute> {
public:
  AttributeExpr(llvm::SMRange range, ExprPtr base, std::string name,
                llvm::SMRange nameRange)
      : ExprBase(range), base(std::move(base)), name(std::move(name)),
        nameRange(nameRange) {}
  ExprPtr base;
  std::string name;
  llvm::SMRange nameRange;
  /// Sema results: a field of the struct `base` has, or a `comptime`
  /// member of the struct `base` names.
  int fieldIndex = -1;
  AliasDecl *member = nullptr;
};

class ConditionalExpr : public ExprBase<Expr::Kind::Conditional> {
public:
  ConditionalExpr(llvm::SMRange range, ExprPtr cond, ExprPtr thenExpr,
                  ExprPtr elseExpr)
      : ExprBase(range), cond(std::move(cond)), thenExpr(std::move(thenExpr)),
        elseExpr(std::move(elseExpr)) {}
  ExprPtr cond, thenExpr, elseExpr;
};

class TupleExpr : public ExprBase<Expr::Kind::Tuple> {
public:
  using ExprBase::ExprBase;
  std::vector<ExprPtr> elements;
};

/// `[a, b, c]`: a `List` of the elements' type; `{a, b, c}` (`isSet`): a
/// `Set`.
class ListExpr : public ExprBase<Expr::Kind::List> {
public:
  using ExprBase::ExprBase;
  std::vector<ExprPtr> elements;
  bool isSet = false;
  /// The elements' type when no element or context gives it (Sema makes
  /// such a list of an empty value pack).
  const Type *elementType = nullptr;
  /// Sema results: the collection's `__init__` (a list's takes a
  /// `capacity`) and the method that adds an element (`append`, `add`).
  FnDecl *init = nullptr, *append = nullptr;
};

/// `{k1: v1, k2: v2}`: a `Dict` of the keys' and values' types.
class DictExpr : public ExprBase<Expr::Kind::Dict> {
public:
  using ExprBase::ExprBase;
  std::vector<ExprPtr> keys, values;
  /// Sema results: the dict's `__init__()` and `__setitem__`.
  FnDecl *init = nullptr, *insert = nullptr;
};

/// An implicit conversion that Sema inserts (e.g. Int to Bool in a
/// condition, Int to Float64 for `/`).
class CastExpr : public ExprBase<Expr::Kind::Cast> {
public:
  CastExpr(ExprPtr operand, const Type *to)
      : ExprBase(operand->getRange()), operand(std::move(operand)) {
    type = to;
  }
  ExprPtr operand;
};

/// `x^`: ends the lifetime of the variable `x` and gives its value away.
class TransferExpr : public ExprBase<Expr::Kind::Transfer> {
public:
  TransferExpr(llvm::SMRange range, ExprPtr operand)
      : ExprBase(range), operand(std::move(operand)) {}
  ExprPtr operand;
};

/// `name=value` in brackets: a compile-time parameter given by name, as in
/// `Box[T=Int]`.
class KeywordArgExpr : public ExprBase<Expr::Kind::KeywordArg> {
public:
  KeywordArgExpr(llvm::SMRange range, std::string name, ExprPtr value)
      : ExprBase(range), name(std::move(name)), value(std::move(value)) {}
  std::string name;
  ExprPtr value;
};

/// `_`: a target that drops the value assigned to it. It is never a
/// variable, so it cannot be read.
class DiscardExpr : public ExprBase<Expr::Kind::Discard> {
public:
  using ExprBase::ExprBase;
};

class ErrorExpr : public ExprBase<Expr::Kind::Error> {
public:
  using ExprBase::ExprBase;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

class Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

class Stmt {
public:
  enum class Kind {
    Expr, Var, Assign, AugAssign, If, While, For, Break, Continue, Pass,
    Return, Raise, Try, With, Alias, ComptimeAssert, Function, Error
  };
  Stmt(Kind kind, llvm::SMRange range) : kind(kind), range(range) {}
  virtual ~Stmt() = default;
  Kind getKind() const { return kind; }
  llvm::SMRange getRange() const { return range; }
  llvm::SMLoc getLoc() const { return range.Start; }
  void setRange(llvm::SMRange r) { range = r; }

private:
  Kind kind;
  llvm::SMRange range;
};

template <Stmt::Kind K> class StmtBase : public Stmt {
public:
  explicit StmtBase(llvm::SMRange range) : Stmt(K, range) {}
  static bool classof(const Stmt *s) { return s->getKind() == K; }
};

class ExprStmt : public StmtBase<Stmt::Kind::Expr> {
public:
  ExprStmt(llvm::SMRange range, ExprPtr expr)
      : StmtBase(range), expr(std::move(expr)) {}
  ExprPtr expr;
};

/// `var name[: type] [= init]`.
class VarStmt : public StmtBase<Stmt::Kind::Var> {
public:
  using StmtBase::StmtBase;
  std::string name;
  llvm::SMRange nameRange;
  ExprPtr typeExpr; ///< May be null.
  ExprPtr init;     ///< May be null.
  /// `ref name = value`: the name refers to the storage `value` is.
  bool isRef = false;
  LocalVar *local = nullptr; ///< Sema result.
};

/// `a = b`, `a = b = c`, `a, b = b, a`, `a, b = pair`; `var a, b = ...`
/// (`declares`) declares the names in the current scope.
class AssignStmt : public StmtBase<Stmt::Kind::Assign> {
public:
  using StmtBase::StmtBase;
  std::vector<ExprPtr> targets;
  ExprPtr value;
  bool declares = false;
  /// Sema results of `a, b = pair`: `pair` is kept in `unpackedLocal`,
  /// and `value` moves its elements out, `(tmp[0]^, tmp[1]^)`.
  ExprPtr unpacked;
  LocalVar *unpackedLocal = nullptr;
};

class AugAssignStmt : public StmtBase<Stmt::Kind::AugAssign> {
public:
  AugAssignStmt(llvm::SMRange range, BinaryOperator op, llvm::SMLoc opLoc,
                ExprPtr target, ExprPtr value)
      : StmtBase(range), op(op), opLoc(opLoc), target(std::move(target)),
        value(std::move(value)) {}
  BinaryOperator op;
  llvm::SMLoc opLoc;
  ExprPtr target, value;
  /// Sema result: `target op value`, sharing nothing with `target`, to
  /// store into `target`; or, when `inPlace`, a call of `__iop__` that
  /// changes `target` itself (and owns it).
  ExprPtr combined;
  bool inPlace = false;
  /// Sema results of `f() += v` (`f` returning a reference): the reference
  /// is bound once to `reference`, which `target` then names.
  ExprPtr referenced;
  LocalVar *reference = nullptr;
};

class IfStmt : public StmtBase<Stmt::Kind::If> {
public:
  using StmtBase::StmtBase;
  ExprPtr cond;
  Block thenBody;
  Block elseBody; ///< `elif` is an IfStmt alone in here.
  /// `comptime if`: only the branch the constant condition picks is
  /// checked and emitted (Sema result: `taken`).
  bool isComptime = false;
  bool taken = false;
};

class WhileStmt : public StmtBase<Stmt::Kind::While> {
public:
  using StmtBase::StmtBase;
  ExprPtr cond;
  Block body;
  Block elseBody;
};

class ForStmt : public StmtBase<Stmt::Kind::For> {
public:
  using StmtBase::StmtBase;
  ExprPtr target;
  ExprPtr iterable;
  /// `for ref x in`: `x` may change the element it refers to; `for var x
  /// in`: `x` is a copy of it, which the body may change.
  bool refTarget = false, varTarget = false;
  Block body;
  Block elseBody;
  LocalVar *local = nullptr; ///< Sema result: the loop variable.
  /// `for a, b in pairs` (Sema results): the loop variable is a hidden
  /// one, and each name refers to an element of it. `for i, x in
  /// enumerate(container)`: `i` is `index`, a copy of the counter.
  std::vector<LocalVar *> unpacked;
  LocalVar *index = nullptr;
  /// `for x in container` (Sema results): the loop counts `counter` up to
  /// `length` (`container.__len__()`), and `x` is `item`
  /// (`container.__getitem__(counter)`); a container that is not a
  /// variable is kept in `container` first.
  ExprPtr length, item;
  LocalVar *counter = nullptr, *container = nullptr;
  /// `comptime for`: the body is copied once per value of the range, in
  /// which the loop variable is a `comptime` value (Sema results).
  bool isComptime = false;
  std::vector<Block> unrolled;
  std::vector<std::unique_ptr<AliasDecl>> iterationValues;
};

class BreakStmt : public StmtBase<Stmt::Kind::Break> {
public:
  using StmtBase::StmtBase;
};
class ContinueStmt : public StmtBase<Stmt::Kind::Continue> {
public:
  using StmtBase::StmtBase;
};
class PassStmt : public StmtBase<Stmt::Kind::Pass> {
public:
  using StmtBase::StmtBase;
  /// Spelled `...`: the body of a trait method without a default.
  bool isEllipsis = false;
};

class ReturnStmt : public StmtBase<Stmt::Kind::Return> {
public:
  ReturnStmt(llvm::SMRange range, ExprPtr value)
      : StmtBase(range), value(std::move(value)) {}
  ExprPtr value; ///< May be null.
};

/// `raise value`, or a bare `raise` in an `except` block, which raises the
/// caught error again.
class RaiseStmt : public StmtBase<Stmt::Kind::Raise> {
public:
  RaiseStmt(llvm::SMRange range, ExprPtr value)
      : StmtBase(range), value(std::move(value)) {}
  ExprPtr value; ///< May be null.
  /// Sema results: of a bare `raise`, the caught error.
  LocalVar *reraised = nullptr;
  ErrorConversion conversion;
};

/// `try:` with `except [name]:`, `else:` and `finally:` blocks (an `except`
/// or a `finally` at least).
class TryStmt : public StmtBase<Stmt::Kind::Try> {
public:
  using StmtBase::StmtBase;
  Block body;
  bool hasExcept = false, hasFinally = false;
  std::string errorName; ///< Empty for a bare `except:`.
  llvm::SMRange errorNameRange;
  Block handler, elseBody, finallyBody;
  /// Sema result: the caught error (a hidden variable without a name).
  LocalVar *error = nullptr;
};

/// One context manager of a `with`: `manager [as target]`.
struct WithItem {
  ExprPtr manager;
  ExprPtr target; ///< May be null.
  /// Sema results: the manager is kept in `managerLocal`; `enter` calls its
  /// `__enter__` (binding `target`); `exit` calls `__exit__()` and
  /// `exitWithError` the `__exit__(error) -> Bool` that sees an error
  /// (kept in `error`) and says whether it is handled. Either may be null.
  /// An error it does not handle goes on through `propagation`.
  LocalVar *managerLocal = nullptr;
  StmtPtr enter;
  ExprPtr exit, exitWithError;
  LocalVar *error = nullptr;
  ErrorConversion propagation;
};

/// `with a [as x], b [as y]: body`.
class WithStmt : public StmtBase<Stmt::Kind::With> {
public:
  using StmtBase::StmtBase;
  std::vector<WithItem> items;
  Block body;
};

/// `comptime assert cond, "message"`: checked when the code is checked
/// (in each instance of a template), never at run time.
class ComptimeAssertStmt : public StmtBase<Stmt::Kind::ComptimeAssert> {
public:
  using StmtBase::StmtBase;
  unsigned unit = 0; ///< Of one at module level, as FnDecl::unit.
  ExprPtr cond;
  ExprPtr message; ///< May be null.
};

class ErrorStmt : public StmtBase<Stmt::Kind::Error> {
public:
  using StmtBase::StmtBase;
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

/// A compile-time parameter: `T: Trait` (a type, bounded by traits joined
/// with `&`) or `n: Int` (a value), with an optional default.
struct CompileTimeParam {
  std::string name;
  llvm::SMRange nameRange;
  ExprPtr typeExpr;
  ExprPtr defaultValue;
  /// Before `//`: inferred from the arguments, never written at calls.
  bool inferOnly = false;
  /// `*Ts: Trait` or `*values: Int`: a pack of the remaining positional
  /// parameters; after it, or after a bare `*`, they are keyword-only.
  bool isVariadic = false;
  bool keywordOnly = false;
};

/// `comptime NAME[: type] = value` (also spelled `alias`), at module level
/// or in a function body. With compile-time parameters,
/// `comptime AddOne[a: Int] = a + 1` is a template: each distinct
/// `AddOne[8]` is an instance, checked with the parameters bound.
class AliasDecl : public StmtBase<Stmt::Kind::Alias> {
public:
  using StmtBase::StmtBase;
  std::string name;
  llvm::SMRange nameRange;
  std::vector<CompileTimeParam> compileTimeParams;
  ExprPtr typeExpr; ///< May be null.
  ExprPtr value;
  bool checked = false; ///< Sema result: `value` has been checked.
  unsigned unit = 0;    ///< Of one at module level, as FnDecl::unit.
  bool isModuleLevel = false;
  /// Sema results: the type it names, if `value` is a type
  /// (`comptime IntList = List[Int]`); of a template, its instances by
  /// parameter values; of an instance, the values it binds.
  const Type *namedType = nullptr;
  bool namesType = false; ///< Of a template: its instances name types.
  bool namesTraits = false; ///< `comptime C = Equatable & Copyable`.
  std::vector<std::pair<std::string, std::unique_ptr<AliasDecl>>> instances;
  std::vector<std::unique_ptr<AliasDecl>> boundValues;
  bool isTemplate() const { return !compileTimeParams.empty(); }
};

enum class ArgConvention { Read, Mut, Owned, Out, Ref, Deinit };

const char *getSpelling(ArgConvention convention);

struct Param {
  std::string name;
  llvm::SMRange nameRange;
  ArgConvention convention = ArgConvention::Read;
  /// After a `*` marker: may only be passed by keyword.
  bool keywordOnly = false;
  /// `*values: T`: the remaining positional arguments, as a
  /// `VariadicList[T]`.
  bool isVariadic = false;
  /// `*args: *Ts`: the arguments' types are the pack `Ts`, one each; an
  /// instance has one argument per type instead (`args` is a pack).
  bool isPack = false;
  const Type *elementType = nullptr; ///< Sema result, of a variadic one.
  ExprPtr typeExpr; ///< May be null for an untyped `def` argument.
  ExprPtr defaultValue;
  /// `ref[origin] name`: the name of the argument's origin, if given.
  std::string originName;
  const Type *type = nullptr; ///< Sema result.
  LocalVar *local = nullptr;  ///< Sema result.
  /// Sema result: the function returns a reference into this argument's
  /// value, so it is passed by reference whatever its type.
  bool isResultOrigin = false;
  /// Sema result, of a closure: the variable of the enclosing function
  /// this hidden argument captures, which each call passes.
  LocalVar *capturedFrom = nullptr;
};

/// An entry of a closure's capture list: `imm x`, `mut y`, `var z^`, a
/// bare `x` (read); without a name, the convention of every outer value
/// the body uses (`{mut}`, `{var^}`).
struct CaptureDecl {
  std::string name; ///< Empty for the default convention.
  llvm::SMRange range;
  ArgConvention convention = ArgConvention::Read;
  bool transfer = false;
};


class FnDecl {
public:
  /// The source unit that declares it (an index into `Module::units`).
  unsigned unit = 0;
  bool isDef = false;
  bool raises = false;
  /// `@staticmethod`: a method without `self`.
  bool isStatic = false;
  /// `@implicit` on an `__init__`: it converts implicitly from its argument.
  bool isImplicit = false;
  /// The struct this function is a method of, or null.
  StructDecl *parent = nullptr;
  /// A trait method whose body is `...`: conforming structs must define it.
  bool isRequired = false;
  /// Declared by the standard library: emitted only where a program uses it.
  bool isLibrary = false;
  /// `def f[T: Trait, n: Int](...)`: a template, never checked or emitted
  /// itself; each distinct set of parameter values makes an instance.
  std::vector<CompileTimeParam> compileTimeParams;
  std::string name;
  llvm::SMRange nameRange;
  llvm::SMRange range;
  std::vector<Param> params;
  ExprPtr resultTypeExpr; ///< May be null (returns None).
  /// `-> ref[origin] T`: returns a reference into the value of the argument
  /// `origin` names (`resultOrigin`, a Sema result), not a value.
  bool returnsRef = false;
  ExprPtr resultOriginExpr;
  int resultOrigin = -1;
  /// `raises Type`; null for a plain `raises` (an `Error`).
  ExprPtr raisedTypeExpr;
  /// `where cond`: a constant condition on compile-time parameters; a
  /// function (or instance, or method of a struct instance) whose
  /// condition is false cannot be called, and its body is not checked.
  /// Sema caches the answer in `constraintMet`.
  ExprPtr constraint;
  std::optional<bool> constraintMet;
  Block body;

  /// Sema results. A raising function's `raisedType` is what it raises.
  const Type *resultType = nullptr;
  const Type *raisedType = nullptr;
  std::vector<std::unique_ptr<LocalVar>> locals;
  /// Of a template: its instances, by their parameter values (`[Int, 3]`).
  std::vector<std::pair<std::string, std::unique_ptr<FnDecl>>> instances;
  /// Of an instance: the parameter values, the scope that binds them, and
  /// how many instances deep it was requested.
  std::string instanceSuffix;
  Scope *outerScope = nullptr;
  std::vector<std::unique_ptr<AliasDecl>> boundValues;
  unsigned instanceDepth = 0;
  /// An instance of an untyped `def` without `->`: its result type is that
  /// of its first returned value, known once its body is checked.
  bool inferResult = false;
  /// A template: compile-time parameters, `Some[Trait]` or untyped
  /// arguments.
  bool isGeneric = false;
  /// A method of an instance of a library struct, whose body is checked
  /// (and which is emitted) only once a call needs it: `List[T]`'s
  /// `__contains__` uses `==`, which not every `T` has. `isRequested` once
  /// a call needed it.
  bool isDeferred = false, isRequested = false;
  bool bodyChecked = false; ///< Sema: checkFunctionBody ran.
  /// Sema: its result is `Never`: it raises or stops the program, and never
  /// returns (its result type is then `None`).
  bool neverReturns = false;
  /// Sema: a call to it was checked while it did not raise, so it may no
  /// longer start to (a `def` without `raises` that raises, see
  /// Sema::raiseImplicitly).
  bool raisingObserved = false;
  /// Sema result: launched as a GPU kernel, so also compiled for the GPU.
  bool isKernel = false;
  /// A function declared in another's body (`enclosing`, Sema), with its
  /// capture list if it has one.
  bool isNested = false, hasCaptureList = false;
  std::vector<CaptureDecl> captures;
  FnDecl *enclosing = nullptr;
  /// Sema results, of a closure: its captures, made arguments after the
  /// body is checked; the copies `var` captures make, each set to its value
  /// where the closure is defined.
  struct Capture {
    LocalVar *outer, *inner;
    ArgConvention convention;
  };
  std::vector<Capture> captured;
  std::vector<std::pair<LocalVar *, ExprPtr>> snapshots;
};

/// A field `var name: Type` of a struct.
struct FieldDecl {
  std::string name;
  llvm::SMRange nameRange;
  ExprPtr typeExpr;
  const Type *type = nullptr; ///< Sema result.
};

/// `struct Name(Trait, ...):` with fields, methods and `comptime` members.
class StructDecl {
public:
  unsigned unit = 0; ///< As FnDecl::unit.
  std::string name;
  llvm::SMRange nameRange;
  llvm::SMRange range;
  std::vector<ExprPtr> traits;
  /// Of each trait, the `where` condition it conforms under, or null.
  std::vector<ExprPtr> traitConditions;
  std::vector<FieldDecl> fields;
  std::vector<std::unique_ptr<FnDecl>> methods;
  std::vector<std::unique_ptr<AliasDecl>> members;
  /// `@fieldwise_init` (or the older `@value`, which also makes the struct
  /// copyable): an `__init__` taking every field is synthesized.
  bool fieldwiseInit = false;
  /// Declared by the standard library.
  bool isLibrary = false;
  bool valueDecorator = false;
  llvm::SMRange decoratorRange;
  /// A tuple type `Tuple[A, B]`, which Sema makes: its fields are the
  /// elements `_0`, `_1`, ...
  bool isTuple = false;
  /// `struct Box[T: Movable]`: a template; `Box[Int]` is an instance.
  std::vector<CompileTimeParam> compileTimeParams;

  /// Sema results.
  std::unique_ptr<StructType> type;
  bool implicitlyCopyable = false, copyable = false;
  /// The user traits it conforms to, with their ancestors.
  std::vector<TraitDecl *> conformances;
  /// Of a template: its instances by parameter values; of an instance, the
  /// scope that binds them.
  std::vector<std::pair<std::string, std::unique_ptr<StructDecl>>> instances;
  Scope *outerScope = nullptr;
  std::vector<std::unique_ptr<AliasDecl>> boundValues;
  bool isTemplate() const { return !compileTimeParams.empty(); }
  /// Fields have been resolved; `resolving` catches a struct that contains
  /// itself.
  bool fieldsResolved = false, resolving = false;
  /// The lifecycle methods it defines: `__deinit__` [`__del__`], the copy
  /// `__init__(out self, *, copy: Self)` [`__copyinit__`] and the move
  /// `__init__(out self, *, deinit take: Self)` [`__moveinit__`].
  FnDecl *destructor = nullptr, *copyInit = nullptr, *moveInit = nullptr;
  /// Whether destroying, copying or moving a value runs code, because the
  /// struct or one of its fields (at any depth) defines it. A struct with
  /// none of them is trivial: its values are plain bits.
  bool hasDestructor() const;
  bool hasCustomCopy() const;
  bool hasCustomMove() const;
  bool isTrivial() const;
  int findField(llvm::StringRef fieldName) const;
  std::vector<FnDecl *> findMethods(llvm::StringRef methodName) const;
};

/// `trait Name(Parent, ...):` with the methods conforming structs provide;
/// a method with a body is the default for structs that do not define it.
class TraitDecl {
public:
  unsigned unit = 0; ///< As FnDecl::unit.
  std::string name;
  llvm::SMRange nameRange;
  llvm::SMRange range;
  std::vector<ExprPtr> parents;
  std::vector<std::unique_ptr<FnDecl>> methods;

  /// Sema results: the traits this one refines, directly or not.
  std::vector<TraitDecl *> ancestors;
  bool resolved = false, resolving = false;
};

/// `import a.b` or `from a.b import x [as y], ...`.
struct ImportDecl {
  unsigned unit = 0; ///< The unit that imports.
  /// The module, without the `std.` that Mojo 1.x spells library modules
  /// with, and as written (`std.time`), which `import` binds.
  std::string module, spelling;
  llvm::SMRange moduleRange;
  std::string asName; ///< Of `import a.b as c`.
  /// The unit of the module, when it is a source file; -1 for the modules
  /// the compiler provides, or one that was not found; kImportCycle for
  /// one that imports its importer (reported already).
  int target = -1;
  static constexpr int kImportCycle = -2;
  struct Name {
    std::string name, asName;
    llvm::SMRange range;
  };
  std::vector<Name> names; ///< Empty for `import module`.
  /// `from m import *`: Sema fills `names` with the module's public ones.
  bool importsAll = false;
  llvm::SMRange starRange;
};

/// A function declared in a function's body: a nested function, or a
/// closure when it has a capture list.
class FunctionStmt : public StmtBase<Stmt::Kind::Function> {
public:
  FunctionStmt(llvm::SMRange range, std::unique_ptr<FnDecl> fn)
      : StmtBase(range), fn(std::move(fn)) {}
  std::unique_ptr<FnDecl> fn;
};

/// A local variable or an argument, made by Sema.
struct LocalVar {
  std::string name;
  llvm::SMRange declRange;
  const Type *type = nullptr;
  /// The function whose variable it is (Sema).
  const FnDecl *owner = nullptr;
  bool isMutable = true;
  /// False for `read`, `mut` and `ref` arguments and `ref` bindings, whose
  /// value another owns.
  bool ownsValue = true;
  /// A `ref` argument or binding: it stands for storage elsewhere, that of
  /// `refersTo` when that is a variable.
  bool isRef = false;
  LocalVar *refersTo = nullptr;
  /// Written to, or passed where it may be: a `ref` argument that is must
  /// be given a mutable value.
  bool isWritten = false;
  /// What a closure captured, under the outer variable's name.
  bool isCapture = false;
  /// A `deinit` argument: its value is never destroyed as a whole, its
  /// fields are, one by one, and they may be moved out.
  bool isDeinit = false;
};

/// Whether evaluating the checked expression `e` may raise an error.
bool mayRaise(const Expr &e);

/// A file of a program: the main file, a module it imports, or the
/// library's prelude, whose names every unit sees.
struct SourceUnit {
  std::string name;
  std::string path; ///< Empty for the library's.
  bool isPrelude = false;
};

/// A program: the declarations of all its source units.
struct Module {
  std::string name;
  /// Unit 0 is the main file. `unitOrder` has each unit after those it
  /// imports.
  std::vector<SourceUnit> units;
  std::vector<unsigned> unitOrder;
  std::vector<std::unique_ptr<TraitDecl>> traits;
  std::vector<std::unique_ptr<StructDecl>> structs;
  /// The tuple types the program uses, which Sema makes.
  std::vector<std::unique_ptr<StructDecl>> tuples;
  /// The functions declared in function bodies (whose statements own
  /// them), checked and to be emitted.
  std::vector<FnDecl *> localFunctions;
  std::vector<std::unique_ptr<FnDecl>> functions;
  std::vector<std::unique_ptr<AliasDecl>> aliases;
  std::vector<std::unique_ptr<ComptimeAssertStmt>> asserts;
  std::vector<ImportDecl> imports;
  /// The bits of the target's widest SIMD register (`simd_width_of`).
  unsigned vectorRegisterBits = 128;
  /// Whether the program is built for a GPU (`has_accelerator()`), asked
  /// only when a program wants to know (finding a GPU takes time); and
  /// whether that GPU is the emulator (`--gpu=emulate`).
  std::function<bool()> hasAccelerator = [] { return false; };
  bool gpuEmulated = false;
  /// The kernels the program launches, in the order first seen (Sema).
  std::vector<FnDecl *> kernels;

  /// Moves the declarations of `file` (parsed alone) into unit `unit`,
  /// ahead of the others when `first`; library ones are marked so.
  void merge(Module &file, unsigned unit, bool isLibrary, bool first);
};

} // namespace ember

#endif
