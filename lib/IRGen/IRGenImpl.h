//===- IRGenImpl.h - State of the AST to ember dialect emitter --*- C++ -*-===//

#ifndef EMBER_LIB_IRGEN_IRGENIMPL_H
#define EMBER_LIB_IRGEN_IRGENIMPL_H

#include "ember/IRGen/IRGen.h"

#include "ember/Dialect/Ember/IR/EmberOps.h"
#include "ember/Sema/Types.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace ember {

class IRGen {
public:
  IRGen(const Module &module, mlir::MLIRContext &context,
        llvm::SourceMgr &sourceMgr);

  mlir::OwningOpRef<mlir::ModuleOp> emit();

private:
  //===--- Functions and statements (IRGen.cpp) ---------------------------===//
  mlir::Location loc(llvm::SMLoc l);
  mlir::Type convertType(const Type *type);
  void declareFunction(const FnDecl &fn);
  std::string getUniqueSymbol(const FnDecl &fn);
  std::string getDeclSymbol(unsigned unit, bool isLibrary,
                            llvm::StringRef name);
  std::string getUniqueSymbol(std::string base);
  void removeUnusedLibraryFunctions();
  std::vector<const StructDecl *> getEmittedStructs();
  std::vector<const FnDecl *> getEmittedFunctions();
  void emitFunction(const FnDecl &fn);
  void emitReturn(mlir::Value value, mlir::Location l);
  void emitEntryPoint();
  const FnDecl *getReportFunction();
  mlir::Value createSlot(mlir::Type type, llvm::StringRef name,
                         mlir::Location l);
  mlir::Value getLocal(const LocalVar *local);
  mlir::Value createLocalSlot(const LocalVar *local, bool owner);
  mlir::Block *newBlock();
  void enterBlock(mlir::Block *block);
  bool isTerminated();
  void branchTo(mlir::Block *dest, mlir::Location l);
  void emitBlock(const Block &block);
  void emitStmt(const Stmt *stmt);
  void emitIf(const IfStmt &s);
  void emitWhile(const WhileStmt &s);
  void emitFor(const ForStmt &s);
  void emitUnrolledFor(const ForStmt &s);
  void emitContainerFor(const ForStmt &s);
  void emitIncrement(mlir::Value counter, mlir::Value step, mlir::Location l);
  void emitLoopExit(const Block &elseBody, mlir::Block *elseBlock,
                    mlir::Block *exit, mlir::Location l);
  void emitAssign(const AssignStmt &s);
  void store(const Expr *target, mlir::Value value);
  mlir::Value emitLValue(const Expr *e);

  //===--- Ownership (IRGenLifecycle.cpp) ---------------------------------===//
  static bool isTrivial(const Type *type);
  static bool isPassedByReference(const Param &param);
  void declareLifecycle(const StructDecl &decl);
  mlir::FlatSymbolRefAttr getDestructor(const Type *type);
  void markOwner(mlir::Value slot, const Type *type, bool isDeinit);
  mlir::Value emitCopy(mlir::Value ref, const Type *type, mlir::Location l);
  mlir::Value emitMove(mlir::Value ref, const Type *type, mlir::Location l);
  mlir::Value emitTemporary(mlir::Value value, const Type *type,
                            mlir::Location l);
  mlir::Value emitOwned(const Expr *e);
  mlir::Value emitBorrow(const Expr *e);
  void store(mlir::Value value, mlir::Value ref, const Type *type,
             mlir::Location l);
  void emitDiscarded(const Expr *e);
  void beginSynthesized(mlir::func::FuncOp fn);
  mlir::Value createStructSlot(const StructDecl &decl, llvm::StringRef name,
                               mlir::Location l);
  mlir::Value getFieldRef(mlir::Value base, const StructDecl &decl,
                          unsigned index, mlir::Location l);
  void emitSynthesizedDestroy(const StructDecl &decl);
  void emitSynthesizedCopy(const StructDecl &decl);
  void emitSynthesizedMove(const StructDecl &decl);
  void emitSynthesizedLifecycles();

  //===--- Errors and cleanups (IRGenError.cpp) ---------------------------===//
  mlir::Value emitNoValue(mlir::Type type, mlir::Location l);
  mlir::Block *getHandlerBlock();
  mlir::Block *newHandlerBlock(const Type *type, mlir::Location l);
  void emitRaise(mlir::Value error, const ErrorConversion &conversion,
                 mlir::Location l);
  mlir::Value emitRaisingCallResult(mlir::func::CallOp call,
                                    const ErrorConversion &conversion,
                                    mlir::Location l);
  void emitRaiseStmt(const RaiseStmt &s);
  void emitCleanups(size_t depth);
  void pushCleanup(const Block *finallyBody, const Expr *exit);
  void emitHandler(mlir::Block *block,
                   llvm::function_ref<void(mlir::Value)> emitBody);
  void emitPassingHandler(mlir::Block *block, const Type *type,
                          llvm::function_ref<void()> emitCleanup,
                          mlir::Location l);
  void emitTry(const TryStmt &s);
  void emitWith(const WithStmt &s, size_t index = 0);

  //===--- Expressions (IRGenExpr.cpp) ------------------------------------===//
  mlir::Value emitExpr(const Expr *e);
  mlir::Value emitValue(const Expr *e);
  mlir::Value emitConstant(const Expr *e, mlir::Type type);
  mlir::Value emitZero(mlir::Type type, mlir::Location l);
  mlir::Value emitUnary(const UnaryExpr &e);
  mlir::Value emitBinary(const BinaryExpr &e);
  mlir::Value emitBoolOp(const BoolOpExpr &e);
  mlir::Value emitCompare(const CompareExpr &e);
  mlir::Value emitConditional(const ConditionalExpr &e);
  mlir::Value emitCall(const CallExpr &e, mlir::Value self = nullptr);
  mlir::Value emitCollection(
      const Expr &e, const FnDecl *init, const FnDecl *add,
      llvm::ArrayRef<llvm::SmallVector<const Expr *, 2>> rows);
  mlir::Value emitList(const ListExpr &e);
  mlir::Value emitTuple(const TupleExpr &e);
  mlir::Value emitDict(const DictExpr &e);
  mlir::Value emitVariadicList(const Param &param,
                               llvm::ArrayRef<Expr *> values,
                               llvm::SmallVectorImpl<mlir::Value> &borrowed,
                               mlir::Location l);
  mlir::Value emitAttribute(const AttributeExpr &e);
  mlir::Value emitBuiltinCall(const CallExpr &e);
  mlir::Value emitExternalCall(const CallExpr &e,
                               llvm::ArrayRef<mlir::Value> args);
  void emitPrintOfWritables(const CallExpr &e, mlir::Value sep,
                            mlir::Value end);
  mlir::Value emitPointeeAccess(const CallExpr &e,
                                llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitRound(llvm::ArrayRef<mlir::Value> args, mlir::Location l);
  mlir::Value emitCast(mlir::Value value, mlir::Type to, mlir::Location l);
  mlir::Value emitArgument(const Param &param, const Expr *arg);
  // SIMD vectors (IRGenSIMD.cpp).
  mlir::Value emitVectorZero(mlir::VectorType type, mlir::Location l);
  mlir::Value emitVectorCast(mlir::Value value, mlir::Type to,
                             mlir::Location l);
  mlir::Value emitReduction(mlir::vector::CombiningKind kind,
                            mlir::Value vector, mlir::Location l);
  mlir::Value emitSIMDBuiltin(const CallExpr &e,
                              llvm::ArrayRef<mlir::Value> args);
  // GPU kernels (IRGenGPU.cpp).
  mlir::Value emitGPUIndex(const CallExpr &e);
  mlir::Value emitGPULaunch(const CallExpr &e,
                            llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitGPUParallel(const CallExpr &e,
                              llvm::ArrayRef<mlir::Value> args);
  mlir::func::FuncOp getParallelKernel(const FnDecl &work,
                                       mlir::TypeRange captures,
                                       mlir::Location l);
  // parallelize (IRGenParallel.cpp).
  mlir::Value emitParallel(const CallExpr &e,
                           llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitSequentialMap(const CallExpr &e,
                                llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitVectorize(const CallExpr &e,
                            llvm::ArrayRef<mlir::Value> args);
  mlir::Value emitItemIndex(const CallExpr &e, mlir::Location l);
  void emitWhileFits(mlir::Value slot, mlir::Value count, int64_t span,
                     llvm::function_ref<void()> body, mlir::Location l);
  mlir::Value emitComparison(CompareOperator op, mlir::Value lhs,
                             mlir::Value rhs, mlir::Location l,
                             bool laneByLane);
  mlir::Value emitSelectBy(CmpPredicate pred, mlir::Value a, mlir::Value b,
                           mlir::Location l);

  const Module &module;
  mlir::MLIRContext &context;
  llvm::SourceMgr &sourceMgr;
  mlir::OpBuilder builder;
  mlir::ModuleOp moduleOp;
  mlir::StringAttr fileName;

  llvm::DenseMap<const FnDecl *, mlir::func::FuncOp> functions;
  /// The kernel that runs the items of `parallelize[work](count, ctx)`.
  llvm::DenseMap<const FnDecl *, mlir::func::FuncOp> parallelKernels;
  /// The functions that destroy, copy and move a struct's values, where it
  /// has them.
  struct Lifecycle {
    mlir::func::FuncOp destroy, copy, move;
  };
  llvm::DenseMap<const StructDecl *, Lifecycle> lifecycles;
  std::vector<const StructDecl *> lifecycleDecls;
  llvm::StringSet<> usedSymbols;
  mlir::func::FuncOp currentFn;
  const FnDecl *currentDecl = nullptr;
  /// The slot of `out self` in an `__init__`, which is what it returns.
  mlir::Value outSelf;
  llvm::DenseMap<const LocalVar *, mlir::Value> locals;
  struct LoopTargets {
    mlir::Block *breakDest, *continueDest;
    /// The cleanups outside the loop, which `break` and `continue` keep.
    size_t cleanupDepth;
  };
  llvm::SmallVector<LoopTargets> loops;
  /// Where errors go (innermost last): a block taking an error of `type`.
  /// The function's own exit is made on first use; a function that does
  /// not raise has no `type` there.
  struct ErrorTarget {
    mlir::Block *block;
    const Type *type;
  };
  llvm::SmallVector<ErrorTarget> handlers;
  /// A `finally` block or a manager's `__exit__()` call that code leaving
  /// it runs, with the handlers and loops outside it.
  struct Cleanup {
    const Block *finallyBody;
    const Expr *exit;
    size_t handlerDepth, loopDepth;
  };
  llvm::SmallVector<Cleanup> cleanups;
};

} // namespace ember

#endif
